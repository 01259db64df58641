"""The extraction contract's JSON read back into records, so a store can be built from a saved extraction.

The store tests use it to load a fixed extraction of the demo corpus without
running spaCy: what the store makes of it then depends on the store side only.
"""

from __future__ import annotations

from typing import Any

from claimgraph.model import (
    Attribution,
    Claim,
    Conflict,
    Dateline,
    Document,
    Entity,
    Extraction,
    ExtractionError,
    SourceSpan,
    Span,
)


def _span(obj: dict[str, Any]) -> Span:
    return Span(obj["start"], obj["end"], obj["text"], obj.get("field"))


def from_json(obj: dict[str, Any]) -> Extraction | ExtractionError:
    """The record ``to_json`` made ``obj`` from."""
    d = obj["document"]
    if "error" in obj:
        return ExtractionError(d["source_path"], d["id"], obj["error"]["code"], obj["error"]["message"])
    dateline = Dateline(d["dateline"]["place"], d["dateline"]["date"]) if d["dateline"] else None
    document = Document(
        id=d["id"],
        source_path=d["source_path"],
        text=d["text"],
        url=d["url"],
        title=d["title"],
        section=d["section"],
        summary=d["summary"],
        published=d["published"],
        dateline=dateline,
        authors=list(d["authors"]),
        publisher=d["publisher"],
        language=d["language"],
    )
    entities = [
        Entity(
            e["id"], e["name"], e["type"], list(e["aliases"]), list(e["descriptions"]), e["gazetteer_id"],
            [_span(m) for m in e["mentions"]],
        )
        for e in obj["entities"]
    ]  # fmt: skip
    attributions = [
        Attribution(
            a["id"],
            SourceSpan(a["source"]["start"], a["source"]["end"], a["source"]["text"], a["source"]["entity"])
            if a["source"]
            else None,
            _span(a["cue"]),
            _span(a["content"]),
            a["direct"],
        )
        for a in obj["attributions"]
    ]
    claims = [
        Claim(
            c["id"], c["subject"], c["predicate"], c["object"], c["object_literal"], c["polarity"], c["hedged"],
            c["source"], list(c["via"]), c["cue"], c["attribution"], _span(c["evidence"]),
        )
        for c in obj["claims"]
    ]  # fmt: skip
    conflicts = [Conflict(c["kind"], tuple(c["claims"]), c["explanation"]) for c in obj["conflicts"]]  # type: ignore[arg-type]
    return Extraction(document, entities, attributions, claims, conflicts)
