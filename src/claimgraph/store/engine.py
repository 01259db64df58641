"""Opening a store: the URL picks the dialect, and migrations run on open.

``sqlite:///path`` (the default) gets WAL journaling so readers never block
the writer and a killed writer leaves the last committed transaction
intact; ``postgresql://`` is served by psycopg 3.  Opening a store made by
an older claimgraph upgrades it in place with the Alembic migrations that
ship in this package (``upgrade.py``), so nobody has to run a migration
tool by hand.
"""

from __future__ import annotations

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


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Settings of every SQLite connection; the busy timeout first, so that even setting WAL mode waits.

    ``journal_mode=WAL`` reads the file, and a first open's migration holds
    it locked: set after it, the timeout left that pragma the driver's five
    seconds, and a first open among several at once could fail with
    "database is locked".
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


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
