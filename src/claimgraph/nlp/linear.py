"""Linear multinomial models over feature strings: the form the trained relation and type models ship in.

Both are fitted by scikit-learn's logistic regression in their training scripts and stored as plain
weights (classes, one intercept per class, one weight row per feature), so the package scores them
without scikit-learn and without ../shared.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np


class LinearModel:
    """``classes``, ``intercept`` and per-feature ``weights`` rows, scored by a softmax."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = list(data["classes"])
        self.intercept: list[float] = list(data["intercept"])
        self.weights: dict[str, list[float]] = data["weights"]
        # The weights as one matrix for scoring many feature lists at once: a row per feature, then the
        # intercept's row and a zero row.
        self._rows = {f: k for k, f in enumerate(self.weights)}
        table = np.array([*self.weights.values(), self.intercept], dtype=np.float64).reshape(-1, len(self.classes))
        self._matrix = np.vstack((table, np.zeros((1, len(self.classes)))))

    def softmax(self, feats: Iterable[str]) -> list[float]:
        """Class probabilities in ``classes`` order (``softmax_all`` of one feature list)."""
        return self.softmax_all([feats])[0]

    def softmax_all(self, sequences: Sequence[Iterable[str]]) -> list[list[float]]:
        """Class probabilities of each feature list, each distinct feature counted once, in first-seen order.

        A ``set`` would add the weights in hash order, which changes with ``PYTHONHASHSEED``: float
        addition in another order moves the last digits of a probability from one process to the
        next, and one that sits at a threshold could flip a decision.  So the rows are added one
        feature position at a time, from the intercept: for each list the additions a loop over its
        features makes, in its order, for all the lists together (one numpy step a position, not
        a Python addition per feature and class).  A shorter list adds the zero row at the end,
        which leaves its sums the same floats (a sum is never -0.0 when a score is nonzero; when
        one is ±0.0 its exponential is the same).
        """
        rows, intercept, zero = self._rows, len(self._matrix) - 2, len(self._matrix) - 1
        ids = [[intercept, *(k for f in dict.fromkeys(feats) if (k := rows.get(f)) is not None)] for feats in sequences]
        if not ids:
            return []
        width = max(map(len, ids))
        slots = np.full((len(ids), width), zero, dtype=np.int64)
        for n, row in enumerate(ids):
            slots[n, : len(row)] = row
        totals = self._matrix[slots[:, 0]]  # a copy: fancy indexing never returns a view
        for position in range(1, width):
            totals += self._matrix[slots[:, position]]
        out: list[list[float]] = []
        for scores in totals.tolist():
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            out.append([e / total for e in exps])
        return out
