"""Exports of the store: jsonl, csv, graphml, STIX 2.1, FollowTheMoney, and events as PLOVER JSON lines or GeoJSON.

``export_store`` reads one snapshot and hands it to the format's writer.
A writer's module is imported only when its format is asked for: GraphML
needs networkx and FollowTheMoney its own model library, seconds of start
that a JSON lines or STIX export has no use for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TextIO

import sqlalchemy as sa

from claimgraph.export.snapshot import Snapshot, take_snapshot

# format → (module in this package, its writer)
_WRITERS: dict[str, tuple[str, str]] = {
    "jsonl": ("tabular", "write_jsonl"),
    "csv": ("tabular", "write_csv"),
    "graphml": ("graph", "write_graphml"),
    "stix": ("stix", "write_stix"),
    "ftm": ("ftm", "write_ftm"),
    "plover": ("events", "write_plover"),
    "geojson": ("events", "write_geojson"),
}
FORMATS = tuple(_WRITERS)


def writer(fmt: str) -> Callable[[Snapshot, TextIO], None]:
    """The writer of format ``fmt`` (one of ``FORMATS``), its module imported now."""
    module, name = _WRITERS[fmt]
    write: Callable[[Snapshot, TextIO], None] = getattr(import_module(f"claimgraph.export.{module}"), name)
    return write


def export_store(conn: sa.Connection, fmt: str, out: TextIO) -> None:
    """Write the whole store to ``out`` in format ``fmt`` (one of ``FORMATS``)."""
    writer(fmt)(take_snapshot(conn), out)
