"""Issue 16, row 1 (and row 13's export cases): ``export --out`` never harms the store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import OutputError
from claimgraph.export.output import export_file
from records import falcons_world, store_all


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    engine, _ = store_all(f"sqlite:///{path}", falcons_world())
    engine.dispose()
    return path


def export(store: Path, out: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["export", "--format", "jsonl", "--db", f"sqlite:///{store}", "--out", out])
    return result.exit_code, result.output


def documents(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def test_the_store_itself_is_refused_and_left_whole(store: Path) -> None:
    before = store.read_bytes()
    count = documents(store)
    for spelling in (str(store), str(store.parent / "." / store.name), f"{store}-wal"):
        status, output = export(store, spelling)
        assert status == 2 and "store" in output, output
    assert store.stat().st_size >= len(before) and documents(store) == count > 0


def test_another_sqlite_database_is_refused(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE keep (x)")
    before = other.read_bytes()
    status, output = export(store, str(other))
    assert status == 2 and "SQLite database" in output
    assert other.read_bytes() == before


def test_directories_and_missing_folders_get_a_message(store: Path, tmp_path: Path) -> None:
    status, output = export(store, str(tmp_path))
    assert status == 2 and "directory" in output and "Traceback" not in output
    status, output = export(store, str(tmp_path / "no" / "such" / "out.jsonl"))
    assert status == 2 and "does not exist" in output


def test_an_export_replaces_an_older_file_whole(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old export\n", encoding="utf-8")
    status, output = export(store, str(out))
    assert status == 0, output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line) for line in lines)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), export_file(out) as fh:
        fh.write("half")
        raise RuntimeError("the exporter broke")
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_full_disk_is_an_output_error(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match="No space left"), export_file(out) as fh:
        fh.write("x" * 100)
        raise OSError(28, "No space left on device")  # what a write on a full disk raises
    assert out.read_text(encoding="utf-8") == "old"
