"""The ``claimgraph`` command: a thin shell over ``claimgraph.Graph``.

Each store command is one call on a ``Graph`` and a way to print its
answer (``--json``: the record's ``to_json()``); nothing here knows the
store, resolution or analysis.  Library errors are turned into one clean
message and an exit status here and nowhere else (``_fail``).

No ``from __future__ import annotations`` here: typer reads every command's
signature at each start, and string annotations would be compiled and
evaluated anew each time instead of coming from the cached bytecode.
"""

import json
import logging
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from claimgraph import interrupts
from claimgraph.errors import ClaimgraphError, ConfigError, NotFoundError
from claimgraph.graph import ClaimQuery, EventQuery, Graph
from claimgraph.progress import IngestDisplay

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn conflict news into a sourced knowledge graph.")


def _version(asked: bool) -> None:
    if asked:
        from claimgraph import __version__

        typer.echo(f"claimgraph {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show the debug trail (skipped documents, dropped readings).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print claimgraph's version and exit.", is_eager=True, callback=_version),
    ] = False,
) -> None:
    """claimgraph: conflict and security news → a sourced knowledge graph."""
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        trail = logging.getLogger("claimgraph")
        trail.addHandler(handler)
        trail.setLevel(logging.DEBUG)
        ctx.call_on_close(lambda: trail.removeHandler(handler))


def _fail(message: str, status: int = 1) -> NoReturn:
    typer.echo(f"claimgraph: {message}", err=True)
    raise typer.Exit(status)


