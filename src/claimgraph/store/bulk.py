"""Many rows into one table in one statement: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.

A batch of documents writes a few thousand statement rows; sent one
``INSERT`` at a time they cost a round trip each.  SQLite takes them as one
``executemany`` in the caller's transaction.  PostgreSQL takes them through
psycopg 3's ``COPY`` into a temporary staging table shaped like the target
(``LIKE``; emptied at every commit), then one ``INSERT … SELECT`` moves them
in.  Rows keyed by content hashes go in with ``ON CONFLICT DO NOTHING``:
the same hash is the same row, so a row a concurrent ingest stored first is
already what we would have written (SQLite has one writer at a time, so
nothing collides there within a transaction).  Documents themselves go in without it
(``conflicts=False``): their key colliding must surface, because the
caller counts such a document as a duplicate instead of as stored.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import sqlalchemy as sa


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]], conflicts: bool = True) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` within the caller's transaction."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), list(rows))  # one writer at a time: nothing can collide mid-transaction
        return
    columns = list(rows[0])
    staging = f"staging_{table.name}"
    names = ", ".join(f'"{c}"' for c in columns)
    conn.exec_driver_sql(
        f'CREATE TEMPORARY TABLE IF NOT EXISTS "{staging}" (LIKE "{table.name}" INCLUDING DEFAULTS) ON COMMIT DELETE ROWS'
    )
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{staging}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])
    keys = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
    tail = f" ON CONFLICT ({keys}) DO NOTHING" if conflicts else ""
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM "{staging}"{tail}')
    conn.exec_driver_sql(f'TRUNCATE "{staging}"')


# Ids per ``IN (…)`` list: well under SQLite's bound-parameter limit, and a plan PostgreSQL handles well.
IN_LIST = 500


def select_in(
    conn: sa.Connection, query: sa.Select[Any], column: sa.ColumnElement[Any], ids: Collection[str] | None
) -> list[Any]:
    """The rows of ``query`` whose ``column`` is one of ``ids``, asked ``IN_LIST`` at a time (``None``: all rows)."""
    if ids is None:
        return list(conn.execute(query).all())
    wanted = sorted(ids)
    return [
        row
        for i in range(0, len(wanted), IN_LIST)
        for row in conn.execute(query.where(column.in_(wanted[i : i + IN_LIST])))
    ]


def select_any(
    conn: sa.Connection, query: sa.Select[Any], column: sa.ColumnElement[Any], ids: Collection[str]
) -> list[Any]:
    """``select_in`` for a lookup on the read path: on PostgreSQL one statement, the ids bound as one value.

    An ``IN`` list costs the client a bound parameter per id, expanded by
    SQLAlchemy and converted by psycopg: for the 658 names a dossier of 550
    claims resolves, about 30 ms, against a few for one array, which
    PostgreSQL plans from its actual elements, as it does an ``IN`` list.
    Ids without a comma (the store's hash ids) go as one comma-joined text
    the server splits (``string_to_array``), since psycopg dumps an array
    element by element: for ~510 names the lookup's client CPU went from
    2.0 to 1.3 ms.  SQLite has no array parameter: there it is ``select_in``.
    """
    if conn.dialect.name != "postgresql":
        return select_in(conn, query, column, ids)
    if not ids:
        return []
    ordered = sorted(ids)
    joined = ",".join(ordered)
    values: sa.ColumnElement[Any] = (
        sa.func.string_to_array(sa.literal(joined, sa.Text), ",")
        if joined.count(",") == len(ordered) - 1 and all(ordered)
        else sa.literal(ordered, sa.ARRAY(column.type))
    )
    return list(conn.execute(query.where(column == sa.any_(values))).all())


def delete_in(
    conn: sa.Connection,
    table: sa.Table,
    column: sa.ColumnElement[Any],
    ids: Collection[str] | Collection[int],
    where: sa.ColumnElement[bool] | None = None,
) -> None:
    """Delete the rows of ``table`` whose ``column`` is one of ``ids`` (and that match ``where``)."""
    wanted = sorted(ids)
    for i in range(0, len(wanted), IN_LIST):
        statement = table.delete().where(column.in_(wanted[i : i + IN_LIST]))
        conn.execute(statement if where is None else statement.where(where))
