"""Linear multinomial models over feature strings: the form the trained relation and type models ship in.

Both are fitted by scikit-learn's logistic regression in their training scripts and stored as plain
weights (classes, one intercept per class, one weight row per feature), so the package scores them
without scikit-learn and without ../shared.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any


class LinearModel:
    """``classes``, ``intercept`` and per-feature ``weights`` rows, scored by a softmax."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = list(data["classes"])
        self.intercept: list[float] = list(data["intercept"])
        self.weights: dict[str, list[float]] = data["weights"]

    def softmax(self, feats: Iterable[str]) -> list[float]:
        """Class probabilities in ``classes`` order, each distinct feature counted once, in first-seen order.

        A ``set`` would add the weights in hash order, which changes with ``PYTHONHASHSEED``: float
        addition in another order moves the last digits of a probability from one process to the
        next, and one that sits at a threshold could flip a decision.
        """
        scores = list(self.intercept)
        for f in dict.fromkeys(feats):
            row = self.weights.get(f)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]
