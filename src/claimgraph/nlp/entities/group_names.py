"""Name-shape rules for armed groups the model and the gazetteer do not know.

Groups appear and rename faster than any list is updated, but their names
have a recognisable shape:

* transliterated Arabic names open with a word for a kind of body — Jamaat
  (group), Jaysh/Jaish (army), Jabhat (front), Harakat (movement), Liwa
  (brigade), Katibat (battalion), Saraya (companies), Firqat (division) …
  — followed by capitalised words joined by al-/wa al-/wal- ("Jaysh
  al-Muhajireen wa al-Ansar").  Weaker openers that are also ordinary words
  or places (Ansar, Jund, Hayat, Tahrir, Ahrar) need an Arabic article
  inside the name, so "Tahrir Square" stays a place;
* English names built on a religious adjective or a proclaimed polity:
  "Islamic State", "Caucasus Emirate(s)" (but not "United Arab Emirates");
* English names ending in a word for a fighting or ruling body — "the
  Amber Lantern Front", "Fighters of the Gray Heron Brigade" — where the
  recognizer left every word of them untagged (md's recognizer, which types
  known names better, misses such invented ones the small model finds).

The component ``claimgraph_group_names_v1`` labels the Arabic and religious
shapes ARMED_GROUP and lets them replace whatever the model had (often
PERSON, or a split name).  The English shape only fills a gap, labelled ORG
as the model would have labelled it: the head and the context decide its
type later (``entities``), as they do for the model's own spans.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.spans import set_entities

_STRONG_OPENERS_WORDS = (
    "jamaat jama'at jama’at jamaah jamaa jamiat jaysh jaish jeish jabhat jabha jebhat harakat harakah "
    "haraket liwa liwaa katibat katiba kataib kata'ib saraya firqat firqa faylaq failaq tanzim tandhim "
    "majlis"
)
STRONG_OPENERS = _STRONG_OPENERS_WORDS.split()
WEAK_OPENERS = ["ansar", "jund", "hayat", "hay'at", "hay’at", "hayat", "tahrir", "ahrar", "junud", "asbat", "usbat"]
ARTICLES = ["al", "el", "ul", "wal", "wa", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin"]

# A capitalised word, an Arabic article or joiner, or the hyphen spaCy splits off "al-".
_NAME_PART: dict[str, Any] = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’]*|al|el|ul|wa|wal|ad|ar|as|ash|at|az|an|ibn|bin|-)$"}}
_CAPITALISED: dict[str, Any] = {"TEXT": {"REGEX": r"^[A-Z][\w'’]*$"}}
_ARTICLE: dict[str, Any] = {"LOWER": {"IN": ARTICLES}}

# Last words of English group names: "... Front", "... Brigades", "... Movement".
BODY_HEADS = [
    "Front",
    "Brigade",
    "Brigades",
    "Battalion",
    "Battalions",
    "Movement",
    "Army",
    "Forces",
    "Council",
    "Militia",
    "Legion",
]
# Capitalised words that begin sentences or name no group ("The", "A") are no part of one.
_NOT_NAME_WORDS = ["The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our"]
UNTAGGED_NAME_WORD: dict[str, Any] = {
    "IS_TITLE": True,
    "IS_STOP": False,
    "ENT_IOB": "O",
    "ORTH": {"NOT_IN": _NOT_NAME_WORDS + BODY_HEADS},
}
ENGLISH_BODY = [[{**UNTAGGED_NAME_WORD, "OP": "+"}, {"ORTH": {"IN": BODY_HEADS}, "ENT_IOB": "O"}]]
MAX_ENGLISH_WORDS = 5

PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "arabic_strong": [[{"LOWER": {"IN": STRONG_OPENERS}}, {**_NAME_PART, "OP": "*"}, _CAPITALISED]],
    "arabic_weak": [
        [
            {"LOWER": {"IN": WEAK_OPENERS}},
            {**_NAME_PART, "OP": "*"},
            _ARTICLE,
            {"ORTH": "-", "OP": "?"},
            {**_NAME_PART, "OP": "*"},
            _CAPITALISED,
        ]
    ],
    "religious_polity": [
        [
            {"ORTH": {"IN": ["Islamic", "Islamist"]}},
            {"ORTH": {"IN": ["State", "Emirate", "Army", "Front", "Jihad", "Movement", "Caliphate"]}},
        ]
    ],
    "emirate": [
        [
            {"IS_TITLE": True, "ORTH": {"NOT_IN": ["The", "A", "An", "Arab", "United", "This", "That"]}},
            {"ORTH": {"IN": ["Emirate", "Emirates"]}},
        ]
    ],
}


class GroupNameRules:
    """Matches the name shapes above and labels them ARMED_GROUP."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        for name, patterns in PATTERNS.items():
            self.matcher.add(name, patterns, greedy="LONGEST")
        self.english = Matcher(nlp.vocab)
        self.english.add("english_body", ENGLISH_BODY, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        # Openers match in any case (cheaply); a name still has to start with a capital.
        spans = [Span(doc, s, e, label="ARMED_GROUP") for _, s, e in self.matcher(doc) if doc[s].text[0].isupper()]
        spans += [
            Span(doc, s, e, label="ORG")
            for _, s, e in self.english(doc)
            if e - s <= MAX_ENGLISH_WORDS and not (e - s == 2 and doc[s].is_sent_start)
        ]
        return set_entities(doc, spans)
