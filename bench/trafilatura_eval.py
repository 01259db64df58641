"""Our HTML reader against plain ``trafilatura.extract`` on trafilatura's own evaluation set.

The set (../shared/eval/trafilatura_eval, see its README) lists, per page,
snippets the extracted text must contain ("with") and boilerplate it must
not ("without"); precision, recall, accuracy and F1 = 2TP / (2TP + FP + FN)
follow upstream's ``tests/eval_common.py`` (whitespace-normalised substring
matching).  Both extractors run in the same process on the same pages, so
the figures compare like with like.  Usage:

    .venv/bin/python bench/trafilatura_eval.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decode
from claimgraph.ingest.html import read_html

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "trafilatura_eval"


def ours(raw: bytes) -> str:
    """``document.text`` of our HTML path (empty when it reports an error record)."""
    try:
        return read_html(decode(raw)).text
    except InputError:
        return ""


def plain(raw: bytes) -> str:
    """trafilatura alone, with its defaults, on the page as the upstream evaluation reads it."""
    return trafilatura.extract(raw.decode("utf-8", errors="replace")) or ""


def _norm(text: str) -> str:
    return " ".join(text.split())


def score(extract: Callable[[bytes], str], pages: list[tuple[bytes, dict[str, list[str]]]]) -> dict[str, float]:
    """Upstream's counts and measures for one extractor over ``pages``."""
    tp = fn = fp = tn = 0
    started = time.perf_counter()
    for raw, truth in pages:
        text = _norm(extract(raw))
        for snippet in truth.get("with", []):
            if _norm(snippet) in text:
                tp += 1
            else:
                fn += 1
        for snippet in truth.get("without", []):
            if _norm(snippet) in text:
                fp += 1
            else:
                tn += 1
    seconds = time.perf_counter() - started
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + tn + fp + fn),
        "f1": 2 * tp / (2 * tp + fp + fn),
        "seconds": seconds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the shared evaluation data is not beside the repository)")
        return 0
    truth = json.loads((EVAL / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for entry in truth.values():
        path = EVAL / "html" / (entry["file"] + ".gz")
        if path.exists():
            pages.append((gzip.decompress(path.read_bytes()), entry))
    if args.limit:
        pages = pages[: args.limit]
    print(f"{len(pages)} pages", file=sys.stderr)
    results = {"trafilatura.extract": score(plain, pages), "claimgraph html reader": score(ours, pages)}
    print(f"{'extractor':<24} {'P':>6} {'R':>6} {'acc':>6} {'F1':>6} {'seconds':>8}")
    for name, r in results.items():
        print(
            f"{name:<24} {r['precision']:6.3f} {r['recall']:6.3f} {r['accuracy']:6.3f} {r['f1']:6.3f} {r['seconds']:8.1f}"
        )
    base, mine = results["trafilatura.extract"], results["claimgraph html reader"]
    print(
        f"F1 difference (ours - trafilatura): {mine['f1'] - base['f1']:+.3f}; time ratio {mine['seconds'] / base['seconds']:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
