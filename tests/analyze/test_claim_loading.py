"""Loading claims on canonical actors: each side, source and via resolved, whichever name a document wrote."""

from __future__ import annotations

from claimgraph.analyze.claims import ClaimFilter, load_claims
from claimgraph.model import Extraction
from claimgraph.resolve.lookup import find_actor
from records import claim, document, entity, extraction, falcons_world, store_all


def _world() -> list[Extraction]:
    """The falcons corpus, plus an article-voice claim with a literal object and one naming the group as object."""
    text = "Harbor Wire said the Ridge Falcons recruit in the hills; Marek Tolvani leads the Ridge Falcons."
    ents = [
        entity("e1", "Ridge Falcons", "ARMED_GROUP", text),
        entity("e2", "Marek Tolvani", "PERSON", text),
        entity("e3", "Harbor Wire", "MEDIA", text),
    ]
    claims = [
        claim("c1", "e1", "operates_in", None, literal="the hills"),
        claim("c2", "e2", "leader_of", "e1", via=("e3",)),
    ]
    return [*falcons_world(), extraction(document(text, "2017-02-01T00:00:00+00:00", path="e.txt"), ents, claims)]


def test_an_actors_claims_are_those_naming_it_on_either_side(store_url: str) -> None:
    engine, _ = store_all(store_url, _world())
    with engine.connect() as conn:
        falcons, tolvani, wire = (find_actor(conn, n) for n in ("RF", "Marek Tolvani", "Harbor Wire"))
        everything = load_claims(conn)
        involving = load_claims(conn, ClaimFilter(involving=frozenset({falcons.id})))
        as_subject = load_claims(conn, ClaimFilter(subjects=frozenset({falcons.id})))
        as_object = load_claims(conn, ClaimFilter(objects=frozenset({falcons.id})))
        said_by = load_claims(conn, ClaimFilter(sources=frozenset({tolvani.id})))
    assert involving == [c for c in everything if falcons.id in (c.subject, c.object)]
    assert as_subject == [c for c in everything if c.subject == falcons.id]
    assert as_object == [c for c in everything if c.object == falcons.id]
    assert said_by == [c for c in everything if c.source == tolvani.id]
    # "Ridge Falcons", "RF" and "Ridge Falcons Brigade" are one actor, shown under one name
    assert {c.subject_name for c in as_subject} == {falcons.name}
    assert {c.document_id for c in as_subject} == {c.document_id for c in everything if c.predicate != "leader_of"}
    assert {(c.subject_name, c.predicate) for c in as_object} == {
        ("Marek Tolvani", "spokesperson_of"),
        ("Marek Tolvani", "leader_of"),
    }
    (literal,) = [c for c in involving if c.object_literal]
    assert (literal.object, literal.object_name, literal.source, literal.source_name) == (None, None, None, None)
    (led,) = [c for c in as_object if c.predicate == "leader_of"]
    assert led.via == ("Harbor Wire",) and led.source is None and led.upstream == wire.id
    quoted = [c for c in as_subject if c.source_name == "Marek Tolvani"]
    assert quoted and all(c.via == ("Harbor Wire",) and c.upstream == wire.id for c in quoted)
