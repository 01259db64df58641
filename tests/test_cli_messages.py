"""Issue 16, row 13: a broken store file and out-of-range options give one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from records import falcons_world, store_all


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_a_corrupted_store_file_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store_all(f"sqlite:///{path}", falcons_world())[0].dispose()
    data = bytearray(path.read_bytes())
    data[:100] = b"\xff" * 100  # the header gone: what a torn copy leaves
    path.write_bytes(bytes(data))
    for command in ("stats", "errors", "conflicts"):
        status, output = invoke(command, "--db", f"sqlite:///{path}")
        assert status == 1 and "not a claimgraph store" in output and "Traceback" not in output


@pytest.mark.parametrize("limit", ["0", "-5", str(10**20)])
def test_search_limits_out_of_range_are_refused(store_url: str, limit: str) -> None:
    store_all(store_url, falcons_world())[0].dispose()
    status, output = invoke("search", "coalition", "--db", store_url, "--limit", limit)
    assert status == 2 and "limit" in output.lower()
    assert invoke("search", "coalition", "--db", store_url, "--limit", "1")[0] == 0
