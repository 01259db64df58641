"""Reading rows back into the records they were written from.

``write.py`` maps each record to its table's row; this is the way back, so
a front end can show a stored article with its mentions, attributions,
claims and events at their offsets, exactly as extraction produced them (and the
canonical actor each entity now belongs to).  Failures are read here too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import NotFoundError
from claimgraph.model import (
    Attribution,
    Casualties,
    Claim,
    Conflict,
    Dateline,
    Document,
    Entity,
    Event,
    Extraction,
    Figure,
    Geo,
    Range,
    ReadingWarning,
    SourceSpan,
    Span,
)
from claimgraph.store import schema as t
from claimgraph.store.events import KINDS


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or analysed, and why (``claimgraph errors``)."""

    source_path: str
    document_id: str | None
    code: str
    message: str
    extractor: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": "failure", **asdict(self)}


def failures(conn: sa.Connection) -> list[Failure]:
    """Every recorded failure, by path."""
    f = t.failures.c
    rows = conn.execute(sa.select(f.source_path, f.document_id, f.code, f.message, f.extractor).order_by(f.source_path))
    return [Failure(r.source_path, r.document_id, r.code, r.message, r.extractor) for r in rows]


@dataclass(frozen=True, slots=True)
class StoredWarning:
    """A stored document that reading changed without failing it, and what changed (``errors --warnings``)."""

    source_path: str
    document_id: str
    code: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": "warning", **asdict(self)}


def _reading_warnings(column: str | None) -> tuple[ReadingWarning, ...]:
    return tuple(ReadingWarning(w["code"], w["message"]) for w in json.loads(column)) if column else ()


def warnings(conn: sa.Connection) -> list[StoredWarning]:
    """Every warning on a stored document, by path, in the order reading raised them."""
    d = t.documents.c
    rows = conn.execute(
        sa.select(d.source_path, d.id, d.warnings).where(d.warnings.is_not(None)).order_by(d.source_path, d.id)
    )
    return [StoredWarning(r.source_path, r.id, w.code, w.message) for r in rows for w in _reading_warnings(r.warnings)]


def _in_order(row: sa.Row[Any]) -> tuple[int, str]:
    """Rows in the extraction's order of local ids: e1, e2, … e10."""
    return len(row.local_id), row.local_id


def _document(row: sa.Row[Any]) -> Document:
    dateline = Dateline(row.dateline_place, row.dateline_date) if row.dateline_place or row.dateline_date else None
    return Document(
        id=row.id,
        source_path=row.source_path,
        text=row.text,
        url=row.url,
        title=row.title,
        section=row.section,
        summary=row.summary,
        published=row.published,
        dateline=dateline,
        authors=json.loads(row.authors),
        publisher=row.publisher,
        language=row.language,
        warnings=_reading_warnings(row.warnings),
    )


def _entities(conn: sa.Connection, document_id: str) -> tuple[list[Entity], dict[str, str], dict[str, str]]:
    """The document's entities, and its entity row ids and main name ids → local ids."""
    e, en, m = t.entities.c, t.entity_names.c, t.mentions.c
    rows = sorted(conn.execute(sa.select(t.entities).where(e.document_id == document_id)), key=_in_order)
    by_row = {r.id: r.local_id for r in rows}
    by_name = {r.name_id: r.local_id for r in rows}
    aliases: dict[str, list[str]] = {r.id: [] for r in rows}
    # By entity id (the key's first column): entity_names has no index on its document column.
    names = conn.execute(
        sa.select(en.entity_id, en.surface).where(en.entity_id.in_(sorted(by_row))).order_by(en.surface)
    )
    mentions: dict[str, list[Span]] = {r.id: [] for r in rows}
    spans = conn.execute(
        sa.select(m.entity_id, m.field, m.start, m.end, m.text)
        .where(m.entity_id.in_(sorted(by_row)))
        .order_by(m.field.desc(), m.start)  # the title's mentions first, as extraction lists them
    )
    for r in spans:
        mentions[r.entity_id].append(Span(r.start, r.end, r.text, None if r.field == "text" else r.field))
    main = {r.id: r.name for r in rows}
    for entity_id, surface in names:
        if surface != main[entity_id]:
            aliases[entity_id].append(surface)
    entities = [
        Entity(
            r.local_id, r.name, r.type, aliases[r.id], json.loads(r.descriptions), r.gazetteer_id, mentions[r.id],
            Geo(r.geonames_id, r.lat, r.lon, r.country, r.admin1) if r.geonames_id is not None else None,
        )
        for r in rows
    ]  # fmt: skip
    return entities, by_row, by_name


