"""How many of gold's denied and hedged claims the extraction finds, with their polarity or hedge.

    .venv/bin/python bench/hedges.py CORPUS_DIR PRED.jsonl

``CORPUS_DIR`` holds ``*.gold.json`` files (``../shared/corpus/dev``) and
``PRED.jsonl`` is ``claimgraph extract``'s output for its articles.
score.py reports polarity inside its strict claim match but neither of the
two counts issue 10 asks for, and nothing about ``hedged``.  This script
asks score.py itself, so a claim counts as found exactly when score.py
matches it strictly (same predicate, arguments and polarity):

* denied: gold's denied claims, those strictly matched (so found denied), and
  how many claims we mark denied;
* hedged: score.py is run a second time on predictions cut down to the
  claims we mark ``hedged``; gold's hedged claims matched then are found
  *with* the hedge; printed beside them, how many claims we mark hedged and
  how many of those match any gold claim.

Only aggregate counts are printed, so the script may score ``check`` as
score.py does without showing its gold.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

SCORE = Path(__file__).resolve().parents[1] / ".." / "shared" / "tools" / "score.py"


def gold_claims(corpus: Path) -> dict[str, list[dict[str, object]]]:
    """Each document's gold claims that score.py scores (the optional ones left out)."""
    out: dict[str, list[dict[str, object]]] = {}
    for path in sorted(corpus.rglob("*.gold.json")):
        claims = json.loads(path.read_text("utf-8")).get("claims") or []
        out[path.name.removesuffix(".gold.json")] = [c for c in claims if isinstance(c, dict) and not c.get("optional")]
    return out


def missed_ids(corpus: Path, predictions: Path) -> tuple[dict[str, set[str]], int]:
    """Per document, the ids of gold claims score.py matched to no prediction; and the strict true positives."""
    run = subprocess.run(
        [sys.executable, str(SCORE), "articles", str(corpus), str(predictions), "--details", "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    report = json.loads(run.stdout)
    missed = {
        name: {str(c.get("id")) for c in doc["details"]["claims_missed"]}
        for name, doc in report["per_document"].items()
    }
    return missed, int(report["claims_strict"]["tp"])


def hedged_only(docs: list[dict[str, Any]], out: Path) -> None:
    """Write ``docs`` with only the claims marked hedged into ``out`` as JSON Lines."""
    with out.open("w", encoding="utf-8") as dst:
        for doc in docs:
            kept = [c for c in doc.get("claims") or [] if c.get("hedged")]
            dst.write(json.dumps(doc | {"claims": kept}, ensure_ascii=False) + "\n")


def found(
    gold: dict[str, list[dict[str, object]]], missed: dict[str, set[str]], key: str, value: object
) -> tuple[int, int]:
    """Gold claims whose ``key`` is ``value``: how many, and how many score.py did not list as missed."""
    total = hit = 0
    for name, claims in gold.items():
        for c in claims:
            if c.get(key) == value:
                total += 1
                hit += str(c.get("id")) not in missed.get(name, set())
    return total, hit


def ours(docs: list[dict[str, Any]], key: str, value: object) -> int:
    """How many of our claims have ``key`` equal to ``value``."""
    return sum(c.get(key) == value for doc in docs for c in doc.get("claims") or [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("predictions", type=Path)
    args = parser.parse_args()
    gold = gold_claims(args.corpus)
    docs = [json.loads(line) for line in args.predictions.open(encoding="utf-8") if line.strip()]
    missed, _ = missed_ids(args.corpus, args.predictions)
    denied_gold, denied_hit = found(gold, missed, "polarity", "denied")
    denied_ours = ours(docs, "polarity", "denied")
    print(f"denied: gold {denied_gold}, found {denied_hit} (strict, polarity included); ours {denied_ours}")
    with tempfile.TemporaryDirectory() as tmp:
        cut = Path(tmp) / "hedged.jsonl"
        hedged_only(docs, cut)
        hedged_missed, hedged_tp = missed_ids(args.corpus, cut)
    hedged_gold, hedged_hit = found(gold, hedged_missed, "hedged", True)
    hedged_ours = ours(docs, "hedged", True)
    print(
        f"hedged: gold {hedged_gold}, found with the hedge {hedged_hit}; ours {hedged_ours}, "
        f"{hedged_tp} of them matching a gold claim (hedged or not)"
    )


if __name__ == "__main__":
    main()
