"""Docs that cannot drift: every CLI command and every setting is in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from claimgraph import settings
from claimgraph.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    group = typer.main.get_group(app)
    missing = [name for name in group.commands if f"claimgraph {name}" not in README]
    assert not missing, f"README lacks commands: {missing}"


def test_every_setting_is_documented() -> None:
    missing = [s.env for s in settings.SETTINGS if f"`{s.env}`" not in README]
    assert not missing, f"README lacks settings: {missing}"


def test_readme_opens_with_the_two_setup_commands() -> None:
    head = "\n".join(README.splitlines()[:6])
    assert "make demo" in head and "make test" in head
