"""Resolving a set of names in memory: blocking, matching, clustering.

This is the whole resolver without a database, used by the evaluation and
the scaling benchmark; the store runs the same three steps over its rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from claimgraph.resolve.blocking import candidate_pairs
from claimgraph.resolve.clusters import StoredJudgement, clusters
from claimgraph.resolve.match import Candidate, Verdict, compare, compatible, specificity


def judge_all(candidates: Sequence[Candidate], pending: set[str] | None = None) -> Iterator[tuple[str, str, Verdict]]:
    """A verdict for each blocked pair involving a ``pending`` name (default: all)."""
    pending = {c.id for c in candidates} if pending is None else pending
    for a, b in candidate_pairs(candidates, pending):
        verdict = compare(a, b)
        if verdict is not None:
            yield a.id, b.id, verdict


def resolve_names(candidates: Sequence[Candidate]) -> dict[str, str]:
    """Each candidate id → its actor's representative id."""
    judgements = [
        StoredJudgement(a, b, v.judgement, False, v.score, i) for i, (a, b, v) in enumerate(judge_all(candidates))
    ]
    types = {c.id: c.type for c in candidates}
    sizes = {c.id: specificity(c.name, c.type) for c in candidates}
    return clusters([c.id for c in candidates], judgements, types, compatible, sizes=sizes)


def pairwise_scores(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of ``predicted`` merges against ``gold`` labels, with pair counts."""

    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for item, label in labels.items():
            groups.setdefault(label, []).append(item)
        return {tuple(sorted(p)) for members in groups.values() for p in combinations(members, 2)}  # type: ignore[misc]

    gold_pairs, predicted_pairs = pairs(gold), pairs(predicted)
    right = len(gold_pairs & predicted_pairs)
    precision = right / len(predicted_pairs) if predicted_pairs else 1.0
    recall = right / len(gold_pairs) if gold_pairs else 1.0
    return precision, recall, len(predicted_pairs), len(gold_pairs)
