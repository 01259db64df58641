"""Resolution time as the number of names grows tenfold (should be no worse than n log n).

    python bench/resolution_scaling.py [--n 2000] [--store]

Synthetic group and person names (invented words drawn Zipf-wise from a
vocabulary that grows with n, generic words, and misspelled variants so
that merges happen) are resolved at n and 10 n names: in memory with
the store's resolver (blocking, matching, clustering), or with ``--store``
through a SQLite store (unresolved name rows → judgements → actors).
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import tempfile
import time
from pathlib import Path

from claimgraph.names import fold
from claimgraph.resolve.batch import resolve_names
from claimgraph.resolve.blocking import candidate_pairs
from claimgraph.resolve.match import Candidate

ONSETS = ["b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "r", "s", "t", "v", "z", "sh", "kh", "q", "w", "y"]
VOWELS = ["a", "e", "i", "o", "u"]
GENERIC = ["Front", "Brigade", "Army", "Jabhat", "Liwa", "Movement", "Battalion", "Forces"]


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """Invented name words (2-4 syllables)."""
    return [
        "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 4))).capitalize()
        for _ in range(size)
    ]


def misspell(rng: random.Random, name: str) -> str:
    """Double one letter: the kind of variant resolution must merge."""
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i] + name[i:]


def synthetic_names(n: int, seed: int = 7) -> list[Candidate]:
    """``n`` names over a vocabulary that grows with n (Heaps' law) and is used Zipf-wise, as in real
    name lists: a few words are very common; about one name in four is a variant of an earlier one."""
    rng = random.Random(seed)
    words = vocabulary(max(200, n // 2), rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))

    def word() -> str:
        return rng.choices(words, cum_weights=cumulative)[0]

    names: list[Candidate] = []
    while len(names) < n:
        if names and rng.random() < 0.25:
            base = rng.choice(names)
            name, etype = misspell(rng, base.name), base.type
        elif rng.random() < 0.5:
            name, etype = f"{rng.choice(GENERIC)} {word()} {word()}", "ARMED_GROUP"
        else:
            name, etype = f"{word()} {word()}", "PERSON"
        names.append(Candidate(f"n{len(names)}", name, fold(name), etype))
    return names


def pairs_compared(n: int) -> int:
    """How many candidate pairs blocking proposes for ``n`` synthetic names (what the matcher is run on)."""
    names = synthetic_names(n)
    return sum(1 for _ in candidate_pairs(names, {c.id for c in names}))


def timed(n: int) -> float:
    names = synthetic_names(n)
    start = time.perf_counter()
    resolve_names(names)
    return time.perf_counter() - start


def timed_in_store(n: int) -> float:
    """The store's path: names as unresolved rows, then judging and deriving actors in SQLite."""
    from claimgraph.nodes import name_node
    from claimgraph.resolve.store import judge_pending, rebuild_actors
    from claimgraph.store import open_store
    from claimgraph.store import schema as t

    nodes = {}
    for c in synthetic_names(n):
        node = name_node(c.name, c.type)
        nodes[node.id] = node
    rows = [
        {"id": x.id, "name": x.name, "fold": x.fold, "type": x.type, "key": x.key, "resolved": False}
        for x in nodes.values()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'names.db'}")
        with engine.begin() as conn:
            conn.execute(t.names.insert(), rows)
        start = time.perf_counter()
        with engine.begin() as conn:
            judge_pending(conn)
            rebuild_actors(conn)
        elapsed = time.perf_counter() - start
        engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--store", action="store_true", help="time the store's path (SQLite) instead of memory")
    args = parser.parse_args()
    n, run = args.n, timed_in_store if args.store else timed
    small, large = (
        min(run(n) for _ in range(3)),
        min(run(10 * n) for _ in range(2)),
    )  # best of: a shared machine is noisy
    growth = large / small
    nlogn = 10 * math.log(10 * n) / math.log(n)
    verdict = "OK" if growth <= nlogn else "WORSE"
    print(f"{'store' if args.store else 'memory'}: {n} names: {small:.3f}s; {10 * n} names: {large:.3f}s")
    print(f"growth ×{growth:.1f} for 10× names (n log n allows ×{nlogn:.1f}, n² would be ×100): {verdict}")
    few, many = pairs_compared(n), pairs_compared(10 * n)
    print(f"pairs compared: {few:,} for {n} names, {many:,} for {10 * n} (×{many / few:.1f})")


if __name__ == "__main__":
    main()
