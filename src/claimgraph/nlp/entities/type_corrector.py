"""A learned second opinion on each entity's type, after the rules have had theirs.

The small spaCy model types names from a few words of context, and our rules
fix only the shapes they know.  Its commonest remaining error is the wrong
type on a name the rules do not cover: a person it calls an organisation
("Staffan de Mistura"), an unlisted place it calls a person after "in", a
football club it calls a place.  ``claimgraph_type_corrector_v1`` runs after
``claimgraph_entity_types_v1`` and reads every span the gazetteers did not
identify with a linear model over:

* the span's words, their shapes and suffixes, its length, the labels the
  model and the rules gave it;
* the words and parts of speech around it ("said" after, "in" or "the ... of"
  before, a score after a club);
* what the place gazetteer, the country list and the actor gazetteer say of
  its text;
* the rest of the document: the same name written after a title or a
  locative, its last word as the surname of a person named in full, the
  labels its other mentions got.

The model (multinomial logistic regression, trained by
``scripts/train_type_corrector.py``; weights as gzipped JSON in
``claimgraph/data``) picks PERSON, ORG, PLACE or NONE.  A span is retyped
only when the model's choice is another type than the span's and it is at
least ``threshold`` sure; NONE (not a name of an actor: a product, an
event, a nationality) drops a span only at ``drop_threshold``.  Both
thresholds were chosen by document-level cross-validation.  Extraction does
not need scikit-learn: scoring a span is a sum of weights and a softmax.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from claimgraph.names import HONORIFICS, fold
from claimgraph.nlp import columns
from claimgraph.nlp.entities.gazetteer import shipped_gazetteer
from claimgraph.nlp.entities.place_gazetteer import shipped_places
from claimgraph.nlp.entities.places import (
    LOCATIVES,
    PLACE_HEADS,
    country_of,
    is_demonym,
    is_known_place,
)
from claimgraph.nlp.entities.types import LABELS_BEFORE, OUR_TYPES
from claimgraph.nlp.linear import LinearModel

MODEL_FILE = "type_corrector.json.gz"
NONE = "NONE"
# The model's coarse classes and the contract type a retyped span gets.
CONTRACT_TYPE = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "PLACE": "PLACE"}
COARSE = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "ARMED_GROUP": "ORG", "MEDIA": "ORG", "PLACE": "PLACE"}
SPEECH = frozenset(["said", "says", "say", "told", "added", "stated", "wrote", "announced"])
# Nouns that name a body of people ("Football Federation Australia", "Syrian Network for Human Rights").
_BODY_WORDS = (
    "federation network council committee commission union association agency ministry department party league "
    "club court organisation organization institute institution foundation company corporation corp inc ltd group "
    "bank fund office board authority bureau centre center observatory front movement alliance coalition army "
    "forces brigade brigades police service services news radio television university school college hospital"
)
BODY_WORDS = frozenset(_BODY_WORDS.split())
# Words that make a document a sports report, where a town's name is often its team ("Leeds beat Chelsea").
_SPORT_WORDS = (
    "match matches league cup soccer football goal goals scored beat beats championship tournament innings "
    "wickets striker midfielder coach draw drew halftime half-time semifinal quarterfinal final seeded"
)
SPORT_WORDS = frozenset(_SPORT_WORDS.split())
SPORT_MIN = 3  # sports words a document needs before its names are read as a sports report's


def _shape(tok: Token) -> str:
    """A short word shape: "Xx" for "Mistura", "X" for "UN", "x-Xx" for "al-Bab", "d" for digits."""
    out: list[str] = []
    for ch in tok.text:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else "<none>"


@dataclass(frozen=True, slots=True)
class DocumentCues:
    """What the whole document says about each name: titles, locatives and speech around its mentions."""

    person_words: frozenset[str]  # words of PERSON spans of two or more words
    labels: dict[str, frozenset[str]]  # folded text → labels of its mentions
    contexts: dict[str, frozenset[str]]  # folded text or single word → cues seen around its mentions
    inside: dict[str, frozenset[str]]  # single word → labels of longer spans holding it
    sport: bool  # a sports report

    @classmethod
    def of(cls, doc: Doc) -> DocumentCues:
        labels: dict[str, set[str]] = defaultdict(set)
        contexts: dict[str, set[str]] = defaultdict(set)
        inside: dict[str, set[str]] = defaultdict(set)
        person_words: set[str] = set()
        for ent in doc.ents:
            key = fold(ent.text)
            labels[key].add(ent.label_)
            if ent.label_ == "PERSON" and len(ent) > 1:
                person_words.update(t.text for t in ent if t.is_title)
            if len(ent) > 1:
                for t in ent:
                    if t.is_title:
                        inside[t.text].add(ent.label_)
        for ent in doc.ents:
            cues = _context_cues(ent)
            contexts[fold(ent.text)].update(cues)
        # Every capitalised word, mention or not: "Mr Mistura", "in Rojava" elsewhere in the text.
        lower, text = columns.strings(doc, LOWER), columns.strings(doc, ORTH)
        for i, titled in enumerate(columns.flags(doc, IS_TITLE)):
            if titled and i > 0:
                prev = lower[i - 1].rstrip(".")
                if prev in HONORIFICS:
                    contexts[text[i]].add("title")
                elif prev in LOCATIVES:
                    contexts[text[i]].add("locative")
        sport = sum(1 for word in lower if word in SPORT_WORDS) >= SPORT_MIN
        return cls(
            frozenset(person_words),
            {k: frozenset(v) for k, v in labels.items()},
            {k: frozenset(v) for k, v in contexts.items()},
            {k: frozenset(v) for k, v in inside.items()},
            sport,
        )


def _context_cues(span: Span) -> list[str]:
    doc = span.doc
    cues = []
    before = _word(doc, span.start - 1).rstrip(".")
    if before in HONORIFICS:
        cues.append("title")
    if before in LOCATIVES:
        cues.append("locative")
    if before == "of" and _word(doc, span.start - 2) in PLACE_HEADS:
        cues.append("place_of")  # "the village of Maaret Harmeh"
    if _word(doc, span.end) in SPEECH or (_word(doc, span.end) == "," and _word(doc, span.end + 1) in SPEECH):
        cues.append("speaks")
    if _word(doc, span.end) in PLACE_HEADS:
        cues.append("place_head")
    return cues


def features(span: Span, before: str, cues: DocumentCues) -> list[str]:
    """The binary features of one entity span (``before``: its label before the contract mapping)."""
    doc = span.doc
    label = span.label_
    words = [t for t in span if not t.is_punct] or list(span)
    first, last = words[0], words[-1]
    out = [
        f"L:{label}",
        f"B:{before}",
        f"LB:{label}|{before}",
        f"N:{min(len(words), 4)}",
        f"F:{first.lower_}",
        f"H:{last.lower_}",
        f"HL:{last.lower_}|{label}",
        f"SUF:{last.lower_[-3:]}",
        f"SUF2:{last.lower_[-2:]}",
        f"PRE:{first.lower_[:2]}",
        "SH:" + " ".join(_shape(t) for t in span[:4]),
    ]
    out += [f"W:{t.lower_}" for t in words[1:-1]]
    out += [f"T:{t.lower_}" for t in words]
    if any(t.lower_ in BODY_WORDS for t in words):
        out.append("BODY" if last.lower_ in BODY_WORDS else "BODYWORD")
    p1, p2 = _word(doc, span.start - 1), _word(doc, span.start - 2)
    n1, n2 = _word(doc, span.end), _word(doc, span.end + 1)
    out += [f"P1:{p1}", f"P2:{p2} {p1}", f"N1:{n1}", f"N2:{n1} {n2}", f"P1L:{p1}|{label}", f"N1L:{n1}|{label}"]
    if span.start > 0:
        out.append(f"PPOS:{doc[span.start - 1].pos_}")
    if span.end < len(doc):
        nxt = doc[span.end]
        out.append(f"NPOS:{nxt.pos_}")
        if nxt.like_num:
            out.append("N1NUM")
    if span.start > 0 and doc[span.start - 1].like_num:
        out.append("P1NUM")
    if span.start == span.sent.start:
        out.append("SENTSTART")
    if span.sent.end - span.sent.start <= 4:
        out.append("SHORTSENT")
    if span.text.isupper():
        out.append("CAPS")
    if "-" in span.text:
        out.append("HYPHEN")
    out.append(f"DEP:{span.root.dep_}")
    out.append(f"HEAD:{span.root.head.lemma_.lower()}")
    out += [f"C:{c}|{label}" for c in _context_cues(span)]
    lexical = _lexicon_features(span.text)
    out += [*lexical, *(f"{x}|{label}" for x in lexical)]
    if cues.sport:  # the same evidence reads differently in a sports report
        out += ["SPORT", f"SPORT|{label}", *(f"SPORT|{x}" for x in lexical)]
        out += [f"SPORT|{f}" for f in ("N1NUM", "P1NUM") if f in out]
    key = fold(span.text)
    out += [f"DL:{other}" for other in sorted(cues.labels.get(key, ())) if other != label]
    out += [f"DC:{c}" for c in sorted(cues.contexts.get(key, ()))]
    if len(words) == 1:
        out += [f"DW:{c}" for c in sorted(cues.contexts.get(first.text, ()))]
        out += [f"IN:{other}" for other in sorted(cues.inside.get(first.text, ()))]
    if last.text in cues.person_words and label != "PERSON":
        out.append("SURNAME")
    if len(words) > 1 and first.text in cues.person_words and last.text in cues.person_words:
        out.append("PERSONWORDS")
    return out


@cache
def _lexicon_features(text: str) -> tuple[str, ...]:
    """What the shipped lists say of a name, the same wherever it is written."""
    out = []
    if country_of(text) is not None:
        out.append("X:country")
    if is_demonym(text):
        out.append("X:demonym")
    if is_known_place(text):
        out.append("X:known_place")
    place = shipped_places().best(text, variants=False)
    if place is not None:
        size = "big" if place.population >= 100_000 else "town" if place.population >= 5_000 else "small"
        out.append(f"X:place:{place.kind}:{size if place.kind == 'city' else ''}")
    entry = shipped_gazetteer().lookup(text, allow_guarded=True)
    if entry is not None:
        out.append(f"X:gaz:{entry.type}")
    return tuple(out)


class TypeModel(LinearModel):
    """The type corrector: a linear model over an entity's features, with its relabel and drop thresholds."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.threshold = float(data["threshold"])
        self.drop_threshold = float(data["drop_threshold"])

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        """Softmax over the classes, keyed by class."""
        return self.probabilities_all([feats])[0]

    def probabilities_all(self, sequences: Sequence[Iterable[str]]) -> list[dict[str, float]]:
        """``probabilities`` of each feature list, scored together (``softmax_all``)."""
        return [dict(zip(self.classes, probs, strict=True)) for probs in self.softmax_all(sequences)]

    def to_bytes(self) -> bytes:
        data = {
            "classes": self.classes,
            "intercept": self.intercept,
            "weights": dict(sorted(self.weights.items())),
            "threshold": self.threshold,
            "drop_threshold": self.drop_threshold,
        }
        raw = json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return gzip.compress(raw, compresslevel=9, mtime=0)

    @classmethod
    def from_bytes(cls, raw: bytes) -> TypeModel:
        return cls(json.loads(gzip.decompress(raw)))


