"""The ``claimgraph`` command: one thin command per stage.

Library errors are turned into one clean message and an exit status here
and nowhere else (``_fail``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from claimgraph.errors import ClaimgraphError, ConfigError, NotFoundError

if TYPE_CHECKING:
    import sqlalchemy as sa

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn conflict news into a sourced knowledge graph.")


@app.callback()
def _root() -> None:
    """claimgraph: conflict and security news → a sourced knowledge graph."""


def _fail(message: str, status: int = 1) -> NoReturn:
    typer.echo(f"claimgraph: {message}", err=True)
    raise typer.Exit(status)


Workers = Annotated[
    int | None,
    typer.Option(
        "--workers", help="Extraction processes, one model load each (default: the workers setting; 0: one per core)."
    ),
]


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.", exists=True)],
    format: Annotated[str, typer.Option("--format", help="jsonl (one object per line) or json (one array).")] = "jsonl",
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model to load (default: the model setting).")
    ] = None,
    workers: Workers = None,
) -> None:
    """Extract entities, attributions, claims and conflicts; JSON on stdout, no database."""
    from claimgraph.extraction import extract_paths, to_json
    from claimgraph.model import ExtractionError
    from claimgraph.nlp.workers import open_analyzer

    if format not in ("jsonl", "json"):
        _fail(f"unknown format {format!r} (jsonl or json)", 2)
    failed = 0
    try:
        with open_analyzer(model, workers) as analyzer:
            objects = []
            for result in extract_paths(paths, analyzer):
                if isinstance(result, ExtractionError):
                    failed += 1
                    typer.echo(f"claimgraph: {result.source_path}: {result.code}: {result.message}", err=True)
                obj = to_json(result)
                if format == "jsonl":
                    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
                    sys.stdout.flush()
                else:
                    objects.append(obj)
            if format == "json":
                sys.stdout.write(json.dumps(objects, ensure_ascii=False, indent=1) + "\n")
    except ConfigError as exc:
        _fail(str(exc), 2)
    except ClaimgraphError as exc:
        _fail(str(exc))
    raise typer.Exit(1 if failed else 0)


# ---- the store's commands ----

Db = Annotated[str | None, typer.Option("--db", help="Store URL (default: the db setting, CLAIMGRAPH_DB).")]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON value on stdout.")]


@contextmanager
def _store(db: str | None, fresh: bool = True) -> Iterator[sa.Engine]:
    """Open the store (derived tables brought up to date) and map library errors to exit statuses."""
    from claimgraph.analyze.refresh import refresh
    from claimgraph.store import open_store

    try:
        engine = open_store(db)
        if fresh:
            refresh(engine)
        yield engine
        engine.dispose()
    except NotFoundError as exc:
        _fail("\n  ".join([str(exc), *exc.candidates]))
    except ConfigError as exc:
        _fail(str(exc), 2)
    except ClaimgraphError as exc:
        _fail(str(exc))


def _emit(as_json: bool, value: Any, text: Callable[[Any], str]) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=1) if as_json else text(value))


def _lines(rows: list[dict[str, Any]], fmt: Callable[[dict[str, Any]], str]) -> str:
    return "\n".join(fmt(r) for r in rows) if rows else "(none)"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.", exists=True)],
    db: Db = None,
    as_json: Json = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model to load.")] = None,
) -> None:
    """Extract and store documents; already stored content is skipped, failures are recorded."""
    from dataclasses import asdict

    from rich.progress import Progress

    from claimgraph.nlp.pipeline import Analyzer
    from claimgraph.store.load import ingest_paths

    with _store(db, fresh=False) as engine:
        analyzer = Analyzer.load(model)
        if sys.stderr.isatty():
            with Progress(transient=True) as bar:
                task = bar.add_task("ingesting", total=None)
                summary = ingest_paths(engine, paths, analyzer, lambda _: bar.advance(task))
            typer.echo(
                f"read {summary.read}, stored {summary.stored}, duplicates {summary.duplicates}, failed {summary.failed}",
                err=True,
            )
        else:
            summary = ingest_paths(engine, paths, analyzer)
    if as_json:
        typer.echo(json.dumps(asdict(summary)))
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def stats(db: Db = None, as_json: Json = False) -> None:
    """Counts of documents, failures, entities, actors, claims, attributions and conflicts."""
    from claimgraph.analyze.dossier import stats as store_stats

    with _store(db) as engine, engine.connect() as conn:
        _emit(as_json, store_stats(conn), lambda v: "\n".join(f"{k}: {n}" for k, n in v.items()))


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="Any name of the actor.")], db: Db = None, as_json: Json = False
) -> None:
    """The dossier of an actor: names, claims with sources and origins, conflicts."""
    from claimgraph.analyze.dossier import dossier

    def text(d: dict[str, Any]) -> str:
        seen = f", seen {d['first_seen']} … {d['last_seen']}" if d["first_seen"] else ", no dated document"
        head = f"{d['name']} ({d['type']}){seen}"
        aliases = "aliases: " + ", ".join(f"{a['name']} [{a['documents']}]" for a in d["aliases"])
        claims = _lines(
            d["claims"],
            lambda c: (
                f"  {c['subject']} {c['predicate']} {c['object'] or c['object_literal']} ({c['polarity']}; "
                f"sources: {', '.join(c['sources'])}; {c['independent_origins']} independent origin(s))"
            ),
        )
        conflicts = _lines(d["conflicts"], lambda c: f"  {c['kind']}: {c['explanation']}")
        return f"{head}\n{aliases}\nclaims:\n{claims}\nconflicts:\n{conflicts}"

    with _store(db) as engine, engine.connect() as conn:
        _emit(as_json, dossier(conn, name), text)


@app.command()
def claims(
    db: Db = None,
    as_json: Json = False,
    subject: Annotated[str | None, typer.Option(help="Actor name the claims are about.")] = None,
    predicate: Annotated[str | None, typer.Option(help="One of the contract's predicates.")] = None,
    object: Annotated[str | None, typer.Option("--object", help="Actor name on the other side.")] = None,
    source: Annotated[str | None, typer.Option(help="Actor name that asserts the claims.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest document date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest document date, YYYY-MM-DD.")] = None,
) -> None:
    """Stored claims on canonical actors, filtered."""
    from claimgraph.analyze.claims import ClaimFilter, claim_to_json, load_claims
    from claimgraph.model import PREDICATES
    from claimgraph.resolve.lookup import find_actor

    if predicate is not None and predicate not in PREDICATES:
        _fail(f"unknown predicate {predicate!r}", 2)
    with _store(db) as engine, engine.connect() as conn:

        def actor(name: str | None) -> frozenset[str] | None:
            return None if name is None else frozenset({find_actor(conn, name).id})

        flt = ClaimFilter(actor(subject), actor(object), actor(source), None, predicate, since, until)
        rows = [claim_to_json(c) for c in load_claims(conn, flt)]
        _emit(as_json, rows, lambda v: _lines(v, lambda c: f"{c['date']} {c['subject']} {c['predicate']} "
                                              f"{c['object'] or c['object_literal']} ({c['polarity']})"))  # fmt: skip


@app.command()
def conflicts(db: Db = None, as_json: Json = False) -> None:
    """Claims across the store that cannot both hold (changes over time marked), and reports of one event that disagree."""
    from claimgraph.analyze.claims import group_claims, load_claims
    from claimgraph.analyze.conflicts import find_store_conflicts
    from claimgraph.analyze.events import event_conflicts, group_reports, load_reports

    with _store(db) as engine, engine.connect() as conn:
        rows = [c.to_json() for c in find_store_conflicts(group_claims(load_claims(conn)))]
        rows += [c.to_json() for c in event_conflicts(group_reports(load_reports(conn)))]
        _emit(as_json, rows, lambda v: _lines(v, lambda c: f"{c['kind']}: {c['explanation']}"))


@app.command()
def events(
    db: Db = None,
    as_json: Json = False,
    actor: Annotated[str | None, typer.Option(help="Actor name that carried the events out.")] = None,
    target: Annotated[str | None, typer.Option(help="Actor name the events were aimed at.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name where they happened.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="A PLOVER category (ASSAULT, FIGHT, PROTEST …).")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY[-MM[-DD]].")] = None,
) -> None:
    """Stored events, filtered; reports of one event across articles grouped, each with its own figures."""
    from claimgraph.analyze.events import group_reports, load_reports
    from claimgraph.nlp.event_lexicon import events as lexicon
    from claimgraph.resolve.lookup import find_actor
    from claimgraph.store.events import EventQuery

    if type is not None and type.upper() not in lexicon().categories:
        _fail(f"unknown event type {type!r} (one of {', '.join(sorted(lexicon().categories))})", 2)
    with _store(db) as engine, engine.connect() as conn:

        def one(name: str | None) -> frozenset[str] | None:
            return None if name is None else frozenset({find_actor(conn, name).id})

        query = EventQuery(one(actor), one(target), one(place), None, type.upper() if type else None, since, until)
        rows = [g.to_json() for g in group_reports(load_reports(conn, query))]

        def line(g: dict[str, Any]) -> str:
            first = g["reports"][0]
            who = f"{first['actor'] or '?'} → {first['target'] or '-'}"
            told = "; ".join(f"{r['publisher'] or r['document'][:15]}: {r['casualties']}" for r in g["reports"])
            return f"{g['first_reported'] or '-'} {g['type']} {who} in {g['place'] or '?'} [{told}]"

        _emit(as_json, rows, lambda v: _lines(v, line))


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="Any name of the actor.")], db: Db = None, as_json: Json = False
) -> None:
    """The claims and events about an actor, by date."""
    from claimgraph.analyze.claims import ClaimFilter, claim_to_json, load_claims
    from claimgraph.analyze.events import timeline_entries
    from claimgraph.resolve.lookup import find_actor

    with _store(db) as engine, engine.connect() as conn:
        found = find_actor(conn, name)
        claims = [claim_to_json(c) for c in load_claims(conn, ClaimFilter(involving=frozenset({found.id})))]
        rows = timeline_entries(conn, found.id, claims)

        def line(e: dict[str, Any]) -> str:
            if e["kind"] == "claim":
                return f"{e['date'] or '-'} claim {e['subject']} {e['predicate']} {e['object'] or e['object_literal']}"
            return f"{e['date'] or '-'} event {e['type']} {e['actor'] or '?'} → {e['target'] or '-'} in {e['place'] or '?'}"

        _emit(as_json, rows, lambda v: _lines(v, line))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find in document titles and text.")],
    db: Db = None,
    as_json: Json = False,
    limit: Annotated[int, typer.Option(help="Most documents to list.")] = 20,
) -> None:
    """Full-text search over stored documents."""
    from dataclasses import asdict

    from claimgraph.store.search import search as find

    with _store(db, fresh=False) as engine, engine.connect() as conn:
        rows = [asdict(h) for h in find(conn, text, limit)]
        _emit(
            as_json,
            rows,
            lambda v: _lines(v, lambda h: f"{h['published'] or '-'} {h['title'] or h['source_path']}: {h['snippet']}"),
        )


@app.command()
def errors(db: Db = None, as_json: Json = False) -> None:
    """Documents that could not be read, with the reason."""
    from claimgraph.store.write import list_failures

    with _store(db, fresh=False) as engine, engine.connect() as conn:
        rows = list_failures(conn)
        _emit(as_json, rows, lambda v: _lines(v, lambda f: f"{f['source_path']}: {f['code']}: {f['message']}"))


def _judge(db: str | None, a: str, b: str, judgement: str, as_json: bool) -> None:
    from claimgraph.analyze.refresh import refresh
    from claimgraph.resolve.lookup import find_actor
    from claimgraph.resolve.store import judge_names

    with _store(db) as engine:
        with engine.begin() as conn:
            count = judge_names(conn, a, b, judgement)
        refresh(engine)
        with engine.connect() as conn:
            same = find_actor(conn, a).id == find_actor(conn, b).id
    result = {"judgement": judgement, "left": a, "right": b, "judgements": count, "same_actor": same}
    _emit(
        as_json,
        result,
        lambda r: f"{r['left']} and {r['right']} are {'one actor' if r['same_actor'] else 'two actors'}",
    )


@app.command()
def merge(a: str, b: str, db: Db = None, as_json: Json = False) -> None:
    """Say by hand that names A and B are one actor (overrides automatic judgements)."""
    _judge(db, a, b, "positive", as_json)


@app.command()
def split(a: str, b: str, db: Db = None, as_json: Json = False) -> None:
    """Say by hand that names A and B are different actors (overrides automatic judgements)."""
    _judge(db, a, b, "negative", as_json)


@app.command()
def explain(name: str, db: Db = None, as_json: Json = False) -> None:
    """Why the names of an actor are taken as one: the judgements that join and separate them."""
    from claimgraph.resolve.lookup import explain as why

    def text(r: dict[str, Any]) -> str:
        lines = [f"{r['name']} ({r['type']}): " + ", ".join(r["names"])]
        for j in r["judgements"]:
            how = "by hand" if j["by_hand"] else f"automatic, score {j['score']:.2f}"
            lines.append(f"  {j['left']} ~ {j['right']}: {j['judgement']} ({how}): {j['reason']}")
        return "\n".join(lines)

    with _store(db) as engine, engine.connect() as conn:
        _emit(as_json, why(conn, name), text)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl, csv, graphml, stix, ftm, plover or geojson.")],
    db: Db = None,
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).")] = None,
) -> None:
    """Export actors and claims (JSON lines, CSV, GraphML, STIX 2.1, FollowTheMoney) or events (PLOVER, GeoJSON)."""
    from claimgraph.export import FORMATS, export_store
    from claimgraph.export.output import export_file
    from claimgraph.store import store_files

    if format not in FORMATS:
        _fail(f"unknown format {format!r} ({', '.join(FORMATS)})", 2)
    with _store(db) as engine, engine.connect() as conn:
        if out is None:
            export_store(conn, format, sys.stdout)
        else:
            with export_file(out, store_files(engine)) as fh:
                export_store(conn, format, fh)


def main() -> None:
    """Console-script entry point."""
    app()
