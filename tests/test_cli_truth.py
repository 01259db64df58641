"""The CLI never answers from a store that is not there, says what it is, and says why documents failed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer.main
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


def test_ingest_on_a_pipe_says_each_failures_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "furniture.txt").write_text("* * *\n...\n", encoding="utf-8")
    (corpus / "blank.txt").write_text("", encoding="utf-8")
    store = f"sqlite:///{tmp_path / 's.db'}"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", store, "--json"])
    assert result.exit_code == 1, result.output
    said = result.stderr.splitlines()
    assert (
        f"claimgraph: {corpus / 'furniture.txt'}: no_text: no article text is left once the page furniture is removed"
        in said
    )
    assert f"claimgraph: {corpus / 'blank.txt'}: empty: the file is empty" in said
    assert said[-1].startswith("read 2, stored 0, duplicates 0, failed 2")
    assert json.loads(result.stdout)["failed"] == 2  # the JSON summary keeps its keys
    again = CliRunner().invoke(app, ["ingest", str(corpus), "--db", store])  # a rerun says them again
    assert sum("claimgraph: " in line for line in again.stderr.splitlines()) == 2


def test_help_names_every_argument_and_shows_no_bool_metavar() -> None:
    group = typer.main.get_group(app)
    for name in group.commands:
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "<bool>" not in result.output, name  # a flag takes no value
        usage = next(line for line in result.output.splitlines() if "Usage:" in line)
        assert not re.search(r"\{[a-z]\}", usage), (name, usage)  # no one-letter argument names
    merge = CliRunner().invoke(app, ["merge", "--help"]).output
    assert "{A} {B}" in merge and "first actor" in merge and "second actor" in merge
