"""The learned cue tagger and the cue-conditioned source tagger (trained on PolNeAR, see NOTICE.txt).

The rules in ``attribution`` find reported speech by structure and a verb
list; news reports speech with many more words ("expressed", "questions
about", "support for", a colon).  Two averaged-perceptron taggers
(``perceptron``) learn those from PolNeAR's annotated articles over the
spaCy parse: the cue tagger marks cue tokens (BIO) in every sentence; the
source tagger, given one cue, marks its source in the cue's sentence, with
features of where each token sits relative to the cue (distance, side, the
dependency path up to it).  The same feature functions serve training
(``scripts/train_attribution.py``) and prediction, so they live here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources

import numpy as np
from spacy.attrs import DEP, HEAD, IS_TITLE, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from claimgraph.nlp import columns
from claimgraph.nlp.attribution.cue_columns import CueColumns, Key, features
from claimgraph.nlp.attribution.perceptron import Features, Weights, load

MODEL_FILE = "attribution_tagger.json.gz"
TAGS = ("B", "I", "O")
_PATH_STEPS = 4
_SOURCE_WINDOW = 40  # tokens either side of the cue the source tagger reads
_PARSE_KEY = "claimgraph.source_parse"
_REMEMBERED = 300_000  # slot values whose rows are remembered across documents (~85 bytes each)


@dataclass(frozen=True, slots=True)
class LearnedCue:
    """A cue span the tagger marked, with its confidence (the first token's margin)."""

    span: TokenSpan
    score: float


def cue_sequences(doc: Doc, in_quote: set[int]) -> Iterator[tuple[int, list[Features]]]:
    """Each sentence of ``doc`` as (first token index, features of its tokens), one sentence at a time.

    A generator over the columns of a block of sentences at a time (``cue_columns``): the strings
    (some thirty a token) exist for one sentence while it is read, so a long document costs no more
    memory than a short one.  Training reads these; prediction reads the same slots as model rows.
    """
    columns = CueColumns(doc, in_quote)
    for lo, _, sentences, slots in columns.blocks():
        for start, end in sentences:
            yield start, list(features(columns, slots, start, end, lo))


@dataclass(frozen=True, slots=True)
class _Parse:
    """A document's words, tags, labels and heads as columns (``columns``), read once for all its cues.

    The source tagger reads some twenty features of each of up to 80 tokens
    around every cue, and the dependency path up from each: as ``Token``
    objects, every ``doc[j]`` and ``token.head`` built a new one.
    """

    lower: list[str]
    lemma: list[str]  # in lower case
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    title: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Parse:
        cached = doc.user_data.get(_PARSE_KEY)
        if cached is not None and cached[0] == id(doc):  # not a copy made with another Doc's user_data
            parse: _Parse = cached[1]
            return parse
        head = [i + offset for i, offset in enumerate(doc.to_array(HEAD).astype(np.int64).tolist())]
        parse = cls(
            columns.strings(doc, LOWER),
            [lemma.lower() for lemma in columns.strings(doc, LEMMA)],
            columns.strings(doc, POS),
            columns.strings(doc, TAG),
            columns.strings(doc, DEP),
            head,
            columns.flags(doc, IS_TITLE),
        )
        doc.user_data[_PARSE_KEY] = (id(doc), parse)
        return parse

    def path(self, i: int, target: int) -> str:
        """The dependency labels from token ``i`` up to ``target`` ('nsubj', 'pobj/prep'), or '-' when it is not above."""
        steps: list[str] = []
        while i != target and len(steps) < _PATH_STEPS:
            steps.append(self.dep[i])
            if self.head[i] == i:
                return "-"
            i = self.head[i]
        return "/".join(steps) if i == target else "-"


def source_window(cue: TokenSpan) -> range:
    """The tokens the source tagger reads for ``cue``: its sentence, at most ``_SOURCE_WINDOW`` either side."""
    sent = cue[0].sent
    return range(max(sent.start, cue.start - _SOURCE_WINDOW), min(sent.end, cue.end + _SOURCE_WINDOW))


def source_sequence(cue: TokenSpan, in_quote: set[int]) -> list[Features]:
    """What the source tagger sees of each token of ``source_window(cue)``: the word, its side and distance
    from the cue, its path up to the cue's root."""
    w = _Parse.of(cue.doc)
    root = cue.root.i
    cue_lemma, root_pos = w.lemma[root], w.pos[root]
    n = len(w.head)
    out: list[Features] = []
    for j in source_window(cue):
        if cue.start <= j < cue.end:
            rel = "in"
        else:
            d = j - cue.start if j < cue.start else j - cue.end + 1
            rel = f"{'L' if d < 0 else 'R'}{min(abs(d), 6)}"
        path = w.path(j, root)
        pos, dep = w.pos[j], w.dep[j]
        f = [
            f"r={rel}|{pos}",
            "bias",
            f"w={w.lower[j]}",
            f"l={w.lemma[j]}",
            f"p={pos}",
            f"t={w.tag[j]}",
            f"d={dep}",
            f"r={rel}",
            f"rd={rel}|{dep}",
            f"path={path}",
            f"pathp={path}|{pos}",
            f"cl={cue_lemma}|{rel[0]}",
            f"cp={root_pos}|{path}",
            f"q={j in in_quote}",
            f"title={w.title[j]}",
            f"hd={w.dep[w.head[j]]}|{dep}",
        ]
        for off in (-1, 1):
            k = j + off
            if 0 <= k < n:
                f.append(f"w{off}={w.lower[k]}")
                f.append(f"p{off}={w.pos[k]}")
        out.append(f)
    return out


@cache
def _models() -> dict[str, Weights]:
    raw = resources.files("claimgraph.data").joinpath(MODEL_FILE).read_bytes()
    return load(raw)


def spans_of(tags: list[tuple[str, float]], offset: int) -> list[tuple[int, int, float]]:
    """BIO tags → (start, end, score of the first token) token ranges; a stray I starts a span."""
    out: list[tuple[int, int, float]] = []
    for k, (tag, score) in enumerate(tags):
        if tag == "B" or (tag == "I" and (not out or out[-1][1] != offset + k)):
            out.append((offset + k, offset + k + 1, score))
        elif tag == "I":
            start, _, first = out[-1]
            out[-1] = (start, offset + k + 1, first)
    return out


class _Rows:
    """The model rows of slot values, remembered from document to document.

    A word's ``w=`` row is looked up once a process instead of once a
    document: its string is formatted and looked up only the first time.
    A value's row depends on its string keys alone (the strings behind a
    key never change), so what is remembered holds for every document.  The
    memory is emptied when it holds ``_REMEMBERED`` values in all (some 25 MB;
    the 242 bench documents leave ~260,000), so a long run's stays bounded.
    """

    def __init__(self, model: Weights) -> None:
        self.model = model
        self.known: dict[str, dict[Key, int]] = {}
        self.size = 0  # values remembered, over all slots

    def of(self, name: str, keys: Sequence[Key], text: Callable[[Key], str]) -> np.ndarray:
        """The row of each of a slot's ``keys`` (``text`` reads one as its feature string), and the zero row last."""
        if self.size > _REMEMBERED:
            self.known.clear()
            self.size = 0
        known = self.known.setdefault(name, {})
        out: list[int | None] = [*map(known.get, keys), self.model.zero]
        if None in out:
            for k, key in enumerate(keys):
                if out[k] is None:
                    out[k] = known[key] = self.model.row(text(key))
                    self.size += 1
        return np.array(out, dtype=np.int64)


def _conjoined(columns: CueColumns, name: str, tag: str) -> Callable[[Key], str]:
    """How a value of slot ``name`` reads as the previous-tag feature conjoined with it (``with_previous``)."""
    return lambda key: f"P={tag}|{columns.text(name, key)}"


_ROWS: list[_Rows] = []  # the cue model's remembered rows, while that model is the loaded one


def _cue_rows() -> _Rows:
    """The remembered rows of the cue model, which is loaded on first use (``_models``) as before."""
    model = _models()["cue"]
    if not _ROWS or _ROWS[0].model is not model:
        _ROWS[:] = [_Rows(model)]
    return _ROWS[0]


def tag_cues(doc: Doc, in_quote: set[int]) -> list[LearnedCue]:
    """Every cue span the cue tagger marks in ``doc``, its features taken as model rows a block at a time."""
    rows = _cue_rows()
    model = rows.model
    columns = CueColumns(doc, in_quote)
    out: list[LearnedCue] = []
    for lo, _, sentences, slots in columns.blocks():
        own = [rows.of(s.name, s.keys, partial(columns.text, s.name))[s.codes] for s in slots]
        first = slots[0]  # the feature the previous tag is conjoined with
        previous = {
            tag: rows.of(f"P={tag}|{first.name}", first.keys, _conjoined(columns, first.name, tag))[first.codes]
            for tag in model.previous_tags
        }
        tags = model.tag_rows(np.stack(own, axis=1), previous, [range(s - lo, e - lo) for s, e in sentences])
        for start, end in sentences:
            for s, e, score in spans_of(tags[start - lo : end - lo], start):
                out.append(LearnedCue(doc[s:e], score))
    return out


def tag_source(cue: TokenSpan, in_quote: set[int]) -> tuple[TokenSpan, float] | None:
    """The source span the source tagger marks for ``cue`` (its most confident one), or None."""
    model = _models()["source"]
    window = source_window(cue)
    tags = model.tag(source_sequence(cue, in_quote))
    spans = [s for s in spans_of(tags, window.start) if not (s[0] < cue.end and cue.start < s[1])]
    if not spans:
        return None
    s, e, score = max(spans, key=lambda s: s[2])
    return cue.doc[s:e], score
