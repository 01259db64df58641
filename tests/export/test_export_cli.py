"""``claimgraph export`` says what it wrote, and its progress never mixes into the export on stdout."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app
from records import falcons_world, store_all

CLAIMGRAPH = [sys.executable, "-c", "from claimgraph.cli import main; main()"]


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


def test_an_export_to_stdout_ends_with_one_line_on_stderr(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "jsonl", "--db", _store(tmp_path)])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line) for line in result.stdout.splitlines())  # the export alone on stdout
    (said,) = result.stderr.splitlines()
    assert said.startswith("claimgraph: wrote jsonl to stdout in ") and said.endswith(" s")


def _terminal_bytes(leader: int, into: bytearray) -> None:
    """What the command drew on its terminal, read until the terminal closes."""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: Linux says EIO
            return
        if not chunk:
            return
        into.extend(chunk)


def test_progress_on_a_terminal_stays_off_stdout(tmp_path: Path) -> None:
    url = _store(tmp_path)
    leader, follower = pty.openpty()  # stderr is a terminal, stdout a pipe: `claimgraph export > file`
    drawn = bytearray()
    reader = threading.Thread(target=_terminal_bytes, args=(leader, drawn))
    reader.start()
    try:
        run = subprocess.run(
            [*CLAIMGRAPH, "export", "--format", "jsonl", "--db", url],
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=120,
            env={**os.environ, "TERM": "xterm"},
        )
    finally:
        os.close(follower)
        reader.join(timeout=30)
        os.close(leader)
    assert run.returncode == 0
    rows = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert rows and all(isinstance(r, dict) for r in rows)
    assert b"exporting jsonl" in drawn  # the terminal was told what runs (a long STIX export once said nothing)
