"""The package's public API is small and pinned: changing it is a decision."""

from __future__ import annotations

import importlib

import claimgraph


def test_public_names() -> None:
    importlib.import_module("claimgraph.extraction")  # a loaded submodule must not shadow a public name

    assert sorted(claimgraph.__all__) == ["ClaimQuery", "EventQuery", "Graph", "extract", "open_store", "to_json"]
    assert all(callable(getattr(claimgraph, name)) for name in claimgraph.__all__)


def test_graph_methods() -> None:
    methods = {name for name in vars(claimgraph.Graph) if not name.startswith("_")}
    assert methods == {
        "open", "close", "ingest", "add", "dossier", "claims", "conflicts", "events", "timeline", "search",
        "failures", "stats", "merge", "split", "attach", "detach", "review", "explain", "export", "document",
        "browse", "actors", "neighbourhood", "reports", "candidates", "hand_actions", "undo", "warnings",
    }  # fmt: skip


def test_the_store_opens_without_loading_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, claimgraph; claimgraph.open_store('sqlite://'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_settings_have_defaults_and_environment_overrides(monkeypatch) -> None:
    from claimgraph import settings

    for setting in settings.SETTINGS:
        assert setting.default and setting.env.startswith("CLAIMGRAPH_") and setting.help
    monkeypatch.setenv("CLAIMGRAPH_BATCH_SIZE", "7")
    assert settings.get_int("batch_size") == 7


def test_a_malformed_integer_setting_names_its_variable(monkeypatch) -> None:
    import pytest

    from claimgraph import settings
    from claimgraph.errors import ConfigError

    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "ten megabytes")
    with pytest.raises(ConfigError, match="CLAIMGRAPH_MAX_BYTES"):
        settings.get_int("max_bytes")
