"""The extraction stage: raw inputs → ``Extraction`` records → contract JSON.

This is the pure stage behind ``claimgraph extract``: it touches no database
and no network.  ``ingest`` turns paths into ``Document``s (or
``ExtractionError``s), ``nlp`` analyses the documents, and ``to_json`` here
is the only place that writes the public contract
(../shared/spec/CONTRACT.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.ingest import read_paths
from claimgraph.model import (
    Attribution,
    Claim,
    Document,
    Entity,
    Event,
    Extraction,
    ExtractionError,
    Figure,
    Range,
    Span,
)

if TYPE_CHECKING:
    from claimgraph.nlp.components.pipeline import Analyzer
    from claimgraph.nlp.components.workers import ProcessAnalyzer

Result = Extraction | ExtractionError


def extract_documents(
    items: Iterable[Document | ExtractionError], analyzer: Analyzer | ProcessAnalyzer | None = None
) -> Iterator[Result]:
    """Analyse each document, passing read errors through in input order."""
    if analyzer is None:
        from claimgraph.nlp.components.pipeline import Analyzer  # spaCy loads only when something is analysed

        analyzer = Analyzer.load()
    yield from analyzer.analyse_stream(items)


def extract_paths(paths: Sequence[str | Path], analyzer: Analyzer | ProcessAnalyzer | None = None) -> Iterator[Result]:
    """Read and analyse every document under ``paths``, in a stable order."""
    yield from extract_documents(read_paths(paths), analyzer)


def _span(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if span.field is not None:
        out["field"] = span.field
    out.update(start=span.start, end=span.end, text=span.text)
    return out


def document_to_json(doc: Document) -> dict[str, Any]:
    """The contract's ``document`` object (``warnings`` only when reading changed something)."""
    out: dict[str, Any] = {
        "id": doc.id,
        "source_path": doc.source_path,
        "url": doc.url,
        "title": doc.title,
        "section": doc.section,
        "summary": doc.summary,
        "published": doc.published,
        "dateline": asdict(doc.dateline) if doc.dateline else None,
        "authors": list(doc.authors),
        "publisher": doc.publisher,
        "language": doc.language,
        "text": doc.text,
    }
    if doc.warnings:
        out["warnings"] = [{"code": w.code, "message": w.message} for w in doc.warnings]
    return out


def entity_to_json(entity: Entity) -> dict[str, Any]:
    """The contract's object for one entity."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "descriptions": list(entity.descriptions),
        "gazetteer_id": entity.gazetteer_id,
        "mentions": [_span(m) for m in entity.mentions],
    } | ({"geo": asdict(entity.geo)} if entity.geo is not None else {})


def attribution_to_json(attr: Attribution) -> dict[str, Any]:
    """The contract's object for one attribution."""
    source = None
    if attr.source is not None:
        source = {
            "start": attr.source.start,
            "end": attr.source.end,
            "text": attr.source.text,
            "entity": attr.source.entity,
        }
    return {
        "id": attr.id,
        "source": source,
        "cue": _span(attr.cue),
        "content": _span(attr.content),
        "direct": attr.direct,
    } | ({"kind": attr.kind} if attr.kind != "assertion" else {})


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """The contract's object for one claim (``tense`` only when past, ``event`` only when there is one)."""
    return (
        {
            "id": claim.id,
            "subject": claim.subject,
            "predicate": claim.predicate,
            "object": claim.object,
            "object_literal": claim.object_literal,
            "polarity": claim.polarity,
            "hedged": claim.hedged,
            "source": claim.source,
            "via": list(claim.via),
            "cue": claim.cue,
            "attribution": claim.attribution,
            "evidence": _span(claim.evidence),
        }
        | ({"event": claim.event} if claim.event is not None else {})
        | ({"tense": "past"} if claim.tense == "past" else {})
    )


def _figure(figure: Figure | None) -> int | dict[str, int | None] | None:
    return {"min": figure.min, "max": figure.max} if isinstance(figure, Range) else figure


def event_to_json(event: Event) -> dict[str, Any]:
    """The contract's object for one event (``trigger`` is ours: the word that names it)."""
    c = event.casualties
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "actor": event.actor,
        "target": event.target,
        "place": event.place,
        "date": event.date,
        "date_precision": event.date_precision,
        "casualties": {"killed": _figure(c.killed), "wounded": _figure(c.wounded), "kidnapped": _figure(c.kidnapped)},
        "polarity": event.polarity,
        "hedged": event.hedged,
        "source": event.source,
        "via": list(event.via),
        "attribution": event.attribution,
        "evidence": _span(event.evidence),
        "trigger": _span(event.trigger),
    }


def to_json(result: Result, *, stances: bool = False) -> dict[str, Any]:
    """One line of ``claimgraph extract`` output: an extraction or an error record.

    With ``stances`` the attributions of stances and intentions follow the assertions, each with its
    optional ``kind`` (``extract --attributions all``: PARC and PolNeAR annotate them as attributions;
    the contract's attributions, and our gold, are assertions)."""
    if isinstance(result, ExtractionError):
        return {
            "document": {"source_path": result.source_path, "id": result.id},
            "error": {"code": result.code, "message": result.message},
        }
    return {
        "document": document_to_json(result.document),
        "entities": [entity_to_json(e) for e in result.entities],
        "attributions": [attribution_to_json(a) for a in [*result.attributions, *(result.stances if stances else ())]],
        "claims": [claim_to_json(c) for c in result.claims],
        "conflicts": [
            {"kind": c.kind, "claims": list(c.claims), "explanation": c.explanation} for c in result.conflicts
        ],
        "events": [event_to_json(e) for e in result.events],
    }