class _Stopped(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so no ``except Exception`` in the pipeline can swallow it."""

    signum = signal.SIGTERM  # the signal to deliver again should a finalizer swallow it (interrupts.not_lost)


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise _Stopped


@contextmanager
def _interruptible(done: Callable[[], str]) -> Iterator[None]:
    """Turn SIGINT and SIGTERM into one message saying what was finished, and status 130 or 143."""
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with interrupts.not_lost():
            yield
    except KeyboardInterrupt as exc:
        name, status = ("SIGTERM", 143) if isinstance(exc, _Stopped) else ("SIGINT", 130)
        _fail(f"stopped by {name}: {done()}", status)
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[], None]]:
    """A spinner with ``label`` and the elapsed time on stderr when it is a terminal (never on stdout, which may
    be carrying JSON or an export); yields the function that counts one step done.  On a pipe it draws nothing."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(label), TimeElapsedColumn())
    console = Console(stderr=True)
    # rich would otherwise take over sys.stdout to print above the spinner, and the export with it
    with Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        task = bar.add_task(label, total=None)
        yield lambda: bar.advance(task)


@contextmanager
def _ingest_display(paths: Sequence[Path]) -> Iterator[IngestDisplay | None]:
    """The ingest's live display (documents, rate, failures, time left, a row per worker) when stderr is a
    terminal; on a pipe, nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    from claimgraph.ingest.sources import walk

    files = sum(1 for p in paths for _ in (walk(p) if p.is_dir() else [p]))
    with IngestDisplay(files) as display:
        yield display


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
    attributions: Annotated[
        str,
        typer.Option(
            "--attributions",
            help='assertions (what was stated), or all: stances and intentions too ("refused to meet", '
            '"called for a truce"), each with a kind, as PARC and PolNeAR annotate attributions.',
        ),
    ] = "assertions",
) -> None:
    """Extract entities, attributions, claims and conflicts; JSON on stdout, no database."""
    from claimgraph.extraction import extract_paths, to_json
    from claimgraph.model import ExtractionError
    from claimgraph.nlp.components.workers import open_analyzer

    if format not in ("jsonl", "json"):
        _fail(f"unknown format {format!r} (jsonl or json)", 2)
    if attributions not in ("assertions", "all"):
        _fail(f"unknown attributions {attributions!r} (assertions or all)", 2)
    failed = written = 0

    def done() -> str:
        return f"{written} document(s) written before it" + (" (the JSON array was not)" if format == "json" else "")

    try:
        with _interruptible(done), open_analyzer(model, workers) as analyzer:
            objects = []
            for result in extract_paths(paths, analyzer):
                if isinstance(result, ExtractionError):
                    failed += 1
                    typer.echo(f"claimgraph: {result.source_path}: {result.code}: {result.message}", err=True)
                obj = to_json(result, stances=attributions == "all")
                if format == "jsonl":
                    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
                    sys.stdout.flush()
                    written += 1
                else:
                    objects.append(obj)
            if format == "json":
                sys.stdout.write(json.dumps(objects, ensure_ascii=False, indent=1) + "\n")
    except ConfigError as exc:
        _fail(str(exc), 2)
    except ClaimgraphError as exc:
        _fail(str(exc))
    raise typer.Exit(1 if failed else 0)


# ---- the store's commands: each one call on a Graph ----

Db = Annotated[str | None, typer.Option("--db", help="Store URL (default: the db setting, CLAIMGRAPH_DB).")]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON value on stdout.")]
Kind = Annotated[
    str | None,
    typer.Option("--type", help="The actor's type, when the name is written for several (ARMED_GROUP, PERSON, …)."),
]
Name = Annotated[str, typer.Argument(help="Any name of the actor, or its id.", metavar="NAME")]
# merge and split take two actors, A and B as their help says
NameA = Annotated[str, typer.Argument(help="Any name of the first actor, or its id.", metavar="A")]
NameB = Annotated[str, typer.Argument(help="Any name of the second actor, or its id.", metavar="B")]


@contextmanager
def _graph(db: str | None, create: bool = False) -> Iterator[Graph]:
    """Open the store and map library errors to a message and an exit status.

    Only ``ingest`` creates a store: every other command refuses a SQLite
    path that does not exist (exit 2) rather than answer from an empty one.
    """
    from sqlalchemy.exc import DBAPIError

    try:
        with Graph.open(db, create) as graph:
            yield graph
    except NotFoundError as exc:
        _fail("\n  ".join([str(exc), *exc.candidates]))
    except ConfigError as exc:
        _fail(str(exc), 2)
    except ClaimgraphError as exc:
        _fail(str(exc))
    except DBAPIError as exc:  # the database failed under a command (a full disk, a lost server)
        _fail(f"the store failed: {str(exc.orig).strip()}")


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
    workers: Workers = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786) or 'local'."),
    ] = None,
) -> None:
    """Extract and store documents; already stored content is skipped, failures are recorded."""
    committed = 0

    def done() -> str:
        return f"{committed} document(s) committed, each whole; run the same command again to go on"

    def count(_: str) -> None:
        nonlocal committed
        committed += 1

    with _graph(db, create=True) as graph, _interruptible(done), _ingest_display(paths) as watch:
        summary = graph.ingest(paths, model, count, workers=workers, dask=dask, watch=watch)
    # on a terminal and on a pipe alike: each failure's reason, what was committed, and where to read more
    for failure in summary.failures:
        typer.echo(f"claimgraph: {failure.source_path}: {failure.code}: {failure.message}", err=True)
    line = f"read {summary.read}, stored {summary.stored}, duplicates {summary.duplicates}, failed {summary.failed}"
    line += f", warnings {summary.warnings}"
    pointers = ["`claimgraph errors` lists why"] if summary.failed else []
    pointers += ["`claimgraph errors --warnings` lists what reading changed"] if summary.warnings else []
    typer.echo(line + "".join(f"; {p}" for p in pointers), err=True)
    if as_json:
        typer.echo(json.dumps(summary.to_json()))
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def stats(db: Db = None, as_json: Json = False) -> None:
    """Counts of documents, failures, entities, actors, claims, attributions and conflicts."""
    with _graph(db) as graph:
        _emit(as_json, graph.stats().to_json(), lambda v: "\n".join(f"{k}: {n}" for k, n in v.items()))


EVIDENCE_WIDTH = 160  # characters of an evidence sentence a text line shows before its ellipsis


def _shorten(text: str, width: int = EVIDENCE_WIDTH) -> str:
    """One line of ``text`` (whitespace folded), cut at a word boundary with an ellipsis past ``width``."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0] if " " in flat[: width - 1] else flat[: width - 1]
    return cut.rstrip(" ,;:") + "…"


def _speaker(
    source: str | None, publisher: str | None, via: Sequence[str] = (), hedged: bool = False, tense: str | None = None
) -> str:
    """Who asserts a claim or an event (the quoted source, else the publisher in the article's voice), the outlet
    that reported it, the chain it came through, hedging and a relation stated as over: one line of provenance."""
    said = f"said by {source}" if source else f"article voice: {publisher or 'the article'}"
    said += f", reported by {publisher}" if source and publisher else ""
    said += f"; via {' ← '.join(via)}" if via else ""
    return said + ("; hedged" if hedged else "") + ("; stated as past" if tense == "past" else "")


def _provenance(c: Any, indent: str) -> list[str]:
    """The lines under a claim in ``show`` and ``claims``: its day and who said it, then its evidence sentence."""
    said = _speaker(c.source_name, c.publisher, c.via, c.hedged, c.tense)
    return [f"{indent}{c.day or 'undated'} {said}", f"{indent}  “{_shorten(c.evidence)}”"]


@app.command()
def show(name: Name, db: Db = None, as_json: Json = False, type: Kind = None) -> None:
    """The dossier of an actor: names, claims with sources, evidence and origins, conflicts."""

    def text(d: Any) -> str:
        seen = f", seen {d.first_seen} … {d.last_seen}" if d.first_seen else ", no dated document"
        head = f"{d.name} ({d.type}){seen}"
        aliases = "aliases: " + ", ".join(f"{a['name']} [{a['documents']}]" for a in d.to_json()["aliases"])
        lines = []
        for group in d.claims:
            g = group.to_json()
            lines.append(
                f"  {g['subject']} {g['predicate']} {g['object'] or g['object_literal']} ({g['polarity']}; "
                f"sources: {', '.join(g['sources'])}; {g['independent_origins']} independent origin(s))"
            )
            for c in group.claims:
                lines += _provenance(c, "      ")
        claims = "\n".join(lines) if lines else "(none)"
        conflicts = _lines([c.to_json() for c in d.conflicts], lambda c: f"  {c['kind']}: {c['explanation']}")
        return f"{head}\n{aliases}\nclaims:\n{claims}\nconflicts:\n{conflicts}"

    with _graph(db) as graph:
        dossier = graph.dossier(name, type)
    _emit(as_json, dossier.to_json(), lambda _: text(dossier))


@app.command()
def claims(
    db: Db = None,
    as_json: Json = False,
    subject: Annotated[
        str | None, typer.Option(help="Any name of the actor in the subject role (not the object: see timeline).")
    ] = None,
    predicate: Annotated[str | None, typer.Option(help="One of the predicates (an unknown one lists them).")] = None,
    object: Annotated[str | None, typer.Option("--object", help="Any name of the actor in the object role.")] = None,
    source: Annotated[
        str | None,
        typer.Option(help="Who asserts the claims, as the dossier's sources: the quoted source, else the publisher."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="Earliest document day, YYYY-MM-DD (checked as a date).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest document day, YYYY-MM-DD (checked as a date).")] = None,
    subject_type: Annotated[str | None, typer.Option(help="The subject's type, when its name is written for several actors.")] = None,
    object_type: Annotated[str | None, typer.Option(help="The object's type, when its name is written for several actors.")] = None,
    source_type: Annotated[str | None, typer.Option(help="The source's type, when its name is written for several actors.")] = None,
) -> None:  # fmt: skip
    """Stored claims on canonical actors, filtered; each with its source, via chain, hedging and evidence."""
    query = ClaimQuery(subject, predicate, object, source, since, until, subject_type, object_type, source_type)
    with _graph(db) as graph:
        found = graph.claims(query)
    if as_json:
        typer.echo(json.dumps([c.to_json() for c in found], ensure_ascii=False, indent=1))
        return

    def text(c: Any) -> str:
        head = f"{c.day or '-'} {c.subject_name} {c.predicate} {c.object_name or c.object_literal} ({c.polarity})"
        return "\n".join([head, *_provenance(c, "    ")])

    typer.echo("\n".join(text(c) for c in found) if found else "(none)")


@app.command()
def conflicts(db: Db = None, as_json: Json = False) -> None:
    """Claims across the store that cannot both hold (changes over time marked), and reports of one event that disagree."""
    with _graph(db) as graph:
        rows = [c.to_json() for c in graph.conflicts()]
        _emit(as_json, rows, lambda v: _lines(v, lambda c: f"{c['kind']}: {c['explanation']}"))


def _report_lines(r: dict[str, Any]) -> str:
    """One event report as ``events`` and ``timeline`` print it: who told it, its figures, its evidence sentence."""
    said = _speaker(r["source"], r["publisher"], (), r["hedged"])
    figures = ", ".join(f"{k} {_figure(v)}" for k, v in r["casualties"].items() if v is not None)
    denied = "; denied" if r["polarity"] == "denied" else ""
    return f"{said}{denied}{'; ' + figures if figures else ''}\n      “{_shorten(r['evidence'])}”"


def _figure(value: Any) -> str:
    """A casualty figure: a number, or its bounds ("at least 14", "10–15", "up to 30")."""
    if not isinstance(value, dict):
        return str(value)
    low, high = value.get("min"), value.get("max")
    return f"at least {low}" if high is None else f"up to {high}" if low is None else f"{low}–{high}"


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
    actor_type: Annotated[str | None, typer.Option(help="The actor's type, when its name is written for several actors.")] = None,
    target_type: Annotated[str | None, typer.Option(help="The target's type, when its name is written for several actors.")] = None,
    place_type: Annotated[str | None, typer.Option(help="The place's type, when its name is written for several actors.")] = None,
) -> None:  # fmt: skip
    """Stored events, filtered; reports of one event across articles grouped, each with its own figures."""
    try:
        query = EventQuery(
            actor=actor, target=target, place=place, type=type, since=since, until=until,
            actor_type=actor_type, target_type=target_type, place_type=place_type,
        )  # fmt: skip
    except ConfigError as exc:
        _fail(str(exc), 2)
    with _graph(db) as graph:
        rows = [g.to_json() for g in graph.events(query)]

        def line(g: dict[str, Any]) -> str:
            first = g["reports"][0]
            who = f"{first['actor'] or '?'} → {first['target'] or '-'}"
            head = f"{g['first_reported'] or '-'} {g['type']} {who} in {g['place'] or '?'}"
            return "\n".join([head, *(f"    {_report_lines(r)}" for r in g["reports"])])

        _emit(as_json, rows, lambda v: _lines(v, line))


