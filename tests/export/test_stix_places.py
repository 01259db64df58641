"""STIX locations come from the place each document's geocoder resolved, kept in the store, never from the name."""

from __future__ import annotations

import io
from pathlib import Path

import stix2

from claimgraph import Graph
from claimgraph.export import export_store
from claimgraph.model import Geo
from records import claim, document, entity, extraction, store_all

# Invented places; one is named like a real capital but was left unresolved by the geocoder.
LOCATED = Geo(9_900_001, 36.21, 37.16, "Syria", "Aleppo")
TEXT = "The Ridge Falcons operate in Varenna and in Paris, residents said."


def _world() -> list:  # type: ignore[type-arg]
    varenna = entity("e2", "Varenna", "PLACE", TEXT)
    varenna.geo = LOCATED
    ents = [entity("e1", "Ridge Falcons", "ARMED_GROUP", TEXT), varenna, entity("e3", "Paris", "PLACE", TEXT)]
    claims = [claim("c1", "e1", "operates_in", "e2"), claim("c2", "e1", "operates_in", "e3")]
    return [extraction(document(TEXT, "2019-02-01", path="p.txt"), ents, claims)]


def test_a_place_keeps_its_geo_in_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    store_all(url, _world())[0].dispose()
    with Graph.open(url, create=False) as graph:
        [doc_id] = [d.id for d in graph.browse().documents]
        places = {e.name: e.geo for e in graph.document(doc_id).extraction.entities if e.type == "PLACE"}
    assert places == {"Varenna": LOCATED, "Paris": None}


def test_stix_locations_use_the_stored_geo(tmp_path: Path) -> None:
    engine, _ = store_all(f"sqlite:///{tmp_path / 'p.db'}", _world())
    with engine.connect() as conn:
        out = io.StringIO()
        export_store(conn, "stix", out)
    locations = {o.name: o for o in stix2.parse(out.getvalue(), allow_custom=True).objects if o.type == "location"}
    varenna = locations["Varenna"]
    assert (varenna.latitude, varenna.longitude, varenna.country) == (36.21, 37.16, "SY")
    assert varenna.administrative_area == "Aleppo"
    assert varenna.external_references[0].external_id == str(LOCATED.geonames_id)
    # unresolved by the geocoder: not placed in France because the name is spelled like its capital
    paris = locations["Paris"]
    assert paris.region == "unknown" and "latitude" not in paris and "country" not in paris
