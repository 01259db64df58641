"""Moving one name by hand, and reading back what a hand judgement did.

``attach`` moves the name to another actor: hand splits from every other
name of its actor, hand merges with every name of the target.  ``detach``
makes it an actor of its own: hand splits from every other name of its
actor.  Both are judgements like any other (reversible, kept across
re-ingest); ``placements`` tells where each of a set of names sits once the
actors are rebuilt, so a command can report what became of every name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa

from claimgraph.errors import NotFoundError
from claimgraph.model import Judgement
from claimgraph.resolve.lookup import Actor, actor_name_ids, find_actor
from claimgraph.resolve.store import judge_by_hand
from claimgraph.store import schema as t


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one name sits: its actor."""

    name: str
    type: str
    actor_id: str
    actor: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "type": self.type, "actor_id": self.actor_id, "actor": self.actor}


def _name_nodes(conn: sa.Connection, name: str, etype: str | None) -> tuple[Actor, list[str], list[str]]:
    """The actor ``name`` resolves to, the name's own nodes in it, and the actor's other names."""
    actor = find_actor(conn, name, etype)
    own = actor_name_ids(conn, actor, name)
    if not own:
        raise NotFoundError(f"{name!r} is not one of the names of {actor.name}; give the name to move, not the actor")
    others = [n for n in actor_name_ids(conn, actor) if n not in own]
    return actor, own, others


def attach(conn: sa.Connection, name: str, target: str, etype: str | None = None) -> int:
    """Move ``name`` (of type ``etype``) to the actor ``target`` (a name or an actor id); judgements made."""
    actor, own, others = _name_nodes(conn, name, etype)
    destination = find_actor(conn, target)
    if destination.id == actor.id:
        return 0
    count = judge_by_hand(conn, own, others, Judgement.NEGATIVE, f"attached to {destination.name} by hand")
    return count + judge_by_hand(
        conn, own, actor_name_ids(conn, destination), Judgement.POSITIVE, f"attached to {destination.name} by hand"
    )


def detach(conn: sa.Connection, name: str, etype: str | None = None) -> int:
    """Make ``name`` (of type ``etype``) an actor of its own; judgements made (0: it was alone already)."""
    _, own, others = _name_nodes(conn, name, etype)
    return judge_by_hand(conn, own, others, Judgement.NEGATIVE, "detached by hand")


def names_of(conn: sa.Connection, names: Collection[str], etype: str | None = None) -> list[str]:
    """Every name id of the actors ``names`` resolve to (to follow them through a hand judgement)."""
    return sorted({n for name in names for n in actor_name_ids(conn, find_actor(conn, name, etype))})


def placements(conn: sa.Connection, name_ids: Collection[str]) -> list[Placement]:
    """Where each of ``name_ids`` sits now, by actor then name."""
    ids = sorted(name_ids)
    n = t.names.c
    rows = [
        r
        for i in range(0, len(ids), 500)
        for r in conn.execute(
            sa.select(n.name, n.type, t.actors.c.id, t.actors.c.name.label("actor"))
            .join(t.canonical, t.canonical.c.name_id == n.id)
            .join(t.actors, t.actors.c.id == t.canonical.c.actor_id)
            .where(n.id.in_(ids[i : i + 500]))
        )
    ]
    out = {(r.name, r.type, r.id, r.actor) for r in rows}
    return [Placement(*p) for p in sorted(out, key=lambda p: (p[3], p[2], p[0], p[1]))]


def alone(conn: sa.Connection, name_ids: Collection[str]) -> bool:
    """Whether ``name_ids`` make up a whole actor by themselves."""
    ids = sorted(name_ids)
    c = t.canonical.c
    actors = conn.execute(sa.select(c.actor_id).where(c.name_id.in_(ids)).distinct()).scalars().all()
    if len(actors) != 1:
        return False
    members = conn.execute(sa.select(c.name_id).where(c.actor_id == actors[0])).scalars().all()
    return set(members) == set(ids)


def same_actor(conn: sa.Connection, left: Collection[str], right: Collection[str]) -> bool:
    """Whether the name ids ``left`` and ``right`` all sit in one actor."""
    ids = sorted({*left, *right})
    actors = set(
        conn.execute(sa.select(t.canonical.c.actor_id).where(t.canonical.c.name_id.in_(ids)).distinct()).scalars()
    )
    return len(actors) == 1