@app.command()
def timeline(name: Name, db: Db = None, as_json: Json = False, type: Kind = None) -> None:
    """The claims and events about an actor, by date."""
    with _graph(db) as graph:
        rows = graph.timeline(name, type)

        def line(e: dict[str, Any]) -> str:
            if e["kind"] == "claim":
                what = f"claim {e['subject']} {e['predicate']} {e['object'] or e['object_literal']} ({e['polarity']})"
                said = _speaker(e["source"], e["reported_by"], e["via"], e["hedged"], e.get("tense"))
                return f"{e['date'] or '-'} {what}\n    {said}\n      “{_shorten(e['evidence'])}”"
            what = f"event {e['type']} {e['actor'] or '?'} → {e['target'] or '-'} in {e['place'] or '?'}"
            return f"{e['date'] or '-'} {what}\n    {_report_lines(e)}"

        _emit(as_json, rows, lambda v: _lines(v, line))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find in document titles and text.")],
    db: Db = None,
    as_json: Json = False,
    limit: Annotated[int, typer.Option(help="Most documents to list.", min=1, max=10_000)] = 20,
) -> None:
    """Full-text search over stored documents."""
    with _graph(db) as graph:
        rows = [h.to_json() for h in graph.search(text, limit)]
        _emit(
            as_json,
            rows,
            lambda v: _lines(v, lambda h: f"{h['published'] or '-'} {h['title'] or h['source_path']}: {h['snippet']}"),
        )


