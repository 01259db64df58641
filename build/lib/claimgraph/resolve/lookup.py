"""From a name the user types to the canonical actor, and why it is one actor.

A name is folded as the scorer folds it (GOLD.md) and looked up among every
name the store knows; failing that, its transliteration skeleton is tried.
A name that reaches several actors is ambiguous and is refused with the
candidates listed, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import NotFoundError
from claimgraph.nlp.names import fold, name_key
from claimgraph.store import schema as t


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor."""

    id: str
    name: str
    type: str


def _actors_for(conn: sa.Connection, condition: sa.ColumnElement[bool]) -> list[Actor]:
    rows = conn.execute(
        sa.select(t.actors.c.id, t.actors.c.name, t.actors.c.type)
        .distinct()
        .join(t.canonical, t.canonical.c.actor_id == t.actors.c.id)
        .join(t.names, t.names.c.id == t.canonical.c.name_id)
        .where(condition)
        .order_by(t.actors.c.name, t.actors.c.id)
    ).all()
    return [Actor(r.id, r.name, r.type) for r in rows]


def find_actor(conn: sa.Connection, name: str) -> Actor:
    """The one actor ``name`` resolves to; ``NotFoundError`` when none or several."""
    actors = _actors_for(conn, t.names.c.fold == fold(name))
    if not actors and name_key(name):
        actors = _actors_for(conn, t.names.c.key == name_key(name))
    if not actors:
        raise NotFoundError(f"no actor is known as {name!r}")
    if len(actors) > 1:
        raise NotFoundError(
            f"{name!r} is ambiguous: it names {len(actors)} actors",
            [f"{a.name} ({a.type}, {a.id})" for a in actors],
        )
    return actors[0]


def actor_name_ids(conn: sa.Connection, actor: Actor, name: str | None = None) -> list[str]:
    """The actor's name ids (only those folding like ``name`` when given)."""
    query = sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id == actor.id)
    if name is not None:
        query = query.join(t.names, t.names.c.id == t.canonical.c.name_id).where(t.names.c.fold == fold(name))
    return list(conn.execute(query.order_by(t.canonical.c.name_id)).scalars())


def explain(conn: sa.Connection, name: str) -> dict[str, Any]:
    """The actor ``name`` resolves to, its names, and every judgement that touches them."""
    actor = find_actor(conn, name)
    name_ids = actor_name_ids(conn, actor)
    label: dict[str, str] = dict(
        conn.execute(sa.select(t.names.c.id, t.names.c.name).where(t.names.c.id.in_(name_ids))).all()
    )
    j = t.judgements.c
    rows = conn.execute(
        sa.select(t.judgements).where(sa.or_(j.left_id.in_(name_ids), j.right_id.in_(name_ids))).order_by(j.id)
    ).all()
    others = {r.left_id for r in rows} | {r.right_id for r in rows}
    label.update(conn.execute(sa.select(t.names.c.id, t.names.c.name).where(t.names.c.id.in_(sorted(others)))).all())
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "names": sorted(label[n] for n in name_ids),
        "judgements": [
            {
                "left": label.get(r.left_id, r.left_id),
                "right": label.get(r.right_id, r.right_id),
                "judgement": r.judgement,
                "by_hand": bool(r.by_hand),
                "score": r.score,
                "reason": r.reason,
                "created_at": r.created_at,
                "joins": r.left_id in name_ids and r.right_id in name_ids,
            }
            for r in rows
        ],
    }
