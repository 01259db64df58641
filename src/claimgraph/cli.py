"""The ``claimgraph`` command: one thin command per stage.

Library errors are turned into one clean message and an exit status here
and nowhere else (``_fail``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from claimgraph.errors import ClaimgraphError, ConfigError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn conflict news into a sourced knowledge graph.")


@app.callback()
def _root() -> None:
    """claimgraph: conflict and security news → a sourced knowledge graph."""


def _fail(message: str, status: int = 1) -> NoReturn:
    typer.echo(f"claimgraph: {message}", err=True)
    raise typer.Exit(status)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.", exists=True)],
    format: Annotated[str, typer.Option("--format", help="jsonl (one object per line) or json (one array).")] = "jsonl",
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model to load (default: the model setting).")
    ] = None,
) -> None:
    """Extract entities, attributions, claims and conflicts; JSON on stdout, no database."""
    from claimgraph.extract import extract_paths, to_json
    from claimgraph.model import ExtractionError
    from claimgraph.nlp.pipeline import Analyzer

    if format not in ("jsonl", "json"):
        _fail(f"unknown format {format!r} (jsonl or json)", 2)
    failed = 0
    try:
        analyzer = Analyzer.load(model)
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


def main() -> None:
    """Console-script entry point."""
    app()
