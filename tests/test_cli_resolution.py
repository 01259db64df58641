"""Hand judgements, the review queue, explanations and lookups from the command line (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from claimgraph.cli import app
from records import document, entity, extraction, orlan_world, store_all


def article(path: str, name: str, etype: str = "ARMED_GROUP", aliases: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    text = f"{name} made a statement."
    return extraction(document(text, path=path), [entity("e1", name, etype, text, aliases)])


def run(url: str, *args: str) -> tuple[int, Any, str]:
    result = CliRunner().invoke(app, [*args, "--db", url, "--json"])
    out = json.loads(result.stdout) if result.stdout.strip().startswith(("{", "[")) else result.stdout
    return result.exit_code, out, result.stderr


def world(url: str) -> None:
    # Amber Guard (two names) and the Granite Column; one article ties "Salt Road" to the Amber Guard
    store_all(
        url,
        [
            article("a.txt", "Amber Guard", aliases=("AG", "Salt Road")),
            article("b.txt", "Granite Column", aliases=("GC",)),
            article("c.txt", "Amber Guard"),
        ],
    )


def actor_of(out: dict[str, Any], name: str) -> str:
    return next(p["actor_id"] for p in out["actors"] if p["name"] == name)


def test_merge_and_split_print_the_actors_and_fail_when_they_could_not(store_url: str) -> None:
    world(store_url)
    code, out, _ = run(store_url, "merge", "AG", "GC")
    assert code == 0 and out["same_actor"] and out["done"]
    assert len({p["actor_id"] for p in out["actors"]}) == 1 and {p["name"] for p in out["actors"]} >= {
        "Amber Guard",
        "GC",
    }
    code, out, _ = run(store_url, "split", "Amber Guard", "Granite Column")
    assert code == 0 and not out["same_actor"]
    assert actor_of(out, "Amber Guard") != actor_of(out, "Granite Column")
    assert {p["name"] for p in out["actors"]} == {"Amber Guard", "AG", "Salt Road", "Granite Column", "GC"}
    code, out, _ = run(store_url, "split", "AG", "AG")  # one name cannot be two actors
    assert code == 1 and not out["done"]


def test_attach_and_detach_move_one_name(store_url: str) -> None:
    world(store_url)
    code, out, _ = run(store_url, "attach", "Salt Road", "Granite Column")
    assert code == 0 and actor_of(out, "Salt Road") == actor_of(out, "GC") != actor_of(out, "AG")
    code, out, _ = run(store_url, "detach", "Salt Road")
    assert (
        code == 0
        and out["done"]
        and [p["name"] for p in out["actors"] if p["actor_id"] == actor_of(out, "Salt Road")] == ["Salt Road"]
    )
    code, out, _ = run(store_url, "detach", "Salt Road")  # alone already
    assert code == 0 and out["judgements"] == 0


def test_show_takes_an_id_or_a_type_and_offers_near_spellings(store_url: str) -> None:
    store_all(store_url, [article("p.txt", "Orlan", "PERSON"), article("q.txt", "Orlan", "PLACE")])
    code, _, err = run(store_url, "show", "Orlan")
    assert code == 1 and "ambiguous" in err and "--type" in err
    code, out, _ = run(store_url, "show", "Orlan", "--type", "PLACE")
    assert code == 0 and out["type"] == "PLACE"
    code, again, _ = run(store_url, "show", out["id"])
    assert code == 0 and again["id"] == out["id"]
    code, _, err = run(store_url, "show", "Orlann")
    assert code == 1 and "did you mean" in err and "Orlan" in err


def test_explain_gives_each_name_one_path_and_review_lists_risks(store_url: str) -> None:
    world(store_url)
    code, out, _ = run(store_url, "explain", "Amber Guard")
    assert code == 0 and {p["name"] for p in out["paths"]} == {"Amber Guard", "AG", "Salt Road"}
    salt = next(p for p in out["paths"] if p["name"] == "Salt Road")
    assert salt["steps"] and all(s["reasons"] for s in salt["steps"])
    code, items, _ = run(store_url, "review")
    assert code == 0 and isinstance(items, list)
    text = CliRunner().invoke(app, ["explain", "Amber Guard", "--db", store_url]).stdout
    assert "Salt Road" in text and "named as one actor" in text


def test_merge_split_claims_and_timeline_take_a_type(store_url: str) -> None:
    store_all(
        store_url,
        [
            article("p.txt", "Orlan", "ARMED_GROUP"),
            article("q.txt", "Orlan", "PLACE"),
            article("r.txt", "Granite Column", aliases=("GC",)),
        ],
    )
    for args in (("timeline", "Orlan"), ("claims", "--subject", "Orlan"), ("claims", "--object", "Orlan")):
        code, _, err = run(store_url, *args)
        assert code == 1 and "ambiguous" in err, args
    code, rows, _ = run(store_url, "timeline", "Orlan", "--type", "PLACE")
    assert code == 0 and rows == []
    code, rows, _ = run(store_url, "claims", "--subject", "Orlan", "--subject-type", "ARMED_GROUP")
    assert code == 0 and rows == []
    code, rows, _ = run(store_url, "claims", "--object", "Orlan", "--object-type", "PLACE")
    assert code == 0 and rows == []
    code, _, err = run(store_url, "merge", "Orlan", "GC")
    assert code == 1 and "ambiguous" in err
    code, out, _ = run(store_url, "merge", "Orlan", "GC", "--type", "ARMED_GROUP")
    assert code == 0 and out["same_actor"]
    assert actor_of(out, "Granite Column") in {p["actor_id"] for p in out["actors"] if p["type"] == "ARMED_GROUP"}
    code, out, _ = run(store_url, "split", "Orlan", "Granite Column", "--type", "ARMED_GROUP")
    assert code == 0 and not out["same_actor"]
    code, out, _ = run(store_url, "merge", "Orlan", "Orlan", "--type", "PLACE", "--type-b", "ARMED_GROUP")
    assert code == 0 and out["same_actor"]  # --type-b takes B as another type (and a hand merge may join them)
    assert len({p["actor_id"] for p in out["actors"] if p["name"] == "Orlan"}) == 1


def test_events_take_a_type_or_an_id_for_each_name(store_url: str) -> None:
    store_all(store_url, orlan_world())
    for option in ("--actor", "--place"):
        code, _, err = run(store_url, "events", option, "Orlan")
        assert code == 1 and "ambiguous" in err, option
    code, groups, _ = run(store_url, "events", "--actor", "Orlan", "--actor-type", "armed_group")
    assert code == 0 and [g["type"] for g in groups] == ["ASSAULT"]
    code, groups, _ = run(store_url, "events", "--place", "Orlan", "--place-type", "PLACE")
    assert code == 0 and [g["type"] for g in groups] == ["PROTEST"]
    code, town, _ = run(store_url, "show", "Orlan", "--type", "PLACE")
    code, groups, _ = run(store_url, "events", "--place", town["id"])
    assert code == 0 and [g["type"] for g in groups] == ["PROTEST"]
    code, groups, _ = run(store_url, "events", "--target", "Orlan", "--target-type", "PLACE")
    assert code == 0 and groups == []  # the town was no event's target


def test_show_json_says_when_it_took_the_dominant_actor(store_url: str) -> None:
    groups = [article(f"g{i}.txt", "Orlan", "ARMED_GROUP") for i in range(5)]
    store_all(store_url, [*groups, article("q.txt", "Orlan", "PLACE")])
    code, out, _ = run(store_url, "show", "Orlan")
    assert code == 0 and out["type"] == "ARMED_GROUP" and "5 documents against 1" in out["note"]
    code, out, _ = run(store_url, "show", "Orlan", "--type", "PLACE")
    assert code == 0 and "note" not in out  # no choice was made: the key is left out


def test_an_actor_keeps_its_id_when_other_names_leave_it(store_url: str) -> None:
    world(store_url)
    _, before, _ = run(store_url, "show", "Amber Guard")
    assert {a["name"] for a in before["aliases"]} >= {"AG", "Salt Road"}
    for name in ("AG", "Salt Road"):
        code, out, _ = run(store_url, "detach", name)
        assert code == 0 and actor_of(out, name) != before["id"]
        _, now, _ = run(store_url, "show", "Amber Guard")
        assert now["id"] == before["id"], name
