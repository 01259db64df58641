"""The store's small key/value table: chiefly which derived rows are stale.

Each document transaction marks both actors and origins stale; a hand
judgement marks only the actors (near-duplicate origins depend on
documents alone, and rebuilding them reads every document's signature).
Rebuilding clears the mark.  Reading commands rebuild first when a mark is
set, so a run killed between the two can never leave a wrong answer behind.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from claimgraph.store import schema as t

ACTORS = "stale_actors"
ORIGINS = "stale_origins"


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


def mark_stale(conn: sa.Connection, *what: str) -> None:
    """Note that derived tables (``ACTORS``, ``ORIGINS``; default both) no longer reflect their inputs."""
    for key in what or (ACTORS, ORIGINS):
        put(conn, key, "1")


def is_stale(conn: sa.Connection, what: str) -> bool:
    """Whether the derived table ``what`` needs rebuilding."""
    return get(conn, what) == "1"
