"""Writing a batch of extractions (or one failure) to the store, in one transaction.

Every row of a batch is gathered first (``Rows``), then written table by
table in bulk (``bulk.insert_rows``) inside one transaction that ends by
marking the derived tables stale, so a process killed at any instant
leaves each batch whole or absent; the next run skips what is there
(document ids are hashes of the raw bytes) and stores the rest.  A batch
of one is the same code path, so one document at a time and a thousand at
a time store the same rows.
"""

from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.model import Entity, Extraction, ExtractionError, Judgement
from claimgraph.nodes import NameNode, alias_scope, digest, name_node
from claimgraph.store import schema as t
from claimgraph.store.bulk import insert_rows
from claimgraph.store.counts import add_counts
from claimgraph.store.events import event_rows
from claimgraph.store.meta import mark_stale, now
from claimgraph.store.search import index_documents
from claimgraph.store.touched import DOCUMENT, NAME, touch
from claimgraph.store.upsert import insert_new, put

log = logging.getLogger(__name__)

# One document naming two names as one actor: good evidence, not certainty (its coreference can slip).
DOCUMENT_ALIAS = 0.9


def has_document(conn: sa.Connection, document_id: str) -> bool:
    """Whether the document with this content hash is already stored."""
    return conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id == document_id)).first() is not None


def _day(extraction: Extraction) -> str | None:
    doc = extraction.document
    if doc.published:
        return doc.published[:10]
    return doc.dateline.date if doc.dateline else None


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _ensure_names(conn: sa.Connection, nodes: dict[str, tuple[NameNode, str | None]]) -> None:
    """Insert the name nodes not stored yet; give a stored node a gazetteer id it lacked."""
    known: dict[str, str | None] = {}
    for chunk in _chunks(sorted(nodes)):
        known.update(conn.execute(sa.select(t.names.c.id, t.names.c.gazetteer_id).where(t.names.c.id.in_(chunk))).all())
    new = [
        {
            "id": n.id,
            "name": n.name,
            "fold": n.fold,
            "type": n.type,
            "key": n.key,
            "gazetteer_id": g,
            "scope": n.scope,
            "resolved": False,
        }
        for node_id, (n, g) in nodes.items()
        if node_id not in known
    ]
    insert_new(conn, t.names, new, ["id"])
    for node_id, (_, gazetteer_id) in sorted(nodes.items()):
        if gazetteer_id and node_id in known and known[node_id] is None:
            conn.execute(
                t.names.update().where(t.names.c.id == node_id).values(gazetteer_id=gazetteer_id, resolved=False)
            )


def record_auto_judgements(
    conn: sa.Connection, verdicts: list[tuple[str, str, Judgement, float, str]], matcher: int | None = None
) -> int:
    """Store automatic judgements ``(a, b, judgement, score, reason)`` not stored yet (same pair, same reason).

    Two documents that each name two names as one actor are two pieces of
    evidence, so each keeps its own row (its reason names the document).
    ``matcher``: the version of the matcher that decided them (None for a
    document's own statement, which no matcher revisits).
    """
    j = t.judgements.c
    pairs = {(*sorted((a, b)), reason): (judgement, score) for a, b, judgement, score, reason in verdicts}
    existing: set[tuple[str, str, str]] = set()
    keys = sorted(pairs)
    for i in range(0, len(keys), 250):
        # both names asked: a name written in every document has a judgement per document, none of them these
        lefts, rights = {k[0] for k in keys[i : i + 250]}, {k[1] for k in keys[i : i + 250]}
        query = sa.select(j.left_id, j.right_id, j.reason).where(j.by_hand.is_(False))
        rows = conn.execute(query.where(j.left_id.in_(sorted(lefts)), j.right_id.in_(sorted(rights))))
        existing.update((r.left_id, r.right_id, r.reason) for r in rows)
    stamp = now()
    new = [
        judgement_row(left, right, v[0], v[1], reason, stamp, by_hand=False, matcher=matcher)
        for (left, right, reason), v in sorted(pairs.items())
        if (left, right, reason) not in existing
    ]
    insert_new(conn, t.judgements, new, ["left_id", "right_id", "reason"], t.AUTO_JUDGEMENT)
    touch(conn, NAME, (name for left, right, _ in pairs for name in (left, right)))
    return len(new)


