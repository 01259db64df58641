"""JSON lines and CSV: the plain exports.

JSON lines hold one record per line, tagged by ``record`` (``actor``,
``claim`` or ``document``).  The CSV is the sheet an analyst reviews: one
row per stored claim — the sentence it came from, the article's title,
URL and date, who said it and through whom — with its claim group's
support repeated on every row, so a sort or a filter never loses context.
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
    "claim", "subject", "predicate", "object", "object_literal", "polarity", "hedged", "source", "via",
    "evidence", "document", "title", "url", "published", "publisher",
    "group_sources", "group_independent_origins", "group_documents", "group_first_seen", "group_last_seen",
)  # fmt: skip


def write_csv(snap: Snapshot, out: TextIO) -> None:
    """One row per claim, grouped by claim group; via-chains joined with " < ", lists with "; "."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    documents = {d.id: d for d in snap.documents}
    for group in snap.groups:
        support = group.to_json()
        for claim in sorted(group.claims, key=lambda c: (c.day or "", c.id)):
            doc = documents.get(claim.document_id)
            writer.writerow(
                {
                    "claim": claim.id,
                    "subject": group.subject_name,
                    "predicate": group.predicate,
                    "object": group.object_name,
                    "object_literal": group.object_literal,
                    "polarity": group.polarity,
                    "hedged": claim.hedged,
                    "source": claim.source_name or claim.publisher or "the article",
                    "via": " < ".join(claim.via),
                    "evidence": claim.evidence,
                    "document": claim.document_id,
                    "title": doc.title if doc else None,
                    "url": doc.url if doc else None,
                    "published": (doc.published or doc.day) if doc else claim.day,
                    "publisher": claim.publisher,
                    "group_sources": "; ".join(support["sources"]),
                    "group_independent_origins": support["independent_origins"],
                    "group_documents": support["documents"],
                    "group_first_seen": support["first_seen"],
                    "group_last_seen": support["last_seen"],
                }
            )
