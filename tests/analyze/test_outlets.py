"""One outlet under its spellings, and the outlet that reported a claim apart from whoever asserts it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from claimgraph import Graph
from claimgraph.cli import app
from claimgraph.graph import ClaimQuery
from records import claim, document, entity, extraction, store_all

TEXT = "The Ridge Falcons are part of the Dawn Coalition, said Marek Tolvani."


def _world() -> list:  # type: ignore[type-arg]
    ents = [
        entity("e1", "Ridge Falcons", "ARMED_GROUP", TEXT),
        entity("e2", "Dawn Coalition", "ARMED_GROUP", TEXT),
        entity("e3", "Marek Tolvani", "PERSON", TEXT),
    ]
    world = []
    # four documents spell one outlet three ways (the most used one is its name); another outlet shares words
    for i, outlet in enumerate(["Harbor Wire", "harbor wire", "HARBOR-WIRE", "Harbor Wire Arabic"]):
        doc = replace(document(f"{TEXT} ({i})", f"2019-03-0{i + 1}", path=f"{i}.txt"), publisher=outlet)
        world.append(extraction(doc, ents, [claim("c1", "e1", "part_of", "e2")]))
    quoted = replace(document(TEXT + " (q)", "2019-03-09", path="q.txt"), publisher="Harbor Wire")
    world.append(extraction(quoted, ents, [claim("c1", "e1", "part_of", "e2", source="e3")]))
    return world


def _url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'o.db'}"
    store_all(url, _world())[0].dispose()
    return url


def test_a_dossier_names_one_outlet_once(tmp_path: Path) -> None:
    with Graph.open(_url(tmp_path), create=False) as graph:
        [group] = graph.dossier("Ridge Falcons").to_json()["claims"]
    assert group["sources"] == ["Harbor Wire", "Harbor Wire Arabic", "Marek Tolvani"]
    assert group["reported_by"] == ["Harbor Wire", "Harbor Wire Arabic"]


def test_claims_carry_reported_by_apart_from_the_source(tmp_path: Path) -> None:
    url = _url(tmp_path)
    rows = json.loads(CliRunner().invoke(app, ["claims", "--json", "--db", url]).output)
    said = [(r["source"], r["reported_by"]) for r in rows]
    assert said == [
        (None, "Harbor Wire"),
        (None, "Harbor Wire"),
        (None, "Harbor Wire"),
        (None, "Harbor Wire Arabic"),
        ("Marek Tolvani", "Harbor Wire"),
    ]
    text = CliRunner().invoke(app, ["claims", "--db", url]).output
    assert "said by Marek Tolvani, reported by Harbor Wire" in text


def test_source_finds_every_spelling_of_an_outlet(tmp_path: Path) -> None:
    with Graph.open(_url(tmp_path), create=False) as graph:
        found = graph.claims(ClaimQuery(source="harbor-wire"))
    # the article-voice claims of all three spellings; not the other outlet's, not the quoted one
    assert sorted(c.document_id for c in found) == sorted(
        c.document_id for c in graph_claims(tmp_path) if c.source is None and c.publisher == "Harbor Wire"
    )
    assert len(found) == 3


def graph_claims(tmp_path: Path) -> list:  # type: ignore[type-arg]
    with Graph.open(f"sqlite:///{tmp_path / 'o.db'}", create=False) as graph:
        return graph.claims()
