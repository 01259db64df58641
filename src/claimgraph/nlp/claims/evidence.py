"""Events as evidence for relations: what a group does somewhere, or to someone, says where it is and whom it fights.

A group that seizes, storms, shells or attacks a place operates in it; a
group that fights, attacks or clashes with another is its rival.  The verbs
are data (``events`` in lexicons/relations.json); the reading is the same as
for any frame: the clause's subject (through coordination and "X fighters"),
the verb's object, and the places after "in" on the verb.

Leaving a place says the actor was there (``departure``): a group driven,
ousted or pushed out of a town operated in it (a past relation); an actor
that withdraws or pulls its troops out of a country, or whose withdrawal from
it is told as a noun ("the withdrawal of US troops from Syria"), operates
there until it has left.  Who drove a group out is not read as being there:
an expulsion may be done from the air or from afar.

A place lost to a group (``losing``: "X lost Tarsh to Y", "Tarsh fell to Y")
is the group's now, and the loser was there.  A place taken from a group
(``taking``: "X seized Tarsh from Y") was the group's, and the taker is its
rival; where the taker is now, ``read`` says.

Joining a group in a place (``joining``) puts the group there: "joined the
Front in Tarsh", "travelled to Tarsh to join the Front".

``implied`` is the same inference for an event someone else has already
read (an actor, a target, a place): the event layer calls it to attach the
relations its events imply.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from claimgraph.model import EntityType, Predicate
from claimgraph.nlp.claims.frames import FrameReader, RawClaim

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
            places += _places_named(reader, [child])
    for prep, obj in reader.prep_objects(tok):
        if prep in events.place_preps:
            places += _places_named(reader, [obj])
    out = _targets_there(reader, tok, passive, places)
    if not passive:  # "targeting the Front in Tarsh and Bel Harra": the parser hangs where it happened on the target
        places += [p for c in tok.children if c.dep_ == "dobj" for p in _own_places(reader, c) if p not in places]
    if not places:
        return out
    actors = reader.named_at(agents[0]) if passive else reader.subjects(tok)  # "Tarsh was shelled by X"
    subjects = [s for s in actors if reader.index.type_of(s) in _ACTORS]
    return out + reader.make(subjects, "operates_in", places, tok)


def _targets_there(
    reader: FrameReader, verb: Token, passive: bool, places: list[tuple[str | None, str | None]]
) -> list[RawClaim]:
    """'killed 15 Front fighters in Tarsh', 'fighting the Front in Tarsh': a group attacked somewhere is there too.

    The place is the one the event happened in, or the one the target's own phrase names.
    """
    index, out = reader.index, []
    for child in verb.children:
        if child.dep_ != ("nsubjpass" if passive else "dobj"):
            continue
        groups = [e for e, _ in reader.objects(child) if e and index.type_of(e) in _RIVALS]
        own = _own_places(reader, child)
        if groups and (places or own):
            out += reader.make(groups, "operates_in", places + own, verb)
    return out


def _own_places(reader: FrameReader, target: Token) -> list[tuple[str | None, str | None]]:
    """The places named after 'in' (and the like) on the target's own phrase."""
    return _places_named(
        reader, [obj for prep, obj in reader.prep_objects(target) if prep in reader.rel.events.place_preps]
    )


def _places_named(reader: FrameReader, tokens: list[Token]) -> list[tuple[str | None, str | None]]:
    """The PLACE entities the phrases headed by ``tokens`` name, in order, as claim objects (no literal)."""
    return [(e, None) for t in tokens for e, _ in reader.objects(t) if e and reader.index.type_of(e) == "PLACE"]


