"""Resolution in the store: derived actors, hand judgements that win, explanations."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from claimgraph.errors import NotFoundError
from claimgraph.load import IngestSummary, write_results
from claimgraph.resolve.explain import explain
from claimgraph.resolve.lookup import find_actor
from claimgraph.resolve.refresh import refresh
from claimgraph.resolve.store import judge_names
from claimgraph.store import schema
from claimgraph.store.meta import ACTORS, ORIGINS, is_stale
from records import document, entity, extraction, falcons_world, store_all


def one(text: str, name: str, etype: str = "ARMED_GROUP", aliases: tuple[str, ...] = (), path: str = "x.txt"):  # type: ignore[no-untyped-def]
    return extraction(document(text, path=path), [entity("e1", name, etype, text, aliases)])


def test_spellings_across_articles_become_one_actor(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.connect() as conn:
        assert find_actor(conn, "Ridge Falcons") == find_actor(conn, "Ridge Falcons Brigade")
        assert find_actor(conn, "RF") == find_actor(conn, "ridge falcons")  # alias given in one article
        assert find_actor(conn, "Ridge Falcons") != find_actor(conn, "Dawn Coalition")


def test_generic_words_and_unproven_acronyms_do_not_merge(store_url: str) -> None:
    engine, _ = store_all(
        store_url,
        [
            one("Jabhat al-Nusra fighters advanced.", "Jabhat al-Nusra", path="1.txt"),
            one("Jabhat Ansar al-Din fighters retreated.", "Jabhat Ansar al-Din", path="2.txt"),
            one("The Dawn Coalition Forces met.", "Dawn Coalition Forces", path="3.txt"),
            one("The DCF met again.", "DCF", path="4.txt"),
        ],
    )
    with engine.connect() as conn:
        assert find_actor(conn, "Jabhat al-Nusra") != find_actor(conn, "Jabhat Ansar al-Din")
        assert find_actor(conn, "DCF") != find_actor(conn, "Dawn Coalition Forces")
        unsure = (
            conn.execute(sa.select(schema.judgements.c.reason).where(schema.judgements.c.judgement == "unsure"))
            .scalars()
            .all()
        )
    assert any("acronym" in r for r in unsure)


def test_hand_split_wins_is_reversible_and_survives_reingest(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())

    def judge(judgement: str) -> bool:
        with engine.begin() as conn:
            judge_names(conn, "Ridge Falcons", "Ridge Falcons Brigade", judgement, "test")
        refresh(engine)
        with engine.connect() as conn:
            return find_actor(conn, "Ridge Falcons") == find_actor(conn, "Ridge Falcons Brigade")

    assert judge("negative") is False
    # a new article naming the brigade again leaves the split standing
    text = "The Ridge Falcons Brigade said nothing."
    write_results(engine, [one(text, "Ridge Falcons Brigade", path="new.txt")], "test", IngestSummary())
    refresh(engine)
    with engine.connect() as conn:
        assert find_actor(conn, "Ridge Falcons") != find_actor(conn, "Ridge Falcons Brigade")
    assert judge("positive") is True


def test_explain_gives_score_and_reason_of_each_merge(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.connect() as conn:
        why = explain(conn, "Ridge Falcons").to_json()
    joins = [j for j in why["judgements"] if j["joins"] and j["judgement"] == "positive"]
    assert {"Ridge Falcons", "Ridge Falcons Brigade", "RF"} <= set(why["names"])
    assert joins and all(j["reason"] and 0 < j["score"] <= 1 for j in joins)
    assert any("distinctive words" in j["reason"] for j in joins)


def test_unknown_and_ambiguous_names_are_refused(store_url: str) -> None:
    engine, _ = store_all(
        store_url,
        [
            one("Mount Sorrel was quiet.", "Sorrel", "PLACE", path="p.txt"),
            one("Sorrel spoke.", "Sorrel", "PERSON", path="q.txt"),
        ],
    )
    with engine.connect() as conn:
        with pytest.raises(NotFoundError):
            find_actor(conn, "Nobody Known")
        with pytest.raises(NotFoundError) as ambiguous:
            find_actor(conn, "Sorrel")
    assert len(ambiguous.value.candidates) == 2


def test_a_hand_judgement_marks_only_the_actors_stale(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.begin() as conn:
        assert not is_stale(conn, ACTORS) and not is_stale(conn, ORIGINS)
        judge_names(conn, "RF", "Dawn Coalition", "positive", "test")
        assert is_stale(conn, ACTORS) and not is_stale(conn, ORIGINS)
    assert refresh(engine) is True
    with engine.connect() as conn:
        assert find_actor(conn, "RF") == find_actor(conn, "Dawn Coalition")
        assert not is_stale(conn, ACTORS)


def test_a_name_split_off_an_entity_keeps_the_dates_of_its_documents(store_url: str) -> None:
    from claimgraph.analyze.dossier import dossier

    text = "The Cedar Front, formerly the Olive Legion, held the pass."
    doc = document(text, published="2023-05-04T10:00:00+00:00", path="cedar.txt")
    engine, _ = store_all(
        store_url, [extraction(doc, [entity("e1", "Cedar Front", "ARMED_GROUP", text, ("Olive Legion",))])]
    )
    with engine.begin() as conn:
        judge_names(conn, "Olive Legion", "Cedar Front", "negative", "test")
    refresh(engine)
    with engine.connect() as conn:
        split_off = dossier(conn, "Olive Legion").to_json()
    assert split_off["name"] == "Olive Legion"
    assert (split_off["first_seen"], split_off["last_seen"]) == ("2023-05-04", "2023-05-04")
