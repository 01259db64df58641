"""Store-wide locks for work that two processes must not do at once.

Migrating the schema and rebuilding the derived tables each replace rows
wholesale; two at once would both create the same tables, or both delete
and re-insert the same actors.  ``hold`` starts the caller's transaction
holding the lock until it ends: on SQLite an exclusive transaction (the
database's single writer lock, taken up front rather than on the first
write, when another writer may have committed since our reads), on
PostgreSQL a transaction-scoped advisory lock.
"""

from __future__ import annotations

import sqlalchemy as sa

# pg_advisory_xact_lock keys (fixed 64-bit numbers; ASCII "cg-migr" and "cg-rebld").
MIGRATION = 0x63672D6D696772
REBUILD = 0x63672D7265626C64


def hold(conn: sa.Connection, key: int) -> None:
    """Take lock ``key`` for the rest of ``conn``'s transaction; must be its first statement on SQLite."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN EXCLUSIVE")
    elif conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
