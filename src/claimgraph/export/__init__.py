"""Exports of the store: jsonl, csv, graphml, STIX 2.1, FollowTheMoney, and events as PLOVER JSON lines or GeoJSON.

``export_store`` reads one snapshot and hands it to the format's writer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

import sqlalchemy as sa

from claimgraph.export.events import write_geojson, write_plover
from claimgraph.export.ftm import write_ftm
from claimgraph.export.graph import write_graphml
from claimgraph.export.snapshot import Snapshot, take_snapshot
from claimgraph.export.stix import write_stix
from claimgraph.export.tabular import write_csv, write_jsonl

WRITERS: dict[str, Callable[[Snapshot, TextIO], None]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "graphml": write_graphml,
    "stix": write_stix,
    "ftm": write_ftm,
    "plover": write_plover,
    "geojson": write_geojson,
}
FORMATS = tuple(WRITERS)


def export_store(conn: sa.Connection, fmt: str, out: TextIO) -> None:
    """Write the whole store to ``out`` in format ``fmt`` (one of ``FORMATS``)."""
    WRITERS[fmt](take_snapshot(conn), out)
