"""The dossier of one actor, and the store's figures.

``dossier`` answers "what do we know about X": every name it goes by with
how many documents used it, when it was first and last seen, the claims
about it grouped by what they say (with sources, via-chains and the number
of independent origins), and the conflicts among them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.analyze.claims import ClaimFilter, ClaimGroup, group_claims, load_claims
from claimgraph.analyze.conflicts import StoreConflict, find_store_conflicts, store_conflicts
from claimgraph.resolve.lookup import Actor, find_actor, named_actors
from claimgraph.store import schema as t


@dataclass(frozen=True, slots=True)
class Alias:
    """A name an actor goes by, and how many documents wrote it."""

    name: str
    documents: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Dossier:
    """What is known about one actor (``claimgraph show``)."""

    id: str
    name: str
    type: str
    aliases: list[Alias]
    gazetteer_ids: list[str]
    first_seen: str | None
    last_seen: str | None
    claims: list[ClaimGroup]
    conflicts: list[StoreConflict]
    note: str | None = None  # how the name was taken for this actor, when the lookup had to choose

    def to_json(self) -> dict[str, Any]:
        """The contract's dossier object (with ``note`` only when the lookup had to choose: an optional key)."""
        out = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": [a.to_json() for a in self.aliases],
            "gazetteer_ids": list(self.gazetteer_ids),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "claims": [g.to_json() for g in self.claims],
            "conflicts": [c.to_json() for c in self.conflicts],
        }
        return out if self.note is None else {**out, "note": self.note}


@dataclass(frozen=True, slots=True)
class Stats:
    """The store's figures (``claimgraph stats``; the contract's keys)."""

    documents: int
    failed_documents: int
    entities: int
    canonical_entities: int
    claims: int
    attributions: int
    conflicts: int

    def to_json(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class _Names:
    """What the store says of an actor's names: their ids, the gazetteer entries of their entities, how they were written."""

    actors: list[Actor]  # the actors asked for: the names and the rest are read only when this is one
    ids: frozenset[str]
    gazetteer_ids: list[str]
    aliases: list[Alias]
    first_seen: str | None
    last_seen: str | None


def _names(conn: sa.Connection, candidates: sa.Select[Any]) -> _Names:
    """The actors of ``candidates`` (a select of actor ids) and, if there is one, its names read three ways, in one statement.

    Every other read of a dossier starts from the actor's names.  Two
    selects are sent as one (a round trip is a statement's dearest part on
    a busy server): each name of each candidate, with its actor and, when
    there is one candidate, the gazetteer entries of its entities (from the
    covering index ``(name_id, gazetteer_id)``), or once with none; and, for
    one candidate only, per written form the documents writing it and the
    first and last day (from the covering index of written names, which
    carry their document's day: migration 0013), found through
    ``canonical`` itself.  So the lookup of a name and what the dossier
    reads of its actor are one statement, and a name of several actors
    costs only their names.  A name row has no document count, which tells
    the two kinds of row apart.  The actor is seen wherever any of its
    names was written, as in its aliases (an actor split off by hand may
    survive only as another entity's alias).
    """
    a, c, e, en = t.actors.c, t.canonical.c, t.entities.c, t.entity_names.c
    asked = candidates.cte("candidates")
    one = sa.select(sa.func.count()).select_from(asked).scalar_subquery() == 1
    names = sa.select(c.name_id).where(c.actor_id.in_(sa.select(asked.c.id)))
    text, count = sa.cast(sa.null(), sa.String), sa.cast(sa.null(), sa.Integer)  # typed: PostgreSQL unites by type
    entries = (
        sa.select(a.id, a.name, a.type, c.name_id, e.gazetteer_id, count, text, text)
        .distinct()
        .select_from(t.canonical)
        .join(t.actors, a.id == c.actor_id)
        .outerjoin(t.entities, sa.and_(e.name_id == c.name_id, e.gazetteer_id.is_not(None), one))
        .where(c.actor_id.in_(sa.select(asked.c.id)))
    )
    written = (
        sa.select(
            text,
            text,
            text,
            en.surface,
            text,
            sa.func.count(sa.distinct(en.document_id)),
            sa.func.min(en.day),
            sa.func.max(en.day),
        )
        .where(en.name_id.in_(names), one)
        .group_by(en.surface)
    )
    rows = conn.execute(sa.union_all(entries, written)).all()
    named = [r for r in rows if r[5] is None]
    forms = [r for r in rows if r[5] is not None]
    firsts = [r[6] for r in forms if r[6] is not None]
    lasts = [r[7] for r in forms if r[7] is not None]
    return _Names(
        sorted({Actor(r[0], r[1], r[2]) for r in named}, key=lambda x: x.id),
        frozenset(r[3] for r in named),
        sorted({r[4] for r in named if r[4] is not None}),
        [Alias(r[3], r[5]) for r in sorted(forms, key=lambda r: (-r[5], r[3]))],
        min(firsts, default=None),
        max(lasts, default=None),
    )


def dossier(conn: sa.Connection, name: str, etype: str | None = None) -> Dossier:
    """The dossier of the actor ``name`` (of type ``etype`` when given) resolves to.

    The name is looked up with the actor's names (``_names``): when it is
    written for one actor, as it mostly is, that is the actor
    ``find_actor`` takes.  Otherwise (an actor's id, a name of several
    actors or of none) ``find_actor`` chooses, and the names are read after.
    """
    candidates = named_actors(name, etype)
    names = _names(conn, candidates) if candidates is not None else None
    if names is not None and len(names.actors) == 1:
        actor = names.actors[0]
    else:
        actor = find_actor(conn, name, etype)
        names = _names(conn, sa.select(t.actors.c.id).where(t.actors.c.id == actor.id))
    groups = group_claims(load_claims(conn, ClaimFilter(involving_names=names.ids)), focus=actor.id)
    groups.sort(key=lambda g: (g.subject != actor.id, g.predicate, g.object_name or g.object_literal or "", g.polarity))
    return Dossier(
        actor.id,
        actor.name,
        actor.type,
        names.aliases,
        names.gazetteer_ids,
        names.first_seen,
        names.last_seen,
        groups,
        find_store_conflicts(groups),
        actor.note,
    )


def stats(conn: sa.Connection) -> Stats:
    """The store's figures."""

    def count(table: sa.Table) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

    return Stats(
        documents=count(t.documents),
        failed_documents=count(t.failures),
        entities=count(t.entities),
        canonical_entities=count(t.actors),
        claims=count(t.claims),
        attributions=count(t.attributions),
        conflicts=len(store_conflicts(conn)),
    )
