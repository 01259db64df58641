"""The name shape of monitors, institutes and committees the recognizer leaves untagged.

Conflict reporting leans on bodies that count, watch and study — "the Syrian
Network for Human Rights", "the Centre for Analysis of Militant Politics",
"the Kestrel Institute" — and new ones appear with every war.  The small
model often tags none of their words, above all when something unusual
stands before them ("The anti-government Syrian Observatory for Human Rights
reported ..."), so a claim they make loses its source.  Their names have a
fixed shape: capitalised words (at least one) ending in a noun for a body
(Observatory, Institute, Centre, Committee, Monitor, Watch, Project, …), optionally followed by an
"of"/"for" phrase of capitalised words ("for the Study of Radicalisation and
Political Violence").

``claimgraph_institution_names_v1`` labels such a run ORG, only where the
recognizer tagged none of its words but a nationality, as the model would have labelled it:
the type rules (``entities``) and the corrector type it later.  Words glued
to a hyphen before the run ("anti-" + "Assad") and a sentence's opening
adverb ("Meanwhile") are no part of it.  A name of that shape the recognizer did
tag but stopped at an "and" before capitalised words it left untagged is
taken whole, and one it labelled a work, product, event or law ("The Levant
Monitor for Human Rights" as a WORK_OF_ART, which no actor is) is an ORG.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.entities.group_names import UNTAGGED_NAME_WORD
from claimgraph.nlp.spans import set_entities

INSTITUTION_HEADS = [
    "Observatory",
    "Institute",
    "Institution",
    "Centre",
    "Center",
    "Network",
    "Committee",
    "Commission",
    "Foundation",
    "Organisation",
    "Organization",
    "Association",
    "Federation",
    "Society",
    "Agency",
    "Bureau",
    "Tribunal",
    "Monitor",
    "Watch",
    "Project",
    "Initiative",
    "Forum",
    "Syndicate",
]
_UNTAGGED: dict[str, Any] = {"ENT_IOB": "O"}
# "for the Study of Radicalisation and Political Violence": of/for, an optional "the", then capitalised words
# that "of", "for", "the" and "and" may join (joiners at the end are cut off again).
_TAIL: list[dict[str, Any]] = [
    {**_UNTAGGED, "LOWER": {"IN": ["of", "for"]}},
    {**_UNTAGGED, "LOWER": "the", "OP": "?"},
    {**_UNTAGGED, "IS_TITLE": True, "IS_STOP": False},
    {**_UNTAGGED, "TEXT": {"REGEX": r"^(?:[A-Z][\w'’]*|of|for|the|and|&)$"}, "OP": "*"},
]
_HEAD: dict[str, Any] = {**_UNTAGGED, "ORTH": {"IN": INSTITUTION_HEADS}}
_OPENING: dict[str, Any] = {
    **UNTAGGED_NAME_WORD,
    "ORTH": {"NOT_IN": [*UNTAGGED_NAME_WORD["ORTH"]["NOT_IN"], *INSTITUTION_HEADS]},
}
_NATIONALITY: dict[str, Any] = {"ENT_TYPE": "NORP", "IS_TITLE": True, "OP": "?"}  # "Syrian", which the model tags
PATTERNS: list[list[dict[str, Any]]] = [[_NATIONALITY, {**_OPENING, "OP": "*"}, _HEAD, *tail] for tail in ([], _TAIL)]
MAX_WORDS = 12
NAME_POS = frozenset(["PROPN", "ADJ", "NOUN"])  # what a name's first word can be ("Meanwhile" is an adverb)


def _start(doc: Doc, start: int, end: int) -> int:
    """Where the name begins: past words glued to a hyphen before it and past words no name opens with."""
    while start < end - 1 and start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        start += 1
    while start < end - 1 and doc[start].pos_ not in NAME_POS:
        start += 1
    return start


def _cut_at_and(ent: Span) -> Span | None:
    """ "the Centre for the Study of Radicalisation" + "and Political Violence": the recognizer's name of a
    body with an of/for phrase, stopped at an "and" before capitalised words it left untagged; else None."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "ORG" or not any(t.lower_ in ("of", "for") for t in ent[1:-1]):
        return None
    if end + 1 >= len(doc) or doc[end].lower_ != "and" or doc[end].ent_iob_ != "O":
        return None
    tail = end + 1
    while tail < len(doc) and doc[tail].is_title and not doc[tail].is_stop and doc[tail].ent_iob_ == "O":
        tail += 1
    return Span(doc, ent.start, tail, label="ORG") if tail > end + 1 else None


# The model's labels for a body's name it misreads as a title or a thing ("The Levant Monitor for Human Rights"
# as a WORK_OF_ART); no actor has them, so the type rules would drop the name.
MISREAD_LABELS = frozenset(["WORK_OF_ART", "PRODUCT", "EVENT", "LAW"])
JOINERS = frozenset(["of", "for", "the", "and", "&"])


def _misread_body(ent: Span) -> Span | None:
    """A name of the institution shape the model labelled a work, product, event or law, as an ORG; else None."""
    if ent.label_ not in MISREAD_LABELS or len(ent) < 2:
        return None
    start = ent.start + (ent[0].lower_ == "the")
    words = ent.doc[start : ent.end]
    if len(words) < 2 or not any(t.text in INSTITUTION_HEADS for t in words[1:]):
        return None
    if not all(t.is_title or t.lower_ in JOINERS for t in words) or not words[0].is_title or not words[-1].is_title:
        return None
    return Span(ent.doc, ent.start, ent.end, label="ORG")


class InstitutionNames:
    """Labels untagged "<Capitalised words> <body noun> [of/for <Capitalised words>]" runs ORG."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("institution_name", PATTERNS, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for _, s, e in self.matcher(doc):
            while e > s and doc[e - 1].lower_ in ("of", "for", "the", "and", "&"):
                e -= 1
            s = _start(doc, s, e)
            if 2 <= e - s <= MAX_WORDS:
                spans.append(Span(doc, s, e, label="ORG"))
        spans += [whole for ent in doc.ents if (whole := _cut_at_and(ent) or _misread_body(ent)) is not None]
        return set_entities(doc, spans)
