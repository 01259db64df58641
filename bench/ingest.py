"""Ingest throughput as a ratio of extraction alone (target ≥ 0.8).

    python bench/ingest.py [--docs 60]

Both runs use the same loaded pipeline on the same invented articles
(written to a temporary folder), so the ratio measures what the store adds:
hashing, MinHash signatures, one transaction per batch of documents and the
resolution pass at the end.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from claimgraph.extraction import extract_paths
from claimgraph.load import ingest_paths
from claimgraph.nlp.pipeline import Analyzer
from claimgraph.store import open_store

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(3)
    analyzer = Analyzer.load()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(args.docs):
            (folder / f"story-{i:04d}.txt").write_text(article(i, rng), encoding="utf-8")
        list(extract_paths([folder / "story-0000.txt"], analyzer))  # warm-up
        extract_times, ingest_times = [], []
        for run in range(2):  # alternated, best of two: the machine is shared and noisy
            start = time.perf_counter()
            n = sum(1 for _ in extract_paths([folder], analyzer))
            extract_times.append(time.perf_counter() - start)
            engine = open_store(f"sqlite:///{Path(tmp) / f'bench{run}.db'}")
            start = time.perf_counter()
            summary = ingest_paths(engine, [folder], analyzer)
            ingest_times.append(time.perf_counter() - start)
            engine.dispose()
        extract_time, ingest_time = min(extract_times), min(ingest_times)
    print(f"extract: {n} documents in {extract_time:.2f}s ({n / extract_time:.1f} docs/s)")
    print(f"ingest:  {summary.stored} documents in {ingest_time:.2f}s ({summary.stored / ingest_time:.1f} docs/s)")
    ratio = extract_time / ingest_time
    print(f"ingest throughput / extract throughput = {ratio:.2f} (target ≥ 0.8: {'OK' if ratio >= 0.8 else 'BELOW'})")


if __name__ == "__main__":
    main()
