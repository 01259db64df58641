"""``claimgraph.Graph``, the library object under every front end.

The demo-store test is the refactor's behaviour check: ``data/demo_extract.jsonl``
is ``claimgraph extract examples/`` and ``data/demo_store.json`` what the
store made of it (stats, claims, conflicts, every dossier and explanation,
failures, search hits), first recorded with the code as it was before
``Graph`` existed (the store side of main at 348d899).  The store is rebuilt
here from the saved extraction, so the comparison depends on the store side
alone and stays valid while extraction improves.  A change *meant* to alter
what the store answers (resolution, analysis) re-records it with
``.venv/bin/python tests/test_graph.py`` and shows the difference in its diff.
"""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import claimgraph
from claimgraph import ClaimQuery, Graph
from claimgraph.errors import ConfigError, NotFoundError
from claimgraph.extraction import to_json
from contract_records import from_json
from records import document, entity, extraction, falcons_world

DATA = Path(__file__).parent / "data"


def demo_results() -> list[Any]:
    with (DATA / "demo_extract.jsonl").open(encoding="utf-8") as fh:
        return [from_json(json.loads(line)) for line in fh]


def store_json(graph: Graph, summary: dict[str, int], dialect: str) -> dict[str, Any]:
    """Everything the store answers about the demo corpus, as JSON."""
    out: dict[str, Any] = {"summary": summary, "stats": graph.stats().to_json()}
    out["claims"] = [c.to_json() for c in graph.claims()]
    out["conflicts"] = [c.to_json() for c in graph.conflicts()]
    out["dossiers"], out["explanations"] = {}, {}
    names = sorted({a["name"] for a in _jsonl(graph, "jsonl") if a["record"] == "actor"})
    for name in names:
        try:
            out["dossiers"][name] = graph.dossier(name).to_json()
        except NotFoundError as exc:
            out["dossiers"][name] = {"error": str(exc), "candidates": exc.candidates}
            continue
        why = graph.explain(name).to_json()
        for j in why["judgements"]:
            del j["created_at"]  # a timestamp of the run
        out["explanations"][name] = why
    out["failures"] = [f.to_json() for f in graph.failures()]
    if dialect == "sqlite":  # snippets are the dialect's own (FTS5 or ts_headline)
        out["search"] = [h.to_json() for h in graph.search("said", 50)]
    return out


