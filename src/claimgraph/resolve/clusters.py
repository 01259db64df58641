"""Canonical actors derived from judgements: careful agglomeration, hand judgements first.

Positive judgements join names; negative ones keep them apart.  The rules,
in the order they are applied:

1. For each pair the latest judgement *by hand* overrides every automatic
   one.  Hand merges are joined first and nothing automatic stands in their
   way (not a negative between other names, not a type); only a hand split
   between the two sides refuses them.  A hand split is a wall no
   automatic join crosses.  A hand split of two names that earlier hand
   merges join (``split A B`` after ``merge A B``) sets those merges aside:
   every hand merge of the chain that joined the two names, so the other
   names go where their evidence says, not wherever the order of the old
   merges happened to leave them.
2. Automatic evidence on a pair is combined: several documents naming two
   names as one actor, or a document and the matcher, add up (noisy-or:
   ``1 - Π(1 - s)``), so one document's alias decision is evidence, not
   certainty.
3. Automatic joins are made strongest first.  A cluster's *reach* is the
   number of documents behind its names (one per name without ``weights``).
   A cluster of reach one joins another on one link that clears
   ``MERGE_AT``; two clusters that each reach several documents join only
   when the combined evidence of *all* the links between them clears
   ``STRONG``, so one weak link (a coreference slip in one document, two
   names sharing a word) cannot chain two established actors into one.  A weak automatic negative between the clusters (two entries of
   one gazetteer) raises the bar to ``STRONG`` for a single name too.  A
   single name whose best link to a cluster is weak (below ``WEAK``: a
   family name alone) and that links as strongly to another cluster, not
   itself linked to the first, joins neither: "Haddad" beside both Karim
   and Nadia Haddad stays apart.
4. No automatic join makes an actor of incompatible types (a place never
   joins an armed group).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimgraph.model import Judgement
from claimgraph.unionfind import UnionFind

MERGE_AT = 0.85  # a name joins a cluster on one link this strong
STRONG = 0.97  # the combined evidence that joins two clusters of several names each
AMBIGUOUS = 0.05  # a name's weak links into two clusters this close in strength leave it with neither
WEAK = 0.9  # links below this (a family name alone, parts missing) are weighed against the name's other links


@dataclass(frozen=True, slots=True)
class StoredJudgement:
    """One stored judgement on a pair of names (``seq`` orders them in time)."""

    left: str
    right: str
    judgement: Judgement
    by_hand: bool
    score: float
    seq: int


def _pair(j: StoredJudgement) -> tuple[str, str]:
    return (j.left, j.right) if j.left <= j.right else (j.right, j.left)


def effective(judgements: Iterable[StoredJudgement]) -> dict[tuple[str, str], StoredJudgement]:
    """The judgement that counts for each pair: the latest by hand, else the latest automatic one."""
    chosen: dict[tuple[str, str], StoredJudgement] = {}
    for j in sorted(judgements, key=lambda j: (j.by_hand, j.seq)):
        chosen[_pair(j)] = j
    return chosen


@dataclass(slots=True)
class Evidence:
    """What the judgements say about one pair, combined."""

    hand: StoredJudgement | None = None
    positive: float = 0.0  # noisy-or of the automatic positive scores
    negative: float = 0.0  # the strongest automatic negative


def superseded(hand: Iterable[StoredJudgement]) -> set[tuple[str, str]]:
    """The pairs of hand merges a later hand split contradicts.

    In time order, the hand merges made so far join names into groups; a
    hand split between two names of one group sets aside every merge of
    that group (the chain the split says was wrong), and the groups are
    drawn again from the merges left.
    """
    active: list[StoredJudgement] = []
    groups: UnionFind[str] = UnionFind()
    dropped: set[tuple[str, str]] = set()
    for j in sorted(hand, key=lambda j: j.seq):
        if j.judgement == Judgement.POSITIVE:
            active.append(j)
            groups.union(j.left, j.right)
        elif j.judgement == Judgement.NEGATIVE and j.left != j.right and groups[j.left] == groups[j.right]:
            group = groups[j.left]
            dropped.update(_pair(p) for p in active if groups[p.left] == group)
            active = [p for p in active if groups[p.left] != group]
            groups = UnionFind()
            for p in active:
                groups.union(p.left, p.right)
    return dropped


def combine(judgements: Iterable[StoredJudgement]) -> dict[tuple[str, str], Evidence]:
    """Each judged pair's combined evidence."""
    out: dict[tuple[str, str], Evidence] = defaultdict(Evidence)
    for j in sorted(judgements, key=lambda j: j.seq):
        e = out[_pair(j)]
        if j.by_hand:
            e.hand = j
        elif j.judgement == Judgement.POSITIVE:
            e.positive = 1 - (1 - e.positive) * (1 - min(j.score, 1.0))
        elif j.judgement == Judgement.NEGATIVE:
            e.negative = max(e.negative, j.score)
    return dict(out)


