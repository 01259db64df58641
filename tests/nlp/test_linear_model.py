"""The shipped linear models (relation classifier, type corrector) score the same in every process.

Their probabilities decide at thresholds, so they must not depend on the string hash: each
distinct feature counts once, added in the order the features come.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from claimgraph.nlp.claims.learned import RelationModel
from claimgraph.nlp.entities.type_corrector import TypeModel
from claimgraph.nlp.linear import LinearModel

# Weights whose float sum depends on the order of addition: 1e16 + 1 rounds back to 1e16.
CANCELLING = {
    "classes": ["none", "member_of"],
    "intercept": [0.0, 0.0],
    "weights": {f"f{i}": [0.0, w] for i, w in enumerate([1e16, 1.0, -1e16, 1.0, 3.0, -3.0, 1e-3] * 3)},
}
FEATURES = [f"f{i}" for i in range(21)]

SCORE_IN_CHILD = f"""
import json, sys
from claimgraph.nlp.linear import LinearModel
model = LinearModel({CANCELLING!r})
print(json.dumps(model.softmax({FEATURES!r})))
"""


def test_a_repeated_feature_counts_once() -> None:
    model = LinearModel({"classes": ["a", "b"], "intercept": [0.0, 0.0], "weights": {"x": [0.0, 1.0]}})
    assert model.softmax(["x", "x", "x"]) == model.softmax(["x"])
    assert model.softmax(["unknown"]) == [0.5, 0.5]


def test_weights_are_added_in_the_order_the_features_come() -> None:
    model = LinearModel(CANCELLING)
    big_first = model.softmax(["f0", "f1", "f2"])  # (1e16 + 1) - 1e16 == 0
    small_last = model.softmax(["f0", "f2", "f1"])  # (1e16 - 1e16) + 1 == 1
    assert big_first == [0.5, 0.5]
    assert small_last != big_first


def test_probabilities_do_not_depend_on_the_hash_seed() -> None:
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", SCORE_IN_CHILD], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == LinearModel(CANCELLING).softmax(FEATURES)


def test_both_shipped_model_kinds_score_through_the_same_softmax() -> None:
    relation = RelationModel({**CANCELLING, "threshold": 0.7})
    types = TypeModel({**CANCELLING, "threshold": 0.5, "drop_threshold": 0.9})
    expected = LinearModel(CANCELLING).softmax(FEATURES)
    assert relation.probabilities(FEATURES) == expected
    assert types.probabilities(FEATURES) == dict(zip(CANCELLING["classes"], expected, strict=True))
