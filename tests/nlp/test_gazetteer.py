"""The gazetteer: the shipped data, the build script's name handling, and the guards on short aliases."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from entity_helpers import by_name, entities

from claimgraph.nlp.entities.gazetteer import Gazetteer, GazetteerEntry, shipped_gazetteer

ROOT = Path(__file__).resolve().parents[2]


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_data_cites_its_sources_and_keeps_the_licence() -> None:
    data = ROOT / "src" / "claimgraph" / "data"
    note = (data / "gazetteer.json").read_text(encoding="utf-8")
    assert "United Nations Security Council Consolidated List" in note
    assert "MIT" in note and "START" in note
    assert "Permission is hereby granted" in (data / "PHOENIX_LICENSE.txt").read_text(encoding="utf-8")


def test_shipped_entries_have_ids_types_and_guards() -> None:
    gazetteer = shipped_gazetteer()
    ids = [e.id for e in gazetteer.entries]
    assert len(ids) == len(set(ids)) > 1000
    assert all(e.id.startswith(("un:", "phoenix:", "curated:")) for e in gazetteer.entries)
    assert {e.type for e in gazetteer.entries} <= {"ARMED_GROUP", "ORGANIZATION"}
    for entry in gazetteer.entries:
        for form, guarded in entry.forms():
            if len(form.replace(" ", "")) <= 3:
                assert guarded, f"{entry.id}: {form!r} must be guarded"


def test_build_script_cases_and_splits_names() -> None:
    build = build_script()
    assert build.proper_case("AL-QAIDA IN IRAQ") == "Al-Qaida in Iraq"
    assert build.proper_case("TEHRIK-E TALIBAN PAKISTAN (TTP)") == "Tehrik-e Taliban Pakistan (TTP)"
    assert list(build.split_variants("NORTHERN LIBERATION FRONT (NLF)")) == ["Northern Liberation Front", "NLF"]
    assert list(build.split_variants("Front of the Hills/the Plains")) == ["Front of the Hills", "Front of the Plains"]
    assert list(build.split_variants("Old Name / New Name")) == ["Old Name", "New Name"]
    assert build.is_guarded("The Base") and build.is_guarded("ABC") and build.is_guarded("Islamic Army")
    assert not build.is_guarded("Northern Liberation Front of the Hills")


def test_branch_names_give_their_parent_its_short_forms() -> None:
    build = build_script()
    entries = [
        {"id": "un:P", "name": "Greater Example Front", "type": "ARMED_GROUP", "aliases": ["Example Front in Iraq"]},
        {"id": "un:B", "name": "GEF-North", "type": "ARMED_GROUP", "aliases": ["Greater Example Front - North"]},
    ]
    build.attach_stems(entries)
    assert "GEF" in entries[0]["aliases"]
    assert "Example Front" in entries[0]["aliases"]  # "<X> in <country>" → "<X>"


def _gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            GazetteerEntry(
                "test:1",
                "Northern Liberation Front of the Hills",
                "ARMED_GROUP",
                ("NLFH", "The Front"),
                frozenset({"NLFH", "The Front"}),
            )
        ]
    )


def test_guarded_forms_need_a_name_span_and_the_listed_case() -> None:
    gazetteer = _gazetteer()
    assert gazetteer.lookup("northern liberation front of the hills", allow_guarded=False) is not None
    assert gazetteer.lookup("NLFH", allow_guarded=False) is None
    assert gazetteer.lookup("NLFH", allow_guarded=True) is not None
    assert gazetteer.lookup("The Front", allow_guarded=False) is None


def test_transliterated_spelling_finds_the_listed_entry() -> None:
    entry = shipped_gazetteer().lookup("Jaysh al-Muhajirin wa al-Ansar", allow_guarded=False)
    assert entry is not None and entry.id == "un:QDe.148"


@pytest.mark.slow
def test_short_alias_does_not_fire_on_ordinary_words() -> None:
    found = entities("The base of the hill was quiet. Isi and Ali walked to the market in the morning.")
    assert all(e.gazetteer_id is None for e in found)


@pytest.mark.slow
def test_listed_names_get_their_id_and_type() -> None:
    found = entities("Fighters of Al Qaeda and of al-Qaida attacked the town, officials said.")
    qaeda = by_name(found, "Al Qaeda")
    assert qaeda.type == "ARMED_GROUP" and qaeda.gazetteer_id == "un:QDe.004"
    assert "al-Qaida" in [qaeda.name, *qaeda.aliases]


def test_places_dates_and_titled_people_are_not_group_names() -> None:
    build = build_script()
    assert build.not_a_group_name("South Africa", None)
    assert build.not_a_group_name("17 November", None)
    assert build.not_a_group_name("Sheikh Abdallah", None)
    assert not build.not_a_group_name("Northern Liberation Front", None)
    assert build.is_guarded("The Lightning")


@pytest.mark.slow
def test_a_listed_name_in_lower_case_prose_does_not_fire() -> None:
    found = entities("Protesters waved a red flag while the al-nusra front line held. Al-Nusra Front denied it.")
    assert [e.name for e in found if e.gazetteer_id] == ["Al-Nusra Front"]


@pytest.mark.slow
def test_names_of_one_listed_entry_are_one_entity() -> None:
    found = entities("The Houthis fired again on Sunday. Ansar Allah said the strikes would go on.")
    groups = [e for e in found if e.type == "ARMED_GROUP"]
    assert len(groups) == 1 and groups[0].gazetteer_id == "un:YEe.001"
    assert {"Houthis", "Ansar Allah"} == {groups[0].name, *groups[0].aliases}


def test_the_build_links_entries_of_two_sources_that_are_one_actor() -> None:
    build = build_script()
    entries = [
        {"id": "un:X.1", "name": "Al-Qarnawi Front", "aliases": ["AQF"], "guarded": ["AQF"]},
        {"id": "phoenix:A/QARNAWI", "name": "Qarnawi Front", "aliases": ["Al Qarnawi Front"], "guarded": []},
        {"id": "phoenix:B/OTHER", "name": "Other Front", "aliases": ["AQF"], "guarded": ["AQF"]},
        {"id": "un:X.2", "name": "Qarnawi Front", "aliases": [], "guarded": []},
    ]
    build.link_sources(entries)
    links = {e["id"]: e.get("same_as", []) for e in entries}
    # a primary name that is the other source's spelling links the two; a guarded acronym links nothing
    assert links["un:X.1"] == ["phoenix:A/QARNAWI"]
    assert links["phoenix:A/QARNAWI"] == ["un:X.1", "un:X.2"]
    assert links["phoenix:B/OTHER"] == []
    gazetteer = Gazetteer(
        [GazetteerEntry("un:X.1", "Al-Qarnawi Front", "ARMED_GROUP", (), frozenset(), frozenset(links["un:X.1"]))]
    )
    assert gazetteer.linked("un:X.1", "phoenix:A/QARNAWI") and not gazetteer.linked("un:X.1", "un:X.2")


def test_curated_groups_formed_after_2013_are_listed_with_their_short_forms() -> None:
    gazetteer = shipped_gazetteer()
    pmf = gazetteer.lookup("Popular Mobilisation Units", allow_guarded=False)
    assert pmf is not None and pmf.type == "ARMED_GROUP"
    assert gazetteer.lookup("Hashd al-Shaabi", allow_guarded=False) == pmf
    nusra = gazetteer.lookup("Nusra Front", allow_guarded=False)
    assert nusra is not None and nusra.id.startswith("un:")  # a listed group gains the curated aliases
    assert gazetteer.lookup("Nusra", allow_guarded=False) is None  # one word: guarded
    assert gazetteer.lookup("Nusra", allow_guarded=True) == nusra
