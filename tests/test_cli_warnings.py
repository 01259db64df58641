"""Reading warnings reach the store: kept with the document, listed by ``errors --warnings``, counted by ingest."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from claimgraph import Graph
from claimgraph.cli import app
from claimgraph.model import ReadingWarning
from records import document, entity, extraction, store_all

TEXT = "The Ridge Falcons said on Monday they had left the Dawn Coalition."
STRIPPED = ReadingWarning("control_characters", "2 control character(s) removed")
GUESSED = ReadingWarning("ambiguous_date", "the date '4/5/17' was read month first (2017-04-05)")


def _store(tmp_path: Path) -> tuple[str, object]:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    warned = replace(document(TEXT, "2017-04-05", path="warned.txt"), warnings=(STRIPPED, GUESSED))
    clean = document(TEXT + " Again.", "2017-04-06", path="clean.txt")
    ents = [entity("e1", "Ridge Falcons", "ARMED_GROUP", TEXT)]
    engine, summary = store_all(url, [extraction(warned, ents), extraction(clean, ents)])
    engine.dispose()
    return url, summary


def test_warnings_are_stored_with_the_document_and_counted(tmp_path: Path) -> None:
    url, summary = _store(tmp_path)
    assert summary.warnings == 2 and summary.to_json()["warnings"] == 2  # type: ignore[attr-defined]
    with Graph.open(url, create=False) as graph:
        said = graph.warnings()
        assert [(w.source_path, w.code, w.message) for w in said] == [
            ("warned.txt", STRIPPED.code, STRIPPED.message),
            ("warned.txt", GUESSED.code, GUESSED.message),
        ]
        # the stored document reads back with its warnings, as extraction produced them
        view = graph.document(said[0].document_id)
        assert view.extraction.document.warnings == (STRIPPED, GUESSED)


def test_errors_lists_warnings_only_when_asked(tmp_path: Path) -> None:
    url, _ = _store(tmp_path)
    plain = CliRunner().invoke(app, ["errors", "--db", url])
    assert plain.exit_code == 0 and "control_characters" not in plain.output
    text = CliRunner().invoke(app, ["errors", "--warnings", "--db", url])
    assert text.exit_code == 0, text.output
    assert "warned.txt: warning: control_characters: 2 control character(s) removed" in text.output
    assert "warned.txt: warning: ambiguous_date:" in text.output and "clean.txt" not in text.output
    rows = json.loads(CliRunner().invoke(app, ["errors", "--warnings", "--json", "--db", url]).output)
    assert [(r["kind"], r["code"]) for r in rows] == [("warning", "control_characters"), ("warning", "ambiguous_date")]


def test_a_store_made_before_warnings_were_kept_is_upgraded(tmp_path: Path) -> None:
    from claimgraph.store.engine import create_engine
    from claimgraph.store.upgrade import migrate

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    migrate(engine, "0006")  # the schema as the revision before warnings were kept left it
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert "warnings" not in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    with Graph.open(f"sqlite:///{path}", create=False) as graph:
        assert graph.warnings() == []
    with sqlite3.connect(path) as conn:
        assert "warnings" in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
        assert "geonames_id" in {r[1] for r in conn.execute("PRAGMA table_info(entities)")}
