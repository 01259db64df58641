"""Resolution time as the number of names grows tenfold (should be no worse than n log n).

    python bench/resolution_scaling.py [--n 2000]

Synthetic group and person names (invented words drawn Zipf-wise from a
vocabulary that grows with n, generic words, and misspelled variants so
that merges happen) are resolved in memory with
the store's resolver (blocking, matching, clustering) at n and 10 n names.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import time

from claimgraph.nlp.names import fold
from claimgraph.resolve.batch import resolve_names
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


def timed(n: int) -> float:
    names = synthetic_names(n)
    start = time.perf_counter()
    resolve_names(names)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args().n
    small, large = timed(n), timed(10 * n)
    growth = large / small
    nlogn = 10 * math.log(10 * n) / math.log(n)
    print(f"{n} names: {small:.3f}s; {10 * n} names: {large:.3f}s")
    print(
        f"growth ×{growth:.1f} for 10× names (n log n allows ×{nlogn:.1f}, n² would be ×100): {'OK' if growth <= nlogn else 'WORSE'}"
    )


if __name__ == "__main__":
    main()
