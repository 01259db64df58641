"""State bodies named by a country or leader and a common noun ("Syrian government").

The model leaves "the Turkish military", "Dagestani authorities" or "the
Trump administration" untagged or tags only the adjective (NORP), yet they
are actors analysts track: ORGANIZATION.  ``claimgraph_institutions_v1``
labels a nationality, country or person followed by one of the nouns below.
``head_class`` groups nouns that name the same body, so "Syrian regime" and
"Syrian government" can be tied together in one document.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

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
_MODIFIER: dict[str, Any] = {"ENT_TYPE": {"IN": ["NORP", "GPE", "PLACE"]}, "OP": "+"}

PATTERNS: list[list[dict[str, Any]]] = [
    [_MODIFIER, {"LOWER": {"IN": _SINGLE}}],
    [_MODIFIER, {"LOWER": {"IN": ["foreign", "defence", "defense", "interior"]}}, {"LOWER": "ministry"}],
    [_MODIFIER, {"LOWER": {"IN": ["armed", "air"]}}, {"LOWER": {"IN": ["forces", "force"]}}],
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
        spans = [Span(doc, s, e, label="ORGANIZATION") for _, s, e in self.matcher(doc)]
        return set_entities(doc, spans)


@Language.factory("claimgraph_institutions_v1")
def make_institutions(nlp: Language, name: str) -> InstitutionRules:
    """Registered factory for the state-body rules."""
    return InstitutionRules(nlp)