@app.command()
def doc(
    id: Annotated[str, typer.Argument(help="The document's id, or a unique start of it ('sha256:' may be left out).")],
    db: Db = None,
    as_json: Json = False,
) -> None:
    """A stored document: title, outlet, date and dateline; its text with mentions in [brackets], attribution
    contents in ⟨a1 …⟩ and claim evidence in ⟪c1 …⟫; its mentions, attributions and claims with their offsets."""

    def text(view: Any) -> str:
        ex, d = view.extraction, view.extraction.document
        names = {e.id: e.name for e in ex.entities}
        line = d.dateline and ", ".join(p for p in (d.dateline.place, d.dateline.date) if p)
        lines = [d.title or d.source_path, f"id: {d.id}",
                 f"outlet: {d.publisher or '-'}; published: {d.published or 'undated'}; dateline: {line or '-'}",
                 "", view.marked_text(), "", "mentions:"]  # fmt: skip
        lines += [f"  {e.name} ({e.type}) ×{len(e.mentions)} → {view.actors.get(e.id, '-')}" for e in ex.entities]
        lines.append("attributions:")
        for a in ex.attributions:
            who = a.source.text if a.source else "?"
            lines.append(f"  [{a.content.start}-{a.content.end}] {who} {a.cue.text}: “{_shorten(a.content.text)}”")
        lines.append("claims:")
        for c in ex.claims:
            other = names.get(c.object or "", c.object_literal or "-")
            said = f"; said by {names.get(c.source, c.source)}" if c.source else ""
            via = f"; via {' ← '.join(names.get(v, v) for v in c.via)}" if c.via else ""
            lines.append(f"  [{c.evidence.start}-{c.evidence.end}] {names.get(c.subject, c.subject)} {c.predicate} "
                         f"{other} ({c.polarity}{said}{via}{'; hedged' if c.hedged else ''})")  # fmt: skip
            lines.append(f"      “{_shorten(c.evidence.text)}”")
        return "\n".join(lines)

    with _graph(db) as graph:
        view = graph.document(id)
    _emit(as_json, view.to_json(), lambda _: text(view))