def record_hand_judgements(conn: sa.Connection, pairs: list[tuple[str, str]], judgement: Judgement, reason: str) -> int:
    """Store a hand judgement on each pair of name ids; returns how many.

    Hand judgements accumulate (the latest on a pair wins), so nothing is skipped.
    """
    stamp = now()
    rows = [judgement_row(a, b, judgement, 1.0, reason, stamp, by_hand=True) for a, b in pairs if a != b]
    if rows:
        conn.execute(t.judgements.insert(), rows)
        touch(conn, NAME, (name for a, b in pairs for name in (a, b)))
    return len(rows)


def judgement_row(
    a: str,
    b: str,
    judgement: Judgement,
    score: float,
    reason: str,
    stamp: str,
    *,
    by_hand: bool,
    matcher: int | None = None,
) -> dict[str, object]:
    """The ``judgements`` row for a verdict on names ``a`` and ``b`` (stored in id order: a pair has one key)."""
    return {
        "left_id": min(a, b),
        "right_id": max(a, b),
        "judgement": judgement,
        "by_hand": by_hand,
        "score": score,
        "reason": reason,
        "created_at": stamp,
        "matcher": matcher,
    }


def _geo(entity: Entity) -> dict[str, object]:
    """The entity row's place columns: where the place resolved, or all NULL."""
    geo = entity.geo
    return {
        "geonames_id": geo.geonames_id if geo else None,
        "lat": geo.lat if geo else None,
        "lon": geo.lon if geo else None,
        "country": geo.country if geo else None,
        "admin1": geo.admin1 if geo else None,
    }


