"""What the derived rows have not caught up with: names and documents written or judged since.

Every write that can change an actor or an origin notes what it touched —
the names of a stored document's entities, the two names of a new
judgement (automatic or by hand, made or undone), each stored document —
in the same transaction as the change, so a refresh recomputes the part
of the derived state those rows reach and nothing else, and a crash
between writing and refreshing loses no note.

Notes are a log, one row per note with its own number: a refresh reads
the notes it can see, brings their part up to date and deletes exactly
those rows.  A note committed by a concurrent writer meanwhile is not
among them and waits for the next refresh (``pending`` says there is one),
where a table keyed by the name alone would have let the refresh delete a
note it never acted on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from claimgraph.store import schema as t
from claimgraph.store.bulk import delete_in

NAME = "name"
DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Notes:
    """The notes of one kind a refresh read: the ids they name, and the rows to delete once acted on."""

    ids: set[str]
    rows: list[int]


def touch(conn: sa.Connection, kind: str, ids: Iterable[str]) -> None:
    """Note that ``ids`` (of ``kind``: ``NAME`` or ``DOCUMENT``) changed."""
    rows = [{"kind": kind, "item_id": i} for i in sorted(set(ids))]
    if rows:
        conn.execute(t.touched.insert(), rows)


def touched(conn: sa.Connection, kind: str) -> Notes:
    """Every note of ``kind`` this transaction can see."""
    c = t.touched.c
    rows = conn.execute(sa.select(c.seq, c.item_id).where(c.kind == kind)).all()
    return Notes({r.item_id for r in rows}, [r.seq for r in rows])


def clear(conn: sa.Connection, notes: Notes) -> None:
    """Delete the notes acted on (their part of the derived state is up to date now)."""
    delete_in(conn, t.touched, t.touched.c.seq, notes.rows)


def pending(conn: sa.Connection) -> bool:
    """Whether some note waits for a refresh (a cheap probe)."""
    return conn.execute(sa.select(t.touched.c.seq).limit(1)).first() is not None
