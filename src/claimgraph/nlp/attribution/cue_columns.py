"""The cue tagger's features of every token of a document, built a column at a time.

The cue tagger (``tagger``) reads some thirty features of every token: its
word, lemma, tags and label, its head's, its neighbours', its children's
labels.  Formatting thirty strings a token and looking each up in the model
was most of the cost of finding attributions.  Here each feature is a
*slot*: per token, the index of its value among the slot's distinct values
(-1 where the token has none in that slot, as a document's first token has
no ``ll=`` feature), a value being the spaCy string keys it is made of.
Prediction maps each distinct value to its model row once (``tagger``
remembers them from document to document) and takes the rows of all tokens
with numpy; training reads each token's feature strings back in slot order
(``features``), so one definition of the features serves both.

Slots come in the order the features were trained in, and a token's rows
are summed in slot order, so the scores are the floats a loop over its
feature strings adds up.  The slots of a long document are built a block
of whole sentences at a time (``BLOCK`` tokens), so its memory stays that
of a short one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

from claimgraph.nlp import lexicon

QUOTE_CHARS = frozenset('"“”„«»')
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "nsubj", "dobj", "prep", "mark", "punct"})
NEIGHBOURS = (-2, -1, 1, 2)
BLOCK = 4096  # tokens whose slots are built at once (a longer sentence is a block of its own)

# A value is a string key, a pair of them, a flag (0 or 1) or None (a neighbour beyond the edge).
Key = int | tuple[int, int] | None
_CONSTANT = {"bias": "bias", "first": "first", **{f"qm{off}": f"qm{off}" for off in NEIGHBOURS}}
_LEMMAS = frozenset({"l", "h"})  # single-key slots whose word is a lemma (read in lower case)
# Pair slots: the feature's prefix and how each key reads (l: a lemma, in lower case; s: as it is).
_PAIRS = {
    "lp": ("l", "ls"),
    "hp": ("hp", "ss"),
    "dh": ("dh", "sl"),
    "lk": ("lk", "ls"),
    "ll": ("ll", "ll"),
    "lr": ("lr", "ll"),
}


@dataclass(frozen=True, slots=True)
class Slot:
    """One feature of every token of a block: ``name`` (how its values read, ``CueColumns.text``),
    per token the index of its value in ``keys`` or -1 for none."""

    name: str
    codes: np.ndarray
    keys: Sequence[Key]


@dataclass(frozen=True, slots=True)
class _Coded:
    """A string attribute of every token: the index of its key among the document's distinct ``keys``."""

    codes: np.ndarray
    keys: list[int]

    @classmethod
    def of(cls, doc: Doc, attr: int) -> _Coded:
        keys, codes = np.unique(doc.to_array(attr), return_inverse=True)
        return cls(codes.reshape(-1), keys.tolist())


