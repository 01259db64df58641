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
from claimgraph.export.graph import write_graphml
from claimgraph.export.snapshot import take_snapshot
from claimgraph.export.stix import HIGH, MEDIUM
from claimgraph.model import Extraction
from records import falcons_world, store_all


def export_all(path: str, world: list[Extraction]) -> dict[str, str]:
    engine, _ = store_all(f"sqlite:///{path}", world)
    out = {}
    with engine.connect() as conn:
        for fmt in FORMATS:
            buffer = io.StringIO()
            export_store(conn, fmt, buffer)
            out[fmt] = buffer.getvalue()
    return out


@pytest.fixture
def exported(tmp_path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return export_all(str(tmp_path / "x.db"), falcons_world())


def stix_objects(text: str) -> dict[str, list]:  # type: ignore[type-arg]
    """The bundle parsed (and so validated) by the stix2 library, objects by type."""
    bundle = stix2.parse(text, allow_custom=True)
    by_type: dict[str, list] = {}  # type: ignore[type-arg]
    for obj in bundle.objects:
        by_type.setdefault(obj.type, []).append(obj)
    return by_type


def test_stix_bundle_parses_and_keeps_denials_as_opinions(exported: dict[str, str]) -> None:
    by_type = stix_objects(exported["stix"])
    falcons = [t for t in by_type["threat-actor"] if t.name.startswith("Ridge Falcons")]
    assert len(falcons) == 1 and "RF" in falcons[0].aliases
    assert {i.identity_class for i in by_type["identity"]} == {"individual", "organization"}
    assert by_type["location"][0].name == "Korvana"
    # a relationship is a fact to a platform that imports it: only affirmed claims become one
    assert {r.x_claimgraph_polarity for r in by_type["relationship"]} == {"affirmed"}
    part_of = next(r for r in by_type["relationship"] if r.relationship_type == "part-of")
    [opinion] = by_type["opinion"]
    assert opinion.opinion == "strongly-disagree" and opinion.object_refs == [part_of.id]
    assert "denied" in opinion.explanation and opinion.authors
    assert len(by_type["report"]) == 4


def test_stix_confidence_says_how_a_claim_was_stated(exported: dict[str, str]) -> None:
    by_type = stix_objects(exported["stix"])
    confidence = {r.relationship_type: r.confidence for r in by_type["relationship"]}
    # part-of comes from two independent origins (the copy of a.txt counts once); operates-in from one
    assert confidence["part-of"] == HIGH and confidence["operates-in"] == MEDIUM


def test_stix_denial_with_nothing_affirmed_is_a_note_on_both_actors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    denial_only = [x for x in falcons_world() if x.document.title == "Brigade leaves coalition"]
    by_type = stix_objects(export_all(str(tmp_path / "d.db"), denial_only)["stix"])
    assert "relationship" not in by_type and "opinion" not in by_type
    [note] = by_type["note"]
    assert note.x_claimgraph_polarity == "denied" and "denied" in note.content and len(note.object_refs) == 2


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
    # the outlet is only named as an intermediary: in no claim, so not a node of the claim graph
    assert "Harbor Wire" not in names and all(graph.degree(n) > 0 for n in graph)
    edges = {(d["predicate"], d["polarity"]) for _, _, d in graph.edges(data=True)}
    assert {("part_of", "affirmed"), ("part_of", "denied"), ("operates_in", "affirmed")} <= edges


def test_graphml_with_documents_links_articles_to_every_actor_they_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine, _ = store_all(f"sqlite:///{tmp_path / 'g.db'}", falcons_world())
    buffer = io.StringIO()
    with engine.connect() as conn:
        write_graphml(take_snapshot(conn), buffer, documents=True)
    graph = nx.read_graphml(io.StringIO(buffer.getvalue()))
    articles = [n for n, d in graph.nodes(data=True) if d["type"] == "DOCUMENT"]
    assert len(articles) == 4
    named = {graph.nodes[v]["name"] for a in articles for _, v, d in graph.out_edges(a, data=True)}
    assert "Harbor Wire" in named


def test_csv_is_a_review_sheet_with_one_row_per_claim(exported: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(exported["csv"])))
    records = [json.loads(line) for line in exported["jsonl"].splitlines()]
    groups = [r for r in records if r["record"] == "claim"]
    assert {r["record"] for r in records} == {"actor", "claim", "document"}
    assert len(groups) == 4 and len(rows) == sum(len(g["claims"]) for g in groups) == 7
    texts = {r["title"]: r for r in records if r["record"] == "document"}
    assert all(r["evidence"] and r["title"] in texts and r["published"] for r in rows)
    part_of = [r for r in rows if r["predicate"] == "part_of" and r["polarity"] == "affirmed"]
    assert {r["group_independent_origins"] for r in part_of} == {"2"}
    assert any("Harbor Wire" in r["via"] for r in part_of) and any(r["source"] == "Marek Tolvani" for r in part_of)


def test_csv_rows_carry_their_documents_url(tmp_path) -> None:  # type: ignore[no-untyped-def]
    world = falcons_world()
    world[0].document.url = "https://news.example/falcons-join"
    rows = list(csv.DictReader(io.StringIO(export_all(str(tmp_path / "u.db"), world)["csv"])))
    urls = {r["document"]: r["url"] for r in rows}
    assert urls[world[0].document.id] == "https://news.example/falcons-join"
    assert len(urls) > 1 and {url for doc, url in urls.items() if doc != world[0].document.id} == {""}
