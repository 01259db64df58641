"""Canonical actors derived from judgements: connected components, with vetoes.

Positive judgements join names; negative ones forbid a join.  For each
pair the latest judgement by hand overrides every automatic one, so a
split by hand always wins and a later merge by hand undoes it.  Joins are
made strongest first (by hand, then by score), and a join that would put
two names with a negative judgement into one actor is refused, so a
single wrong alias cannot chain two actors together against a veto.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Judgement:
    """One stored judgement on a pair of names (``seq`` orders them in time)."""

    left: str
    right: str
    judgement: str
    by_hand: bool
    score: float
    seq: int


def effective(judgements: Iterable[Judgement]) -> dict[tuple[str, str], Judgement]:
    """The judgement that counts for each pair: the latest by hand, else the latest automatic one."""
    chosen: dict[tuple[str, str], Judgement] = {}
    for j in sorted(judgements, key=lambda j: (j.by_hand, j.seq)):
        chosen[tuple(sorted((j.left, j.right)))] = j  # type: ignore[index]
    return chosen


def clusters(names: Iterable[str], judgements: Iterable[Judgement]) -> dict[str, str]:
    """Each name → the smallest name id of its actor."""
    parent = {n: n for n in names}
    banned: dict[str, set[str]] = {n: set() for n in parent}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    chosen = effective(judgements)
    for (a, b), j in chosen.items():
        if j.judgement == "negative" and a != b and a in parent and b in parent:
            banned[a].add(b)
            banned[b].add(a)
    positives = sorted(
        (j for j in chosen.values() if j.judgement == "positive"),
        key=lambda j: (not j.by_hand, -j.score, j.left, j.right),
    )
    for j in positives:
        if j.left not in parent or j.right not in parent:
            continue
        ra, rb = root(j.left), root(j.right)
        if ra == rb or rb in banned[ra]:
            continue
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        parent[gone] = keep
        merged = banned.pop(gone)
        banned[keep] |= merged
        for other in merged:
            banned[other].discard(gone)
            banned[other].add(keep)
    return {n: root(n) for n in parent}