def losing(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'X lost Tarsh to Y', 'Tarsh fell to Y': Y operates in the place now; X, that lost it, did."""
    events, index = reader.rel.events, reader.index
    lost = lemma in events.lose_verbs
    if tok.pos_ != "VERB" or not (lost or lemma in events.fall_verbs):
        return []
    winners = [e for p, o in reader.prep_objects(tok) if p == "to" for e in reader.named_at(o)]
    winners = [e for e in winners if index.type_of(e) in _ACTORS]
    place_dep = "dobj" if lost else "nsubj"
    places = _places_named(reader, [c for c in tok.children if c.dep_ == place_dep])
    if not winners or not places:
        return []
    out = reader.make(winners, "operates_in", places, tok)
    losers = [s for s in reader.subjects(tok) if index.type_of(s) in _ACTORS] if lost else []
    for raw in reader.make(losers, "operates_in", places, tok):
        raw.past = True  # it was there until it lost the place
        out.append(raw)
    return out


def departure(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'X drove Y out of Z', 'Y was ousted from Z by X', 'X pulled its troops out of Z', 'the withdrawal of X from Z',
    'X forces would leave Z'."""
    events, index = reader.rel.events, reader.index
    expelling = lemma in events.expel_verbs and tok.pos_ == "VERB"
    leaving = lemma in events.leave_words and tok.pos_ in ("VERB", "NOUN")
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    if lemma in events.leave_objects and tok.pos_ == "VERB" and not passive:  # "US forces would leave Syria"
        places = _places_named(reader, [c for c in tok.children if c.dep_ == "dobj"])
        gone = [a for a in reader.subjects(tok) if index.type_of(a) in _ACTORS] if places else []
        stayed = reader.make(gone, "operates_in", places, tok) if gone else []
        for raw in stayed:
            raw.denied = False  # "would not leave Syria" says the actor is there as much as "left Syria" says it was
        return stayed
    if not (expelling or leaving):
        return []
    phrases = list(reader.prep_objects(tok))
    places = _places_named(reader, [obj for prep, obj in phrases if prep in events.from_preps])
    if not places:
        return []
    moved = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if tok.pos_ == "NOUN":  # "the withdrawal of US troops", "Belgium's withdrawal"
        moved = [o for p, o in phrases if p == "of"] + [c for c in tok.children if c.dep_ == "poss"]
    gone = [e for m in moved for e in reader.named_at(m)]
    if leaving and not gone and tok.pos_ == "VERB" and not passive:
        gone = reader.subjects(tok)  # "the Front withdrew from Tarsh"
    out = []
    for raw in reader.make([a for a in gone if index.type_of(a) in _ACTORS], "operates_in", places, tok):
        raw.past = raw.past or expelling  # driven out: it was there
        out.append(raw)
    return out


def taking(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'X seized Tarsh from Y', 'Tarsh was recaptured from Y': Y operated in the place, and X is Y's rival."""
    events, index = reader.rel.events, reader.index
    if tok.pos_ != "VERB" or lemma not in events.take_verbs:
        return []
    losers = [e for p, o in reader.prep_objects(tok) if p == "from" for e in reader.named_at(o)]
    losers = [e for e in losers if index.type_of(e) in _RIVALS]  # "took Tarsh from Chile" may say where from
    if not losers:
        return []
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    place_dep = "nsubjpass" if passive else "dobj"
    places = _places_named(reader, [c for c in tok.children if c.dep_ == place_dep])
    if not places:
        return []
    out = reader.make(losers, "operates_in", places, tok)
    for raw in out:
        raw.past = True  # it was there until the place was taken
    agents = [o for p, o in reader.prep_objects(tok) if p == "by"]
    takers = [e for o in agents for e in reader.named_at(o)] if passive else reader.subjects(tok)
    takers = [e for e in takers if index.type_of(e) in _ACTORS]
    return out + reader.make(takers, "rival_of", [(e, None) for e in losers], tok)


def joining(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'joined the Front in Tarsh', 'travelled to Tarsh to join the Front': the group joined is where it was joined."""
    events, index = reader.rel.events, reader.index
    if tok.pos_ != "VERB" or lemma not in events.join_verbs:
        return []
    groups = [e for c in tok.children if c.dep_ == "dobj" for e in reader.named_at(c) if index.type_of(e) in _RIVALS]
    if not groups:
        return []
    where = [obj for prep, obj in reader.prep_objects(tok) if prep in events.place_preps]
    journey = tok.head if tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in events.journey_verbs else None
    if journey is not None:  # "travelled to Tarsh to join …"
        where += [obj for prep, obj in reader.prep_objects(journey) if prep in events.journey_preps]
    places = _places_named(reader, where)
    # Whether or not the person joined, the group is there: the article presupposes it.
    return reader.make(groups, "operates_in", places, tok, presupposed=True) if places else []


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
