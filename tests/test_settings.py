"""Issue 16, row 12: an unusable setting is a ConfigError naming its variable (exit 2), never a silent run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import settings
from claimgraph.cli import app
from claimgraph.errors import ConfigError


@pytest.mark.parametrize("value", ["0", "-1", "many", "3.5"])
def test_a_bad_batch_size_stops_extract_with_its_name(tmp_path: Path, value: str) -> None:
    (tmp_path / "a.txt").write_text("The Amber Lantern Front crossed the river near Valdris.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path)], env={"CLAIMGRAPH_BATCH_SIZE": value})
    assert result.exit_code == 2 and "CLAIMGRAPH_BATCH_SIZE" in result.output
    assert result.stdout.strip() == "" and "Traceback" not in result.output


@pytest.mark.parametrize("name", [s.name for s in settings.SETTINGS if s.minimum is not None])
def test_every_integer_setting_refuses_a_value_below_its_minimum(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    setting = next(s for s in settings.SETTINGS if s.name == name)
    assert setting.minimum is not None
    monkeypatch.setenv(setting.env, str(setting.minimum - 1))
    with pytest.raises(ConfigError, match=setting.env):
        settings.get_int(name)
    monkeypatch.setenv(setting.env, str(setting.minimum))
    assert settings.get_int(name) == setting.minimum
