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


def test_the_sections_a_user_reads_name_no_path_outside_the_repository() -> None:
    # The team's shared folder (corpora, tools, the spec) sits beside the repository, not in a user's checkout.
    user_sections = ("Quick start", "Commands", "As a library", "The workbench", "On a cluster", "Settings")
    sections = {part.split("\n", 1)[0]: part for part in README.split("\n## ")[1:]}
    read = [title for title in sections if title.startswith(user_sections)]
    assert len(read) == len(user_sections), sorted(sections)
    outside = [title for title in read if "../" in sections[title]]
    assert not outside, outside
