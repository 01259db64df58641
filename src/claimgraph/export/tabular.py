"""JSON lines and CSV: the plain exports.

JSON lines hold one record per line, tagged by ``record`` (``actor``,
``claim`` or ``document``); the CSV holds one row per claim group, the
table most analysts open first.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from typing import TextIO

from claimgraph.export.snapshot import Snapshot


def write_jsonl(snap: Snapshot, out: TextIO) -> None:
    """Actors, then claim groups, then documents, one JSON object per line."""
    for actor in snap.actors:
        out.write(json.dumps({"record": "actor", **asdict(actor)}, ensure_ascii=False) + "\n")
    for group in snap.groups:
        out.write(json.dumps({"record": "claim", **group.to_json()}, ensure_ascii=False) + "\n")
    for doc in snap.documents:
        out.write(json.dumps({"record": "document", **asdict(doc)}, ensure_ascii=False) + "\n")


CSV_COLUMNS = (
    "subject", "predicate", "object", "object_literal", "polarity", "hedged", "sources", "via",
    "independent_origins", "documents", "first_seen", "last_seen", "claims",
)  # fmt: skip


def write_csv(snap: Snapshot, out: TextIO) -> None:
    """One row per claim group; list fields joined with "; " (via-chains with " < ")."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for group in snap.groups:
        row = group.to_json()
        row["sources"] = "; ".join(row["sources"])
        row["via"] = "; ".join(" < ".join(chain) for chain in row["via"])
        row["claims"] = "; ".join(row["claims"])
        writer.writerow(row)
