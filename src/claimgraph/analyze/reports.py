"""When an actor was reported: documents that wrote one of its names, by publication day.

The day is the document's own date (its published date, else its dateline's);
when a document was ingested is never used as an event date, and documents
with no date are counted apart rather than placed on the axis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.store import schema as t


@dataclass(slots=True)
class Reports:
    actor: str
    days: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD, documents), in date order
    undated: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "days": [{"day": d, "documents": n} for d, n in self.days],
            "undated": self.undated,
        }


def reports(conn: sa.Connection, actor_id: str) -> Reports:
    """Documents writing any name of the actor ``actor_id``, counted by day (one grouped query).

    Each written name carries its document's day (migration 0013), so the
    count is read from the covering index of written names alone, without
    looking up a document per name.
    """
    en = t.entity_names.c
    names = sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id == actor_id)
    rows = conn.execute(
        sa.select(en.day, sa.func.count(sa.distinct(en.document_id)))
        .where(en.name_id.in_(names))
        .group_by(en.day)
        .order_by(en.day)
    ).all()
    out = Reports(actor_id)
    for day, n in rows:
        if day is None:
            out.undated += int(n)
        else:
            out.days.append((day, int(n)))
    return out
