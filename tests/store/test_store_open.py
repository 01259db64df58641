"""Issue 16, rows 8 and 10 (and row 13's corrupted file): opening a store is atomic, once, and only ours."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import alembic.op
import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from claimgraph.errors import StoreError
from claimgraph.store import engine as store_engine
from claimgraph.store import open_store
from claimgraph.store.engine import create_engine
from claimgraph.store.upgrade import MIGRATIONS

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()
OPEN = "import sys; from claimgraph.store import open_store; open_store(sys.argv[1])"


def version(url: str) -> str | None:
    engine = open_store(url)
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_first_opens_at_once_all_succeed(store_url: str) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", OPEN, store_url], stderr=subprocess.PIPE, text=True) for _ in range(4)
    ]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    assert version(store_url) == HEAD


def test_an_interrupted_first_open_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.db"
    made = []
    create_table = alembic.op.create_table

    def fail_at_the_fourth(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(args[0])
        if len(made) == 4:
            raise OSError(28, "No space left on device")  # what a full disk does mid-migration
        return create_table(*args, **kwargs)

    monkeypatch.setattr(alembic.op, "create_table", fail_at_the_fourth)
    with pytest.raises(OSError):
        open_store(f"sqlite:///{path}")
    assert tables(path) == set()
    monkeypatch.undo()
    assert version(f"sqlite:///{path}") == HEAD


def test_what_an_older_interrupted_open_left_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with sqlite3.connect(path) as conn:  # the old non-atomic migration committed each table on its own
        conn.execute("CREATE TABLE actors (id VARCHAR(40) NOT NULL PRIMARY KEY, name TEXT NOT NULL, type VARCHAR(16))")
        conn.execute("CREATE TABLE documents (id VARCHAR(80) NOT NULL PRIMARY KEY, text TEXT)")
    assert version(f"sqlite:///{path}") == HEAD


def test_a_half_made_store_holding_rows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT, type TEXT)")
        conn.execute("INSERT INTO actors VALUES ('a1', 'someone', 'PERSON')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="never finished"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "photos.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO albums (title) VALUES ('summer')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"not a claimgraph store.*albums"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_a_corrupted_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"this was a store once " * 200)
    with pytest.raises(StoreError, match="not a claimgraph store"):
        open_store(f"sqlite:///{path}")


@pytest.mark.postgres
def test_a_foreign_postgresql_database_is_refused(postgres) -> None:  # type: ignore[no-untyped-def]
    url = postgres.create_database("foreign_app")
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE invoices (id integer PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"not a claimgraph store.*invoices"):
        open_store(url)


def test_the_newest_revision_is_known_without_alembic() -> None:
    """The fast path of an open compares the store with the newest migration file; Alembic must agree."""
    from alembic.script import ScriptDirectory

    from claimgraph.store.upgrade import _config, newest_revision

    assert newest_revision() == ScriptDirectory.from_config(_config()).get_current_head()


def test_an_open_waits_out_a_lock_longer_than_the_drivers_default(tmp_path: Path) -> None:
    """A store locked by another connection for longer than sqlite3's default five seconds is waited for, not refused."""
    path = tmp_path / "store.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE held (x)")
    holder.execute("BEGIN EXCLUSIVE")  # a rollback-journal file: an exclusive lock keeps even readers out
    holder.execute("INSERT INTO held VALUES (1)")
    release = threading.Timer(6.0, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        release.join()
        holder.close()


class _SwitchRefused:
    """A cursor whose file is not in WAL mode yet and refuses the switch ``refusals`` times with ``message``."""

    def __init__(self, refusals: int, message: str = "database is locked") -> None:
        self.refusals, self.message, self.switches = refusals, message, 0

    def execute(self, sql: str) -> _SwitchRefused:
        if sql == "PRAGMA journal_mode=WAL":
            self.switches += 1
            if self.switches <= self.refusals:
                raise sqlite3.OperationalError(self.message)
        return self

    def fetchone(self) -> tuple[str]:
        return ("delete",)


def test_the_switch_to_wal_is_asked_again_while_another_open_holds_the_file() -> None:
    cursor = _SwitchRefused(refusals=3)
    store_engine._wal(cursor)
    assert cursor.switches == 4


def test_a_switch_to_wal_refused_for_another_reason_fails_at_once() -> None:
    cursor = _SwitchRefused(refusals=1, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        store_engine._wal(cursor)
    assert cursor.switches == 1
