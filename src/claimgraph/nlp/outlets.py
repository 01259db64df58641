"""Rules for news outlets and the platforms stories are sourced from (type MEDIA).

The model knows outlets as ORG at best, and misreads short ones ("Twitter"
as a person).  Outlets have three shapes worth a rule:

* web domains cited as sources ("SyriaComment.com");
* names ending in "News Agency" / "News" / "TV" ("Yahoo News", "Sky News
  Tonight"), and a nationality with
  "state TV" / "state media" ("Syrian state TV");
* well-known wires, broadcasters, papers and social platforms, listed in
  ``claimgraph/data/outlets.json`` and matched case-sensitively, so "the
  guardian of the shrine" or "twitter" in prose do not fire.

``claimgraph_outlets_v1`` labels these spans MEDIA.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.spans import set_entities

DOMAIN = r"^[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|info|news|tv|co\.uk|az|ru|ua|tr|fr|de|sy|iq|me)$"
_CAPITALISED: dict[str, Any] = {"IS_TITLE": True}

PATTERNS: list[list[dict[str, Any]]] = [
    [{"LIKE_URL": True, "TEXT": {"REGEX": DOMAIN}}],
    [{**_CAPITALISED, "OP": "+"}, {"LOWER": "news"}, {"LOWER": {"IN": ["agency", "network", "service"]}}],
    [{**_CAPITALISED, "OP": "+"}, {"ORTH": {"IN": ["TV", "Television", "Radio"]}}],
    [
        {**_CAPITALISED, "IS_STOP": False, "OP": "+"},
        {"ORTH": "News"},
        {"ORTH": {"IN": ["Daily", "Tonight", "Hour"]}, "OP": "?"},
    ],
    [
        {"ENT_TYPE": "NORP"},
        {"LOWER": "state"},
        {"LOWER": {"IN": ["tv", "television", "media", "broadcaster", "radio", "news"]}},
        {"LOWER": "agency", "OP": "?"},
    ],
]


@cache
def outlet_names() -> tuple[str, ...]:
    """The packaged list of well-known outlets and platforms."""
    text = resources.files("claimgraph").joinpath("data", "outlets.json").read_text(encoding="utf-8")
    return tuple(json.loads(text)["outlets"])


class OutletRules:
    """Marks domains, "… News Agency" names and listed outlets as MEDIA."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("outlet_shape", PATTERNS, greedy="LONGEST")
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names.add("outlet_name", [nlp.make_doc(n) for n in outlet_names()])

    def __call__(self, doc: Doc) -> Doc:
        found = [(s, e) for _, s, e in self.matcher(doc)]
        # A listed name running into a longer capitalised name ("Guardian Council") is not the outlet.
        found += [(s, e) for _, s, e in self.names(doc) if e == len(doc) or not doc[e].is_title]
        return set_entities(doc, [Span(doc, s, e, label="MEDIA") for s, e in found])


@Language.factory("claimgraph_outlets_v1")
def make_outlets(nlp: Language, name: str) -> OutletRules:
    """Registered factory for the outlet rules."""
    return OutletRules(nlp)
