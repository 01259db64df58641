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
from claimgraph.resolve.lookup import Actor, find_actor
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

    ids: frozenset[str]
    gazetteer_ids: list[str]
    aliases: list[Alias]
    first_seen: str | None
    last_seen: str | None


def _names(conn: sa.Connection, actor: Actor) -> _Names:
    """The actor's names, their gazetteer entries and how they were written: one statement for all three.

    Every other read of a dossier starts from the actor's names.  Two
    selects are sent as one (a round trip is a statement's dearest part on
    a busy server): each name with the entries of its entities (from the
    covering index ``(name_id, gazetteer_id)``), or once with none; and
    per written form the documents writing it and the first and last day
    (from the covering index of written names, which carry their
    document's day: migration 0013).  The second finds the names through
    ``canonical`` itself.  A name row has no document count, which tells
    the two kinds of row apart.  The actor is seen wherever any of its
    names was written, as in its aliases (an actor split off by hand may
    survive only as another entity's alias).
    """
    c, e, en = t.canonical.c, t.entities.c, t.entity_names.c
    text, count = sa.cast(sa.null(), sa.String), sa.cast(sa.null(), sa.Integer)  # typed: PostgreSQL unites by type
    entries = (
        sa.select(c.name_id, e.gazetteer_id, count, text, text)
        .distinct()
        .select_from(t.canonical)
        .outerjoin(t.entities, sa.and_(e.name_id == c.name_id, e.gazetteer_id.is_not(None)))
        .where(c.actor_id == actor.id)
    )
    written = (
        sa.select(
            en.surface, text, sa.func.count(sa.distinct(en.document_id)), sa.func.min(en.day), sa.func.max(en.day)
        )
        .where(en.name_id.in_(sa.select(c.name_id).where(c.actor_id == actor.id)))
        .group_by(en.surface)
    )
    rows = conn.execute(sa.union_all(entries, written)).all()
    names = [r for r in rows if r[2] is None]
    forms = [r for r in rows if r[2] is not None]
    firsts = [r[3] for r in forms if r[3] is not None]
    lasts = [r[4] for r in forms if r[4] is not None]
    return _Names(
        frozenset(r[0] for r in names),
        sorted({r[1] for r in names if r[1] is not None}),
        [Alias(s, n) for s, _, n, _, _ in sorted(forms, key=lambda r: (-r[2], r[0]))],
        min(firsts, default=None),
        max(lasts, default=None),
    )


def dossier(conn: sa.Connection, name: str, etype: str | None = None) -> Dossier:
    """The dossier of the actor ``name`` (of type ``etype`` when given) resolves to."""
    actor = find_actor(conn, name, etype)
    names = _names(conn, actor)
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
