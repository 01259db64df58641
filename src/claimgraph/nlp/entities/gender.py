"""Which people the article marks as women or men, so "she" does not resolve to a man.

The evidence is only what the article writes next to a name: an honorific
("Mrs", "Mr"), a gendered role in apposition ("his mother, Vasiliki
Scurfield"; "Amer Matar, a father of two"), or a gendered word in the
entity's descriptions.  People without such evidence stay unmarked and any
pronoun may refer to them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Entity
from claimgraph.nlp import lexicon

FEMALE, MALE = "f", "m"
PRONOUNS = {
    **dict.fromkeys(("she", "her", "hers", "herself"), FEMALE),
    **dict.fromkeys(("he", "him", "his", "himself"), MALE),
}


def _of_word(word: str) -> str | None:
    words = lexicon.speech()
    lower = word.lower().rstrip(".")
    return FEMALE if lower in words.female_words else MALE if lower in words.male_words else None


def genders(
    doc: Doc, entities: list[Entity], token_entity: dict[int, str], spans: dict[int, tuple[int, int]]
) -> dict[str, str]:
    """Entity id → FEMALE or MALE where the article says so unambiguously."""
    people = {e.id for e in entities if e.type == "PERSON"}
    seen: dict[str, set[str]] = {eid: set() for eid in people}
    for entity in entities:
        if entity.id in people:
            seen[entity.id].update(g for g in map(_of_word, " ".join(entity.descriptions).split()) if g)
    for start, end in set(spans.values()):
        eid = token_entity.get(start)
        if eid not in people:
            continue
        root = doc[start:end].root
        near = [doc[start - 1]] if start else []
        near += [root.head] if root.dep_ == "appos" else []
        near += [c for c in root.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.i < start)]
        seen[eid].update(g for g in (_of_word(t.text) for t in near) if g)
    return {eid: next(iter(marks)) for eid, marks in seen.items() if len(marks) == 1}