def candidates(doc: Doc) -> list[tuple[Span, str]]:
    """The spans the model typed and no rule vouched for, each with the model's label.

    Left alone: a span a gazetteer identified (it has an id), one our rules
    found (a group's name shape, an outlet, a state body: its label before
    the mapping is already a contract type) and one the mapping made an
    armed group or an outlet from its head word.
    """
    before = doc.user_data.get(LABELS_BEFORE, {})
    out = []
    for ent in doc.ents:
        label = before.get(ent.start, ent.label_)
        if not ent.kb_id and label not in OUR_TYPES and ent.label_ in ("PERSON", "ORGANIZATION", "PLACE"):
            out.append((ent, label))
    return out


def pooled(opinions: list[tuple[str, dict[str, float]]]) -> list[dict[str, float]]:
    """Each mention's probabilities averaged with those of the document's other mentions of the same name.

    One name is one actor in a news story: "Tavildara" after "took" and
    "Tavildara is now" are read together, and get the same type.
    """
    sums: dict[str, dict[str, float]] = {}
    counts: Counter[str] = Counter()
    for text, probs in opinions:
        key = fold(text)
        counts[key] += 1
        total = sums.setdefault(key, dict.fromkeys(probs, 0.0))
        for c, p in probs.items():
            total[c] += p
    return [{c: p / counts[fold(text)] for c, p in sums[fold(text)].items()} for text, _ in opinions]


