"""Ingest throughput as a ratio of extraction alone (target ≥ 0.9), on SQLite and PostgreSQL; resident memory.

    .venv/bin/python bench/ingest.py [--docs 60] [--runs 3] [--postgres]
    .venv/bin/python bench/ingest.py --synthetic 100000 [--postgres]

Every run extracts the invented articles (written to a temporary folder)
with the loaded pipeline, then ingests the same articles into a fresh
SQLite store (and, with ``--postgres``, into a fresh database of a
throwaway local PostgreSQL: tests/postgres_server.py), one after the other
so machine load hits all sides alike.  The ratio of each run (extract
seconds / ingest seconds) measures what the store adds: hashing, MinHash
signatures, one transaction per batch of documents and the resolution
pass at the end.  Reported: min/median/max of the seconds and of the
per-run ratios.

``--synthetic N`` writes N invented extraction records (bench/synthetic.py,
no NLP) through the ingest's writer (``COPY`` on PostgreSQL), then refreshes
the derived tables, and reports this process's resident memory after 10%,
50% and 100% of them (target: flat within 10%).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from claimgraph.resolve.refresh import refresh
from claimgraph.store import open_store
from postgres_server import PostgresServer, binaries
from synthetic import fill, rss_mb

GROUPS = ["Amber Lantern Front", "Gray Heron Brigade", "Copper Valley Movement", "Northern Reed Battalion"]
PLACES = ["Valdris", "Korvana", "Estmoor", "Lindhaven", "Porto Sable", "Merrow"]
PEOPLE = ["Tomas Ekwall", "Ilse Marrow", "Petra Sundqvist", "Oskar Lindell", "Hanna Virtanen"]
OUTLETS = ["Harbor Wire", "Valdris Courier", "Coast Daily"]


def article(i: int, rng: random.Random) -> str:
    """An invented news story of a few paragraphs."""
    paragraphs = [f"Clashes reported near {rng.choice(PLACES)} (story {i})"]
    for _ in range(rng.randint(5, 9)):
        g1, g2 = rng.sample(GROUPS, 2)
        person, place, outlet = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(OUTLETS)
        paragraphs.append(
            f"Fighters of the {g1} attacked positions held by the {g2} near {place} on Tuesday, "
            f"{person}, a spokesman for the {g1}, told {outlet}. The {g2} denied any link to the attack "
            f"and said it remains part of a wider alliance operating in {place}. Residents said {rng.randint(2, 90)} "
            f"families had left the area since the fighting began."
        )
    return "\n\n".join(paragraphs) + "\n"


def spread(values: list[float], unit: str = "s") -> str:
    return f"min {min(values):.2f}{unit} median {statistics.median(values):.2f}{unit} max {max(values):.2f}{unit}"


@contextlib.contextmanager
def stores(postgres: bool, folder: Path) -> Iterator[Callable[[str, str], str]]:
    """``make(backend, name)``: the URL of a fresh, empty store (PostgreSQL: a database of one throwaway server)."""
    server = None
    if postgres:
        bindir = binaries()
        if bindir is None:
            sys.exit("PostgreSQL binaries not installed (make postgres)")
        server = PostgresServer(bindir)
        server.start()

    def make(backend: str, name: str) -> str:
        if backend == "postgresql":
            assert server is not None
            return server.create_database(name)
        return f"sqlite:///{folder / f'{name}.db'}"

    try:
        yield make
    finally:
        if server:
            server.stop()


def throughput(args: argparse.Namespace, tmp: Path, make: Callable[[str, str], str]) -> None:
    """Extract alone, then ingest into each backend, ``--runs`` times; the ratios of each run."""
    from claimgraph.extraction import extract_paths
    from claimgraph.load import ingest_paths
    from claimgraph.nlp.components.pipeline import Analyzer

    rng = random.Random(3)
    analyzer = Analyzer.load()
    folder = tmp / "articles"
    folder.mkdir()
    for i in range(args.docs):
        (folder / f"story-{i:04d}.txt").write_text(article(i, rng), encoding="utf-8")
    list(extract_paths([folder / "story-0000.txt"], analyzer))  # warm-up
    backends = ["sqlite", "postgresql"] if args.postgres else ["sqlite"]
    extract_times: list[float] = []
    ingest_times: dict[str, list[float]] = {b: [] for b in backends}
    ratios: dict[str, list[float]] = {b: [] for b in backends}
    for run in range(args.runs):
        start = time.perf_counter()
        n = sum(1 for _ in extract_paths([folder], analyzer))
        extract_times.append(time.perf_counter() - start)
        for backend in backends:
            engine = open_store(make(backend, f"bench_{run}"))
            start = time.perf_counter()
            summary = ingest_paths(engine, [folder], analyzer)
            ingest_times[backend].append(time.perf_counter() - start)
            engine.dispose()
            assert summary.stored == n, (summary, n)
            ratios[backend].append(extract_times[-1] / ingest_times[backend][-1])
    print(f"{n} documents, {args.runs} runs")
    print(f"extract alone:     {spread(extract_times)} (median {n / statistics.median(extract_times):.1f} docs/s)")
    for backend in backends:
        median = statistics.median(ratios[backend])
        print(
            f"ingest {backend + ':':<11} {spread(ingest_times[backend])}; ratio per run {spread(ratios[backend], '')}"
        )
        print(
            f"  ingest / extract throughput, median {median:.2f} (target ≥ 0.9: {'OK' if median >= 0.9 else 'BELOW'})"
        )


def resident(args: argparse.Namespace, make: Callable[[str, str], str]) -> None:
    """``--synthetic N`` records through the writer; resident memory at 10%, 50%, 100%."""
    size = args.synthetic
    backend = "postgresql" if args.postgres else "sqlite"
    engine = open_store(make(backend, "synthetic"))
    baseline = rss_mb()
    start = time.perf_counter()
    memory = fill(engine, size, {size // 10, size // 2, size})
    written = time.perf_counter() - start
    start = time.perf_counter()
    refresh(engine)
    refreshed = time.perf_counter() - start
    engine.dispose()
    print(
        f"{size} synthetic documents into {backend}: written in {written:.0f}s ({size / written:.0f} docs/s), "
        f"derived tables refreshed in {refreshed:.0f}s; resident memory before writing {baseline:.0f} MB"
    )
    for mark, mb in sorted(memory.items()):
        print(f"  resident memory after {mark:>7} documents: {mb:.0f} MB")
    low, high = min(memory.values()), max(memory.values())
    print(f"  largest / smallest = {high / low:.3f} (target ≤ 1.10: {'OK' if high / low <= 1.1 else 'ABOVE'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL too (a throwaway local server)")
    parser.add_argument("--synthetic", type=int, metavar="N", help="resident memory over N synthetic records")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, stores(args.postgres, Path(tmp)) as make:
        if args.synthetic:
            resident(args, make)
        else:
            throughput(args, Path(tmp), make)


if __name__ == "__main__":
    main()
