"""The review queue: the automatic merges most worth an analyst's minute, riskiest first.

An actor is worth a look when

* it hangs together by a weak link: an automatic edge of its strongest
  tree (``links``) that, cut, leaves two groups of names that each reach
  several documents — the shape of a wrong merge.  Its risk is the chance
  the link is wrong (one minus its score) times the documents the smaller
  group would wrongly share;
* its names were written as incompatible kinds of actor (joined by hand);
* its names carry gazetteer ids that disagree (two entries of one list).

Each item carries its evidence (the link's score and reasons, the two
groups, the types, the ids) so the analyst can merge, split or move a name
without opening anything else.  Links made by hand are never questioned.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

import sqlalchemy as sa

from claimgraph.resolve.links import Link, actor_links, sides, spanning_tree
from claimgraph.resolve.match import compatible
from claimgraph.store import schema as t


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One actor worth a look, with why."""

    actor_id: str
    actor: str
    type: str
    risk: float
    problems: list[str]
    names: int
    documents: int
    weakest: dict[str, Any] | None = None  # the weak link: its names, score, reasons, and the two groups
    types: dict[str, list[str]] = field(default_factory=dict)  # type → names written so
    gazetteer_ids: dict[str, list[str]] = field(default_factory=dict)  # id → names carrying it

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _name_rows(conn: sa.Connection) -> dict[str, tuple[str, str, str, str | None]]:
    """Name id → (actor id, name, type, gazetteer id)."""
    n = t.names.c
    rows = conn.execute(
        sa.select(n.id, t.canonical.c.actor_id, n.name, n.type, n.gazetteer_id).join(
            t.canonical, t.canonical.c.name_id == n.id
        )
    ).all()
    return {r.id: (r.actor_id, r.name, r.type, r.gazetteer_id) for r in rows}


def _weak_link(tree: list[Link], reach: dict[str, int], label: dict[str, str]) -> tuple[float, dict[str, Any]] | None:
    """The riskiest automatic tree edge: weak, with documents on both sides; (risk, evidence)."""
    best: tuple[float, dict[str, Any]] | None = None
    for link in tree:
        if link.by_hand or link.score >= 1.0:
            continue
        left, right = sides(tree, link)
        docs = sum(reach.get(x, 0) for x in left), sum(reach.get(x, 0) for x in right)
        # the chance the link is wrong, times what a wrong one would poison (a lone name's one document: nothing)
        risk = (1 - link.score) * (min(docs) - 1)
        if risk <= 0:
            continue
        evidence = {
            "left": label[link.left],
            "right": label[link.right],
            "score": link.score,
            "reasons": list(link.reasons),
            "groups": [sorted(label[x] for x in left), sorted(label[x] for x in right)],
            "documents": list(docs),
        }
        if best is None or risk > best[0]:
            best = (risk, evidence)
    return best


def review_queue(conn: sa.Connection, limit: int | None = None) -> list[ReviewItem]:
    """Actors worth a look, riskiest first (at most ``limit``)."""
    names = _name_rows(conn)
    by_actor: dict[str, list[str]] = defaultdict(list)
    for name_id, (actor, *_rest) in names.items():
        by_actor[actor].append(name_id)
    en = t.entity_names.c
    reach: dict[str, int] = dict(
        conn.execute(sa.select(en.name_id, sa.func.count(sa.distinct(en.document_id))).group_by(en.name_id)).all()
    )
    actors = {r.id: (r.name, r.type) for r in conn.execute(sa.select(t.actors.c.id, t.actors.c.name, t.actors.c.type))}
    items = []
    for actor_id, members in by_actor.items():
        if len(members) < 2:
            continue
        label = {m: names[m][1] for m in members}
        problems, risk = [], 0.0
        types: dict[str, list[str]] = defaultdict(list)
        ids: dict[str, list[str]] = defaultdict(list)
        for m in members:
            types[names[m][2]].append(label[m])
            gazetteer_id = names[m][3]
            if gazetteer_id:
                ids[gazetteer_id].append(label[m])
        if any(not compatible(a, b) for a, b in combinations(sorted(types), 2)):
            problems.append("names written as incompatible kinds of actor: " + ", ".join(sorted(types)))
            risk += 2.0
        sources = Counter(i.split(":", 1)[0] for i in ids)
        if any(n > 1 for n in sources.values()):
            problems.append("names carry different entries of one gazetteer: " + ", ".join(sorted(ids)))
            risk += 1.0
        tree = spanning_tree(members, actor_links(conn, members)) if len(members) <= 400 else []
        weak = _weak_link(tree, reach, label)
        if weak is not None:
            problems.append(f"held together by one link of score {weak[1]['score']:.2f}")
            risk += weak[0]
        if problems:
            name, etype = actors.get(actor_id, (label[members[0]], names[members[0]][2]))
            items.append(
                ReviewItem(
                    actor_id,
                    name,
                    etype,
                    round(risk, 3),
                    problems,
                    len(members),
                    sum(reach.get(m, 0) for m in members),
                    weak[1] if weak else None,
                    {k: sorted(v) for k, v in types.items()} if len(types) > 1 else {},
                    {k: sorted(v) for k, v in ids.items()} if len(ids) > 1 else {},
                )
            )
    items.sort(key=lambda i: (-i.risk, -i.documents, i.actor))
    return items[:limit] if limit is not None else items
