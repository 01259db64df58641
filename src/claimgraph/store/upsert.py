"""Inserts that tolerate a concurrent writer: ``INSERT … ON CONFLICT`` on both dialects.

Names, automatic judgements, the staleness marks and failure records are
shared between documents, so two ingests into one store keep inserting the
same rows at the same moment.  A select-then-insert lets both see "absent"
and the second insert fails (PostgreSQL raised ``IntegrityError`` and the
whole document was rolled back and miscounted as a duplicate).  Letting
the database skip — or update — the row that is already there makes the
outcome the same as if the two ingests had run one after the other.
Rows go in sorted by key so two writers lock them in the same order.
Each dialect's ``insert`` is imported when a connection of that dialect first
needs it: loading SQLAlchemy's PostgreSQL dialect costs a SQLite store's
every command at start.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa


def _insert(conn: sa.Connection, table: sa.Table) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)


def insert_new(
    conn: sa.Connection,
    table: sa.Table,
    rows: Sequence[dict[str, Any]],
    key: Sequence[str],
    where: sa.ColumnElement[bool] | None = None,
) -> None:
    """Insert ``rows`` except those whose ``key`` (a unique index, partial when ``where``) is already stored."""
    if rows:
        ordered = sorted(rows, key=lambda row: tuple(row[k] for k in key))
        conn.execute(_insert(conn, table).on_conflict_do_nothing(index_elements=key, index_where=where), ordered)


def put(conn: sa.Connection, table: sa.Table, row: dict[str, Any], key: Sequence[str]) -> None:
    """Insert ``row``, or update the stored row with the same ``key`` to its values."""
    statement = _insert(conn, table).values(**row)
    update = {name: statement.excluded[name] for name in row if name not in key}
    conn.execute(statement.on_conflict_do_update(index_elements=key, set_=update))


def add_to(
    conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]], key: Sequence[str], count: str
) -> None:
    """Insert ``rows``, or add each one's ``count`` to the stored row with the same ``key`` (a counter)."""
    if rows:
        ordered = sorted(rows, key=lambda row: tuple(row[k] for k in key))
        statement = _insert(conn, table)
        total = table.c[count] + statement.excluded[count]
        conn.execute(statement.on_conflict_do_update(index_elements=key, set_={count: total}), ordered)
