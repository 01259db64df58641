"""``claimgraph export`` says what it wrote, and its progress never mixes into the export on stdout."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app
from records import falcons_world, store_all


def _store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store_all(url, falcons_world())[0].dispose()
    return url


def test_an_export_to_a_file_says_what_it_wrote(tmp_path: Path) -> None:
    url, out = _store(tmp_path), tmp_path / "bundle.json"
    result = CliRunner().invoke(app, ["export", "--format", "stix", "--db", url, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote stix to {out} ({out.stat().st_size:,} bytes)" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "bundle"


def test_progress_on_a_terminal_stays_off_stdout(tmp_path: Path) -> None:
    url = _store(tmp_path)
    leader, follower = pty.openpty()  # stderr is a terminal, stdout a pipe: `claimgraph export > file`
    try:
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                "from claimgraph.cli import main; main()",
                "export",
                "--format",
                "jsonl",
                "--db",
                url,
            ],
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=120,
            env={**os.environ, "TERM": "xterm"},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert run.returncode == 0
    rows = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert rows and all(isinstance(r, dict) for r in rows)
