"""What the derived rows have not caught up with: names and documents written or judged since.

Every write that can change an actor or an origin notes what it touched —
the names of a stored document's entities, the two names of a new
judgement (automatic or by hand, made or undone), each stored document —
in the same transaction as the change, so a refresh recomputes the part
of the derived state those rows reach and nothing else, and a crash
between writing and refreshing loses no note.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from claimgraph.store import schema as t
from claimgraph.store.bulk import delete_in
from claimgraph.store.upsert import insert_new

NAME = "name"
DOCUMENT = "document"


def touch(conn: sa.Connection, kind: str, ids: Iterable[str]) -> None:
    """Note that ``ids`` (of ``kind``: ``NAME`` or ``DOCUMENT``) changed."""
    insert_new(conn, t.touched, [{"kind": kind, "item_id": i} for i in set(ids)], ["kind", "item_id"])


def touched(conn: sa.Connection, kind: str) -> set[str]:
    """Every id of ``kind`` noted since it was last cleared."""
    c = t.touched.c
    return set(conn.execute(sa.select(c.item_id).where(c.kind == kind)).scalars())


def clear(conn: sa.Connection, kind: str, ids: Iterable[str]) -> None:
    """Forget the notes on ``ids`` (their derived rows are up to date now)."""
    delete_in(conn, t.touched, t.touched.c.item_id, set(ids), t.touched.c.kind == kind)