class TypeCorrector:
    """Retypes (or drops) the spans the model is sure the rules typed wrong."""

    def __init__(self, model: TypeModel | None) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        model = self.model
        if model is None or not doc.ents:
            return doc
        cues = DocumentCues.of(doc)
        spans = candidates(doc)
        scored = model.probabilities_all([features(span, before, cues) for span, before in spans])
        opinions = pooled([(span.text, probs) for (span, _), probs in zip(spans, scored, strict=True)])
        changed: dict[int, str | None] = {}
        for (span, _), probs in zip(spans, opinions, strict=True):
            label = self.decide(span.label_, probs, model.threshold, model.drop_threshold)
            if label != span.label_:
                changed[span.start] = label
        if changed:
            kept = [e for e in doc.ents if changed.get(e.start, e.label_) is not None]
            doc.ents = [Span(doc, e.start, e.end, label=label) if (label := changed.get(e.start)) else e for e in kept]
        return doc

    @staticmethod
    def decide(label: str, probs: dict[str, float], threshold: float, drop_threshold: float) -> str | None:
        """The label a span now labelled ``label`` should have (itself when unchanged), or None to drop it."""
        best = max(probs, key=lambda c: (probs[c], c))
        if best == COARSE[label]:
            return label
        if best == NONE:
            return None if probs[best] >= drop_threshold else label
        return CONTRACT_TYPE[best] if probs[best] >= threshold else label


@cache
def shipped_model() -> TypeModel | None:
    """The model that ships with the package, or ``None`` when it has not been trained."""
    resource = resources.files("claimgraph").joinpath("data", MODEL_FILE)
    return TypeModel.from_bytes(resource.read_bytes()) if resource.is_file() else None
