"""The README's quick start runs as written, in a fresh folder, on the bundled examples."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def quick_start_commands() -> list[list[str]]:
    """The ``claimgraph`` command lines of the README's quick start, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("\n\n", 2)[1]
    commands = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith(".venv/bin/claimgraph"):
            commands.append(shlex.split(line.removeprefix(".venv/bin/claimgraph")))
    return commands


@pytest.mark.slow
def test_the_quick_start_runs_as_written(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    commands = quick_start_commands()
    assert any(c[:1] == ["show"] for c in commands)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    for args in commands:
        redirect = args.index(">") if ">" in args else None
        argv = args[:redirect] if redirect is not None else args
        done = subprocess.run(
            [sys.executable, "-c", "from claimgraph.cli import main; main()", *argv],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        assert done.returncode == 0, (argv, done.stderr)
        if argv[0] in ("show", "conflicts"):
            assert done.stdout.strip(), argv
        if argv[0] == "show":
            assert not re.search(r"no actor|ambiguous", done.stderr), done.stderr