@app.command()
def errors(
    db: Db = None,
    as_json: Json = False,
    warnings: Annotated[
        bool,
        typer.Option(
            "--warnings",
            help="Also list what reading changed in stored documents (stripped characters, guessed dates).",
        ),
    ] = False,
) -> None:
    """Documents that could not be read, with the reason; with --warnings, what reading changed in stored ones."""
    with _graph(db) as graph:
        rows = [f.to_json() for f in graph.failures()]
        if warnings:
            rows += [w.to_json() for w in graph.warnings()]

        def line(r: dict[str, Any]) -> str:
            kind = "warning: " if r["kind"] == "warning" else ""
            return f"{r['source_path']}: {kind}{r['code']}: {r['message']}"

        _emit(as_json, rows, lambda v: _lines(v, line))


def _said(r: dict[str, Any]) -> str:
    """What a hand judgement did, then every actor its names sit in now."""
    what = {
        "positive": f"{r['left']} and {r['right']} are {'one actor' if r['same_actor'] else 'still two actors'}",
        "negative": f"{r['left']} and {r['right']} are {'still one actor' if r['same_actor'] else 'two actors'}",
        "attach": f"{r['left']} is {'now' if r['same_actor'] else 'not'} a name of {r['right']}",
        "detach": f"{r['left']} is {'an actor of its own' if r['done'] else 'still with other names'}",
    }[r["judgement"]]
    actors: dict[tuple[str, str], list[str]] = {}
    for p in r["actors"]:
        actors.setdefault((p["actor"], p["actor_id"]), []).append(f"{p['name']} [{p['type']}]")
    lines = [what + ("" if r["done"] else " (could not do what was asked)")]
    lines += [f"  {name} ({actor_id}): {', '.join(names)}" for (name, actor_id), names in actors.items()]
    return "\n".join(lines)


def _judged(as_json: bool, outcome: Any) -> None:
    """Print a hand judgement's outcome; exit 1 when it could not do what was asked."""
    _emit(as_json, outcome.to_json(), _said)
    if not outcome.done:
        raise typer.Exit(1)


KindB = Annotated[
    str | None, typer.Option("--type-b", help="B's type, when it differs from --type (default: the same).")
]


@app.command()
def merge(a: NameA, b: NameB, db: Db = None, as_json: Json = False, type: Kind = None, type_b: KindB = None) -> None:
    """Say by hand that the actors of A and B are one, whatever automatic judgements say; exit 1 if they are not."""
    with _graph(db) as graph:
        outcome = graph.merge(a, b, type, type_b)
    _judged(as_json, outcome)


@app.command()
def split(a: NameA, b: NameB, db: Db = None, as_json: Json = False, type: Kind = None, type_b: KindB = None) -> None:
    """Say by hand that names A and B are two actors; prints where every name went, exit 1 if still one."""
    with _graph(db) as graph:
        outcome = graph.split(a, b, type, type_b)
    _judged(as_json, outcome)


@app.command()
def attach(
    name: Annotated[str, typer.Argument(help="The name to move.")],
    actor: Annotated[str, typer.Argument(help="Any name of the actor to move it to, or its id.")],
    db: Db = None,
    as_json: Json = False,
    type: Kind = None,
) -> None:
    """Move one name to another actor, by hand; exit 1 if it could not be moved."""
    with _graph(db) as graph:
        outcome = graph.attach(name, actor, type)
    _judged(as_json, outcome)


