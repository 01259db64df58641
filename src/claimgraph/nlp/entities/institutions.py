"""State bodies named by a country or leader and a common noun ("Syrian government").

The model leaves "the Turkish military", "Dagestani authorities" or "the
Trump administration" untagged or tags only the adjective (NORP), yet they
are actors analysts track: ORGANIZATION.  ``claimgraph_institutions_v1``
labels a nationality, country or person followed by one of the nouns below,
the country's possessive between them or not ("Jordan's foreign ministry"),
and a coalition named by the state that leads it ("the Saudi-led coalition").
``head_class`` groups nouns that name the same body, so "Syrian regime" and
"Syrian government" can be tied together in one document.
"""

from __future__ import annotations

import itertools
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.entities.countries import country_of
from claimgraph.nlp.spans import set_entities

HEAD_CLASSES: dict[str, str] = {
    "government": "government",
    "regime": "government",
    "administration": "government",
    "military": "military",
    "army": "military",
    "armed forces": "military",
    "forces": "military",
    "authorities": "authorities",
    "foreign ministry": "foreign ministry",
    "defence ministry": "defence ministry",
    "defense ministry": "defence ministry",
    "interior ministry": "interior ministry",
    "parliament": "parliament",
    "police": "police",
    "navy": "navy",
    "air force": "air force",
    "intelligence": "intelligence",
    "presidency": "presidency",
}
_SINGLE = sorted(h for h in HEAD_CLASSES if " " not in h and h != "forces")
_MODIFIER_TYPES = ("NORP", "GPE", "PLACE")
_MODIFIER: dict[str, Any] = {"ENT_TYPE": {"IN": list(_MODIFIER_TYPES)}, "OP": "+"}
_POSSESSIVE: dict[str, Any] = {"ORTH": {"IN": ["'s", "’s"]}, "OP": "?"}
# The alliances news names by the state that leads them: "the U.S.-led coalition", "the Saudi - led coalition"
# (hyphen split off or not).  "Kurdish-led forces" describes fighters rather than naming a body.
COALITION_HEADS = ["coalition", "alliance"]
_LED = {"TEXT": {"REGEX": r"^[A-Z][\w.]*-led$"}}

PATTERNS: list[list[dict[str, Any]]] = [
    [_MODIFIER, _POSSESSIVE, {"LOWER": {"IN": _SINGLE}}],
    [_MODIFIER, _POSSESSIVE, {"LOWER": {"IN": ["foreign", "defence", "defense", "interior"]}}, {"LOWER": "ministry"}],
    [_MODIFIER, _POSSESSIVE, {"LOWER": {"IN": ["armed", "air"]}}, {"LOWER": {"IN": ["forces", "force"]}}],
    [_LED, {"LOWER": {"IN": COALITION_HEADS}}],
    [_MODIFIER, {"ORTH": "-"}, {"LOWER": "led"}, {"LOWER": {"IN": COALITION_HEADS}}],
    [
        {"ENT_TYPE": {"IN": ["PERSON", "ORG"]}, "IS_TITLE": True, "OP": "+"},
        {"LOWER": {"IN": ["regime", "administration"]}},
    ],
]


def head_class(name: str) -> str | None:
    """The kind of body a name ends with ("Syrian regime" → "government"), or None."""
    words = name.casefold().split()
    for n in (2, 1):
        if len(words) > n and (cls := HEAD_CLASSES.get(" ".join(words[-n:]))):
            return cls
    return None


class InstitutionRules:
    """Labels "<country, nationality or person> <state body>" ORGANIZATION."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("institution", PATTERNS, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label="ORGANIZATION") for _, s, e in self.matcher(doc) if _names_body(doc[s:e])]
        return set_entities(doc, spans)


def _names_body(span: Span) -> bool:
    """Does the match name a state's body?

    "Jordan's foreign ministry" does only when Jordan is its possessor, not
    that of a noun after it ("Jordan's military offensive", "Amman's
    presidency complex").  A town or region before the body is where it
    sits, not whose it is: "the Baghdad government" is the government
    seen from its capital, and the text names the city (a country or a
    nationality names the state itself).
    """
    owner = next((t.i - 1 for t in span[1:] if t.text in ("'s", "’s")), None)
    if owner is not None and span.doc[owner].head.i != span.end - 1:
        return False
    modifier = list(itertools.takewhile(lambda t: t.ent_type_ in _MODIFIER_TYPES, span))
    places = modifier and all(t.ent_type_ != "NORP" for t in modifier)
    return not (places and head_class(span.text) and country_of(" ".join(t.text for t in modifier)) is None)