def _pairs(
    a: _Coded, a_codes: np.ndarray, b: _Coded, b_codes: np.ndarray, valid: np.ndarray | None = None
) -> tuple[np.ndarray, list[Key]]:
    """Codes of the distinct (a, b) key pairs of a block's tokens (-1 where not ``valid``), and the pairs."""
    size = len(b.keys)
    combined = a_codes.astype(np.int64) * size + b_codes
    if valid is not None:
        combined = combined[valid]
    distinct, inverse = np.unique(combined, return_inverse=True)
    pairs: list[Key] = [(a.keys[k // size], b.keys[k % size]) for k in distinct.tolist()]
    if valid is None:
        return inverse.reshape(-1), pairs
    codes = np.full(len(valid), -1, dtype=np.int64)
    codes[valid] = inverse.reshape(-1)
    return codes, pairs


@dataclass(frozen=True, slots=True)
class _Children:
    """Each token's distinct child labels in sorted order, as (parent, position, label) rows sorted by parent."""

    parent: np.ndarray
    position: np.ndarray
    label: np.ndarray  # the label's index among the document's labels in sorted order

    @classmethod
    def of(cls, parent: np.ndarray, label: np.ndarray, labels: int) -> _Children:
        rows = np.unique(parent.astype(np.int64) * labels + label)  # distinct, by parent then label
        parent, label = rows // labels, rows % labels
        return cls(parent, np.arange(len(rows)) - np.searchsorted(parent, parent), label)

    def columns(self, lo: int, hi: int) -> list[np.ndarray]:
        """Per child position the block's tokens fill, the label at that position of each token (-1: none)."""
        a, b = np.searchsorted(self.parent, [lo, hi])
        parent, position, label = self.parent[a:b] - lo, self.position[a:b], self.label[a:b]
        out: list[np.ndarray] = []
        for k in range(int(position.max(initial=-1)) + 1):
            codes = np.full(hi - lo, -1, dtype=np.int64)
            at = position == k
            codes[parent[at]] = label[at]
            out.append(codes)
        return out


class CueColumns:
    """A document's attribute columns, the cue features' slots block by block, and how their values read."""

    def __init__(self, doc: Doc, in_quote: set[int]) -> None:
        n = len(doc)
        self.n = n
        self.store = doc.vocab.strings
        self.lower, self.lemma, self.pos, self.tag, self.dep = (
            _Coded.of(doc, attr) for attr in (LOWER, LEMMA, POS, TAG, DEP)
        )
        self.head = np.arange(n) + doc.to_array(HEAD).astype(np.int64)
        orth = _Coded.of(doc, ORTH)
        self.quote_mark = np.array([self.store[k] in QUOTE_CHARS for k in orth.keys], dtype=bool)[orth.codes]
        self.in_quote = np.zeros(n, dtype=bool)
        self.in_quote[[i for i in in_quote if 0 <= i < n]] = True
        self.sent_start = doc.to_array(SENT_START) == 1
        self.sentences = [(s.start, s.end) for s in doc.sents]
        # A token's children's labels are listed in sorted order: the labels by their strings.
        order = sorted(range(len(self.dep.keys)), key=lambda k: self.store[self.dep.keys[k]])
        self.labels = _Coded(np.zeros(0, dtype=np.int64), [self.dep.keys[k] for k in order])
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        children = np.flatnonzero(self.head != np.arange(n))
        label = rank[self.dep.codes[children]]
        parent = self.head[children]
        complement = np.array([self.store[k] in COMPLEMENT_DEPS for k in self.labels.keys], dtype=bool)
        self.children = _Children.of(parent, label, len(order))
        self.complements = _Children.of(parent[complement[label]], label[complement[label]], len(order))
        speech = lexicon.speech()
        self._verbs, self._cue_nouns = speech.verbs, speech.cue_nouns

    def blocks(self) -> Iterator[tuple[int, int, list[tuple[int, int]], list[Slot]]]:
        """(first token, end, its sentences, its slots) for runs of whole sentences of at most ``BLOCK`` tokens."""
        run: list[tuple[int, int]] = []
        for sentence in self.sentences:
            if run and sentence[1] - run[0][0] > BLOCK:
                yield run[0][0], run[-1][1], run, self.slots(run[0][0], run[-1][1])
                run = []
            run.append(sentence)
        if run:
            yield run[0][0], run[-1][1], run, self.slots(run[0][0], run[-1][1])

    def slots(self, lo: int, hi: int) -> list[Slot]:
        """The feature slots of tokens ``lo``–``hi``, in the order the tagger was trained with."""
        n = self.n
        idx = np.arange(lo, hi)
        lower, lemma, pos, dep = (c.codes[lo:hi] for c in (self.lower, self.lemma, self.pos, self.dep))
        head = self.head[lo:hi]
        head_lemma = self.lemma.codes[head]
        lp = _pairs(self.lemma, lemma, self.pos, pos)
        out = [
            Slot("lp", *lp),
            Slot("bias", np.zeros(hi - lo, dtype=np.int64), [0]),
            Slot("w", lower, self.lower.keys),
            Slot("l", lemma, self.lemma.keys),
            Slot("p", pos, self.pos.keys),
            Slot("t", self.tag.codes[lo:hi], self.tag.keys),
            Slot("d", dep, self.dep.keys),
            Slot("s3", lower, self.lower.keys),
            Slot("h", head_lemma, self.lemma.keys),
            Slot("hp", *_pairs(self.pos, self.pos.codes[head], self.dep, dep)),
            Slot("dh", *_pairs(self.dep, dep, self.lemma, head_lemma)),
            Slot("q", self.in_quote[lo:hi].astype(np.int64), [0, 1]),
            Slot("sv", *lp),
            Slot("cn", lemma, self.lemma.keys),
            *(Slot("k", codes, self.labels.keys) for codes in self.children.columns(lo, hi)),
        ]
        for codes in self.complements.columns(lo, hi):
            out.append(Slot("lk", *_pairs(self.lemma, lemma, self.labels, codes, codes >= 0)))
        for off in NEIGHBOURS:
            j = idx + off
            inside = (j >= 0) & (j < n)
            j = np.clip(j, 0, max(n - 1, 0))
            edge = len(self.lower.keys)  # beyond the edge: the key None, after the words'
            out.append(Slot(f"w{off}", np.where(inside, self.lower.codes[j], edge), [*self.lower.keys, None]))
            out.append(Slot(f"p{off}", np.where(inside, self.pos.codes[j], -1), self.pos.keys))
            out.append(Slot(f"qm{off}", np.where(inside & self.quote_mark[j], 0, -1), [0]))
        before, after = np.maximum(idx - 1, 0), np.minimum(idx + 1, max(n - 1, 0))
        out.append(Slot("ll", *_pairs(self.lemma, self.lemma.codes[before], self.lemma, lemma, idx > 0)))
        out.append(Slot("lr", *_pairs(self.lemma, lemma, self.lemma, self.lemma.codes[after], idx + 1 < n)))
        out.append(Slot("first", np.where(self.sent_start[lo:hi], 0, -1), [0]))
        return out

    def text(self, name: str, key: Key) -> str:
        """The feature string of value ``key`` of slot ``name`` (lemmas read in lower case)."""
        if name in _CONSTANT:
            return _CONSTANT[name]
        if isinstance(key, tuple):
            a, b = key
            if name == "sv":
                return f"sv={self.store[a].lower() in self._verbs}|{self.store[b]}"
            prefix, reads = _PAIRS[name]
            return f"{prefix}={self._read(a, reads[0])}|{self._read(b, reads[1])}"
        if key is None:
            return f"{name}=<edge>"
        if name == "q":
            return f"q={bool(key)}"
        word = self.store[key]
        if name == "s3":
            return f"s3={word[-3:]}"
        if name == "cn":
            return f"cn={word.lower() in self._cue_nouns}"
        return f"{name}={word.lower() if name in _LEMMAS else word}"

    def _read(self, key: int, how: str) -> str:
        return self.store[key].lower() if how == "l" else self.store[key]


def features(columns: CueColumns, slots: list[Slot], lo: int, hi: int, block_start: int) -> Iterator[list[str]]:
    """The feature strings of tokens ``lo``–``hi`` of a block starting at ``block_start``, in slot order."""
    read = [(s.name, s.codes[lo - block_start : hi - block_start].tolist(), s.keys) for s in slots]
    for k in range(hi - lo):
        yield [columns.text(name, keys[codes[k]]) for name, codes, keys in read if codes[k] >= 0]
