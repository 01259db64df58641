"""Countries, their demonyms and long forms: the hand table and the derived one (scripts/build_country_forms.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from claimgraph.nlp.entities.countries import country_of, is_demonym

ROOT = Path(__file__).resolve().parents[2]


def _build_script():
    spec = importlib.util.spec_from_file_location("build_country_forms", ROOT / "scripts" / "build_country_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_country_demonym_names_its_country() -> None:
    assert country_of("Peruvian") == "Peru"
    assert country_of("Icelander") == "Iceland"
    assert country_of("Kingdom of Sweden") == "Sweden"
    assert country_of("Dutch") == country_of("Netherlands") == country_of("The Netherlands")


def test_demonyms_are_peoples_and_country_names_are_not() -> None:
    assert is_demonym("Estonian") and is_demonym("Estonians") and is_demonym("Britons") and is_demonym("Kurds")
    assert not is_demonym("Estonia") and not is_demonym("Czech Republic") and not is_demonym("Britain")
    assert not is_demonym("Bahamas") and not is_demonym("The Netherlands")


def test_a_shared_demonym_goes_to_the_most_populous_country_and_own_names_are_left_out() -> None:
    build = _build_script()
    countries = {
        "AA": {"name": "Bigland", "population": 9000},
        "BB": {"name": "Bigland Islands", "population": 10},
        "CC": {"name": "Samename", "population": 5},
    }
    records = [
        {"ISO": {"alpha2": "BB"}, "name": "Bigland Islands", "demonym": "Biglander", "altSpellings": ["BI"]},
        {
            "ISO": {"alpha2": "AA"},
            "name": "Bigland",
            "demonym": "Biglander,Bigish",
            "altSpellings": ["Kingdom of Bigland", "Big"],
        },
        {"ISO": {"alpha2": "CC"}, "name": "Samename", "demonym": "Samename", "altSpellings": []},
    ]
    tables = build.country_forms(records, countries)
    assert tables["demonyms"] == {"biglander": "Bigland", "bigish": "Bigland"}
    assert tables["names"] == {"kingdom of bigland": "Bigland"}  # one-word alternates ("Big") are left out


def test_a_country_written_with_the_article_is_the_country() -> None:
    assert country_of("The United States") == country_of("U.S.") == "United States"
    assert country_of("Theodore") is None
