"""The place gazetteer: GeoNames countries, regions and populated places, by any spelling.

Built by ``scripts/build_place_gazetteer.py`` into
``claimgraph/data/gazetteer_places.json.gz`` (countries, continents, ISO
first-level subdivisions and every GeoNames place of 500 or more people,
with Latin-script alternate names).  ``lookup`` answers "which places could
this name be?", best candidate first; it is the one API for the entity
rules (is this span a place?) and for anything that wants coordinates.

A name is found by its folded spelling (``names.fold`` of the name or of its
ASCII transliteration), or failing that by its transliteration key
(``names.name_key``: "Khan Sheikhoun" and GeoNames' "Khān Shaykhūn" share
one), confirmed by a near spelling so a lossy key alone never decides.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from anyascii import anyascii
from rapidfuzz import fuzz

from claimgraph.names import fold, name_key

PlaceKind = Literal["country", "admin1", "continent", "city"]
_KIND_ORDER = {"country": 0, "admin1": 1, "continent": 2, "city": 3}
_ARTICLES = ("al ", "el ", "ar ", "as ", "ash ", "at ", "ad ", "az ", "an ")
KEY_MIN = 4  # letters a transliteration key needs before it may decide anything


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer place: its id (GeoNames id; ISO 3166-2 code for a subdivision) and where it is."""

    id: str
    name: str
    kind: PlaceKind
    country_code: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int


def bare(text: str) -> str:
    """Folded ASCII spelling without a leading Arabic article ("al-Tabqa" → "tabqa")."""
    folded = fold(anyascii(text).replace("-", " "))
    for article in _ARTICLES:
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def lookup_forms(names: list[str]) -> tuple[list[str], list[str]]:
    """The folded spellings and transliteration keys a place is found by (the build script stores them)."""
    folds = sorted({spelled for n in names for spelled in (fold(n), bare(n))})
    keys = sorted({k for n in names if len((k := name_key(n)).replace(" ", "")) >= KEY_MIN})
    return folds, keys


Index = dict[str, int | list[int]]


def _ids(index: Index, form: str) -> list[int]:
    found = index.get(form, [])
    return [found] if isinstance(found, int) else found


class PlaceGazetteer:
    """Places (tab-separated rows, parsed when asked for) indexed by folded spelling and by transliteration key."""

    def __init__(self, rows: list[str], folds: Index, keys: Index) -> None:
        self._rows = rows
        self._by_fold = folds
        self._by_key = keys
        self._countries = {f[3]: f[2] for row in rows if row.startswith("country\t") for f in [row.split("\t")]}

    @classmethod
    def load(cls) -> PlaceGazetteer:
        """The packaged gazetteer."""
        raw = resources.files("claimgraph").joinpath("data", "gazetteer_places.json.gz").read_bytes()
        data = json.loads(gzip.decompress(raw))
        return cls(data["places"], data["folds"], data["keys"])

    def lookup(self, text: str, *, variants: bool = True) -> list[Place]:
        """Every place ``text`` may name, best first: countries, regions, then towns by population.

        With ``variants`` False only listed spellings count, not transliteration
        keys (which also make "Observatory" the Observatoire district of Paris).
        """
        hits = _ids(self._by_fold, fold(text)) or _ids(self._by_fold, bare(text))
        if not hits and variants:
            key, spelled = name_key(text), bare(text)
            hits = [
                i
                for i in _ids(self._by_key, key)
                if len(key.replace(" ", "")) >= KEY_MIN and self._near(spelled, self._rows[i].split("\t"))
            ]
        places = [self._place(i) for i in dict.fromkeys(hits)]
        return sorted(places, key=lambda p: (_KIND_ORDER[p.kind], -p.population))

    def best(self, text: str, *, variants: bool = True) -> Place | None:
        """The likeliest place ``text`` names, or None."""
        found = self.lookup(text, variants=variants)
        return found[0] if found else None

    def _near(self, spelled: str, row: list[str]) -> bool:
        forms = [row[2], *(row[8].split("|") if row[8] else ())]
        return any(fuzz.ratio(spelled, bare(f)) >= 80 for f in forms)

    def _place(self, i: int) -> Place:
        kind, pid, name, cc, admin1, lat, lon, pop = self._rows[i].split("\t")[:8]
        return Place(
            id=pid,
            name=name,
            kind=kind,  # type: ignore[arg-type]
            country_code=cc,
            country=self._countries.get(cc) if kind != "country" else name,
            admin1=admin1 or None,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
            population=int(pop) if pop else 0,
        )


@cache
def shipped_places() -> PlaceGazetteer:
    """The packaged place gazetteer, loaded once per process."""
    return PlaceGazetteer.load()


def lookup_place(text: str) -> list[Place]:
    """Every place ``text`` may name, best first (see ``PlaceGazetteer.lookup``)."""
    return shipped_places().lookup(text)
