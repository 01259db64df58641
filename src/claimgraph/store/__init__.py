"""The store: SQLite by default, PostgreSQL by URL; nothing else knows the dialect.

``open_store(url)`` returns a SQLAlchemy engine whose schema is at the
newest revision (an older store is upgraded in place on open).
"""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph import settings
from claimgraph.errors import ConfigError
from claimgraph.store.engine import create_engine, store_files
from claimgraph.store.upgrade import migrate


def open_store(url: str | None = None, create: bool = True) -> sa.Engine:
    """Open (creating or upgrading as needed) the store at ``url`` (default: the ``db`` setting).

    With ``create=False`` a SQLite file that does not exist is refused
    rather than made: a mistyped ``--db`` path, or a command run from
    another folder, would otherwise answer from a new empty store.
    """
    engine = create_engine(url or settings.get("db"))
    files = store_files(engine)
    if not create and files and not files[0].exists():
        engine.dispose()
        raise ConfigError(f"no store at {files[0]} (claimgraph ingest creates one; --db names another)")
    migrate(engine)
    return engine


__all__ = ["open_store", "store_files"]
