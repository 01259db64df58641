"""Moving one name by hand, and what a split did to every other name (SQLite and PostgreSQL)."""

from __future__ import annotations

from claimgraph.resolve.explain import explain
from claimgraph.resolve.hand import attach, detach, names_of, placements, same_actor
from claimgraph.resolve.lookup import actor_name_ids, find_actor
from claimgraph.resolve.refresh import refresh
from claimgraph.resolve.store import judge_names
from records import document, entity, extraction, store_all


def article(path: str, name: str, *aliases: str):  # type: ignore[no-untyped-def]
    text = f"{name} made a statement."
    return extraction(document(text, path=path), [entity("e1", name, "ARMED_GROUP", text, aliases)])


def world(url: str):  # type: ignore[no-untyped-def]
    # one article ties "Salt Road" to the Amber Guard by mistake; the Granite Column is another group
    engine, _ = store_all(
        url,
        [
            article("a.txt", "Amber Guard", "AG", "Salt Road"),
            article("b.txt", "Granite Column"),
            article("c.txt", "Amber Guard"),
        ],
    )
    return engine


def ids(engine, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return actor_name_ids(conn, find_actor(conn, name), name)


def test_attach_moves_exactly_one_name_and_detach_makes_it_alone(store_url: str) -> None:
    engine = world(store_url)
    with engine.connect() as conn:
        assert find_actor(conn, "Salt Road") == find_actor(conn, "Amber Guard")
    with engine.begin() as conn:
        assert attach(conn, "Salt Road", "Granite Column") > 0
    refresh(engine)
    with engine.connect() as conn:
        assert same_actor(conn, ids(engine, "Salt Road"), ids(engine, "Granite Column"))
        assert not same_actor(conn, ids(engine, "Salt Road"), ids(engine, "Amber Guard"))
        assert find_actor(conn, "AG") == find_actor(conn, "Amber Guard")  # the rest of the actor stays
    with engine.begin() as conn:
        assert detach(conn, "Salt Road") > 0
    refresh(engine)
    with engine.connect() as conn:
        alone = find_actor(conn, "Salt Road")
        assert actor_name_ids(conn, alone) == ids(engine, "Salt Road")
        assert alone != find_actor(conn, "Granite Column") and alone != find_actor(conn, "Amber Guard")
    with engine.begin() as conn:
        assert detach(conn, "Salt Road") == 0  # alone already: nothing to do


def test_a_split_reports_where_every_name_went(store_url: str) -> None:
    engine = world(store_url)
    with engine.connect() as conn:
        before = names_of(conn, ["Amber Guard", "Salt Road"])
    with engine.begin() as conn:
        judge_names(conn, "Amber Guard", "Salt Road", "negative")
    refresh(engine)
    with engine.connect() as conn:
        where = {p.name: p.actor_id for p in placements(conn, before)}
        assert set(where) == {"Amber Guard", "AG", "Salt Road"}
        assert where["Amber Guard"] != where["Salt Road"] and where["AG"] == where["Amber Guard"]


def test_a_split_after_a_merge_leaves_the_other_names_to_their_evidence(store_url: str) -> None:
    # Two groups, each written two ways in one article; an analyst merges them by hand, then splits two of
    # their names: the old merge no longer holds the rest together, each name goes back to its own group.
    engine, _ = store_all(
        store_url,
        [
            article("a.txt", "Amber Guard", "AG", "Salt Road"),
            article("b.txt", "Granite Column", "GC", "Stone Pass"),
            article("c.txt", "Amber Guard"),
            article("d.txt", "Granite Column"),
        ],
    )
    with engine.begin() as conn:
        judge_names(conn, "Salt Road", "Stone Pass", "positive")
    refresh(engine)
    with engine.connect() as conn:
        assert find_actor(conn, "AG") == find_actor(conn, "GC")
    with engine.begin() as conn:
        judge_names(conn, "Salt Road", "GC", "negative")
    refresh(engine)
    with engine.connect() as conn:
        amber = {find_actor(conn, n).id for n in ("Amber Guard", "AG", "Salt Road")}
        granite = {find_actor(conn, n).id for n in ("Granite Column", "GC", "Stone Pass")}
        assert len(amber) == 1 and len(granite) == 1 and amber != granite


def test_explain_shows_no_hand_merge_a_later_split_set_aside(store_url: str) -> None:
    # merge Amber Guard with Granite Column, Granite Column with Stone Pass, then split Amber Guard from
    # Stone Pass: the split sets both merges aside. Two later articles name Amber Guard and Granite Column
    # as one group: they are one actor again, by that evidence, and explain must say so, not "by hand".
    engine, _ = store_all(
        store_url, [article("a.txt", "Amber Guard"), article("b.txt", "Granite Column"), article("c.txt", "Stone Pass")]
    )
    for a, b, judgement in [
        ("Amber Guard", "Granite Column", "positive"),
        ("Granite Column", "Stone Pass", "positive"),
        ("Amber Guard", "Stone Pass", "negative"),
    ]:
        with engine.begin() as conn:
            judge_names(conn, a, b, judgement)
        refresh(engine)
    from claimgraph.load import IngestSummary, write_results

    later = [article(f"{p}.txt", "Amber Guard", "Granite Column") for p in "de"]
    write_results(engine, later, "test", IngestSummary())
    refresh(engine)
    with engine.connect() as conn:
        amber = find_actor(conn, "Amber Guard")
        assert amber == find_actor(conn, "Granite Column") and amber != find_actor(conn, "Stone Pass")
        why = explain(conn, "Amber Guard")
    path = next(p for p in why.paths if p.name == "Granite Column")
    assert path.steps and not any(s.by_hand for s in path.steps), path
    assert any("named as one actor" in r for s in path.steps for r in s.reasons)
    merges = [j for j in why.judgements if j.by_hand and j.judgement == "positive"]
    assert merges and all(j.superseded for j in merges)
    splits = [j for j in why.judgements if j.by_hand and j.judgement == "negative"]
    assert splits and not any(j.superseded for j in splits)  # the split still counts
