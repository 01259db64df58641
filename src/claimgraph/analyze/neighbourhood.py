"""The actors around one actor, as nodes and claim edges, capped so a page can draw them.

An edge is one claim group (same subject, predicate, object and polarity)
between two canonical actors, carrying the predicate, polarity, whether
every claim in it is hedged, and how many claims back it.  Walking ``depth``
steps out from the centre, actors are taken nearest first and, at one
distance, best connected first, until ``limit`` nodes; the result says when
the cap cut anything off, so a front end can offer to expand a node instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.analyze.claims import ClaimFilter, group_claims, load_claims
from claimgraph.store import schema as t

NODE_LIMIT = 150


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    type: str
    distance: int


@dataclass(frozen=True, slots=True)
class Edge:
    id: str
    source: str
    target: str
    predicate: str
    polarity: str
    hedged: bool
    claims: int


@dataclass(slots=True)
class Neighbourhood:
    centre: str
    depth: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "centre": self.centre,
            "depth": self.depth,
            "nodes": [asdict(n) for n in self.nodes],
            "edges": [asdict(e) for e in self.edges],
            "truncated": self.truncated,
        }


def _edges_around(conn: sa.Connection, actor_ids: set[str]) -> list[Edge]:
    groups = group_claims(load_claims(conn, ClaimFilter(involving=frozenset(actor_ids))))
    edges = []
    for g in groups:
        if g.object is None or g.object == g.subject:
            continue
        key = f"{g.subject}|{g.predicate}|{g.object}|{g.polarity}"
        hedged = all(c.hedged for c in g.claims)
        edges.append(Edge(key, g.subject, g.object, g.predicate, g.polarity, hedged, len(g.claims)))
    return edges


def neighbourhood(conn: sa.Connection, centre: str, depth: int = 1, limit: int = NODE_LIMIT) -> Neighbourhood:
    """Actors within ``depth`` claim steps of the actor id ``centre``, at most ``limit`` of them."""
    distance = {centre: 0}
    edges: dict[str, Edge] = {}
    frontier = {centre}
    truncated = False
    for step in range(1, depth + 1):
        found = _edges_around(conn, frontier)
        degree: dict[str, int] = {}
        for e in found:
            edges.setdefault(e.id, e)
            for end in (e.source, e.target):
                if end not in distance:
                    degree[end] = degree.get(end, 0) + 1
        room = limit - len(distance)
        ranked = sorted(degree, key=lambda a: (-degree[a], a))
        if len(ranked) > room:
            truncated = True
            ranked = ranked[: max(room, 0)]
        for actor in ranked:
            distance[actor] = step
        frontier = set(ranked)
        if not frontier or truncated:
            break
    rows = conn.execute(
        sa.select(t.actors.c.id, t.actors.c.name, t.actors.c.type).where(t.actors.c.id.in_(sorted(distance)))
    ).all()
    nodes = sorted((Node(r.id, r.name, r.type, distance[r.id]) for r in rows), key=lambda n: (n.distance, n.name))
    kept = [e for e in edges.values() if e.source in distance and e.target in distance]
    return Neighbourhood(centre, depth, nodes, sorted(kept, key=lambda e: e.id), truncated)
