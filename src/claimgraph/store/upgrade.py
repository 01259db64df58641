"""Bringing a store's schema to the newest revision: atomically, once, and only a claimgraph store.

Every open checks the schema revision; only a store behind the newest
revision is migrated, and then under a lock — an exclusive transaction on
SQLite, a transaction-scoped advisory lock on PostgreSQL — so two first
opens at once cannot both create the tables (the second waits, then finds
the work done).  On SQLite the migration runs inside that one explicit
transaction (the driver would otherwise commit each ``CREATE TABLE`` on its
own), so a migration interrupted by a full disk or a kill leaves the file
as it was before, never half made.

What a migration meets is checked first.  A database with tables of its
own but no claimgraph revision is not ours: it is refused, and nothing in
it is changed (on SQLite not even the journal mode, which is why the file
is looked at with the standard library before SQLAlchemy connects).  The
one exception is what an older, non-atomic claimgraph left behind when its
first open was interrupted: some of our tables, all empty, no revision —
those are dropped and the migration runs again.

A store already at the newest revision is recognised with one query of
``alembic_version`` against the newest revision file's number
(``newest_revision``: revisions are numbered in order), so Alembic itself,
a third of a second to import, is loaded only when there is something to
migrate.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from claimgraph.errors import StoreError
from claimgraph.store import locks
from claimgraph.store.schema import metadata

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "head"
VERSION_TABLE = "alembic_version"
# Tables SQLite's FTS5 makes for migration 0002's documents_fts.
_FTS_TABLES = {"documents_fts", *(f"documents_fts_{s}" for s in ("data", "idx", "content", "docsize", "config"))}
OURS = frozenset({*metadata.tables, *_FTS_TABLES, VERSION_TABLE})


_REVISION_FILE = re.compile(r"(\d{4})_\w+\.py")


@cache
def newest_revision() -> str:
    """The newest revision's id, read from the migration files' names (``0007_document_warnings.py`` → 0007)."""
    return max(m[1] for f in (MIGRATIONS / "versions").iterdir() if (m := _REVISION_FILE.fullmatch(f.name)))


def _current(engine: sa.Engine) -> str | None:
    """The store's revision, or None for a store without one (new, or not ours: ``migrate`` decides)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database, or is one without being a claimgraph store; change nothing."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            _check(
                str(path), tables, lambda name: conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None
            )
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a claimgraph store: {exc}") from exc


def _check(where: str, tables: set[str], has_rows: Callable[[str], bool]) -> bool:
    """Whether ``tables`` are an interrupted first open's leftovers to drop; ``StoreError`` if not ours."""
    if VERSION_TABLE in tables:
        return False
    foreign = sorted(tables - OURS - {"sqlite_sequence", "sqlite_stat1"})
    if foreign:
        shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise StoreError(f"{where} is not a claimgraph store (it holds other tables: {shown}); it was left unchanged")
    leftovers = sorted(tables & OURS - _FTS_TABLES)
    if any(has_rows(name) for name in leftovers):
        raise StoreError(f"{where}: the store's schema was never finished but it holds rows; it was left unchanged")
    return bool(tables)


def migrate(engine: sa.Engine, revision: str = HEAD) -> None:
    """Bring the store's schema to ``revision`` (default: the newest), under the migration lock."""
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        check_sqlite_file(Path(str(engine.url.database)))
    try:
        if revision == HEAD and _current(engine) == newest_revision():
            return
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"cannot open the store: {exc.orig}") from exc
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = _config()
    try:
        target = ScriptDirectory.from_config(config).get_revision(revision)
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            conn.rollback()
            if target is not None and current == target.revision:
                return
        with engine.connect() as conn:
            locks.hold(conn, locks.MIGRATION)
            _repair(conn)
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            conn.commit()
    except CommandError as exc:
        raise StoreError(f"cannot migrate the store (made by a newer claimgraph?): {exc}") from exc
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"cannot open the store: {exc.orig}") from exc


def _repair(conn: sa.Connection) -> None:
    """Drop what an interrupted non-atomic first open left (our tables, all empty, no revision); refuse the rest."""
    tables = set(sa.inspect(conn).get_table_names())
    where = conn.engine.url.render_as_string(hide_password=True)
    if not _check(
        where, tables, lambda name: conn.exec_driver_sql(f'SELECT 1 FROM "{name}" LIMIT 1').first() is not None
    ):
        return
    if "documents_fts" in tables:
        conn.exec_driver_sql('DROP TABLE "documents_fts"')  # takes its shadow tables with it
    cascade = " CASCADE" if conn.dialect.name == "postgresql" else ""
    for name in sorted(tables & OURS - _FTS_TABLES):
        conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"{cascade}')
