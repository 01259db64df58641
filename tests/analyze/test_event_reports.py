"""Reports of one event across articles: grouped, and their disagreements found, end to end.

Three short articles of our own about one attack: two outlets give death
tolls that cannot both be true (three against at least twelve), and a third
blames another group.  They go through the real extractor and the store.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import Graph
from claimgraph.cli import app

ARTICLES = [
    {
        "title": "Brigade attack on Estmoor",
        "publisher": "Valley Courier",
        "published": "2019-04-15T09:00:00+03:00",
        "text": "Gray Heron Brigade fighters attacked the Korvana Army in Estmoor on Sunday, killing three soldiers, "
        "the Korvana Defence Ministry said.\n\nThe ministry said the attackers were repelled.",
    },
    {
        "title": "Twelve soldiers dead in Estmoor",
        "publisher": "Harbor Wire",
        "published": "2019-04-15T14:00:00+00:00",
        "text": "At least 12 soldiers were killed on Sunday when the Gray Heron Brigade attacked the Korvana Army in "
        "Estmoor, according to the Estmoor Observatory.\n\nResidents described hours of gunfire.",
    },
    {
        "title": "Estmoor raid blamed on Front",
        "publisher": "Coast Daily",
        "published": "2019-04-16T08:00:00+02:00",
        "text": "The Amber Lantern Front attacked the Korvana Army in Estmoor on Sunday, local officials said.\n\n"
        "The front has not commented.",
    },
    {
        "title": "Protest in Aleppo",
        "publisher": "Coast Daily",
        "published": "2019-06-02T08:00:00+02:00",
        "text": "Hundreds of students protested against the Korvana Army in the Syrian city of Aleppo on Saturday.",
    },
]


@pytest.fixture(scope="module")
def ingested(module_store_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The store (once per backend) the articles were ingested into with the CLI, and their file.

    The tests below only read it, so the one ingest serves them all.
    """
    source = tmp_path_factory.mktemp("reports") / "reports.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", module_store_url, "--json"])
    assert result.exit_code == 0, result.output
    return module_store_url, source


def _json(runner: CliRunner, *args: str) -> object:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_reports_of_one_attack_are_grouped_and_keep_their_figures(ingested: tuple[str, Path]) -> None:
    store_url, _ = ingested
    runner = CliRunner()
    groups = _json(runner, "events", "--db", store_url, "--place", "Estmoor", "--type", "assault")
    assert isinstance(groups, list) and len(groups) == 1
    reports = groups[0]["reports"]
    assert sorted(r["publisher"] for r in reports) == ["Coast Daily", "Harbor Wire", "Valley Courier"]
    killed = {r["publisher"]: r["casualties"]["killed"] for r in reports}
    assert killed == {"Valley Courier": 3, "Harbor Wire": {"min": 12, "max": None}, "Coast Daily": None}
    assert {r["date"] for r in reports} == {"2019-04-14"}  # "on Sunday", each against its own story's day


def test_casualty_and_actor_disagreements_name_the_outlets(ingested: tuple[str, Path]) -> None:
    store_url, _ = ingested
    runner = CliRunner()
    conflicts = _json(runner, "conflicts", "--db", store_url)
    assert isinstance(conflicts, list)
    casualties = [c for c in conflicts if c["kind"] == "casualties"]
    assert len(casualties) == 1
    explanation = casualties[0]["explanation"]
    assert "Valley Courier" in explanation and "Harbor Wire" in explanation
    assert "3 killed" in explanation and "at least 12" in explanation
    actors = [c for c in conflicts if c["kind"] == "actor"]
    assert actors and all("Coast Daily" in " ".join(c["outlets"]) for c in actors)
    assert all("Amber Lantern Front" in c["explanation"] for c in actors)


def test_events_filter_and_the_timeline(ingested: tuple[str, Path]) -> None:
    store_url, _ = ingested
    runner = CliRunner()
    protests = _json(runner, "events", "--db", store_url, "--type", "PROTEST", "--since", "2019-05")
    assert isinstance(protests, list) and [g["place"] for g in protests] == ["Aleppo"]
    assert _json(runner, "events", "--db", store_url, "--until", "2019-04-13") == []
    timeline = _json(runner, "timeline", "Gray Heron Brigade", "--db", store_url)
    assert isinstance(timeline, list)
    events = [e for e in timeline if e["kind"] == "event"]
    assert len(events) == 2 and all(e["actor"] == "Gray Heron Brigade" for e in events)
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)


def test_an_unknown_event_type_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", f"sqlite:///{tmp_path / 's.db'}", "--type", "PICNIC"])
    assert result.exit_code == 2
    assert "unknown event type" in result.output


def test_events_export_as_plover_records_and_located_geojson(ingested: tuple[str, Path]) -> None:
    store_url, _ = ingested
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--format", "plover", "--db", store_url])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    attacks = [r for r in records if r["event"] == ["ASSAULT"] and r["eventLoc"]["extractedPlace"] == "Estmoor"]
    assert len(attacks) == 3 and all(r["date"] == "2019-04-14" for r in attacks)
    assert {r["citeInfo"]["publisher"] for r in attacks} == {"Valley Courier", "Harbor Wire", "Coast Daily"}
    assert sorted(str(r["size"]["dead"]) for r in attacks) == ["3", "None", "{'min': 12, 'max': None}"]
    result = runner.invoke(app, ["export", "--format", "geojson", "--db", store_url])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection"
    located = {f["properties"]["place"]: f["geometry"]["coordinates"] for f in collection["features"]}
    assert "Estmoor" not in located  # an invented town has no coordinates: not placed on the map
    lon, lat = located["Aleppo"]
    assert abs(lat - 36.2) < 0.5 and abs(lon - 37.2) < 0.5


def test_events_and_timeline_text_show_who_told_each_report_and_its_evidence(ingested: tuple[str, Path]) -> None:
    store_url, _ = ingested
    runner = CliRunner()
    events = runner.invoke(app, ["events", "--db", store_url, "--place", "Estmoor", "--type", "assault"])
    assert events.exit_code == 0, events.output
    # one line per report under the event: its teller, its own figures, its sentence
    assert "reported by Harbor Wire; killed at least 12" in events.output
    assert "“At least 12 soldiers were killed on Sunday" in events.output
    assert "killed 3" in events.output and "“Gray Heron Brigade fighters attacked" in events.output
    timeline = runner.invoke(app, ["timeline", "Gray Heron Brigade", "--db", store_url])
    assert timeline.exit_code == 0, timeline.output
    lines = timeline.output.splitlines()
    for i, line in enumerate(lines):
        if " event " in line or " claim " in line:  # every entry is followed by who said it and its evidence
            assert lines[i + 1].startswith("    ") and ("said by" in lines[i + 1] or "article voice" in lines[i + 1])
            assert lines[i + 2].strip().startswith("“")
    assert any(" claim Gray Heron Brigade " in line for line in lines)


def test_a_stored_document_gives_back_its_events_and_the_claims_they_imply(ingested: tuple[str, Path]) -> None:
    store_url, source = ingested
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    extracted = [json.loads(line) for line in result.stdout.splitlines()]
    assert sum(len(x["events"]) for x in extracted) >= len(ARTICLES)
    with Graph.open(store_url) as graph:
        for want in extracted:
            got = graph.document(want["document"]["id"]).to_json()
            assert got["events"] == want["events"]
            assert [c.get("event") for c in got["claims"]] == [c.get("event") for c in want["claims"]]
