"""GraphML through networkx: actors as nodes, claim groups as edges.

GraphML attributes must be scalars, so lists (aliases, sources) are joined
with "; ".  Denied claims are edges too, with ``polarity="denied"``: a
denial is information, and dropping it would make the graph lie.
"""

from __future__ import annotations

from typing import TextIO

import networkx as nx

from claimgraph.export.snapshot import Snapshot


def to_graph(snap: Snapshot) -> nx.MultiDiGraph:
    """The snapshot as a directed multigraph (literal objects become their own nodes)."""
    graph = nx.MultiDiGraph()
    for a in snap.actors:
        graph.add_node(
            a.id, name=a.name, type=a.type, aliases="; ".join(a.aliases), gazetteer_ids="; ".join(a.gazetteer_ids)
        )
    for g in snap.groups:
        target = g.object
        if target is None:
            target = "literal:" + (g.object_literal or "")
            graph.add_node(target, name=g.object_literal or "", type="LITERAL", aliases="", gazetteer_ids="")
        data = g.to_json()
        graph.add_edge(
            g.subject,
            target,
            predicate=g.predicate,
            polarity=g.polarity,
            hedged=data["hedged"],
            sources="; ".join(data["sources"]),
            independent_origins=data["independent_origins"],
            documents=data["documents"],
            first_seen=data["first_seen"] or "",
            last_seen=data["last_seen"] or "",
        )
    return graph


def write_graphml(snap: Snapshot, out: TextIO) -> None:
    """The graph as GraphML text."""
    for line in nx.generate_graphml(to_graph(snap)):
        out.write(line + "\n")
