"""Opening a store: the URL picks the dialect, and migrations run on open.

``sqlite:///path`` (the default) gets WAL journaling so readers never block
the writer and a killed writer leaves the last committed transaction
intact; ``postgresql://`` is served by psycopg 3.  Opening a store made by
an older claimgraph upgrades it in place with the Alembic migrations that
ship in this package (``upgrade.py``), so nobody has to run a migration
tool by hand.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import StoreError


def normalise_url(url: str) -> str:
    """``postgresql://`` → ``postgresql+psycopg://`` (psycopg 3); other URLs unchanged."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# How long a connection keeps asking for WAL mode while another holds the file (the busy timeout's length).
_WAL_SECONDS = 30.0


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Settings of every SQLite connection; the busy timeout first, so that even setting WAL mode waits."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _wal(cursor: Any) -> None:
    """Put the file in WAL mode, asking again while another connection holds it.

    A file already in WAL mode needs nothing (the query form only reads).
    Switching a new file needs it to itself, and SQLite answers "database is
    locked" at once, busy timeout or not, when another connection's first
    open is migrating it: several stores opened at once on one new file
    failed so in CI.  So the switch is asked again, with a growing pause,
    for as long as the busy timeout would have waited.
    """
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + _WAL_SECONDS
    pause = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url`` with the store's connection settings."""
    try:
        engine = sa.create_engine(normalise_url(url))
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use store URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name == "postgresql":
        from claimgraph.store.schema import for_postgresql

        for_postgresql()
    return engine


def store_files(engine: sa.Engine) -> list[Path]:
    """The files a SQLite store lives in (the database and its journal files); none for a server."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        return []
    return [Path(database + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
