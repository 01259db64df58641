"""Rules for news outlets and the platforms stories are sourced from (type MEDIA).

The model knows outlets as ORG at best, and misreads short ones ("Twitter"
as a person).  Outlets have three shapes worth a rule:

* web domains cited as sources ("SyriaComment.com");
* names ending in "News Agency" / "News" / "TV" ("Yahoo News", "Sky News
  Tonight", "Al-Manar TV"), papers' names after "the" ("the Dunmore Herald"), and a nationality with
  "state TV" / "state media" ("Syrian state TV");
* well-known wires, broadcasters, papers and social platforms, listed in
  ``claimgraph/data/outlets.json`` and matched case-sensitively, so "the
  guardian of the shrine" or "twitter" in prose do not fire.

And any name the text treats as an outlet, whatever it is called: one
written beside an outlet noun ("the daily Al-Kestrel", "satirical outlet
the Onion", "the Norvia Post newspaper", "a Kestrel TV reporter"), and an
organisation a speaker tells something or gives an interview to ("sources
told The New Norvian", "in an interview with Kestrel Radio's show"): news
writes so of the outlet carrying the words, and the model knows such names
as organisations or people at best.

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

# The last words of papers' names ("The Dunmore Herald").
MEDIA_HEADS = frozenset(["Times", "Post", "Herald", "Tribune", "Journal", "Gazette", "Telegraph", "Chronicle"])
# An Arabic article and its hyphen opening a channel's name ("Al-Manar TV"), kept in it.
_ARTICLE: list[dict[str, Any]] = [{"ORTH": {"IN": ["Al", "El", "Ar", "As", "Ash"]}}, {"ORTH": "-"}]

PATTERNS: list[list[dict[str, Any]]] = [
    [{"LIKE_URL": True, "TEXT": {"REGEX": DOMAIN}}],
    [{**_CAPITALISED, "OP": "+"}, {"LOWER": "news"}, {"LOWER": {"IN": ["agency", "network", "service"]}}],
    [{**_CAPITALISED, "OP": "+"}, {"ORTH": {"IN": ["TV", "Television", "Radio"]}}],
    [*_ARTICLE, {**_CAPITALISED, "OP": "+"}, {"ORTH": {"IN": ["TV", "Television", "Radio"]}}],
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


# Nouns that make a name beside them an outlet: before it ("the daily X") or after it ("the X newspaper").
OUTLET_NOUNS = frozenset(["newspaper", "daily", "weekly", "broadcaster", "channel", "website", "outlet", "magazine"])
# Staff nouns after a name ("a Kestrel TV reporter"); before one they introduce a person ("reporter Ann Berg").
STAFF_NOUNS = frozenset(["reporter", "reporters", "correspondent", "correspondents", "journalist", "journalists"])
# The model's labels for a name an outlet noun vouches for, and for one a speaker tells something: an unknown
# title it reads as a work or a product ("told The New Norvian"), never a person (people are told things too).
_BESIDE_NOUN = frozenset(["ORG", "PERSON", "WORK_OF_ART", "PRODUCT"])
_TOLD = frozenset(["ORG", "WORK_OF_ART", "PRODUCT"])
# Words of the bodies speakers also tell things ("told the Security Council", "told the State Department").
_BODY_WORDS = (
    "nations union council committee commission department ministry office agency court parliament congress "
    "senate assembly house government authorities police army military forces watch cross crescent"
)
BODY_WORDS = frozenset(_BODY_WORDS.split())


def cited_as_outlet(ent: Span) -> bool:
    """Does the text treat this name as an outlet: an outlet noun beside it, or a speaker telling it something?

    Told, a body's name of two words or more would be read as an outlet
    too; one word ("told Congress", "told NATO") and names holding a
    body's word are left as they are: well-known outlets that short are
    listed.
    """
    doc = ent.doc
    i = ent.start - 1 - (ent.start > 1 and doc[ent.start - 1].lower_ == "the")
    before = doc[i] if i >= 0 else None
    after = doc[ent.end] if ent.end < len(doc) and doc[ent.end].is_lower else None
    if ent.label_ not in _BESIDE_NOUN:
        return False
    if (before is not None and before.is_lower and before.lower_ in OUTLET_NOUNS) or (
        after is not None and after.lower_ in OUTLET_NOUNS | STAFF_NOUNS
    ):
        return True
    if ent.label_ not in _TOLD or before is None or len(ent) < 2 or any(t.lower_ in BODY_WORDS for t in ent):
        return False
    interview = before.lower_ == "with" and before.i > 0 and doc[before.i - 1].lower_ in ("interview", "interviews")
    return interview or (before.lower_ == "told" and before.pos_ == "VERB")


class OutletRules:
    """Marks domains, "… News Agency" names and listed outlets as MEDIA."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("outlet_shape", PATTERNS, greedy="LONGEST")
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names.add("outlet_name", [nlp.make_doc(n) for n in outlet_names()])
        # "the Dunmore Herald reported": a paper's name the model left untagged, after "the"
        self.paper = Matcher(nlp.vocab)
        self.paper.add(
            "paper",
            [[{"LOWER": "the"}, {"IS_TITLE": True, "ENT_IOB": "O", "OP": "+"}, {"ORTH": {"IN": sorted(MEDIA_HEADS)}}]],
            greedy="LONGEST",
        )
        # "satirical outlet the Onion": a name the model left untagged after an outlet noun
        self.after_outlet_noun = Matcher(nlp.vocab)
        untagged = {"IS_TITLE": True, "ENT_IOB": "O"}
        self.after_outlet_noun.add(
            "after_outlet_noun",
            [
                [
                    {"LOWER": {"IN": sorted(OUTLET_NOUNS)}, "IS_LOWER": True},
                    {"LOWER": "the", "OP": "?"},
                    {**untagged, "OP": "+"},
                ]
            ],
            greedy="LONGEST",
        )

    def __call__(self, doc: Doc) -> Doc:
        found = [(s, e) for _, s, e in self.matcher(doc)]
        # A listed name running into a longer capitalised name ("Guardian Council") is not the outlet.
        found += [(s, e) for _, s, e in self.names(doc) if e == len(doc) or not doc[e].is_title]
        found += [(e.start, e.end) for e in doc.ents if not e.kb_id and cited_as_outlet(e)]
        found += [(s + 1 + (doc[s + 1].lower_ == "the"), e) for _, s, e in self.after_outlet_noun(doc)]
        found += [(s + 1, e) for _, s, e in self.paper(doc) if all(t.ent_iob_ == "O" for t in doc[s + 1 : e])]
        return set_entities(doc, [Span(doc, s, e, label="MEDIA") for s, e in found])