@dataclass(slots=True)
class Rows:
    """Every row a batch of documents adds, table by table, gathered before any is written."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    names: dict[str, tuple[NameNode, str | None]] = field(default_factory=dict)
    aliases: list[tuple[str, str, Judgement, float, str]] = field(default_factory=list)

    def add_names(self, nodes: dict[str, tuple[NameNode, str | None]]) -> None:
        """One document's name nodes; an earlier document's node and gazetteer id stay (as if stored first)."""
        for node_id, (node, gazetteer_id) in nodes.items():
            first, known = self.names.get(node_id, (node, None))
            self.names[node_id] = (first, known or gazetteer_id)


def _entity_rows(rows: Rows, extraction: Extraction) -> dict[str, tuple[str, str]]:
    """Entity rows, their names and mentions; returns local id → (entity id, name id)."""
    doc_id, day = extraction.document.id, _day(extraction)  # the day on each entity name, as its document has it
    ids: dict[str, tuple[str, str]] = {}
    nodes: dict[str, tuple[NameNode, str | None]] = {}
    for entity in extraction.entities:
        entity_id = "e" + digest(doc_id, entity.id, entity.name, entity.type)[:31]
        main = name_node(entity.name, entity.type)
        nodes[main.id] = (main, entity.gazetteer_id or (nodes.get(main.id) or (main, None))[1])
        ids[entity.id] = (entity_id, main.id)
        rows.tables["entities"].append(
            {
                "id": entity_id,
                "document_id": doc_id,
                "local_id": entity.id,
                "name": main.name,
                "type": entity.type,
                "name_id": main.id,
                "gazetteer_id": entity.gazetteer_id,
                "descriptions": json.dumps(entity.descriptions, ensure_ascii=False),
                **_geo(entity),
            }
        )
        surfaces: dict[str, NameNode] = {entity.name: main}
        for alias in entity.aliases:
            if alias not in surfaces and alias.strip():
                surfaces[alias] = name_node(alias, entity.type, alias_scope(alias, entity.name, entity.type, doc_id))
        for surface, node in surfaces.items():
            nodes.setdefault(node.id, (node, None))
            if node.id != main.id:
                rows.aliases.append(
                    (main.id, node.id, Judgement.POSITIVE, DOCUMENT_ALIAS, f"named as one actor in {doc_id}")
                )
            rows.tables["entity_names"].append(
                {"entity_id": entity_id, "surface": surface, "name_id": node.id, "document_id": doc_id, "day": day}
            )
        seen: set[tuple[str, int]] = set()
        for m in entity.mentions:
            key = (m.field or "text", m.start)
            if key not in seen:
                seen.add(key)
                rows.tables["mentions"].append(
                    {"entity_id": entity_id, "field": key[0], "start": m.start, "end": m.end, "text": m.text}
                )
    rows.add_names(nodes)
    return ids


def _claim_rows(
    extraction: Extraction, ids: dict[str, tuple[str, str]], attr_ids: dict[str, str]
) -> list[dict[str, Any]]:
    doc_id = extraction.document.id
    day, publisher = _day(extraction), extraction.document.publisher  # the document's, as its row has them
    rows = []
    for c in extraction.claims:
        if c.subject not in ids:
            # A claim about an entity the extraction does not list cannot be placed.
            log.debug("%s: claim %s dropped: its subject %s is not among the entities", doc_id, c.id, c.subject)
            continue
        subject = ids[c.subject]
        obj = ids.get(c.object) if c.object else None
        source = ids.get(c.source) if c.source else None
        via = [ids[v][1] for v in c.via if v in ids]
        rows.append(
            {
                "id": "c"
                + digest(doc_id, c.id, subject[0], c.predicate, obj[0] if obj else c.object_literal, c.polarity)[:31],
                "document_id": doc_id,
                "local_id": c.id,
                "subject_id": subject[0],
                "subject_name_id": subject[1],
                "predicate": c.predicate,
                "object_id": obj[0] if obj else None,
                "object_name_id": obj[1] if obj else None,
                "object_literal": c.object_literal,
                "polarity": c.polarity,
                "hedged": c.hedged,
                "source_id": source[0] if source else None,
                "source_name_id": source[1] if source else None,
                "via": json.dumps(via),
                "cue": c.cue,
                "attribution_id": attr_ids.get(c.attribution) if c.attribution else None,
                "evidence_start": c.evidence.start,
                "evidence_end": c.evidence.end,
                "evidence_text": c.evidence.text,
                "tense": "past" if c.tense == "past" else None,
                "day": day,
                "publisher": publisher,
            }
        )
    return rows


def _statement_rows(rows: Rows, extraction: Extraction, ids: dict[str, tuple[str, str]]) -> None:
    doc_id = extraction.document.id
    attr_ids: dict[str, str] = {}
    for a in extraction.attributions:
        attr_id = "a" + digest(doc_id, a.id, str(a.content.start), str(a.content.end))[:31]
        attr_ids[a.id] = attr_id
        src = a.source
        rows.tables["attributions"].append(
            {
                "id": attr_id,
                "document_id": doc_id,
                "local_id": a.id,
                "source_text": src.text if src else None,
                "source_start": src.start if src else None,
                "source_end": src.end if src else None,
                "source_entity_id": ids[src.entity][0] if src and src.entity in ids else None,
                "cue_text": a.cue.text,
                "cue_start": a.cue.start,
                "cue_end": a.cue.end,
                "content_text": a.content.text,
                "content_start": a.content.start,
                "content_end": a.content.end,
                "direct": a.direct,
            }
        )
    claim_rows = _claim_rows(extraction, ids, attr_ids)
    rows.tables["claims"].extend(claim_rows)
    claim_ids = {row["local_id"]: row["id"] for row in claim_rows}
    conflicts: dict[tuple[str, str], dict[str, Any]] = {}
    for conflict in extraction.conflicts:
        first, second = (claim_ids.get(c) for c in conflict.claims)
        if first and second:
            conflicts.setdefault(
                (first, second),
                {
                    "document_id": doc_id,
                    "claim_a": first,
                    "claim_b": second,
                    "kind": conflict.kind,
                    "explanation": conflict.explanation,
                },
            )
    rows.tables["document_conflicts"].extend(conflicts.values())
    rows.tables["events"].extend(event_rows(extraction, ids, attr_ids, claim_ids))


def _warnings(extraction: Extraction) -> str | None:
    """The document's reading warnings as the column keeps them (JSON), or NULL when there are none."""
    said = [{"code": w.code, "message": w.message} for w in extraction.document.warnings]
    return json.dumps(said, ensure_ascii=False) if said else None


