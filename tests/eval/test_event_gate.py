"""Event gate: PLOVER gold records, category accuracy and actor/target match (bench/plover_gsr.py's scorer).

Floors sit a little under the measured figures (0.717 accuracy, 0.625
actor/target F1 when they were set), so a change that codes events worse
fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimgraph.nlp.components.pipeline import load_language

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import plover_gsr  # noqa: E402

ACCURACY_FLOOR = 0.69
ACTOR_TARGET_F1_FLOOR = 0.60


@pytest.fixture(scope="module")
def scores() -> plover_gsr.Scores:
    if not (plover_gsr.GSR / "PLOVER_GSR_CAMEO.txt").exists():
        pytest.skip("the PLOVER gold records (../shared/eval/event_coding/plover_gsr) are not here")
    return plover_gsr.score(plover_gsr.records(), load_language())


def test_category_accuracy_floor(scores: plover_gsr.Scores) -> None:
    assert scores.accuracy >= ACCURACY_FLOOR


def test_actor_target_match_floor(scores: plover_gsr.Scores) -> None:
    assert scores.f1 >= ACTOR_TARGET_F1_FLOOR
