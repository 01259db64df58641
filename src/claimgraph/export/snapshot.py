"""What every export writes: actors, claim groups, documents and event reports, read once.

The formats differ only in how they spell these records, so each exporter
gets the same ``Snapshot`` and never queries the store itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import sqlalchemy as sa

from claimgraph.analyze.claims import ClaimGroup, group_claims, load_claims
from claimgraph.analyze.events import Report, load_reports
from claimgraph.model import Geo
from claimgraph.resolve.outlets import outlet_names
from claimgraph.store import schema as t


@dataclass(slots=True)
class ActorRecord:
    """A canonical actor with every surface name it goes by."""

    id: str
    name: str
    type: str
    aliases: list[str]
    gazetteer_ids: list[str]
    geo: Geo | None = None  # a place: where its documents' geocoder put it most often


@dataclass(slots=True)
class DocumentRecord:
    """A stored article and the actors it names."""

    id: str
    title: str | None
    published: str | None
    day: str | None
    source_path: str
    url: str | None
    publisher: str | None
    actors: list[str]


@dataclass(slots=True)
class Snapshot:
    actors: list[ActorRecord]
    groups: list[ClaimGroup]
    documents: list[DocumentRecord]
    events: list[Report]


def take_snapshot(conn: sa.Connection) -> Snapshot:
    """Read everything an export needs, in a stable order."""
    actors = {
        r.id: ActorRecord(r.id, r.name, r.type, [], [])
        for r in conn.execute(sa.select(t.actors).order_by(t.actors.c.id))
    }
    en, e, c = t.entity_names.c, t.entities.c, t.canonical.c
    for actor_id, surface in conn.execute(
        sa.select(c.actor_id, en.surface).distinct().join(t.canonical, c.name_id == en.name_id).order_by(en.surface)
    ):
        if surface != actors[actor_id].name:
            actors[actor_id].aliases.append(surface)
    doc_actors: dict[str, set[str]] = defaultdict(set)
    for actor_id, doc_id, gazetteer_id in conn.execute(
        sa.select(c.actor_id, e.document_id, e.gazetteer_id)
        .join(t.canonical, c.name_id == e.name_id)
        .order_by(e.gazetteer_id)  # sorted, as the dossier lists them: not in whatever order the rows lie
    ):
        doc_actors[doc_id].add(actor_id)
        if gazetteer_id and gazetteer_id not in actors[actor_id].gazetteer_ids:
            actors[actor_id].gazetteer_ids.append(gazetteer_id)
    _locate(conn, actors)
    d = t.documents.c
    rows = conn.execute(
        sa.select(d.id, d.title, d.published, d.day, d.source_path, d.url, d.publisher).order_by(d.id)
    ).all()
    outlets = outlet_names(conn, (r.publisher for r in rows))
    documents = [
        DocumentRecord(
            r.id, r.title, r.published, r.day, r.source_path, r.url, outlets.get(r.publisher, r.publisher),
            sorted(doc_actors[r.id]),
        )
        for r in rows
    ]  # fmt: skip
    groups = group_claims(load_claims(conn))
    groups.sort(key=lambda g: (g.subject, g.predicate, g.object or "", g.object_literal or "", g.polarity))
    return Snapshot(list(actors.values()), groups, documents, load_reports(conn))


def _locate(conn: sa.Connection, actors: dict[str, ActorRecord]) -> None:
    """Give each place actor the location its documents' geocoder gave it most often (ties: lowest GeoNames id)."""
    e, c = t.entities.c, t.canonical.c
    votes: dict[str, Counter[Geo]] = defaultdict(Counter)
    rows = conn.execute(
        sa.select(c.actor_id, e.geonames_id, e.lat, e.lon, e.country, e.admin1)
        .join(t.canonical, c.name_id == e.name_id)
        .where(e.type == "PLACE", e.geonames_id.is_not(None))
    )
    for r in rows:
        votes[r.actor_id][Geo(r.geonames_id, r.lat, r.lon, r.country, r.admin1)] += 1
    for actor_id, geos in votes.items():
        if actor_id in actors:
            actors[actor_id].geo = min(geos.items(), key=lambda g: (-g[1], g[0].geonames_id))[0]
