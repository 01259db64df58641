"""The ingest loop: extraction results → the store, one transaction per document.

Documents already stored are recognised by their content hash *before* the
NLP runs, so a rerun after a crash only analyses what is missing.  A
document that cannot be read is recorded in ``failures`` and the batch goes
on.  Derived tables are rebuilt once at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from claimgraph import __version__
from claimgraph.analyze.origins import signature
from claimgraph.analyze.refresh import refresh
from claimgraph.errors import StoreError
from claimgraph.extraction import extract_documents
from claimgraph.ingest import read_paths
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.pipeline import Analyzer
from claimgraph.store.write import has_document, store_extraction, store_failure


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did (the ``--json`` output of ``claimgraph ingest``)."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0


def extractor_version(analyzer: Analyzer) -> str:
    """Provenance of every row written: claimgraph's version and the spaCy model's."""
    meta = analyzer.meta
    return f"claimgraph {__version__}; {meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}".strip()


def _unseen(
    engine: sa.Engine, items: Iterable[Document | ExtractionError], summary: IngestSummary
) -> Iterator[Document | ExtractionError]:
    with engine.connect() as conn:
        for item in items:
            summary.read += 1
            if isinstance(item, Document) and has_document(conn, item.id):
                summary.duplicates += 1
                continue
            yield item


def write_results(
    engine: sa.Engine,
    results: Iterable[Extraction | ExtractionError],
    extractor: str,
    summary: IngestSummary,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Store each result in its own transaction, counting into ``summary``."""
    for result in results:
        try:
            with engine.begin() as conn:
                if isinstance(result, ExtractionError):
                    store_failure(conn, result, extractor)
                    summary.failed += 1
                elif has_document(conn, result.document.id):
                    summary.duplicates += 1  # the same content twice in one batch
                else:
                    store_extraction(conn, result, extractor, signature(result.document.text))
                    summary.stored += 1
        except sa.exc.IntegrityError:
            summary.duplicates += 1  # another ingest stored the same content first; this one rolled back
        except sa.exc.OperationalError as exc:
            raise StoreError(f"cannot write to the store: {exc.orig}") from exc
        if progress:
            progress(result.source_path if isinstance(result, ExtractionError) else result.document.source_path)


def ingest_paths(
    engine: sa.Engine,
    paths: Sequence[str | Path],
    analyzer: Analyzer,
    progress: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Read, extract and store every document under ``paths``; rebuild derived tables at the end."""
    summary = IngestSummary()
    results = extract_documents(_unseen(engine, read_paths(paths), summary), analyzer)
    write_results(engine, results, extractor_version(analyzer), summary, progress)
    refresh(engine)
    return summary
