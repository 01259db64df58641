"""Parse our own sentences and build entities by hand, so claim tests do not depend on the entity recognizer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from entity_helpers import pipeline
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import Attribution, Claim, Document, Entity, EntityType, Span
from claimgraph.nlp.attribution.reported import attributions_and_stances
from claimgraph.nlp.claims.assembly import find_claims


def nlp() -> Language:
    """The session's one loaded pipeline (shared with the entity tests: the model loads once)."""
    return pipeline()


@dataclass
class Analysed:
    doc: Doc
    entities: list[Entity]
    attributions: list[Attribution]
    claims: list[Claim]
    stances: list[Attribution]  # attributed stances and intentions, kept apart from the assertions

    def eid(self, name: str) -> str:
        return next(e.id for e in self.entities if e.name == name)

    def name(self, eid: str | None) -> str | None:
        return next((e.name for e in self.entities if e.id == eid), None)

    def relations(self) -> set[tuple[str | None, str, str | None, str]]:
        """(subject name, predicate, object name or literal, polarity) of every claim."""
        return {
            (self.name(c.subject), c.predicate, self.name(c.object) or c.object_literal, c.polarity)
            for c in self.claims
        }


def analyse(
    text: str,
    names: dict[str, EntityType],
    aliases: dict[str, list[str]] | None = None,
    descriptions: dict[str, list[str]] | None = None,
    *,
    rules_only: bool = False,
) -> Analysed:
    """Entities for ``names`` with a mention at every whole-word occurrence of the name or an alias.

    ``rules_only`` leaves out the learned relation classifier, to test a rule on its own.
    """
    entities = [
        Entity(f"e{n}", name, etype, list((aliases or {}).get(name, [])), list((descriptions or {}).get(name, [])))
        for n, (name, etype) in enumerate(names.items(), 1)
    ]
    forms = sorted(((form, e) for e in entities for form in (e.name, *e.aliases)), key=lambda fe: -len(fe[0]))
    taken: list[tuple[int, int]] = []
    for form, entity in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                entity.mentions.append(Span(m.start(), m.end(), m.group()))
                taken.append(m.span())
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
    doc = nlp()(text)
    attributions, stances = attributions_and_stances(doc, entities)
    document = Document(id="sha256:test", source_path="test.txt", text=text)
    claims = find_claims(doc, document, entities, attributions, model=None if rules_only else "shipped")
    return Analysed(doc, entities, attributions, claims, stances)
