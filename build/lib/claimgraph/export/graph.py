"""GraphML through networkx: the actors that take part in a claim as nodes, claim groups as edges.

An actor named in articles but in no claim is left out: a graph of
thousands of unconnected names hides the few that are connected (with
``documents=True`` each article becomes a node too, linked to the actors
it names by ``mentions`` edges, and every named actor is kept).  GraphML
attributes must be scalars, so lists (aliases, sources) are joined with
"; ".  Denied claims are edges too, with ``polarity="denied"``: a denial
is information, and dropping it would make the graph lie.
"""

from __future__ import annotations

from typing import TextIO

import networkx as nx

from claimgraph.export.snapshot import Snapshot


def to_graph(snap: Snapshot, *, documents: bool = False) -> nx.MultiDiGraph:
    """The snapshot as a directed multigraph (literal objects become their own nodes)."""
    graph = nx.MultiDiGraph()
    in_claims = {g.subject for g in snap.groups} | {g.object for g in snap.groups if g.object}
    named = {a for d in snap.documents for a in d.actors} if documents else set()
    for a in snap.actors:
        if a.id not in in_claims and a.id not in named:
            continue
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
    if documents:
        for d in snap.documents:
            node = "document:" + d.id
            graph.add_node(node, name=d.title or d.source_path, type="DOCUMENT", aliases="", gazetteer_ids="")
            graph.add_node(node, url=d.url or "", published=d.published or d.day or "", publisher=d.publisher or "")
            for actor in d.actors:
                graph.add_edge(node, actor, predicate="mentions", polarity="affirmed")
    return graph


def write_graphml(snap: Snapshot, out: TextIO, *, documents: bool = False) -> None:
    """The graph as GraphML text."""
    for line in nx.generate_graphml(to_graph(snap, documents=documents)):
        out.write(line + "\n")
