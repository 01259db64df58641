"""The review queue and explanation paths, on stores of our own articles (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

from claimgraph.model import Extraction
from claimgraph.resolve.links import name_paths
from claimgraph.resolve.lookup import actor_name_ids, find_actor
from claimgraph.resolve.refresh import refresh
from claimgraph.resolve.review import review_queue
from claimgraph.resolve.store import judge_names
from records import document, entity, extraction, falcons_world, store_all


def article(
    path: str, name: str, etype: str = "ARMED_GROUP", aliases: tuple[str, ...] = (), gid: str | None = None
) -> Extraction:
    text = f"{name} made a statement."
    return extraction(document(text, path=path), [replace(entity("e1", name, etype, text, aliases), gazetteer_id=gid)])


def test_the_weakest_merge_comes_first_with_its_evidence(store_url: str) -> None:
    # "Stone Hand" and "Iron Vale" are each written by three articles; two articles tie them, one directly,
    # one through a spelling only it uses: enough to merge, and the link an analyst should check.
    docs = [article(f"s{i}.txt", "Stone Hand") for i in range(3)] + [
        article(f"v{i}.txt", "Iron Vale") for i in range(3)
    ]
    docs += [
        article("t1.txt", "Stone Hand", aliases=("Iron Vale",)),
        article("t2.txt", "Stone Hand", aliases=("The Iron Vale",)),
    ]
    docs += [article("ok.txt", "Ridge Falcons", aliases=("RF",))]
    engine, _ = store_all(store_url, docs)
    with engine.connect() as conn:
        assert find_actor(conn, "Stone Hand") == find_actor(conn, "Iron Vale")
        queue = review_queue(conn)
    first = queue[0]
    assert first.actor in ("Stone Hand", "Iron Vale")
    assert first.weakest is not None and first.weakest["reasons"]
    assert all("named as one actor" in r for r in first.weakest["reasons"])
    assert min(first.weakest["documents"]) >= 2
    assert [i.risk for i in queue] == sorted((i.risk for i in queue), reverse=True)


def test_types_and_gazetteer_ids_that_disagree_are_queued(store_url: str) -> None:
    engine, _ = store_all(
        store_url,
        [
            article("a.txt", "Cobalt Ring", gid="un:QDe.950"),
            article("b.txt", "Cobalt Ring Group", gid="un:QDe.951"),
            article("c.txt", "Cobalt", "PLACE"),
        ],
    )
    with engine.begin() as conn:
        judge_names(conn, "Cobalt Ring", "Cobalt Ring Group", "positive")
        judge_names(conn, "Cobalt Ring", "Cobalt", "positive")
    refresh(engine)
    with engine.connect() as conn:
        item = next(i for i in review_queue(conn) if i.actor.startswith("Cobalt"))
    assert any("incompatible" in p for p in item.problems) and set(item.types) == {"ARMED_GROUP", "PLACE"}
    assert any("gazetteer" in p for p in item.problems) and set(item.gazetteer_ids) == {"un:QDe.950", "un:QDe.951"}


def test_each_name_has_one_path_of_judgements_strongest_first(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.connect() as conn:
        actor = find_actor(conn, "Ridge Falcons")
        ids = actor_name_ids(conn, actor)
        main = actor_name_ids(conn, actor, "Ridge Falcons")[0]
        paths = name_paths(conn, main, ids)
    by_name = {p.name: p for p in paths}
    assert by_name["Ridge Falcons"].steps == () and paths[0].name == "Ridge Falcons"
    assert by_name["RF"].steps and "named as one actor" in by_name["RF"].steps[-1].reasons[0]
    brigade = by_name["Ridge Falcons Brigade"]
    assert brigade.steps[0].left == "Ridge Falcons" and brigade.steps[-1].right == "Ridge Falcons Brigade"
    assert [p.strength for p in paths] == sorted((p.strength for p in paths), reverse=True)
