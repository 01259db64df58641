"""The store's small key/value table: chiefly whether derived rows are stale.

Each document transaction sets ``stale``; rebuilding the derived tables
(resolution, origins) clears it.  Reading commands rebuild first when it is
set, so a run killed between the two can never leave a wrong answer behind.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from claimgraph.store import schema as t

STALE = "stale"


def now() -> str:
    """The current UTC time as ISO 8601 (the store's timestamps)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def get(conn: sa.Connection, key: str) -> str | None:
    """The value stored under ``key``, if any."""
    return conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == key)).scalar()


def put(conn: sa.Connection, key: str, value: str) -> None:
    """Set ``key`` to ``value``."""
    if conn.execute(t.meta.update().where(t.meta.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(t.meta.insert().values(key=key, value=value))


def mark_stale(conn: sa.Connection) -> None:
    """Note that the derived tables no longer reflect the statements and judgements."""
    put(conn, STALE, "1")


def is_stale(conn: sa.Connection) -> bool:
    """Whether the derived tables need rebuilding."""
    return get(conn, STALE) == "1"
