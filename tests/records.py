"""Hand-made extraction records for the store tests (our own invented names and sentences)."""

from __future__ import annotations

import hashlib

from claimgraph.model import Casualties, Claim, Document, Entity, Event, Extraction, Span


def document(text: str, published: str | None = None, title: str | None = None, path: str = "x.txt") -> Document:
    """A document whose id is the hash of its text, as the reader makes it."""
    digest = hashlib.sha256((path + text).encode()).hexdigest()
    return Document(id=f"sha256:{digest}", source_path=path, text=text, title=title, published=published)


def entity(local_id: str, name: str, etype: str, text: str, aliases: tuple[str, ...] = ()) -> Entity:
    """An entity with a mention at its first occurrence in ``text`` (if any)."""
    start = text.find(name)
    mentions = [Span(start, start + len(name), name)] if start >= 0 else []
    return Entity(local_id, name, etype, aliases=list(aliases), mentions=mentions)  # type: ignore[arg-type]


def claim(
    local_id: str,
    subject: str,
    predicate: str,
    obj: str | None,
    polarity: str = "affirmed",
    source: str | None = None,
    via: tuple[str, ...] = (),
    literal: str | None = None,
) -> Claim:
    """A claim whose evidence is the start of the document."""
    return Claim(
        local_id,
        subject,
        predicate,
        obj,
        literal,
        polarity,
        False,
        source,
        list(via),
        None,
        None,
        Span(0, 5, "x"),  # type: ignore[arg-type]
    )


def event(local_id: str, kind: str, actor: str | None, target: str | None, place: str | None, text: str) -> Event:
    """An event (entity ids of its document) whose evidence is the whole text and trigger its first word."""
    word = text.split()[0]
    return Event(
        local_id, kind, None, actor, target, place, None, None, Casualties(), "affirmed", False, None, [], None,
        Span(0, len(text), text), Span(0, len(word), word),
    )  # fmt: skip


def extraction(
    doc: Document, entities: list[Entity], claims: list[Claim] | None = None, events: list[Event] | None = None
) -> Extraction:
    return Extraction(document=doc, entities=entities, claims=claims or [], events=events or [])


def store_all(url: str, extractions: list[Extraction]):  # type: ignore[no-untyped-def]
    """Open the store at ``url``, write ``extractions`` and bring derived tables up to date."""
    from claimgraph.load import IngestSummary, write_results
    from claimgraph.resolve.refresh import refresh
    from claimgraph.store import open_store

    engine = open_store(url)
    summary = IngestSummary()
    write_results(engine, extractions, "test", summary)
    refresh(engine)
    return engine, summary


def falcons_world() -> list[Extraction]:
    """A small invented corpus: a group, a coalition, a copy, a reversal two years on."""
    t1 = "The Ridge Falcons (RF) are part of the Dawn Coalition, said spokesman Marek Tolvani to Harbor Wire."
    a = document(t1, "2014-03-01T09:00:00+00:00", "Falcons join coalition", "a.txt")
    ents = [
        entity("e1", "Ridge Falcons", "ARMED_GROUP", t1, ("RF",)),
        entity("e2", "Dawn Coalition", "ARMED_GROUP", t1),
        entity("e3", "Marek Tolvani", "PERSON", t1, ("Tolvani",)),
        entity("e4", "Harbor Wire", "MEDIA", t1),
    ]
    claims_a = [
        claim("c1", "e1", "part_of", "e2", source="e3", via=("e4",)),
        claim("c2", "e3", "spokesperson_of", "e1"),
    ]
    t2 = t1 + " The statement was repeated on Monday."
    b = document(t2, "2014-03-02T09:00:00+00:00", "Falcons join coalition", "b.txt")
    t3 = "Commanders of the Ridge Falcons Brigade denied that the brigade is part of the Dawn Coalition."
    c = document(t3, "2016-05-10T12:00:00+00:00", "Brigade leaves coalition", "c.txt")
    ents_c = [
        entity("e1", "Ridge Falcons Brigade", "ARMED_GROUP", t3),
        entity("e2", "Dawn Coalition", "ARMED_GROUP", t3),
    ]
    t4 = "Observers say the Ridge Falcons are part of the Dawn Coalition and operate in Korvana."
    d = document(t4, "2015-01-05T08:00:00+00:00", "Observers on the coalition", "d.txt")
    ents_d = [
        *ents_c[:0],
        entity("e1", "Ridge Falcons", "ARMED_GROUP", t4),
        entity("e2", "Dawn Coalition", "ARMED_GROUP", t4),
    ]
    ents_d.append(entity("e3", "Korvana", "PLACE", t4))
    return [
        extraction(a, ents, claims_a),
        extraction(b, ents, claims_a),
        extraction(c, ents_c, [claim("c1", "e1", "part_of", "e2", polarity="denied", source="e1")]),
        extraction(d, ents_d, [claim("c1", "e1", "part_of", "e2"), claim("c2", "e1", "operates_in", "e3")]),
    ]


def orlan_world() -> list[Extraction]:
    """ "Orlan" names an armed group in one article and a town in another, each a side of an event."""
    raid = "Orlan fighters stormed Vessa at dawn."
    protest = "Traders marched through Orlan on Friday."
    return [
        extraction(
            document(raid, path="raid.txt"),
            [entity("e1", "Orlan", "ARMED_GROUP", raid), entity("e2", "Vessa", "PLACE", raid)],
            events=[event("v1", "ASSAULT", "e1", None, "e2", raid)],
        ),
        extraction(
            document(protest, path="protest.txt"),
            [entity("e1", "Traders", "ORGANIZATION", protest), entity("e2", "Orlan", "PLACE", protest)],
            events=[event("v1", "PROTEST", "e1", None, "e2", protest)],
        ),
    ]
