"""Opening a store: the URL picks the dialect, and migrations run on open.

``sqlite:///path`` (the default) gets WAL journaling so readers never block
the writer and a killed writer leaves the last committed transaction
intact; ``postgresql://`` is served by psycopg 3.  Opening a store made by
an older claimgraph upgrades it in place with the Alembic migrations that
ship in this package, so nobody has to run a migration tool by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from claimgraph.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "head"


def normalise_url(url: str) -> str:
    """``postgresql://`` → ``postgresql+psycopg://`` (psycopg 3); other URLs unchanged."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url`` with the store's connection settings."""
    try:
        engine = sa.create_engine(normalise_url(url))
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use store URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def store_files(engine: sa.Engine) -> list[Path]:
    """The files a SQLite store lives in (the database and its journal files); none for a server."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        return []
    return [Path(database + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def migrate(engine: sa.Engine, revision: str = HEAD) -> None:
    """Bring the store's schema to ``revision`` (default: the newest)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except sa.exc.OperationalError as exc:
        raise StoreError(f"cannot open the store: {exc.orig}") from exc