class _Clusters:
    """Union-find with each cluster's members, types and walls."""

    def __init__(self, names: Iterable[str], types: dict[str, str], weights: dict[str, int]) -> None:
        self.parent = {n: n for n in names}
        self.members = {n: [n] for n in self.parent}
        self.reach = {n: weights.get(n, 1) for n in self.parent}
        self.types = {n: {types[n]} if n in types else set() for n in self.parent}
        self.walls: dict[str, set[str]] = {n: set() for n in self.parent}

    def root(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def wall(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return  # joined by hand already: the hand judgement wins
        self.walls[ra].add(rb)
        self.walls[rb].add(ra)

    def walled(self, ra: str, rb: str) -> bool:
        return rb in self.walls[ra]

    def join(self, ra: str, rb: str) -> None:
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        self.reach[keep] += self.reach.pop(gone)
        self.types[keep] |= self.types.pop(gone)
        moved = self.walls.pop(gone)
        self.walls[keep] |= moved
        for other in moved:
            self.walls[other].discard(gone)
            self.walls[other].add(keep)


def clusters(
    names: Iterable[str],
    judgements: Iterable[StoredJudgement],
    types: dict[str, str] | None = None,
    compatible: Callable[[str, str], bool] | None = None,
    weights: dict[str, int] | None = None,
    sizes: dict[str, int] | None = None,
) -> dict[str, str]:
    """Each name → the smallest name id of its actor.

    ``types`` (name → type) are checked with ``compatible``; ``weights``
    (name → documents that write it) measure each cluster's reach;
    ``sizes`` (name → its parts) tell a fuller name from the shorter ones it links to.
    """
    cl = _Clusters(names, types or {}, weights or {})
    evidence = {
        p: e for p, e in combine(judgements).items() if p[0] != p[1] and p[0] in cl.parent and p[1] in cl.parent
    }
    hand = [e.hand for e in evidence.values() if e.hand is not None]
    aside = superseded(hand)
    for j in hand:
        if j.judgement == Judgement.NEGATIVE:
            cl.wall(j.left, j.right)
    merges = (j for j in hand if j.judgement == Judgement.POSITIVE and _pair(j) not in aside)
    for j in sorted(merges, key=lambda j: -j.seq):
        ra, rb = cl.root(j.left), cl.root(j.right)
        if ra != rb and not cl.walled(ra, rb):
            cl.join(ra, rb)
    links: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    edges = []
    for (a, b), e in evidence.items():
        if e.hand is not None and (a, b) not in aside:
            continue  # a hand judgement decides this pair (a merge set aside leaves it to the evidence)
        links[a].append((b, e.positive, e.negative))
        links[b].append((a, e.positive, e.negative))
        if e.positive >= MERGE_AT:
            edges.append((e.positive, a, b))
    edges.sort(key=lambda x: (-x[0], x[1], x[2]))

    def between(ra: str, rb: str) -> tuple[float, float]:
        """Combined positive evidence and the strongest negative between two clusters."""
        small = min(ra, rb, key=lambda r: len(cl.members[r]))
        other = rb if small == ra else ra
        keep, negative = 1.0, 0.0
        for n in cl.members[small]:
            for m, pos, neg in links[n]:
                if cl.root(m) == other:
                    keep *= 1 - pos
                    negative = max(negative, neg)
        return 1 - keep, negative

    def fits(ra: str, rb: str) -> bool:
        if compatible is None:
            return True
        return all(compatible(x, y) for x in cl.types[ra] for y in cl.types[rb])

    def best(n: str, root: str) -> float:
        return max((pos for m, pos, _ in links[n] if cl.root(m) == root), default=0.0)

    def fuller(n: str, m: str) -> bool:
        return sizes is not None and sizes.get(n, 0) > sizes.get(m, 0)

    def ambiguous(ra: str, rb: str) -> bool:
        """A single name about to join one cluster on a weak link that links as strongly to another cluster
        (one not itself linked to the first): it joins neither ("Haddad" beside Karim and Nadia Haddad).

        Unless the name is fuller than the names it links to in both: then they are its parts, not two
        actors it might be ("Yunes Kamil Tolbaz" beside "Yunes Kamil" and "Al Tolbaz")."""
        for one, other in ((ra, rb), (rb, ra)):
            n = cl.members[one][0]
            if len(cl.members[one]) != 1 or (strength := best(n, other)) >= WEAK:
                continue
            parts_of = all(fuller(n, m) for m, pos, _ in links[n] if pos > 0 and cl.root(m) == other)
            for m, pos, _ in links[n]:
                rm = cl.root(m)
                if rm in (one, other) or pos < max(strength - AMBIGUOUS, MERGE_AT) or cl.walled(one, rm):
                    continue
                if parts_of and fuller(n, m):
                    continue
                if fits(one, rm) and between(rm, other)[0] < MERGE_AT:
                    return True
        return False

    changed = True
    while changed:  # a join refused now may be allowed once more links lie between the clusters
        changed = False
        for _, a, b in edges:
            ra, rb = cl.root(a), cl.root(b)
            if ra == rb or cl.walled(ra, rb) or not fits(ra, rb):
                continue
            positive, negative = between(ra, rb)
            single = min(cl.reach[ra], cl.reach[rb]) <= 1
            bar = MERGE_AT if single and negative == 0 else STRONG
            if positive >= bar and not ambiguous(ra, rb):
                cl.join(ra, rb)
                changed = True
    return {n: cl.root(n) for n in cl.parent}
