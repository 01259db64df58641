"""Events as evidence for relations: what a group does somewhere, or to someone, says where it is and whom it fights.

A group that seizes, storms, shells or attacks a place operates in it; a
group that fights, attacks or clashes with another is its rival.  The verbs
are data (``events`` in lexicons/relations.json); the reading is the same as
for any frame: the clause's subject (through coordination and "X fighters"),
the verb's object, and the places after "in" on the verb.

``implied`` is the same inference for an event someone else has already
read (an actor, a target, a place): the event layer calls it to attach the
relations its events imply.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from claimgraph.model import EntityType, Predicate
from claimgraph.nlp.frames import FrameReader, RawClaim

_ACTORS: frozenset[EntityType] = frozenset({"ARMED_GROUP", "ORGANIZATION", "PLACE"})
_RIVALS: frozenset[EntityType] = frozenset({"ARMED_GROUP", "ORGANIZATION"})


def read(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """The relations an event verb implies: its place objects and places after 'in' (operates_in)."""
    events = reader.rel.events
    if tok.pos_ != "VERB" or lemma not in events.verbs:
        return []
    places: list[tuple[str | None, str | None]] = []
    agents = [o for p, o in reader.prep_objects(tok) if p == "by"]
    passive = bool(agents) and any(c.dep_ == "auxpass" for c in tok.children)
    for child in tok.children:
        undergoer = child.dep_ == "dobj" or (passive and child.dep_ == "nsubjpass")
        if undergoer and lemma in events.place_objects:
            places += [(e, None) for e, _ in reader.objects(child) if e and reader.index.type_of(e) == "PLACE"]
    for prep, obj in reader.prep_objects(tok):
        if prep in events.place_preps:
            places += [(e, None) for e, _ in reader.objects(obj) if e and reader.index.type_of(e) == "PLACE"]
    if not places:
        return []
    actors = reader.named_at(agents[0]) if passive else reader.subjects(tok)  # "Tarsh was shelled by X"
    subjects = [s for s in actors if reader.index.type_of(s) in _ACTORS]
    return reader.make(subjects, "operates_in", places, tok)


def implied(
    actor: str, target: str | None, place: str | None, type_of: Callable[[str], EntityType | None]
) -> list[tuple[str, Predicate, str]]:
    """(subject, predicate, object) relations an event by ``actor`` against ``target`` in ``place`` implies.

    An armed actor in a place operates there; an attack on another group or
    organization makes the two rivals.  A person is neither: a person's
    attack says nothing about the group they may belong to.
    """
    if type_of(actor) not in _ACTORS:
        return []
    out: list[tuple[str, Predicate, str]] = []
    if place is not None and type_of(place) == "PLACE" and place != actor:
        out.append((actor, "operates_in", place))
    if target is not None and target != actor and type_of(target) in _RIVALS:
        out.append((actor, "rival_of", target))
    return out
