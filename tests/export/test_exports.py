"""Each export read back by the library that defines its format."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
import stix2
from followthemoney import model

from claimgraph.export import FORMATS, export_store
from records import falcons_world, store_all


@pytest.fixture
def exported(tmp_path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    engine, _ = store_all(f"sqlite:///{tmp_path / 'x.db'}", falcons_world())
    out = {}
    with engine.connect() as conn:
        for fmt in FORMATS:
            buffer = io.StringIO()
            export_store(conn, fmt, buffer)
            out[fmt] = buffer.getvalue()
    return out


def test_stix_bundle_parses_and_keeps_denials(exported: dict[str, str]) -> None:
    bundle = stix2.parse(exported["stix"], allow_custom=True)
    by_type: dict[str, list] = {}
    for obj in bundle.objects:
        by_type.setdefault(obj.type, []).append(obj)
    falcons = [t for t in by_type["threat-actor"] if t.name.startswith("Ridge Falcons")]
    assert len(falcons) == 1 and "RF" in falcons[0].aliases
    assert {i.identity_class for i in by_type["identity"]} == {"individual", "organization"}
    assert by_type["location"][0].name == "Korvana"
    polarities = {(r.relationship_type, r.x_claimgraph_polarity) for r in by_type["relationship"]}
    assert ("part-of", "denied") in polarities and ("part-of", "affirmed") in polarities
    denied = next(r for r in by_type["relationship"] if r.x_claimgraph_polarity == "denied")
    assert "denied" in denied.description and denied.x_claimgraph_sources
    assert len(by_type["report"]) == 4


def test_ftm_entities_validate(exported: dict[str, str]) -> None:
    entities = [json.loads(line) for line in exported["ftm"].splitlines()]
    schemata = set()
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and schema.validate(data) is None
        proxy = model.get_proxy(data)
        schemata.add(proxy.schema.name)
    assert {"Organization", "Person", "Address", "Article", "Documentation", "UnknownLink"} <= schemata
    denied = [e for e in entities if e["schema"] == "UnknownLink" and e["properties"].get("status") == ["denied"]]
    assert denied and denied[0]["properties"]["role"] == ["part_of"]


def test_graphml_reads_back_with_networkx(exported: dict[str, str]) -> None:
    graph = nx.read_graphml(io.StringIO(exported["graphml"]))
    names = {data["name"] for _, data in graph.nodes(data=True)}
    assert {"Dawn Coalition", "Korvana", "Marek Tolvani"} <= names
    edges = {(d["predicate"], d["polarity"]) for _, _, d in graph.edges(data=True)}
    assert {("part_of", "affirmed"), ("part_of", "denied"), ("operates_in", "affirmed")} <= edges


def test_csv_and_jsonl_hold_every_claim_group(exported: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(exported["csv"])))
    records = [json.loads(line) for line in exported["jsonl"].splitlines()]
    claims = [r for r in records if r["record"] == "claim"]
    assert len(rows) == len(claims) == 4
    assert {r["record"] for r in records} == {"actor", "claim", "document"}
    part_of = next(r for r in rows if r["predicate"] == "part_of" and r["polarity"] == "affirmed")
    assert part_of["independent_origins"] == "2" and "Harbor Wire" in part_of["via"]
