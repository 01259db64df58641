"""The ingest loop: paths → extraction → the store, one transaction per batch of documents.

It sits above the store and resolution (it reads inputs, runs the NLP,
writes rows and brings the derived tables up to date), so ``store/`` itself
knows rows and SQL only.

Documents already stored are recognised by their content hash *before* the
NLP runs, so a rerun after a crash only analyses what is missing.  A
document that cannot be read is recorded in ``failures`` and the batch goes
on.  Derived tables are rebuilt once at the end.

On a Dask cluster (``ingest_shards``) the unit of resumption is the shard:
each shard's results are stored as they come back, then the shard's key is
recorded in ``meta``, so a killed run starts again at the first shard not
recorded and a rerun submits nothing; a shard cut short by the kill is
analysed again and its stored documents count as duplicates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from claimgraph import __version__, interrupts, settings
from claimgraph.errors import StoreError
from claimgraph.ingest import read_paths
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.resolve.origins import signature
from claimgraph.resolve.refresh import refresh
from claimgraph.store import meta
from claimgraph.store.write import has_document, store_extractions, store_failure
from claimgraph.watch import Watch

if TYPE_CHECKING:
    from claimgraph.nlp.components.cluster import ClusterAnalyzer, Shard
    from claimgraph.nlp.components.pipeline import Analyzer
    from claimgraph.nlp.components.workers import ProcessAnalyzer

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did (the ``--json`` output of ``claimgraph ingest``)."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    warnings: int = 0  # reading warnings on the documents stored (``claimgraph errors --warnings``)
    # this run's failures, for the command to say each reason (the store keeps them all: ``claimgraph errors``)
    failures: list[ExtractionError] = field(default_factory=list)

    def to_json(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "failures"}


def extractor_version(analyzer: Analyzer | ProcessAnalyzer | ClusterAnalyzer) -> str:
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
                log.debug("%s: skipped, already stored as %s", item.source_path, item.id)
                continue
            yield item


def write_results(
    engine: sa.Engine,
    results: Iterable[Extraction | ExtractionError],
    extractor: str,
    summary: IngestSummary,
    progress: Callable[[str], None] | None = None,
    watch: Watch | None = None,
) -> None:
    """Store the results a batch (the ``batch_size`` setting) per transaction, counting into ``summary``.

    ``progress`` is called with each result's path once it is committed,
    ``watch.written`` with its path and outcome.

    A Ctrl-C or SIGTERM while a batch is written stops the ingest once that
    batch is committed and counted (``interrupts.held``), so what a stopped
    ingest reports is what its store holds; the analysis of the next batch
    (the slow part) is interrupted at once.
    """
    size, stream = settings.get_int("batch_size"), iter(results)
    while chunk := list(islice(stream, size)):
        with interrupts.held():
            for result, outcome in zip(chunk, write_batch(engine, chunk, extractor), strict=True):
                _count(summary, result, outcome)
                path = result.source_path if isinstance(result, ExtractionError) else result.document.source_path
                if progress:
                    progress(path)
                if watch:
                    watch.written(path, outcome)


def _count(summary: IngestSummary, result: Extraction | ExtractionError, outcome: str) -> None:
    setattr(summary, outcome, getattr(summary, outcome) + 1)
    if outcome == "stored" and isinstance(result, Extraction):
        summary.warnings += len(result.document.warnings)
    if isinstance(result, ExtractionError):
        summary.failures.append(result)
        log.debug("%s: recorded as failed: %s: %s", result.source_path, result.code, result.message)
    elif outcome == "duplicates":
        log.debug("%s: skipped, already stored as %s", result.document.source_path, result.document.id)


# A transaction that collided with a concurrent writer is tried again this many times in all.
ATTEMPTS = 5
# PostgreSQL's deadlock_detected and serialization_failure: the transaction may simply be run again.
_RETRY_STATES = frozenset({"40P01", "40001"})


def _runs(chunk: list[Extraction | ExtractionError]) -> Iterator[list[Extraction] | ExtractionError]:
    """The chunk in order: each run of extractions together, each failure on its own.

    A failure and a document from one file (rows of one CSV) share a
    failure record, which the later of the two decides: order is kept.
    """
    run: list[Extraction] = []
    for result in chunk:
        if isinstance(result, Extraction):
            run.append(result)
            continue
        if run:
            yield run
            run = []
        yield result
    if run:
        yield run


def write_batch(engine: sa.Engine, chunk: list[Extraction | ExtractionError], extractor: str) -> list[str]:
    """Store ``chunk`` in one transaction; each result's summary field (``write_result``'s outcomes).

    Should another writer commit one of these documents between our check
    and our insert, the batch is rolled back and written again one result
    at a time, where each collision is told apart and counted.
    """
    written: set[int] = set()
    try:
        with engine.begin() as conn:
            for run in _runs(chunk):
                if isinstance(run, ExtractionError):
                    store_failure(conn, run, extractor)
                    continue
                signed = [(e, signature(e.document.text)) for e in run]
                written.update(map(id, store_extractions(conn, signed, extractor)))
    except sa.exc.IntegrityError:
        return [write_result(engine, result, extractor) for result in chunk]
    except sa.exc.OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) not in _RETRY_STATES:
            raise StoreError(f"cannot write to the store: {exc.orig}") from exc
        return [write_result(engine, result, extractor) for result in chunk]
    return [
        "failed" if isinstance(r, ExtractionError) else "stored" if id(r) in written else "duplicates" for r in chunk
    ]


def write_result(engine: sa.Engine, result: Extraction | ExtractionError, extractor: str) -> str:
    """Store one result; ``"stored"``, ``"duplicates"`` or ``"failed"`` (the summary field to count it in).

    A document is a duplicate only when its content hash is stored — found
    before writing, or stored by a concurrent ingest that committed first
    (our insert then fails on the document's key).  Any other collision is
    a race on a shared row: the transaction is run again, and if it keeps
    failing the ingest stops with the reason rather than lose the document.
    """
    error: sa.exc.DBAPIError | None = None
    for _ in range(ATTEMPTS):
        try:
            with engine.begin() as conn:
                if isinstance(result, ExtractionError):
                    store_failure(conn, result, extractor)
                    return "failed"
                signed = [(result, signature(result.document.text))]
                return "stored" if store_extractions(conn, signed, extractor) else "duplicates"
        except sa.exc.IntegrityError as exc:
            if isinstance(result, Extraction):
                with engine.connect() as conn:
                    if has_document(conn, result.document.id):
                        return "duplicates"  # another ingest stored the same content first
            error = exc
        except sa.exc.OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) not in _RETRY_STATES:
                raise StoreError(f"cannot write to the store: {exc.orig}") from exc
            error = exc
    path = result.source_path if isinstance(result, ExtractionError) else result.document.source_path
    raise StoreError(f"cannot write {path} to the store after {ATTEMPTS} attempts: {error.orig if error else ''}")


def store_results(engine: sa.Engine, results: Iterable[Extraction | ExtractionError], extractor: str) -> IngestSummary:
    """Store results extracted elsewhere; rebuild derived tables at the end."""
    summary = IngestSummary()
    write_results(engine, _counted(results, summary), extractor, summary)
    refresh(engine)
    return summary


def _counted(
    results: Iterable[Extraction | ExtractionError], summary: IngestSummary
) -> Iterator[Extraction | ExtractionError]:
    for result in results:
        summary.read += 1
        yield result


def ingest_paths(
    engine: sa.Engine,
    paths: Sequence[str | Path],
    analyzer: Analyzer | ProcessAnalyzer,
    progress: Callable[[str], None] | None = None,
    watch: Watch | None = None,
) -> IngestSummary:
    """Read, extract and store every document under ``paths``; rebuild derived tables at the end."""
    from claimgraph.extraction import extract_documents  # loads spaCy: only when there is something to analyse

    summary = IngestSummary()
    results = extract_documents(_unseen(engine, read_paths(paths), summary), analyzer)
    write_results(engine, results, extractor_version(analyzer), summary, progress, watch)
    refresh(engine)
    return summary


def ingest_shards(
    engine: sa.Engine,
    shards: Sequence[Shard],
    cluster: ClusterAnalyzer,
    progress: Callable[[str], None] | None = None,
    watch: Watch | None = None,
) -> IngestSummary:
    """Store each shard's results as the cluster returns them; skip shards a previous run recorded."""
    summary = IngestSummary()
    with engine.connect() as conn:
        todo = [shard for shard in shards if meta.get(conn, shard.key) is None]
    extractor = extractor_version(cluster) if todo else ""
    for shard, results in cluster.analyse_shards(todo):
        write_results(engine, _counted(results, summary), extractor, summary, progress, watch)
        with engine.begin() as conn:
            meta.put(conn, shard.key, meta.now())
    refresh(engine)
    return summary
