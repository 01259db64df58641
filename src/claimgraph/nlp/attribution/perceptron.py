"""A greedy averaged-perceptron sequence tagger: training in numpy, prediction over a plain dictionary.

Why a perceptron: it trains in seconds per pass on one CPU core, its output
is the same for the same inputs and seed, and the model is a table of
feature weights a reader can open (the shipped file is JSON).  Tags are
predicted left to right; the previous tag is a feature, so a span's inside
tokens follow its beginning.  Averaging the weights over every update
(Collins 2002; the lazy-sum trick of Daumé) keeps the model from chasing
the last examples it saw.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np

# The features of one token; the first one is also conjoined with the previous tag.
Features = list[str]


def with_previous(tag: str, features: Features) -> list[str]:
    """The features the previous tag adds: the tag alone and the tag with the token's first feature."""
    return [f"P={tag}", f"P={tag}|{features[0]}"] if features else [f"P={tag}"]


@dataclass(frozen=True, slots=True)
class Weights:
    """A trained tagger: its tags and, per feature, one weight for each tag.

    ``table`` is the model as trained and saved.  Prediction reads it as a
    matrix (one row per feature, interned once when the model is built, and
    a zero row after them): the own features of a whole sentence's tokens
    are summed in one ``numpy`` reduction over a (token, feature slot, tag)
    array, each token's slots after its features filled with the zero row —
    one call a sentence instead of one a token, which cost more than the
    adding — and only the two previous-tag features are added per tag
    decision.  The rows are added in the token's feature order, one after
    the other, as a loop does (the reduced axis is not the innermost one, so
    numpy does not sum it pairwise), so the scores are the same floats.
    """

    tags: tuple[str, ...]
    table: dict[str, tuple[float, ...]]
    _rows: dict[str, int] = field(init=False, repr=False, compare=False)
    _matrix: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rows", {f: k for k, f in enumerate(self.table)})
        matrix = np.array(list(self.table.values()), dtype=np.float64).reshape(len(self.table), len(self.tags))
        object.__setattr__(self, "_matrix", np.vstack((matrix, np.zeros((1, len(self.tags))))))

    def scores(self, features: Iterable[str]) -> list[float]:
        return self._own_scores([list(features)])[0]

    def _own_scores(self, sequence: Sequence[Features]) -> list[list[float]]:
        """Per token, the sum of the rows of its features the model knows, from zero in their order, as floats.

        A feature the model does not know reads the zero row where it stands:
        a running sum from zero is never -0.0, so adding 0.0 leaves it the
        same float, and the sentence's features are looked up in one pass
        (a filter per feature cost as much as the lookup) and laid into
        their tokens' slots by numpy.
        """
        zero = len(self.table)
        lengths = np.fromiter(map(len, sequence), dtype=np.int64, count=len(sequence))
        ids = np.fromiter(map(self._rows.get, chain.from_iterable(sequence), repeat(zero)), dtype=np.int64)
        width = int(lengths.max(initial=0))
        slots = np.full((len(sequence), width), zero, dtype=np.int64)
        slots[np.arange(width) < lengths[:, None]] = ids
        totals: list[list[float]] = np.add.reduce(self._matrix[slots], axis=1, initial=0.0).tolist()
        return totals

    def tag(self, sequence: Sequence[Features]) -> list[tuple[str, float]]:
        """Greedy left-to-right tags, each with its margin over the runner-up (a confidence)."""
        out: list[tuple[str, float]] = []
        last = "O"
        table = self.table
        for features, scores in zip(sequence, self._own_scores(sequence), strict=True):
            for feature in with_previous(last, features):
                row = table.get(feature)
                if row is not None:
                    scores = [s + w for s, w in zip(scores, row, strict=True)]
            best = scores.index(max(scores))  # the first of equal scores, as the tags' order breaks ties
            runner = max(scores[:best] + scores[best + 1 :], default=0.0)
            last = self.tags[best]
            out.append((last, scores[best] - runner))
        return out

    @property
    def previous_tags(self) -> list[str]:
        """The tags a token's previous one may be: the model's, and "O", which opens a sequence."""
        return list(dict.fromkeys([*self.tags, "O"]))

    def row(self, feature: str) -> int:
        """The matrix row of ``feature``: the zero row (``zero``) when the model does not know it."""
        return self._rows.get(feature, len(self.table))

    @property
    def zero(self) -> int:
        return len(self.table)

    def tag_rows(
        self, rows: np.ndarray, previous: Mapping[str, np.ndarray], sequences: Sequence[range]
    ) -> list[tuple[str, float]]:
        """``tag`` for tokens given as matrix rows: ``rows[t]`` the rows of token t's own features in their
        order (the zero row where it has none), ``previous[p][t]`` the row of "P={p}|" and its first
        feature for each of ``previous_tags``; each of ``sequences`` (consecutive ranges of tokens) is
        tagged afresh.

        Every token is scored against each previous tag at once, the two previous-tag features' rows added
        one after the other as ``tag`` adds them (the zero row where the model does not know one: adding
        0.0 leaves a sum that is never -0.0 the same float); only the choice of the previous tag is left to
        the loop over the tokens.
        """
        own = np.add.reduce(self._matrix[rows], axis=1, initial=0.0)
        tags = self.previous_tags
        best: list[list[int]] = []
        margin: list[list[float]] = []
        everyone = np.arange(len(own))
        for tag in tags:
            scores = own + self._matrix[self.row(f"P={tag}")]
            scores = scores + self._matrix[previous[tag]]
            top = scores.argmax(axis=1)  # the first of equal scores, as ``tag`` takes
            others = scores.copy()
            others[everyone, top] = -np.inf
            runner = others.max(axis=1) if len(self.tags) > 1 else np.zeros(len(own))
            best.append(top.tolist())
            margin.append((scores[everyone, top] - runner).tolist())
        out: list[tuple[str, float]] = []
        opening = tags.index("O")
        for sequence in sequences:
            last = opening
            for t in sequence:
                chosen = best[last][t]
                out.append((self.tags[chosen], margin[last][t]))
                last = chosen
        return out

    def to_json(self) -> dict[str, Any]:
        return {"tags": list(self.tags), "weights": {f: list(w) for f, w in sorted(self.table.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Weights:
        return cls(tuple(data["tags"]), {f: tuple(w) for f, w in data["weights"].items()})


def save(models: dict[str, Weights], path: Path, notice: str, trained_on: str | None = None) -> None:
    """Write ``models`` as gzipped JSON, byte for byte the same for the same weights (no timestamp).

    ``trained_on``, a digest of the data they were trained from, is kept beside the weights: with it
    a retrain can tell, before training, whether it would build the same file (``trained_on``).
    """
    payload: dict[str, Any] = {"notice": notice, "models": {name: m.to_json() for name, m in sorted(models.items())}}
    if trained_on is not None:
        payload["trained_on"] = trained_on
    raw = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def load(raw: bytes) -> dict[str, Weights]:
    data = json.loads(gzip.decompress(raw))
    return {name: Weights.from_json(m) for name, m in data["models"].items()}


def trained_on(raw: bytes) -> str | None:
    """The digest of the training data a saved file records (``save``), or None for a file without one."""
    found: str | None = json.loads(gzip.decompress(raw)).get("trained_on")
    return found


class Trainer:
    """Averaged-perceptron training over sequences whose features are interned once."""

    def __init__(self, tags: Sequence[str], *, seed: int = 0) -> None:
        self.tags = tuple(tags)
        self.index: dict[str, int] = {}
        self.counts: list[int] = []
        self.rng = random.Random(seed)
        self.sequences: list[tuple[list[np.ndarray], list[str], list[int]]] = []
        self.firsts: set[str] = set()  # first features whose previous-tag features have ids

    def _intern(self, features: Iterable[str]) -> list[int]:
        """The ids of ``features``, sorted and distinct; a feature seen for the first time gets the next id."""
        index = self.index
        ids: set[int] = set()
        for f in features:
            k = index.get(f)
            if k is None:
                k = index[f] = len(index)
                self.counts.append(0)
            ids.add(k)
        return sorted(ids)

    def add(self, sequence: Sequence[Features], tags: Sequence[str]) -> None:
        rows = [self._intern(f) for f in sequence]
        counts = self.counts
        for row in rows:
            for k in row:
                counts[k] += 1
        for features in sequence:  # previous-tag features need their rows before training starts
            if features and features[0] in self.firsts:
                continue  # its previous-tag features are interned already
            if features:
                self.firsts.add(features[0])
            for tag in self.tags:
                self._intern(with_previous(tag, features))
        arrays = [np.asarray(row, dtype=np.int64) for row in rows]
        self.sequences.append((arrays, [f[0] if f else "" for f in sequence], [self.tags.index(t) for t in tags]))

    def train(
        self, epochs: int, evaluate: Callable[[Weights], float], *, min_count: int = 2, patience: int | None = None
    ) -> tuple[Weights, int]:
        """At most ``epochs`` shuffled passes; returns the averaged weights of the pass ``evaluate`` scores best.

        With ``patience``, training stops once that many passes in a row have
        not beaten the best: a perceptron that has stopped improving on held-out
        data seldom starts again, and each pass costs minutes on the full corpus.
        """
        n_tags = len(self.tags)
        weights = np.zeros((len(self.index), n_tags))
        totals = np.zeros_like(weights)  # Daumé's lazy sums: each update weighted by when it happened
        index = self.index
        step = 1
        best: tuple[float, int, Weights] | None = None
        order = list(range(len(self.sequences)))
        for epoch in range(1, epochs + 1):
            self.rng.shuffle(order)
            for s in order:
                rows, firsts, gold = self.sequences[s]
                last = "O"
                for i, row in enumerate(rows):
                    extra = [index[f"P={last}"], index[f"P={last}|{firsts[i]}"]]
                    ids = np.concatenate((row, extra))
                    scores = weights[ids].sum(axis=0)
                    guess = int(np.argmax(scores))
                    truth = gold[i]
                    if guess != truth:
                        weights[ids, truth] += 1.0
                        weights[ids, guess] -= 1.0
                        totals[ids, truth] += step
                        totals[ids, guess] -= step
                    last = self.tags[guess]
                    step += 1
            averaged = self._weights(weights - totals / step, min_count)
            score = evaluate(averaged)
            if best is None or score > best[0]:
                best = (score, epoch, averaged)
            elif patience is not None and epoch - best[1] >= patience:
                break
        assert best is not None, "epochs must be at least 1"
        return best[2], best[1]

    def _weights(self, matrix: np.ndarray, min_count: int) -> Weights:
        """The dictionary model: rare features and all-zero rows dropped, weights rounded."""
        table: dict[str, tuple[float, ...]] = {}
        rounded = np.round(matrix, 3)
        for feature, k in self.index.items():
            row = rounded[k]
            if (self.counts[k] >= min_count or not self.counts[k]) and row.any():
                table[feature] = tuple(float(w) for w in row)
        return Weights(self.tags, table)
