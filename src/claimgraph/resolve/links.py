"""The links that hold an actor's names together: the evidence graph and its strongest tree.

An actor is a cluster of names joined by judgements.  To explain it or to
judge how risky it is, what matters is not every judgement touching its
names but the strongest way each name is tied to the rest: the maximum
spanning tree of the combined evidence between its names (hand merges
first, then by combined score).  Each tree edge is one *link* with the
judgements behind it; a name's path to the actor's main name is its
explanation, and the weakest edge of the tree is where the actor is most
likely joined by mistake.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.model import Judgement
from claimgraph.resolve.clusters import combine, effective, superseded
from claimgraph.resolve.store import hand_judgements, load_judgements
from claimgraph.store import schema as t


@dataclass(frozen=True, slots=True)
class Link:
    """The combined evidence that two names of one actor are one: its strength and its reasons."""

    left: str
    right: str
    score: float  # 1.0 for a hand merge, else the combined automatic score
    by_hand: bool
    reasons: tuple[str, ...] = field(default=())


def actor_links(conn: sa.Connection, name_ids: Iterable[str]) -> list[Link]:
    """Every positive link between two of ``name_ids``, with the reasons of its automatic judgements.

    A hand merge a later hand split set aside (``clusters.superseded``) is
    no link: the clustering left that pair to its automatic evidence, and so does the explanation.
    """
    judgements = load_judgements(conn, set(name_ids))
    aside = hand_set_aside(conn)
    reasons: dict[tuple[str, str], list[str]] = defaultdict(list)
    if judgements:
        jc = t.judgements.c
        seqs = [j.seq for j in judgements if j.judgement == Judgement.POSITIVE and not j.by_hand]
        for chunk in (seqs[i : i + 500] for i in range(0, len(seqs), 500)):
            for r in conn.execute(sa.select(jc.left_id, jc.right_id, jc.reason).where(jc.id.in_(chunk))):
                pair = (r.left_id, r.right_id) if r.left_id <= r.right_id else (r.right_id, r.left_id)
                reasons[pair].append(r.reason)
    links = []
    for (a, b), e in combine(judgements).items():
        if a == b:
            continue
        if e.hand is not None and (a, b) not in aside:
            if e.hand.judgement == Judgement.POSITIVE:
                links.append(Link(a, b, 1.0, True, ("merged by hand",)))
        elif e.positive > 0:
            links.append(Link(a, b, round(e.positive, 3), False, tuple(sorted(set(reasons[(a, b)])))))
    return links


def hand_set_aside(conn: sa.Connection) -> set[tuple[str, str]]:
    """The pairs whose hand merge a later hand split set aside, as the clustering decides them."""
    return superseded(effective(hand_judgements(conn)).values())


def spanning_tree(names: Iterable[str], links: Iterable[Link]) -> list[Link]:
    """The strongest links that tie ``names`` together (a maximum spanning forest, hand merges first)."""
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    tree = []
    for link in sorted(links, key=lambda k: (not k.by_hand, -k.score, k.left, k.right)):
        ra, rb = root(link.left), root(link.right)
        if ra != rb:
            parent[rb] = ra
            tree.append(link)
    return tree


def paths_from(start: str, tree: list[Link]) -> dict[str, list[Link]]:
    """For each name the tree reaches from ``start``, the links leading to it from ``start``."""
    adjacent: dict[str, list[tuple[str, Link]]] = defaultdict(list)
    for link in tree:
        adjacent[link.left].append((link.right, link))
        adjacent[link.right].append((link.left, link))
    paths: dict[str, list[Link]] = {start: []}
    todo = [start]
    while todo:
        here = todo.pop()
        for there, link in adjacent[here]:
            if there not in paths:
                paths[there] = [*paths[here], link]
                todo.append(there)
    return paths


def sides(tree: list[Link], cut: Link) -> tuple[set[str], set[str]]:
    """The two groups of names the tree falls into without ``cut``."""
    rest = [link for link in tree if link is not cut]
    left = set(paths_from(cut.left, rest))
    right = set(paths_from(cut.right, rest))
    return left, right


@dataclass(frozen=True, slots=True)
class Step:
    """One link on a name's path to the actor's main name."""

    left: str
    right: str
    score: float
    by_hand: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NamePath:
    """How one name is tied to the actor: the links from the main name to it, and the weakest of them."""

    name: str
    type: str
    strength: float
    steps: tuple[Step, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "strength": self.strength,
            "steps": [{**asdict(s), "reasons": list(s.reasons)} for s in self.steps],
        }


def name_paths(conn: sa.Connection, main: str, name_ids: list[str]) -> list[NamePath]:
    """Each name's path from ``main`` through the strongest tree, strongest path first."""
    n = t.names.c
    rows = {r.id: (r.name, r.type) for r in conn.execute(sa.select(n.id, n.name, n.type).where(n.id.in_(name_ids)))}
    paths = paths_from(main, spanning_tree(name_ids, actor_links(conn, name_ids)))
    out = []
    for name_id in name_ids:
        links = paths.get(name_id)
        if links is None:
            out.append(NamePath(rows[name_id][0], rows[name_id][1], 0.0, ()))
            continue
        steps, here = [], main
        for link in links:
            there = link.right if link.left == here else link.left
            steps.append(Step(rows[here][0], rows[there][0], link.score, link.by_hand, link.reasons))
            here = there
        strength = min((s.score for s in steps), default=1.0)
        out.append(NamePath(rows[name_id][0], rows[name_id][1], strength, tuple(steps)))
    out.sort(key=lambda p: (-p.strength, len(p.steps), p.name))
    return out
