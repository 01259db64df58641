"""The store: SQLite by default, PostgreSQL by URL; nothing else knows the dialect.

``open_store(url)`` returns a SQLAlchemy engine whose schema is at the
newest revision (an older store is upgraded in place on open).
"""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph import settings
from claimgraph.store.engine import create_engine, migrate, store_files


def open_store(url: str | None = None) -> sa.Engine:
    """Open (creating or upgrading as needed) the store at ``url`` (default: the ``db`` setting)."""
    engine = create_engine(url or settings.get("db"))
    migrate(engine)
    return engine


__all__ = ["open_store", "store_files"]