def _attributions(conn: sa.Connection, document_id: str, local: dict[str, str]) -> list[Attribution]:
    a = t.attributions.c
    rows = sorted(conn.execute(sa.select(t.attributions).where(a.document_id == document_id)), key=_in_order)
    out = []
    for r in rows:
        source = None
        if r.source_text is not None:
            source = SourceSpan(r.source_start, r.source_end, r.source_text, local.get(r.source_entity_id))
        cue, content = Span(r.cue_start, r.cue_end, r.cue_text), Span(r.content_start, r.content_end, r.content_text)
        out.append(Attribution(r.local_id, source, cue, content, bool(r.direct)))
    return out


def _claims(
    conn: sa.Connection, document_id: str, local: dict[str, str], by_name: dict[str, str], attributions: dict[str, str]
) -> tuple[list[Claim], dict[str, str]]:
    c = t.claims.c
    rows = sorted(conn.execute(sa.select(t.claims).where(c.document_id == document_id)), key=_in_order)
    claims = [
        Claim(
            r.local_id, local[r.subject_id], r.predicate, local.get(r.object_id), r.object_literal, r.polarity,
            bool(r.hedged), local.get(r.source_id), [by_name[v] for v in json.loads(r.via) if v in by_name], r.cue,
            attributions.get(r.attribution_id), Span(r.evidence_start, r.evidence_end, r.evidence_text),
        )
        for r in rows
    ]  # fmt: skip
    return claims, {r.id: r.local_id for r in rows}


def _conflicts(conn: sa.Connection, document_id: str, claim_ids: dict[str, str]) -> list[Conflict]:
    dc = t.document_conflicts.c
    rows = conn.execute(sa.select(t.document_conflicts).where(dc.document_id == document_id))
    return [Conflict(r.kind, (claim_ids[r.claim_a], claim_ids[r.claim_b]), r.explanation) for r in rows]


def _figure(low: int | None, high: int | None) -> Figure | None:
    """Stored bounds back to the figure as stated: an exact number, or a range or a bound."""
    if low is None and high is None:
        return None
    return low if low == high and low is not None else Range(low, high)


def _events(
    conn: sa.Connection,
    document_id: str,
    local: dict[str, str],
    by_name: dict[str, str],
    attributions: dict[str, str],
    claims: dict[str, Claim],
) -> list[Event]:
    """The document's events; each claim an event implies (stored row id → claim) gets that event's id back."""
    e = t.events.c
    rows = sorted(conn.execute(sa.select(t.events).where(e.document_id == document_id)), key=_in_order)
    for r in rows:
        for claim_id in json.loads(r.claims):
            if claim_id in claims:
                claims[claim_id].event = r.local_id
    return [
        Event(
            r.local_id, r.type, r.mode, local.get(r.actor_id), local.get(r.target_id), local.get(r.place_id),
            r.date, r.date_precision,
            Casualties(*(_figure(getattr(r, f"{k}_min"), getattr(r, f"{k}_max")) for k in KINDS)),
            r.polarity, bool(r.hedged), local.get(r.source_id), [by_name[v] for v in json.loads(r.via) if v in by_name],
            attributions.get(r.attribution_id), Span(r.evidence_start, r.evidence_end, r.evidence_text),
            Span(r.trigger_start, r.trigger_end, r.trigger_text),
        )
        for r in rows
    ]  # fmt: skip


def entity_actors(conn: sa.Connection, document_id: str) -> dict[str, str]:
    """The canonical actor of each entity of the document: local entity id → actor id."""
    e, c = t.entities.c, t.canonical.c
    rows = conn.execute(
        sa.select(e.local_id, c.actor_id).join(t.canonical, c.name_id == e.name_id).where(e.document_id == document_id)
    )
    return {r.local_id: r.actor_id for r in rows}


def read_extraction(conn: sa.Connection, document_id: str) -> Extraction:
    """The stored document ``document_id`` with everything extracted from it; ``NotFoundError`` if absent."""
    row = conn.execute(sa.select(t.documents).where(t.documents.c.id == document_id)).first()
    if row is None:
        raise NotFoundError(f"no document is stored with id {document_id!r}")
    entities, local, by_name = _entities(conn, document_id)
    attributions = _attributions(conn, document_id, local)
    a = t.attributions.c
    attribution_ids = dict(conn.execute(sa.select(a.id, a.local_id).where(a.document_id == document_id)).all())
    claims, claim_ids = _claims(conn, document_id, local, by_name, attribution_ids)
    conflicts = _conflicts(conn, document_id, claim_ids)
    claim_of = {c.id: c for c in claims}
    by_row = {row_id: claim_of[local_id] for row_id, local_id in claim_ids.items()}
    events = _events(conn, document_id, local, by_name, attribution_ids, by_row)
    return Extraction(_document(row), entities, attributions, claims, conflicts, events)