def _document_row(extraction: Extraction, extractor: str, minhash: bytes | None) -> dict[str, Any]:
    doc = extraction.document
    return {
        "id": doc.id,
        "source_path": doc.source_path,
        "url": doc.url,
        "title": doc.title,
        "section": doc.section,
        "summary": doc.summary,
        "published": doc.published,
        "day": _day(extraction),
        "dateline_place": doc.dateline.place if doc.dateline else None,
        "dateline_date": doc.dateline.date if doc.dateline else None,
        "authors": json.dumps(doc.authors, ensure_ascii=False),
        "publisher": doc.publisher,
        "language": doc.language,
        "text": doc.text,
        "extractor": extractor,
        "minhash": minhash,
        "warnings": _warnings(extraction),
    }


# Statement tables in the order their foreign keys need (names go in before all of them).
_ORDER = ("documents", "entities", "entity_names", "mentions", "attributions", "claims", "document_conflicts", "events")


def new_documents(conn: sa.Connection, document_ids: Iterable[str]) -> set[str]:
    """Which of ``document_ids`` are not stored yet."""
    wanted = sorted(set(document_ids))
    stored: set[str] = set()
    for chunk in _chunks(wanted):
        stored.update(conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id.in_(chunk))).scalars())
    return set(wanted) - stored


def store_extractions(
    conn: sa.Connection, extractions: Sequence[tuple[Extraction, bytes | None]], extractor: str
) -> list[Extraction]:
    """Write the documents of ``extractions`` (each with its MinHash signature) not stored yet; those written.

    The caller owns the transaction, so the batch lands whole or not at
    all.  A document stored already, or twice in the batch, is left out;
    one stored by a concurrent writer after our check makes the documents
    insert fail (``IntegrityError``), so the caller can retry per document.
    """
    fresh = new_documents(conn, (e.document.id for e, _ in extractions))
    rows, written = Rows(), []
    for extraction, minhash in extractions:
        doc = extraction.document
        if doc.id not in fresh:
            continue
        fresh.discard(doc.id)
        written.append(extraction)
        rows.tables["documents"].append(_document_row(extraction, extractor, minhash))
        _statement_rows(rows, extraction, _entity_rows(rows, extraction))
    if not written:
        return written
    _ensure_names(conn, rows.names)
    for table in _ORDER:
        insert_rows(conn, t.metadata.tables[table], rows.tables[table], conflicts=table != "documents")
    add_counts(conn, rows.tables["entities"], rows.tables["entity_names"])
    index_documents(conn, [(e.document.id, e.document.title, e.document.text) for e in written])
    if rows.aliases:
        record_auto_judgements(conn, rows.aliases)
    touch(conn, NAME, (row["name_id"] for row in rows.tables["entity_names"]))
    touch(conn, DOCUMENT, (e.document.id for e in written))
    paths = sorted({failure_key(e.document.source_path) for e in written})
    for chunk in _chunks(paths):
        conn.execute(t.failures.delete().where(t.failures.c.source_path.in_(chunk)))
    mark_stale(conn)
    return written


def failure_key(source_path: str) -> str:
    """The path a failure is recorded under: resolved, so one file typed three ways is one record."""
    return os.path.realpath(source_path.replace("\x00", ""))


def store_failure(conn: sa.Connection, error: ExtractionError, extractor: str) -> None:
    """Record why a document could not be read (replacing an older record for the same path)."""
    row = {
        "source_path": failure_key(error.source_path),
        "document_id": error.id,
        "code": error.code,
        "message": error.message.replace("\x00", "\\x00"),  # PostgreSQL stores no NUL, and it is no text
        "extractor": extractor,
    }
    put(conn, t.failures, row, ["source_path"])
