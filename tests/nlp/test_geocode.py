"""Places resolved to GeoNames by the written rule: countries, lone towns, dateline and co-occurring places."""

from __future__ import annotations

import pytest

from claimgraph.model import Dateline, Document, Entity
from claimgraph.nlp.entities.geocode import geocode


def _geocoded(names: list[str], dateline: str | None = None) -> dict[str, Entity]:
    entities = [Entity(f"e{i}", name, "PLACE") for i, name in enumerate(names, 1)]
    document = Document(
        text="x", id="sha256:0", source_path="x.txt", dateline=Dateline(dateline, None) if dateline else None
    )
    geocode(entities, document)
    return {e.name: e for e in entities}


def test_a_country_is_the_country_even_when_a_village_shares_its_name() -> None:
    geo = _geocoded(["Sudan"])["Sudan"].geo
    assert geo is not None and geo.country == "Sudan" and geo.lat is None  # no coordinates for countries


def test_a_short_form_of_a_country_is_that_country() -> None:
    geo = _geocoded(["US"])["US"].geo
    assert geo is not None and geo.country == "United States"


def test_a_lone_big_town_is_resolved_with_its_region() -> None:
    geo = _geocoded(["Aleppo"])["Aleppo"].geo
    assert geo is not None and geo.country == "Syria" and geo.lat is not None and geo.admin1


def test_a_city_that_dwarfs_its_namesakes_is_resolved() -> None:
    geo = _geocoded(["Damascus"])["Damascus"].geo
    assert geo is not None and geo.country == "Syria"


@pytest.mark.parametrize(
    ("names", "dateline", "country"),
    [
        (["Tripoli"], "Beirut, Lebanon", "Lebanon"),  # the dateline's country breaks the tie
        (["Tripoli", "Libya"], None, "Libya"),  # so does a country the story names
        (["Tripoli", "Lebanon"], None, "Lebanon"),
    ],
)
def test_ties_are_broken_by_the_dateline_and_the_other_places(
    names: list[str], dateline: str | None, country: str
) -> None:
    geo = _geocoded(names, dateline)["Tripoli"].geo
    assert geo is not None and geo.country == country


@pytest.mark.parametrize("name", ["Tripoli", "Middle East", "Springfield", "Nowhereville Qxz"])
def test_no_resolution_rather_than_a_guess(name: str) -> None:
    assert _geocoded([name])[name].geo is None


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        # A GeoNames admin1 code means a region only within its country; matching regions to cities by
        # name once gave these Kansas, Georgia, Bretagne, Imo, Abruzzo and no region.
        ("New York", "United States", "New York"),
        ("Chicago", "United States", "Illinois"),
        ("Paris", "France", "Ile-de-France"),
        ("Maiduguri", "Nigeria", "Borno"),
        ("Milan", "Italy", "Lombardy"),
        ("Mosul", "Iraq", "Ninawa"),
    ],
)
def test_a_city_is_given_the_region_its_country_means_by_its_code(name: str, country: str, admin1: str) -> None:
    geo = _geocoded([name])[name].geo
    assert geo is not None and (geo.country, geo.admin1) == (country, admin1)


def test_a_city_in_a_region_redrawn_since_the_names_were_listed_gets_no_region_rather_than_a_stale_one() -> None:
    geo = _geocoded(["Lyon"])["Lyon"].geo  # France merged Rhône-Alpes and Auvergne in 2016
    assert geo is not None and geo.country == "France" and geo.lat is not None and geo.admin1 is None
