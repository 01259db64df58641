"""Per-name counters kept with the statements: documents behind each name, entities per spelling.

Resolution weighs a cluster by the documents behind its names and names an
actor after the spelling most entities carry.  Counted from the mention
tables, those aggregates grow with the store: a place written in every
document costs a scan of every document's entities each time one more
document names it.  Statements are written once and never removed, so the
counts only grow, by exactly what each new document adds; the writer adds
them in the document's own transaction (``add_counts``), and readers get
one row per name.  Two concurrent writers add to the same rows in key
order, so they wait for each other instead of deadlocking.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

import sqlalchemy as sa

from claimgraph.store import schema as t
from claimgraph.store.bulk import select_in
from claimgraph.store.upsert import add_to


def add_counts(conn: sa.Connection, entities: Sequence[dict[str, Any]], entity_names: Sequence[dict[str, Any]]) -> None:
    """Add the counts of new documents' ``entities`` and ``entity_names`` rows (documents not stored before)."""
    documents = Counter(name for name, _ in {(r["name_id"], r["document_id"]) for r in entity_names})
    spellings = Counter((r["name_id"], r["name"], r["type"]) for r in entities)
    add_to(
        conn, t.name_documents, [{"name_id": n, "documents": k} for n, k in documents.items()], ["name_id"], "documents"
    )
    rows = [{"name_id": n, "name": s, "type": ty, "entities": k} for (n, s, ty), k in spellings.items()]
    add_to(conn, t.name_spellings, rows, ["name_id", "name", "type"], "entities")


def documents_of(conn: sa.Connection, names: Collection[str] | None) -> dict[str, int]:
    """How many documents write each of ``names`` (``None``: every name); a name no entity carries is left out."""
    c = t.name_documents.c
    return {r.name_id: r.documents for r in select_in(conn, sa.select(c.name_id, c.documents), c.name_id, names)}


def spellings_of(conn: sa.Connection, names: Collection[str] | None) -> list[tuple[str, str, str, int]]:
    """``(name id, spelling, type, entities)`` for each of ``names`` (``None``: every name)."""
    c = t.name_spellings.c
    query = sa.select(c.name_id, c.name, c.type, c.entities)
    return [(r[0], r[1], r[2], r[3]) for r in select_in(conn, query, c.name_id, names)]
