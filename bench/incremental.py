"""Cost of ingesting 10 new documents into stores of 1k, 10k and 100k documents (target: 100k ≤ 2× 1k).

    .venv/bin/python bench/incremental.py [--sizes 1000,10000,100000] [--repeat 5] [--postgres]
                                          [--keep DIR] [--no-rebuild]

Each store is filled with invented records (bench/synthetic.py, no NLP:
the store alone is measured), its derived tables brought up to date, then
ten new documents are written and the store refreshed, ``--repeat`` times
with ten different documents each time: min/median/max of those seconds
(wall clock; this process's CPU seconds beside them, steadier on a shared
machine, though on PostgreSQL the server's share is not in them).
Beside it, in the same run, the full rebuild of the same store's derived
state (``refresh(force=True)``), which is what every ingest cost before
resolution and origins became incremental.  While the largest store is
filled, the writer's resident memory is reported at 10%, 50% and 100%.
``--postgres`` uses a throwaway local PostgreSQL (tests/postgres_server.py).
``--keep DIR`` (SQLite) keeps each filled store as ``DIR/SIZE.db`` and
starts from a copy of it when it is there (filling 100,000 documents takes
a quarter of an hour on a loaded machine; the copy is brought up to date
first, so a store an older claimgraph filled is migrated and rebuilt
before anything is timed).  ``--no-rebuild`` leaves out the full rebuild.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from claimgraph.load import IngestSummary, write_results
from claimgraph.resolve.refresh import refresh
from claimgraph.store import open_store
from postgres_server import PostgresServer, binaries
from synthetic import extractions, fill


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--no-rebuild", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    server = None
    if args.postgres:
        bindir = binaries()
        if bindir is None:
            sys.exit("PostgreSQL binaries not installed")
        server = PostgresServer(bindir)
        server.start()
    medians = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for size in sizes:
                path = Path(tmp) / f"{size}.db"
                kept = args.keep / f"{size}.db" if args.keep and not server else None
                if kept and kept.exists():
                    shutil.copy(kept, path)
                url = server.create_database(f"bench_{size}") if server else f"sqlite:///{path}"
                engine = open_store(url)
                biggest = size == max(sizes)
                start = time.perf_counter()
                reused = bool(kept and kept.exists())
                if reused:
                    memory: dict[int, float] = {}
                    refresh(engine)
                else:
                    memory = fill(engine, size, {size // 10, size // 2, size} if biggest else set())
                    refresh(engine)
                    if kept:
                        engine.dispose()
                        shutil.copy(path, kept)
                built = time.perf_counter() - start
                times, cpu = [], []
                for run in range(args.repeat):
                    new = extractions(10_000_000 + run * 10, 10_000_000 + run * 10 + 10)
                    start, start_cpu = time.perf_counter(), time.process_time()
                    write_results(engine, new, "bench", IngestSummary())
                    refresh(engine)
                    times.append(time.perf_counter() - start)
                    cpu.append(time.process_time() - start_cpu)
                medians[size] = statistics.median(times)
                rebuilt = ""
                if not args.no_rebuild:
                    start = time.perf_counter()
                    refresh(engine, force=True)
                    full = time.perf_counter() - start
                    rebuilt = f"; full rebuild {full:.2f}s ({full / medians[size]:.0f}× the 10-document ingest)"
                engine.dispose()
                print(
                    f"{size:>7} documents: {'copied and brought up to date' if reused else 'filled'} "
                    f"in {built:.1f}s; 10 new documents "
                    f"min {min(times):.3f}s median {medians[size]:.3f}s max {max(times):.3f}s "
                    f"(CPU of this process: median {statistics.median(cpu):.3f}s){rebuilt}",
                    flush=True,
                )
                for mark, mb in sorted(memory.items()):
                    print(f"         resident memory after {mark:>7} documents written: {mb:.0f} MB")
    finally:
        if server:
            server.stop()
    small, large = min(sizes), max(sizes)
    ratio = medians[large] / medians[small]
    print(f"10 new documents into {large} / into {small} = {ratio:.2f} (target ≤ 2: {'OK' if ratio <= 2 else 'ABOVE'})")


if __name__ == "__main__":
    main()
