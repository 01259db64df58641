"""Bulk writes against one transaction per document, same records, SQLite and PostgreSQL.

    .venv/bin/python bench/store_writes.py [--docs 1000] [--repeat 3] [--batch 32]

Writes invented records (bench/synthetic.py, no NLP) into a fresh store
with ``CLAIMGRAPH_BATCH_SIZE=1`` — one document per transaction, as ingest
wrote before bulk writes — and with ``--batch`` documents per transaction
(``executemany`` on SQLite, ``COPY`` through a staging table on
PostgreSQL), the two alternated round by round.  Reported: min/median/max
seconds of each and the ratio of the medians; the two stores' ``export
--format jsonl`` (after a refresh, not timed) must be identical.
PostgreSQL is a throwaway local server (tests/postgres_server.py).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from claimgraph import Graph
from claimgraph.load import IngestSummary, write_results
from claimgraph.store import open_store
from postgres_server import PostgresServer, binaries
from synthetic import extractions


def write(url: str, docs: list, batch: int) -> float:  # type: ignore[type-arg]
    engine = open_store(url)
    os.environ["CLAIMGRAPH_BATCH_SIZE"] = str(batch)
    start = time.perf_counter()
    write_results(engine, docs, "bench", IngestSummary())
    seconds = time.perf_counter() - start
    engine.dispose()
    return seconds


def exported(url: str) -> str:
    with Graph.open(url) as graph:
        out = io.StringIO()
        graph.export("jsonl", out)
        return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    docs = extractions(0, args.docs)
    bindir = binaries()
    server = PostgresServer(bindir) if bindir else None
    if server:
        server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            backends = {"sqlite": lambda name: f"sqlite:///{Path(tmp) / name}.db"}
            if server:
                backends["postgresql"] = server.create_database
            for backend, make in backends.items():
                one, bulk, same = [], [], True
                for run in range(args.repeat):
                    one_url, bulk_url = make(f"one{run}"), make(f"bulk{run}")
                    one.append(write(one_url, docs, 1))
                    bulk.append(write(bulk_url, docs, args.batch))
                    same = same and exported(one_url) == exported(bulk_url)
                ratio = statistics.median(one) / statistics.median(bulk)
                print(f"{backend}: {args.docs} documents, {args.repeat} rounds")
                print(
                    f"  1 per transaction:  min {min(one):.2f}s median {statistics.median(one):.2f}s max {max(one):.2f}s"
                )
                print(
                    f"  {args.batch} per transaction: min {min(bulk):.2f}s median {statistics.median(bulk):.2f}s "
                    f"max {max(bulk):.2f}s"
                )
                print(f"  bulk throughput / one-at-a-time throughput = {ratio:.2f}; same export: {same}")
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main()
