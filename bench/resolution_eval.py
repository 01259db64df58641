"""Pairwise precision and recall of name merges on the UN name-variant set.

    python bench/resolution_eval.py

Reads ../shared/eval/name_matching (each cluster is one listed person: the
primary name, aliases and the name in original script) and resolves all
names together as PERSON names, exactly as the store does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimgraph.nlp.names import fold
from claimgraph.resolve.batch import pairwise_scores, resolve_names
from claimgraph.resolve.match import Candidate

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "name_matching"


def load(path: Path, with_low_quality: bool = True) -> tuple[list[Candidate], dict[str, str]]:
    """Candidates (one per listed name) and their gold cluster labels."""
    candidates, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        names = [record["name"], record.get("name_original_script")]
        names += [a["name"] for a in record["aliases"] if with_low_quality or a["quality"] == "Good"]
        for i, name in enumerate(n for n in names if n):
            cid = f"{record['ref']}#{i}"
            candidates.append(Candidate(cid, name, fold(name), "PERSON"))
            gold[cid] = record["ref"]
    return candidates, gold


def main() -> int:
    files = sorted(DATA.glob("*.jsonl"))
    if not files:
        print(f"no name-matching data under {DATA}", file=sys.stderr)
        return 1
    for low in (True, False):
        candidates, gold = load(files[0], with_low_quality=low)
        p, r, npred, ngold = pairwise_scores(gold, resolve_names(candidates))
        label = "all aliases" if low else "good-quality aliases"
        print(
            f"{label}: {len(candidates)} names, precision {p:.3f} recall {r:.3f} ({npred} merged pairs, {ngold} gold pairs)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
