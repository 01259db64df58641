"""The only place spaCy objects are unwrapped into claimgraph records.

``doc.ents`` (body) and the parsed title's ents arrive typed with the
contract's types (see ``entities``); here they become ``Mention``s, are
grouped into actors (``aliases``), described (``descriptions``) and turned
into ``Entity`` records with ids ``e1``, ``e2`` … in reading order.

The byline and dateline are not body text, but their people, outlet and
places are actors of the story (an author works for the publisher): each
author becomes a PERSON (or gives a surname-only person of the text its full
name), the publisher a MEDIA entity when a byline credits it (a bare
publisher field with no byline is feed metadata, not something the story
says), and the dateline's places PLACEs.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import cast

from spacy.tokens import Doc

from claimgraph.model import Document, Entity, EntityType, Span
from claimgraph.names import fold, strip_title, title_before
from claimgraph.nlp.entities.aliases import Mention, group, person_parts, restore_possessives, settle_types
from claimgraph.nlp.entities.descriptions import describe
from claimgraph.nlp.entities.gazetteer import shipped_gazetteer
from claimgraph.nlp.entities.places import is_demonym, modified_form

_ACRONYM_LIKE = str.isupper


def mentions_from_doc(doc: Doc, field: str | None = None) -> list[Mention]:
    """One ``Mention`` per entity span, with how strong the evidence for its type is."""
    return [
        Mention(
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            type=cast(EntityType, ent.label_),
            field=field,
            gazetteer_id=ent.kb_id_ or None,
            rank=3 if ent.kb_id else 2 if ent.label_ in ("ARMED_GROUP", "MEDIA") else 1,
        )
        for ent in doc.ents
    ]


def _name(members: list[Mention]) -> str:
    """The fullest name: a person's longest; otherwise the most used spelled-out body form (a one-word short
    form that is a later word of a longer form, "the Monitor", is not spelled out)."""
    if members[0].type == "PERSON":
        return max(members, key=lambda m: (len(person_parts(m.text)), len(m.text), -m.start)).text
    body = [m for m in members if m.field is None] or members
    spelled = [m for m in body if not _ACRONYM_LIKE(m.text)] or body
    later_words = {w for m in spelled for w in fold(m.text).split()[1:]}
    spelled = [m for m in spelled if " " in m.text or fold(m.text) not in later_words] or spelled  # "the Monitor"
    counts = Counter(fold(m.text) for m in spelled)
    return max(spelled, key=lambda m: (counts[fold(m.text)], len(m.text))).text


def _type(members: list[Mention]) -> EntityType:
    top = max(m.rank for m in members)
    return Counter(m.type for m in members if m.rank == top).most_common(1)[0][0]


def _entity(members: list[Mention], text: str = "") -> Entity:
    name = _name(members)
    forms = [m.text for m in members]
    if members[0].type == "PERSON":  # the name without titles; titled forms ("Gov. Jane Roe") are aliases
        forms += [title + m.text for m in members if m.field is None and (title := title_before(text, m.start))]
        forms += [f for f in [_family_name_as_modifier(name, text)] if f]
        if (untitled := strip_title(name)) != name:
            forms.insert(0, name)
            name = untitled
    if members[0].type == "PLACE":  # "eastern Ghouta", "Iraqi Kurdistan": the region as the text narrows it
        forms += [f for m in members if m.field is None and (f := modified_form(text, m.start, m.text))]
    forms += [f for m in members if (f := _listed_without_nationality(m))]
    aliases: list[str] = []
    seen = {fold(name)}
    for form in forms:
        if fold(form) not in seen:
            seen.add(fold(form))
            aliases.append(form)
    ids = Counter(m.gazetteer_id for m in members if m.gazetteer_id)
    return Entity(
        id="",
        name=name,
        type=_type(members),
        aliases=aliases,
        gazetteer_id=ids.most_common(1)[0][0] if ids else None,
        mentions=[Span(m.start, m.end, m.text, m.field) for m in members],
    )


# A leader's family name written inside a word for his side or his state ("anti-Assad rebels", "the Assad
# regime", "Harbi's government"): a mention of him, though no entity span (the span is the body's, or none).
_MODIFIED_BODIES = "regime|administration|government|loyalists|forces|camp"
_BODY_AFTER = re.compile(rf"(?:['’]?s)? (?:{_MODIFIED_BODIES})\b")
_BOUNDARY = re.compile(r"\b")
_SIDES = ("anti-", "pro-")


def _family_name_as_modifier(name: str, text: str) -> str | None:
    """The family name of the person ``name`` in full, when the text writes it as such a modifier."""
    family = re.sub(r"^(?:al|el)-", "", name.split()[-1])
    if len(person_parts(name)) < 2 or not family[:1].isupper() or len(family) <= 2:
        return None
    return family if _written_as_modifier(family, text) else None


def _written_as_modifier(family: str, text: str) -> bool:
    """Whether ``text`` has "anti-/pro-FAMILY" or "FAMILY['s] regime …", each a whole word.

    The occurrences of the name are found as a substring and each is checked
    with patterns compiled once: a pattern built around each person's name
    was compiled anew for most calls (more names than ``re``'s cache holds),
    which cost more than all the rest of making the document's entities.
    """
    at = text.find(family)
    while at >= 0:
        end = at + len(family)
        if _BOUNDARY.match(text, at) and _BODY_AFTER.match(text, end):
            return True
        if _BOUNDARY.match(text, end) and any(
            text.endswith(side, 0, at) and _BOUNDARY.match(text, at - len(side)) for side in _SIDES
        ):
            return True
        at = text.find(family, at + 1)
    return False


def _listed_without_nationality(mention: Mention) -> str | None:
    """ "Kurdish People's Protection Units": the listed name the mention holds after a nationality, else None."""
    words = mention.text.split()
    if mention.gazetteer_id is None or len(words) < 3 or not is_demonym(words[0]):
        return None
    rest = " ".join(words[1:])
    entry = shipped_gazetteer().lookup(rest, allow_guarded=False)
    return rest if entry is not None and entry.id == mention.gazetteer_id else None


def _credited(document: Document) -> list[tuple[str, EntityType]]:
    """Authors, the crediting outlet and the dateline's places."""
    credited: list[tuple[str, EntityType]] = [(a, "PERSON") for a in document.authors]
    if document.authors and document.publisher:
        credited.append((document.publisher, "MEDIA"))
    if document.dateline and document.dateline.place:
        credited += [(p.strip(), "PLACE") for p in document.dateline.place.split(",") if p.strip()]
    return credited


def _same_actor(entity: Entity, name: str, etype: EntityType) -> bool:
    """Is the credited ``name`` this entity: the same name, the person in full, the outlet in short?"""
    if entity.type != etype:
        return False
    forms = [fold(n) for n in (entity.name, *entity.aliases)]
    if etype == "PERSON":
        parts = person_parts(name)
        return any(person_parts(f) in (parts, parts[-1:]) for f in forms)
    return any(f == fold(name) or f.startswith(fold(name) + " ") for f in forms)


def _byline(document: Document, entities: list[Entity]) -> list[Entity]:
    """Credited actors the text does not name; a person named by surname in the text gets the full name."""
    out: list[Entity] = []
    for name, etype in _credited(document):
        known = next((e for e in entities + out if _same_actor(e, name, etype)), None)
        if known is None:
            out.append(Entity(id="", name=name, type=etype))
        elif etype == "PERSON" and len(person_parts(name)) > len(person_parts(known.name)):
            known.aliases.insert(0, known.name)
            known.name = name
    return out


def _said_outside_the_title(members: list[Mention]) -> bool:
    """Headline-only names need more than the model's word: headline case misleads it ("Takes Shape")."""
    return any(m.field is None or m.rank > 1 or m.type in ("PERSON", "PLACE") for m in members)


def _before_noun(doc: Doc, field: str | None) -> set[tuple[str | None, int]]:
    """(field, end offset) of the entities a noun, adjective or name follows ("Syrias Madaya")."""
    return {(field, e.end_char) for e in doc.ents if e.end < len(doc) and doc[e.end].pos_ in ("NOUN", "ADJ", "PROPN")}


def entities_from_doc(doc: Doc, document: Document, title_doc: Doc | None = None) -> list[Entity]:
    """One ``Entity`` per actor named in the body, title or byline, with every mention."""
    mentions = mentions_from_doc(doc)
    if title_doc is not None:
        mentions += mentions_from_doc(title_doc, field="title")
    before_noun = _before_noun(doc, None) | (_before_noun(title_doc, "title") if title_doc is not None else set())
    mentions = settle_types(restore_possessives(mentions, before_noun, f"{document.title or ''}\n{document.text}"))
    groups = group(mentions, document.text, document.title or "")
    groups = [g for g in groups if _said_outside_the_title([mentions[i] for i in g])]
    entities = [_entity([mentions[i] for i in members], document.text) for members in groups]
    describe(doc, mentions, groups, entities)
    entities += _byline(document, entities)
    for number, entity in enumerate(entities, 1):
        entity.id = f"e{number}"
    return entities


_MODEL_LABELS: dict[str, EntityType] = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "PLACE", "LOC": "PLACE"}


def plain_entities(doc: Doc) -> list[Entity]:
    """The stock model's entities, one per distinct (text, type): the baseline our rules are measured against.

    Model labels map to contract types (PERSON, ORG → ORGANIZATION, GPE/LOC →
    PLACE; others dropped), with no rules, aliases or descriptions; used by
    ``bench/plain_spacy.py`` and the eval gate's general-news comparison.
    """
    by_name: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        etype = _MODEL_LABELS.get(ent.label_)
        if etype is None:
            continue
        entity = by_name.get((ent.text, etype))
        if entity is None:
            entity = by_name[ent.text, etype] = Entity(id=f"e{len(by_name) + 1}", name=ent.text, type=etype)
        entity.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
    return list(by_name.values())
