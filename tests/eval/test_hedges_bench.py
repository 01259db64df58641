"""bench/hedges.py counts denied and hedged gold claims the way score.py matches them.

A corpus of one invented document: two gold claims (one denied, one hedged)
and one plain, against predictions that find the denial, find the hedged
claim without its hedge, and add a hedged claim gold does not hold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "hedges.py"

GOLD = {
    "document": {},
    "entities": [
        {"name": "Northern Lions Brigade", "type": "ARMED_GROUP", "aliases": []},
        {"name": "Valley Front", "type": "ARMED_GROUP", "aliases": []},
        {"name": "Qaryat Zahra", "type": "PLACE", "aliases": []},
    ],
    "claims": [
        {
            "id": "g1",
            "subject": "Northern Lions Brigade",
            "predicate": "allied_with",
            "object": "Valley Front",
            "polarity": "denied",
        },
        {
            "id": "g2",
            "subject": "Valley Front",
            "predicate": "operates_in",
            "object": "Qaryat Zahra",
            "polarity": "affirmed",
            "hedged": True,
        },
        {
            "id": "g3",
            "subject": "Northern Lions Brigade",
            "predicate": "operates_in",
            "object": "Qaryat Zahra",
            "polarity": "affirmed",
        },
    ],
    "attributions": [],
    "conflicts": [],
}


def claim(cid: str, subject: str, predicate: str, obj: str, polarity: str = "affirmed", hedged: bool = False) -> dict:
    return {
        "id": cid,
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "polarity": polarity,
        "hedged": hedged,
    }


PREDICTION = {
    "document": {"source_path": "articles/lions.txt"},
    "entities": [
        {"id": "e1", "name": "Northern Lions Brigade", "type": "ARMED_GROUP", "aliases": []},
        {"id": "e2", "name": "Valley Front", "type": "ARMED_GROUP", "aliases": []},
        {"id": "e3", "name": "Qaryat Zahra", "type": "PLACE", "aliases": []},
    ],
    "claims": [
        claim("c1", "e1", "allied_with", "e2", polarity="denied"),
        claim("c2", "e2", "operates_in", "e3"),
        claim("c3", "e2", "rival_of", "e1", hedged=True),
    ],
}


def report(tmp_path: Path, prediction: dict) -> list[str]:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "lions.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps(prediction) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(BENCH), str(tmp_path), str(predictions)], check=True, capture_output=True, text=True
    )
    return run.stdout.splitlines()


def test_counts_follow_score_matching(tmp_path: Path) -> None:
    lines = report(tmp_path, PREDICTION)
    assert lines[0] == "denied: gold 1, found 1 (strict, polarity included); ours 1"
    assert lines[1] == "hedged: gold 1, found with the hedge 0; ours 1, 0 of them matching a gold claim (hedged or not)"


def test_a_hedge_counts_only_on_the_claim_it_marks(tmp_path: Path) -> None:
    hedged = dict(
        PREDICTION,
        claims=[
            claim("c2", "e2", "operates_in", "e3", hedged=True),
            claim("c4", "e1", "operates_in", "e3", hedged=True),
        ],
    )
    lines = report(tmp_path, hedged)
    assert lines[0] == "denied: gold 1, found 0 (strict, polarity included); ours 0"
    assert lines[1] == "hedged: gold 1, found with the hedge 1; ours 2, 2 of them matching a gold claim (hedged or not)"