def _jsonl(graph: Graph, fmt: str) -> list[dict[str, Any]]:
    buf = io.StringIO()
    graph.export(fmt, buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_the_demo_store_answers_as_before_the_refactor(store_url: str) -> None:
    expected = json.loads((DATA / "demo_store.json").read_text(encoding="utf-8"))
    with Graph.open(store_url) as graph:
        summary = graph.add(demo_results(), extractor="test")
        got = store_json(graph, summary.to_json(), store_url.split(":")[0])
    if "search" not in got:
        del expected["search"]
    # The old code was driven through its writer, which does not count what it reads; ``add`` does.
    assert got.pop("summary") == {**expected.pop("summary"), "read": 7}
    assert got["stats"]["documents"] == 7
    again = "a change meant to alter the store's answers re-records them: .venv/bin/python tests/test_graph.py"
    assert got["dossiers"] == expected["dossiers"], again
    assert got == expected, again


def test_the_cli_prints_what_the_graph_returns(tmp_path: Path) -> None:
    from claimgraph.cli import app

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    with Graph.open(url) as graph:
        graph.add(demo_results())
        dossier = graph.dossier("Hezbollah").to_json()
        claims = [c.to_json() for c in graph.claims(ClaimQuery(subject="Hezbollah"))]
        stats = graph.stats().to_json()
    runner = CliRunner()
    assert json.loads(runner.invoke(app, ["show", "Hezbollah", "--db", url, "--json"]).stdout) == dossier
    assert json.loads(runner.invoke(app, ["claims", "--subject", "Hezbollah", "--db", url, "--json"]).stdout) == claims
    assert json.loads(runner.invoke(app, ["stats", "--db", url, "--json"]).stdout) == stats
    assert claims and all(c["subject"] == "Hezbollah" for c in claims)


def test_a_library_caller_reads_new_actors_without_refreshing(tmp_path: Path) -> None:
    """Rows written by another writer (or a run killed before it rebuilt anything) are read fresh."""
    from claimgraph.load import IngestSummary, write_results

    url = f"sqlite:///{tmp_path / 'g.db'}"
    with Graph.open(url) as graph:
        graph.add(falcons_world())
        with pytest.raises(NotFoundError):
            graph.dossier("Saltmarsh Wardens")
        text = "The Saltmarsh Wardens operate in Korvana, residents said."
        doc = document(text, "2017-02-02T10:00:00+00:00", path="late.txt")
        late = extraction(doc, [entity("e1", "Saltmarsh Wardens", "ARMED_GROUP", text)])
        write_results(graph._engine, [late], "another writer", IngestSummary())  # no refresh
        assert graph.dossier("Saltmarsh Wardens").first_seen == "2017-02-02"
        actors = [r for r in _jsonl(graph, "jsonl") if r["record"] == "actor"]
        assert graph.stats().canonical_entities == len(actors)
        assert "Saltmarsh Wardens" in {a["name"] for a in actors}


def test_ingest_then_dossier_with_the_real_extractor(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Clashes near Estmoor\n\nESTMOOR, 3 May 2016 - Fighters of the Amber Lantern Front attacked positions "
        "near Estmoor on Tuesday, according to Ilse Marrow, a researcher who follows the conflict.\n",
        encoding="utf-8",
    )
    with Graph.open(f"sqlite:///{tmp_path / 'r.db'}") as graph:
        summary = graph.ingest([folder])
        assert (summary.read, summary.stored, summary.failed) == (1, 1, 0)
        dossier = graph.dossier("Amber Lantern Front")
        assert dossier.name == "Amber Lantern Front" and dossier.aliases[0].documents == 1
        (hit,) = graph.search("researcher")
        shown = graph.document(hit.document_id)
        assert "Amber Lantern Front" in shown.extraction.document.text
        assert shown.actors and set(shown.actors) <= {e.id for e in shown.extraction.entities}


def test_a_stored_document_reads_back_as_it_was_extracted(tmp_path: Path) -> None:
    results = demo_results()
    with Graph.open(f"sqlite:///{tmp_path / 'd.db'}") as graph:
        graph.add(results)
        for result in results:
            shown = graph.document(result.document.id)
            want, got = to_json(result), shown.to_json()
            for side in (want, got):
                for e in side["entities"]:
                    e["aliases"].sort()  # the store keeps an entity's surfaces as a set
            assert got.pop("actors").keys() == {e["id"] for e in want["entities"]}
            assert got == want
        with pytest.raises(NotFoundError):
            graph.document("sha256:0000")


def test_merge_and_split_by_hand(tmp_path: Path) -> None:
    with Graph.open(f"sqlite:///{tmp_path / 'j.db'}") as graph:
        graph.add(falcons_world())
        assert graph.dossier("Ridge Falcons").id != graph.dossier("Dawn Coalition").id
        merged = graph.merge("Ridge Falcons", "Dawn Coalition")
        assert merged.judgements >= 1 and merged.same_actor
        assert graph.dossier("Ridge Falcons").id == graph.dossier("Dawn Coalition").id
        assert any(j.by_hand and j.judgement == "positive" for j in graph.explain("Dawn Coalition").judgements)
        assert not graph.split("Ridge Falcons", "Dawn Coalition").same_actor
        assert graph.dossier("Ridge Falcons").id != graph.dossier("Dawn Coalition").id


def test_bad_requests_raise_library_errors(tmp_path: Path) -> None:
    with Graph.open(f"sqlite:///{tmp_path / 'e.db'}") as graph:
        with pytest.raises(ConfigError, match="unknown predicate"):
            graph.claims(ClaimQuery(predicate="likes"))
        with pytest.raises(ConfigError, match="unknown format"):
            graph.export("pdf", io.StringIO())
        with pytest.raises(NotFoundError):
            graph.dossier("Nobody Known")


def test_verbose_shows_the_debug_trail(tmp_path: Path) -> None:
    from claimgraph.cli import app

    url = f"sqlite:///{tmp_path / 'v.db'}"
    Graph.open(url).close()  # only ingest creates a store from the command line
    result = CliRunner().invoke(app, ["--verbose", "stats", "--db", url])
    assert result.exit_code == 0
    assert "claimgraph.graph: opening store" in result.stderr
    assert "opening store" not in CliRunner().invoke(app, ["stats", "--db", url]).stderr


def test_a_skipped_document_leaves_a_debug_trail(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with Graph.open(f"sqlite:///{tmp_path / 'l.db'}") as graph:
        graph.add(falcons_world())
        with caplog.at_level(logging.DEBUG, logger="claimgraph"):
            assert graph.add(falcons_world()[:1]).duplicates == 1
    assert any("a.txt: skipped, already stored" in r.getMessage() for r in caplog.records)


def test_graph_is_public() -> None:
    assert claimgraph.Graph is Graph and claimgraph.ClaimQuery is ClaimQuery


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp, Graph.open(f"sqlite:///{tmp}/demo.db") as graph:
        recorded = store_json(graph, graph.add(demo_results(), extractor="test").to_json(), "sqlite")
    recorded["summary"]["read"] = 0  # as first recorded, through the writer alone (see the test)
    with (DATA / "demo_store.json").open("w", encoding="utf-8") as fh:
        json.dump(recorded, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
