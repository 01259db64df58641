"""Event rows: made with their document's other rows, read back on canonical actors.

A stored event names per-document entities like a claim does; the reader
joins each side (actor, target, place, source) to its canonical actor, so
reports of one event from articles that spell the actors differently meet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.model import Extraction, Figure, Range
from claimgraph.nodes import digest
from claimgraph.store import schema as t

KINDS = ("killed", "wounded", "kidnapped")


def _bounds(figure: Figure | None) -> tuple[int | None, int | None]:
    if figure is None:
        return None, None
    if isinstance(figure, Range):
        return figure.min, figure.max
    return figure, figure


def event_rows(
    extraction: Extraction,
    ids: dict[str, tuple[str, str]],
    attr_ids: dict[str, str],
    claim_ids: dict[str, str],
) -> list[dict[str, Any]]:
    """The rows of the document's events; ``ids`` maps local entity ids to (entity id, name id), as for claims."""
    doc_id = extraction.document.id
    implied: dict[str, list[str]] = {}
    for claim in extraction.claims:
        if claim.event is not None and claim.id in claim_ids:
            implied.setdefault(claim.event, []).append(claim_ids[claim.id])
    geo = {entity.id: entity.geo for entity in extraction.entities if entity.geo is not None}
    rows = []
    for e in extraction.events:
        where = geo.get(e.place) if e.place else None
        actor, target, place, source = (ids.get(x) if x else None for x in (e.actor, e.target, e.place, e.source))
        row: dict[str, Any] = {
            "id": "v" + digest(doc_id, e.id, e.type, str(e.trigger.start))[:31],
            "document_id": doc_id,
            "local_id": e.id,
            "type": e.type,
            "mode": e.mode,
            "actor_id": actor[0] if actor else None,
            "actor_name_id": actor[1] if actor else None,
            "target_id": target[0] if target else None,
            "target_name_id": target[1] if target else None,
            "place_id": place[0] if place else None,
            "place_name_id": place[1] if place else None,
            "place_geonames_id": where.geonames_id if where else None,
            "place_lat": where.lat if where else None,
            "place_lon": where.lon if where else None,
            "place_country": where.country if where else None,
            "place_admin1": where.admin1 if where else None,
            "date": e.date,
            "date_precision": e.date_precision,
            "polarity": e.polarity,
            "hedged": e.hedged,
            "source_id": source[0] if source else None,
            "source_name_id": source[1] if source else None,
            "via": json.dumps([ids[v][1] for v in e.via if v in ids]),
            "attribution_id": attr_ids.get(e.attribution) if e.attribution else None,
            "claims": json.dumps(implied.get(e.id, [])),
            "evidence_start": e.evidence.start,
            "evidence_end": e.evidence.end,
            "evidence_text": e.evidence.text,
            "trigger_start": e.trigger.start,
            "trigger_end": e.trigger.end,
            "trigger_text": e.trigger.text,
        }
        for kind in KINDS:
            row[f"{kind}_min"], row[f"{kind}_max"] = _bounds(getattr(e.casualties, kind))
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read: actor filters are sets of canonical actor ids; dates compare as ISO text."""

    actors: frozenset[str] | None = None
    targets: frozenset[str] | None = None
    places: frozenset[str] | None = None
    involving: frozenset[str] | None = None  # as actor or target
    type: str | None = None
    since: str | None = None
    until: str | None = None


def _names_in(actor_ids: frozenset[str]) -> sa.Select[Any]:
    return sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id.in_(sorted(actor_ids)))


def read_events(conn: sa.Connection, query: EventQuery | None = None) -> list[dict[str, Any]]:
    """Event rows with each side's canonical actor id and name, the document's day, publisher and title.

    An event's own date is used for ``since``/``until``; an undated event is
    placed on its document's day.
    """
    q = query or EventQuery()
    e, d = t.events.c, t.documents.c
    sides = ("actor", "target", "place", "source")
    canon = {s: t.canonical.alias(f"c_{s}") for s in sides}
    named = {s: t.actors.alias(f"a_{s}") for s in sides}
    select = sa.select(t.events, d.day, d.publisher, d.title, d.url).join(t.documents, d.id == e.document_id)
    for side in sides:
        select = (
            select.add_columns(canon[side].c.actor_id.label(f"{side}_actor"), named[side].c.name.label(f"{side}_name"))
            .outerjoin(canon[side], canon[side].c.name_id == e[f"{side}_name_id"])
            .outerjoin(named[side], named[side].c.id == canon[side].c.actor_id)
        )
    if q.actors is not None:
        select = select.where(e.actor_name_id.in_(_names_in(q.actors)))
    if q.targets is not None:
        select = select.where(e.target_name_id.in_(_names_in(q.targets)))
    if q.places is not None:
        select = select.where(e.place_name_id.in_(_names_in(q.places)))
    if q.involving is not None:
        names = _names_in(q.involving)
        select = select.where(sa.or_(e.actor_name_id.in_(names), e.target_name_id.in_(names)))
    if q.type is not None:
        select = select.where(e.type == q.type)
    when = sa.func.coalesce(e.date, d.day)
    if q.since:
        select = select.where(when >= q.since)
    if q.until:
        select = select.where(sa.func.substr(when, 1, len(q.until)) <= q.until)
    rows = conn.execute(select.order_by(when, e.document_id, e.local_id)).all()
    return [dict(r._mapping) for r in rows]
