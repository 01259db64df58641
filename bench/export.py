"""Export speed on a synthetic store: each format timed, STIX against JSON lines in the same run.

    python bench/export.py [--docs 10000] [--repeat 3]

The store is the one ``bench/show_latency.py`` fills (bulk inserts straight
into the schema: two armed groups and a person per document, two claims
each, 15% of them denied).  Each format is exported ``--repeat`` times to
a temporary file; min / median / max seconds are reported, and the ratio
of STIX to JSON lines (the plainest writer over the same snapshot) says
what the STIX writer costs beyond reading the store.  Target: the STIX
export of 10,000 documents in under 60 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from claimgraph.export import FORMATS, export_store
from claimgraph.store import open_store
from show_latency import fill


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'export.db'}")
        start = time.perf_counter()
        fill(engine, args.docs, random.Random(11))
        print(f"filled {args.docs} documents in {time.perf_counter() - start:.1f}s")
        seconds: dict[str, list[float]] = {}
        for _ in range(args.repeat):
            for fmt in FORMATS:
                out = Path(tmp) / f"out.{fmt}"
                with engine.connect() as conn, out.open("w", encoding="utf-8") as handle:
                    start = time.perf_counter()
                    export_store(conn, fmt, handle)
                    seconds.setdefault(fmt, []).append(time.perf_counter() - start)
        engine.dispose()
    for fmt, runs in seconds.items():
        print(f"{fmt:8s} min {min(runs):6.2f}s  median {statistics.median(runs):6.2f}s  max {max(runs):6.2f}s")
    ratio = statistics.median(seconds["stix"]) / statistics.median(seconds["jsonl"])
    print(f"stix / jsonl (medians): {ratio:.2f}")
    print(f"stix under 60 s: {'OK' if max(seconds['stix']) < 60 else 'ABOVE'}")


if __name__ == "__main__":
    main()