@app.command()
def detach(
    name: Annotated[str, typer.Argument(help="The name to set apart.")],
    db: Db = None,
    as_json: Json = False,
    type: Kind = None,
) -> None:
    """Make one name an actor of its own, by hand; exit 1 if it is still with other names."""
    with _graph(db) as graph:
        outcome = graph.detach(name, type)
    _judged(as_json, outcome)


@app.command()
def review(
    db: Db = None,
    as_json: Json = False,
    limit: Annotated[int, typer.Option(help="Most actors to list.")] = 20,
) -> None:
    """The automatic merges most worth a look, riskiest first, each with its evidence."""

    def text(items: list[dict[str, Any]]) -> str:
        lines = []
        for i in items:
            lines.append(f"{i['risk']:.2f}  {i['actor']} ({i['type']}, {i['actor_id']}): {i['names']} names, "
                         f"{i['documents']} documents")  # fmt: skip
            lines += [f"      {p}" for p in i["problems"]]
            if w := i["weakest"]:
                lines.append(
                    f"      weakest link: {w['left']} ~ {w['right']} ({w['score']:.2f}: {'; '.join(w['reasons'])})"
                )
                lines.append(f"      it joins: {', '.join(w['groups'][0])}  |  {', '.join(w['groups'][1])}")
            lines += [f"      written as {k}: {', '.join(v)}" for k, v in i["types"].items()]
            lines += [f"      gazetteer {k}: {', '.join(v)}" for k, v in i["gazetteer_ids"].items()]
        return "\n".join(lines) if lines else "(nothing to review)"

    with _graph(db) as graph:
        _emit(as_json, [i.to_json() for i in graph.review(limit)], text)


@app.command()
def explain(name: Name, db: Db = None, as_json: Json = False, type: Kind = None) -> None:
    """Why the names of an actor are one: each name's path of judgements, strongest first, and hand splits."""

    def text(why: Any) -> str:
        r = why.to_json()
        lines = [f"{r['name']} ({r['type']}, {r['id']}): " + ", ".join(r["names"])]
        for p in r["paths"]:
            if not p["steps"]:
                lines.append(f"  {p['name']} [{p['type']}]: {'the main name' if p['strength'] else 'no path'}")
                continue
            chain = " → ".join(
                f"{s['right']} ({'by hand' if s['by_hand'] else format(s['score'], '.2f')}: {'; '.join(map(why.cite, s['reasons']))})"
                for s in p["steps"]
            )
            lines.append(
                f"  {p['name']} [{p['type']}], strength {p['strength']:.2f}: {p['steps'][0]['left']} → {chain}"
            )
        splits = [j for j in r["judgements"] if j["by_hand"] and j["judgement"] == "negative" and not j["superseded"]]
        lines += [f"  split by hand: {j['left']} / {j['right']}" for j in splits]
        return "\n".join(lines)

    with _graph(db) as graph:
        why = graph.explain(name, type)
    _emit(as_json, why.to_json(), lambda _: text(why))


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl, csv, graphml, stix, ftm, plover or geojson.")],
    db: Db = None,
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).")] = None,
) -> None:
    """Export actors and claims (JSON lines, CSV, GraphML, STIX 2.1, FollowTheMoney) or events (PLOVER, GeoJSON)."""
    import time

    start = time.perf_counter()
    with _graph(db) as graph, _progress(f"exporting {format}"):
        graph.export(format, sys.stdout if out is None else out)
    # what was written, on stderr (stdout may carry the export itself): a long export on a pipe says it ended
    took = time.perf_counter() - start
    where = "stdout" if out is None else f"{out} ({out.stat().st_size:,} bytes)"
    typer.echo(f"claimgraph: wrote {format} to {where} in {took:.1f} s", err=True)


@app.command()
def serve(
    db: Db = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (loopback by default: the workbench has no login).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse every change (hand judgements, undo).")
    ] = False,
) -> None:
    """Serve the analyst's workbench: web pages and a JSON API over the store."""
    import uvicorn

    from claimgraph.web import create_app

    with _graph(db) as graph:
        typer.echo(f"claimgraph: serving the workbench on http://{host}:{port}/", err=True)
        uvicorn.run(create_app(graph, read_only=read_only), host=host, port=port, log_level="warning")


def main() -> None:
    """Console-script entry point."""
    app()
