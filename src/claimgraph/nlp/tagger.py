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

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimgraph.nlp import columns, lexicon
from claimgraph.nlp.perceptron import Features, Weights, load

MODEL_FILE = "attribution_tagger.json.gz"
TAGS = ("B", "I", "O")
_QUOTE_CHARS = frozenset('"“”„«»')
_PATH_STEPS = 4
_SOURCE_WINDOW = 40  # tokens either side of the cue the source tagger reads
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "nsubj", "dobj", "prep", "mark", "punct"})


@dataclass(frozen=True, slots=True)
class LearnedCue:
    """A cue span the tagger marked, with its confidence (the first token's margin)."""

    span: TokenSpan
    score: float


@dataclass(frozen=True, slots=True)
class _Words:
    """Per-token strings and parse of one document, read from spaCy as columns once.

    Each ``doc[i]``, ``token.head`` and ``token.children`` builds new Python
    ``Token`` objects; the cue tagger reads some thirty features of every
    token, so it reads the words, tags, labels and heads as columns
    (``columns``) and each token's children's labels from the heads.
    """

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    kids: list[list[str]]  # the sorted distinct labels of each token's children
    sent_start: list[bool]
    quote_mark: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        dep = columns.strings(doc, DEP)
        head = [i + offset for i, offset in enumerate(doc.to_array(HEAD).astype(np.int64).tolist())]
        kids: list[set[str]] = [set() for _ in head]
        for i, h in enumerate(head):
            if h != i:
                kids[h].add(dep[i])
        return cls(
            columns.strings(doc, LOWER),
            [lemma.lower() for lemma in columns.strings(doc, LEMMA)],
            columns.strings(doc, POS),
            columns.strings(doc, TAG),
            dep,
            head,
            [sorted(k) for k in kids],
            [v == 1 for v in columns.integers(doc, SENT_START)],
            [text in _QUOTE_CHARS for text in columns.strings(doc, ORTH)],
        )


def cue_features(doc: Doc, i: int, in_quote: set[int], words: _Words | None = None) -> Features:
    """What the cue tagger sees of token ``i``: the word, its parse, its neighbours, its complements."""
    w = words or _Words.of(doc)
    lemma, pos, lower, dep = w.lemma[i], w.pos[i], w.lower[i], w.dep[i]
    head = w.head[i]
    head_lemma = w.lemma[head]
    speech = lexicon.speech()
    kids = w.kids[i]
    f = [
        f"l={lemma}|{pos}",
        "bias",
        f"w={lower}",
        f"l={lemma}",
        f"p={pos}",
        f"t={w.tag[i]}",
        f"d={dep}",
        f"s3={lower[-3:]}",
        f"h={head_lemma}",
        f"hp={w.pos[head]}|{dep}",
        f"dh={dep}|{head_lemma}",
        f"q={i in in_quote}",
        f"sv={lemma in speech.verbs}|{pos}",
        f"cn={lemma in speech.cue_nouns}",
        *(f"k={k}" for k in kids),
        *(f"lk={lemma}|{k}" for k in kids if k in _COMPLEMENT_DEPS),
    ]
    n = len(w.lower)
    for off in (-2, -1, 1, 2):
        j = i + off
        if 0 <= j < n:
            f.append(f"w{off}={w.lower[j]}")
            f.append(f"p{off}={w.pos[j]}")
            if w.quote_mark[j]:
                f.append(f"qm{off}")
        else:
            f.append(f"w{off}=<edge>")
    if i > 0:
        f.append(f"ll={w.lemma[i - 1]}|{lemma}")
    if i + 1 < n:
        f.append(f"lr={lemma}|{w.lemma[i + 1]}")
    if w.sent_start[i]:
        f.append("first")
    return f


def cue_sequences(doc: Doc, in_quote: set[int]) -> Iterator[tuple[int, list[Features]]]:
    """Each sentence of ``doc`` as (first token index, features of its tokens), one sentence at a time.

    A generator: the features (some thirty strings a token) exist for one
    sentence while it is tagged, never for the whole document, so a long
    document costs the tagger no more memory than a short one.
    """
    words = _Words.of(doc)
    for s in doc.sents:
        yield s.start, [cue_features(doc, i, in_quote, words) for i in range(s.start, s.end)]


def _path(tok: Token, target: Token) -> str:
    """The dependency labels from ``tok`` up to ``target`` ('nsubj', 'pobj/prep'), or '-' when it is not above."""
    steps: list[str] = []
    while tok != target and len(steps) < _PATH_STEPS:
        steps.append(tok.dep_)
        if tok.head == tok:
            return "-"
        tok = tok.head
    return "/".join(steps) if tok == target else "-"


def source_window(cue: TokenSpan) -> range:
    """The tokens the source tagger reads for ``cue``: its sentence, at most ``_SOURCE_WINDOW`` either side."""
    sent = cue[0].sent
    return range(max(sent.start, cue.start - _SOURCE_WINDOW), min(sent.end, cue.end + _SOURCE_WINDOW))


def source_features(cue: TokenSpan, j: int, in_quote: set[int]) -> Features:
    """What the source tagger sees of token ``j`` for ``cue``: the word, its side and distance, its path to the cue."""
    doc = cue.doc
    t = doc[j]
    root = cue.root
    lemma = t.lemma_.lower()
    if cue.start <= j < cue.end:
        rel = "in"
    else:
        d = j - cue.start if j < cue.start else j - cue.end + 1
        rel = f"{'L' if d < 0 else 'R'}{min(abs(d), 6)}"
    path = _path(t, root)
    cue_lemma = root.lemma_.lower()
    f = [
        f"r={rel}|{t.pos_}",
        "bias",
        f"w={t.lower_}",
        f"l={lemma}",
        f"p={t.pos_}",
        f"t={t.tag_}",
        f"d={t.dep_}",
        f"r={rel}",
        f"rd={rel}|{t.dep_}",
        f"path={path}",
        f"pathp={path}|{t.pos_}",
        f"cl={cue_lemma}|{rel[0]}",
        f"cp={root.pos_}|{path}",
        f"q={j in in_quote}",
        f"title={t.is_title}",
        f"hd={t.head.dep_}|{t.dep_}",
    ]
    for off in (-1, 1):
        k = j + off
        if 0 <= k < len(doc):
            f.append(f"w{off}={doc[k].lower_}")
            f.append(f"p{off}={doc[k].pos_}")
    return f


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


def tag_cues(doc: Doc, in_quote: set[int]) -> list[LearnedCue]:
    """Every cue span the cue tagger marks in ``doc``."""
    model = _models()["cue"]
    out: list[LearnedCue] = []
    for start, sequence in cue_sequences(doc, in_quote):
        for s, e, score in spans_of(model.tag(sequence), start):
            out.append(LearnedCue(doc[s:e], score))
    return out


def tag_source(cue: TokenSpan, in_quote: set[int]) -> tuple[TokenSpan, float] | None:
    """The source span the source tagger marks for ``cue`` (its most confident one), or None."""
    model = _models()["source"]
    window = source_window(cue)
    tags = model.tag([source_features(cue, j, in_quote) for j in window])
    spans = [s for s in spans_of(tags, window.start) if not (s[0] < cue.end and cue.start < s[1])]
    if not spans:
        return None
    s, e, score = max(spans, key=lambda s: s[2])
    return cue.doc[s:e], score
