"""The store's commands end to end: the real extractor on our own small texts, and a crash test."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from records import falcons_world, store_all

CLI = [sys.executable, "-c", "from claimgraph.cli import main; main()"]
GROUPS = [
    "Amber Lantern Front",
    "Gray Heron Brigade",
    "Copper Valley Movement",
    "Northern Reed Battalion",
    "Iron Orchard Army",
]
PLACES = ["Valdris", "Korvana", "Estmoor", "Lindhaven", "Porto Sable"]
PEOPLE = ["Tomas Ekwall", "Ilse Marrow", "Petra Sundqvist", "Oskar Lindell", "Hanna Virtanen"]


def write_corpus(folder: Path, count: int) -> Path:
    """``count`` short articles of our own, each different."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        group, place, person = GROUPS[i % 5], PLACES[(i // 5) % 5], PEOPLE[(i * 3) % 5]
        text = (
            f"Fighting near {place} (report {i})\n\n"
            f"{place}, 12 March 2015 - Fighters of the {group} attacked positions near {place} on day {i}, "
            f"according to {person}, a researcher who follows the conflict. "
            f"{person} said the {group} had moved {i + 3} units into the area.\n"
        )
        (folder / f"article-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def test_ingest_reports_and_is_idempotent(tmp_path: Path, store_url: str) -> None:
    corpus = write_corpus(tmp_path / "in", 4)
    (corpus / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    pasted = corpus / "article-003.txt"  # a C1 character pasted into the headline: read, with a warning
    pasted.write_text(pasted.read_text(encoding="utf-8").replace(" (report", "\u0085 (report", 1), encoding="utf-8")
    first = run("ingest", str(corpus), "--db", store_url, "--json")
    assert first.returncode == 1, first.stderr  # the binary file failed, the rest were stored
    assert json.loads(first.stdout) == {"read": 5, "stored": 4, "duplicates": 0, "failed": 1, "warnings": 1}
    assert "failed 1, warnings 1; `claimgraph errors` lists why; `claimgraph errors --warnings`" in first.stderr
    code, out = invoke("ingest", str(corpus / "article-000.txt"), "--db", store_url, "--json")
    assert code == 0 and json.loads(out)["duplicates"] == 1
    stats = json.loads(invoke("stats", "--db", store_url, "--json")[1])
    assert set(stats) == {
        "documents",
        "failed_documents",
        "entities",
        "canonical_entities",
        "claims",
        "attributions",
        "conflicts",
    }
    assert stats["documents"] == 4 and stats["failed_documents"] == 1 and stats["entities"] > 0
    errors = json.loads(invoke("errors", "--db", store_url, "--json")[1])
    assert [e["source_path"].endswith("blob.txt") for e in errors] == [True]
    warned = json.loads(invoke("errors", "--warnings", "--db", store_url, "--json")[1])
    assert [(Path(w["source_path"]).name, w["kind"], w["code"]) for w in warned] == [
        ("blob.txt", "failure", "binary"),
        ("article-003.txt", "warning", "control_characters"),
    ]
    hits = json.loads(invoke("search", "researcher", "--db", store_url, "--json")[1])
    assert len(hits) == 4


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("ingest", str(tmp_path / "missing"), "--db", f"sqlite:///{tmp_path}/s.db")[0] == 2
    assert invoke("export", "--format", "pdf", "--db", f"sqlite:///{tmp_path}/s.db")[0] == 2


@pytest.fixture
def filled(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'filled.db'}"
    store_all(url, falcons_world())
    return url


def test_show_claims_conflicts_and_exports(filled: str, tmp_path: Path) -> None:
    code, out = invoke("show", "ridge falcons", "--db", filled, "--json")
    dossier = json.loads(out)
    assert code == 0
    assert {"id", "name", "type", "aliases", "gazetteer_ids", "first_seen", "last_seen", "claims", "conflicts"} <= set(
        dossier
    )
    claim_keys = {
        "subject",
        "predicate",
        "object",
        "object_literal",
        "polarity",
        "sources",
        "independent_origins",
        "documents",
    }
    assert all(claim_keys <= set(c) for c in dossier["claims"])
    assert {"name": "RF", "documents": 2} in dossier["aliases"]
    assert invoke("show", "Nobody At All", "--db", filled)[0] == 1
    code, out = invoke(
        "claims", "--subject", "RF", "--predicate", "part_of", "--since", "2015-01-01", "--db", filled, "--json"
    )
    assert code == 0 and {(c["polarity"], c["date"]) for c in json.loads(out)} == {
        ("affirmed", "2015-01-05"),
        ("denied", "2016-05-10"),
    }
    code, out = invoke("conflicts", "--db", filled, "--json")
    (conflict,) = json.loads(out)
    assert {"kind", "subject", "predicate", "claims", "explanation"} <= set(conflict) and conflict["kind"] == "polarity"
    target = tmp_path / "out.stix.json"
    assert invoke("export", "--format", "stix", "--out", str(target), "--db", filled)[0] == 0
    assert json.loads(target.read_text())["type"] == "bundle"


def test_split_merge_and_explain(filled: str) -> None:
    code, out = invoke("split", "Ridge Falcons", "Ridge Falcons Brigade", "--db", filled, "--json")
    assert code == 0 and json.loads(out)["same_actor"] is False
    assert invoke("show", "Ridge Falcons Brigade", "--db", filled, "--json")[0] == 0
    code, out = invoke("merge", "Ridge Falcons", "Ridge Falcons Brigade", "--db", filled, "--json")
    assert code == 0 and json.loads(out)["same_actor"] is True
    code, out = invoke("explain", "RF", "--db", filled, "--json")
    reasons = [j["reason"] for j in json.loads(out)["judgements"]]
    assert code == 0 and "by hand" in reasons and any(r.startswith("named as one actor") for r in reasons)


STATEMENT_TABLES = {
    "documents": "id, source_path, title, published, text",
    "entities": "id, document_id, name, type, name_id",
    "entity_names": "entity_id, surface, name_id, day",
    "mentions": 'entity_id, field, start, "end", text',
    "attributions": "id, document_id, source_text, content_start, content_end",
    "claims": "id, document_id, subject_name_id, predicate, object_name_id, object_literal, polarity, via, day, publisher",
    "names": "id, name, type, scope",
    "judgements": "left_id, right_id, judgement, by_hand, score, reason",
    "canonical": "name_id, actor_id",
    "actors": "id, name, type",
    "origins": "document_id, origin_id",
}


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        return {t: sorted(conn.execute(f"SELECT {cols} FROM {t}").fetchall()) for t, cols in STATEMENT_TABLES.items()}


def test_a_killed_ingest_resumes_to_the_store_a_clean_run_makes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 24)
    env = {"CLAIMGRAPH_BATCH_SIZE": "1"}
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    assert run("ingest", str(corpus), "--db", f"sqlite:///{clean}", env=env).returncode == 0

    process = subprocess.Popen([*CLI, "ingest", str(corpus), "--db", f"sqlite:///{crashed}"], env={**os.environ, **env})
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(crashed, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            stored = 0  # not created yet
        if stored >= 8:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(crashed) as conn:
        at_kill = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < at_kill < 24, "the kill did not land mid-way"

    rerun = run("ingest", str(corpus), "--db", f"sqlite:///{crashed}", "--json", env=env)
    summary = json.loads(rerun.stdout)
    assert rerun.returncode == 0 and summary["duplicates"] == at_kill and summary["stored"] == 24 - at_kill
    assert dump(crashed) == dump(clean)


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_ingest_says_what_it_committed(tmp_path: Path, signum: int, status: int) -> None:
    """Issue 16, row 17: Ctrl-C or a SIGTERM ends with one line saying what is in the store, and 128 + the signal."""
    corpus = write_corpus(tmp_path / "in", 24)
    path = tmp_path / "store.db"
    process = subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--db", f"sqlite:///{path}"],
        env={**os.environ, "CLAIMGRAPH_BATCH_SIZE": "1"},
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 180
    stored = 0
    while time.monotonic() < deadline and process.poll() is None and stored < 3:
        try:
            with sqlite3.connect(path, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            stored = 0  # not created yet
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert process.returncode == status, stderr
    assert f"stopped by {signal.Signals(signum).name}: {count} document(s) committed" in stderr
    assert "Traceback" not in stderr and 0 < count < 24
