"""The CLI never answers from a store that is not there, and says what it is."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph import __version__
from claimgraph.cli import app


def test_a_read_command_refuses_a_store_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "claimgrahp.db"
    for command in (["stats"], ["show", "Ridge Falcons"], ["claims"], ["errors"], ["export", "--format", "jsonl"]):
        result = CliRunner().invoke(app, [*command, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 2, (command, result.output)
        assert str(missing) in result.output and "ingest creates one" in result.output
    assert not missing.exists() and not missing.parent.exists()


def test_ingest_creates_the_store(tmp_path: Path) -> None:
    store = tmp_path / "new.db"
    empty = tmp_path / "in"
    empty.mkdir()
    result = CliRunner().invoke(app, ["ingest", str(empty), "--db", f"sqlite:///{store}", "--json"])
    assert result.exit_code == 0, result.output
    assert store.exists() and "read 0, stored 0, duplicates 0, failed 0" in result.stderr  # said on a pipe too
    assert json.loads(result.stdout) == {"read": 0, "stored": 0, "duplicates": 0, "failed": 0, "warnings": 0}
    assert CliRunner().invoke(app, ["stats", "--db", f"sqlite:///{store}"]).exit_code == 0


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"claimgraph {__version__}"
