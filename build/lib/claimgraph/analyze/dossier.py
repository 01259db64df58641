"""The dossier of one actor, and the store's figures.

``dossier`` answers "what do we know about X": every name it goes by with
how many documents used it, when it was first and last seen, the claims
about it grouped by what they say (with sources, via-chains and the number
of independent origins), and the conflicts among them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from claimgraph.analyze.claims import ClaimFilter, group_claims, load_claims
from claimgraph.analyze.conflicts import find_store_conflicts
from claimgraph.resolve.lookup import Actor, find_actor
from claimgraph.store import schema as t


def _aliases(conn: sa.Connection, actor: Actor) -> list[dict[str, Any]]:
    en = t.entity_names.c
    rows = conn.execute(
        sa.select(en.surface, sa.func.count(sa.distinct(en.document_id)))
        .join(t.canonical, t.canonical.c.name_id == en.name_id)
        .where(t.canonical.c.actor_id == actor.id)
        .group_by(en.surface)
    ).all()
    return [{"name": s, "documents": n} for s, n in sorted(rows, key=lambda r: (-r[1], r[0]))]


def _seen_and_ids(conn: sa.Connection, actor: Actor) -> tuple[str | None, str | None, list[str]]:
    e, en, d = t.entities.c, t.entity_names.c, t.documents.c
    names = sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id == actor.id)
    in_actor = e.name_id.in_(names)
    # Seen wherever any of its names was written, as in its aliases: an actor
    # split off by hand may survive only as another entity's alias.
    first, last = conn.execute(
        sa.select(sa.func.min(d.day), sa.func.max(d.day))
        .join(t.entity_names, en.document_id == d.id)
        .where(en.name_id.in_(names))
    ).one()
    gazetteer = conn.execute(
        sa.select(e.gazetteer_id).distinct().where(in_actor, e.gazetteer_id.is_not(None))
    ).scalars()
    return first, last, sorted(gazetteer)


def dossier(conn: sa.Connection, name: str) -> dict[str, Any]:
    """The contract's dossier for the actor ``name`` resolves to."""
    actor = find_actor(conn, name)
    first, last, gazetteer_ids = _seen_and_ids(conn, actor)
    groups = group_claims(load_claims(conn, ClaimFilter(involving=frozenset({actor.id}))), focus=actor.id)
    groups.sort(key=lambda g: (g.subject != actor.id, g.predicate, g.object_name or g.object_literal or "", g.polarity))
    conflicts = [c.to_json() for c in find_store_conflicts(groups)]
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "aliases": _aliases(conn, actor),
        "gazetteer_ids": gazetteer_ids,
        "first_seen": first,
        "last_seen": last,
        "claims": [g.to_json() for g in groups],
        "conflicts": conflicts,
    }


def stats(conn: sa.Connection) -> dict[str, int]:
    """The store's figures (CONTRACT keys)."""

    def count(table: sa.Table) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

    return {
        "documents": count(t.documents),
        "failed_documents": count(t.failures),
        "entities": count(t.entities),
        "canonical_entities": count(t.actors),
        "claims": count(t.claims),
        "attributions": count(t.attributions),
        "conflicts": len(find_store_conflicts(group_claims(load_claims(conn)))),
    }
