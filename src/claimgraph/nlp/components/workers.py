"""Extraction across worker processes: one model load per process, results in input order.

Why processes: the parser and our rules are Python and hold the GIL, so
threads would share one core.  Why never ship the ``nlp`` object in a
task: pickling a pipeline costs seconds and hundreds of megabytes each
time; each worker loads the model once, in its initializer, and receives
only chunks of ``Document`` records (one ``nlp.pipe`` batch each) and sends
back ``Extraction`` records.  The chunks are the batches a single
``Analyzer`` would make, so ``--workers N`` gives exactly the output of
``--workers 1``.

An input of a single batch is analysed in the calling process (starting
processes would cost more than they save).  At most two chunks per worker
are in flight, so memory stays bounded on an
input of any length.  A worker that dies (killed, out of memory) breaks the
pool: the chunks in flight are retried once in a fresh pool, and a chunk
that breaks it again becomes ``analysis_failed`` records, one per document,
so the batch goes on and nothing is lost silently.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain
from typing import Any

from claimgraph import settings
from claimgraph.errors import ConfigError
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.components.pipeline import Analyzer, batched
from claimgraph.watch import Watch

Result = Extraction | ExtractionError
Chunk = list[Document | ExtractionError]

_worker: Analyzer | None = None  # this process's pipeline, loaded once by _start


def _start(model: str | None, parent: int) -> None:
    global _worker
    _orphan_watch(parent)
    _worker = Analyzer.load(model)


def _orphan_watch(parent: int) -> None:
    """End this worker when its parent dies (a ``kill -9`` of the ingest must not leave workers behind).

    A killed parent never shuts its pool down, and a worker waiting on the
    task queue would wait for ever; a daemon thread notices the parent is
    gone (this process re-parented) and exits.  ``parent`` is the pid the
    pool's owner sent, not this process's parent as it starts: a worker
    spawned while its owner was being killed starts already re-parented, and
    would take its new parent for the owner and wait for ever.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="claimgraph-orphan-watch", daemon=True).start()


def _analyse(chunk: Chunk) -> tuple[int, list[Result]]:
    """The chunk's results, with this worker's process id (the progress display has a row per worker)."""
    assert _worker is not None, "the worker's initializer did not run"
    return os.getpid(), _worker.analyse_chunk(chunk)


def _meta() -> dict[str, Any]:
    assert _worker is not None, "the worker's initializer did not run"
    return dict(_worker.meta)


def requested_workers(workers: int | None) -> int:
    """``workers``, else the ``workers`` setting; refused when negative."""
    requested = settings.get_int("workers") if workers is None else workers
    if requested < 0:
        raise ConfigError(f"the number of workers must be 0 (one per core) or more, got {requested}")
    return requested


def worker_count(requested: int) -> int:
    """``requested`` worker processes, where 0 means one per core."""
    return requested if requested > 0 else (os.cpu_count() or 1)


class ProcessAnalyzer:
    """An ``Analyzer`` look-alike whose ``nlp.pipe`` batches run in ``workers`` processes."""

    def __init__(
        self, workers: int, model: str | None = None, batch_size: int = 32, watch: Watch | None = None
    ) -> None:
        self.workers = workers
        self.model = model
        self.batch_size = batch_size
        self.watch = watch  # told of each chunk analysed, by which worker
        self._pool: ProcessPoolExecutor | None = None
        self._local: Analyzer | None = None
        self._meta: dict[str, Any] | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the parent may hold threads (progress bars, database pools)
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start, initargs=(self.model, os.getpid())
            )
        return self._pool

    @property
    def meta(self) -> dict[str, Any]:
        """The model's metadata, as a worker loaded it (for the extractor version)."""
        if self._meta is None:
            self._meta = self._local.meta if self._local else self._executor().submit(_meta).result()
        return self._meta

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def analyse_stream(self, items: Iterable[Document | ExtractionError]) -> Iterator[Result]:
        """Analyse documents in input order; errors pass straight through."""
        pending: deque[tuple[Chunk, Future[tuple[int, list[Result]]], bool]] = deque()
        chunks = batched(items, self.batch_size)
        first, second = next(chunks, None), next(chunks, None)
        if second is None and self._pool is None:
            # a single batch: starting processes would cost more than they save
            if first is not None:
                self._local = self._local or Analyzer.load(self.model)
                results = self._local.analyse_chunk(first)
                self._tell(os.getpid(), results)
                yield from results
            return
        chunks = chain([c for c in (first, second) if c is not None], chunks)
        while True:
            while len(pending) < 2 * self.workers and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, self._executor().submit(_analyse, chunk), False))
            if not pending:
                return
            chunk, future, retried = pending.popleft()
            try:
                pid, results = future.result()
            except BrokenProcessPool:
                yield from self._after_break(chunk, retried, pending)
                continue
            self._tell(pid, results)
            yield from results

    def _tell(self, pid: int, results: list[Result]) -> None:
        if self.watch is not None:
            self.watch.analysed(f"process {pid}", sum(isinstance(r, Extraction) for r in results))

    def _after_break(
        self, chunk: Chunk, retried: bool, pending: deque[tuple[Chunk, Future[tuple[int, list[Result]]], bool]]
    ) -> Iterator[Result]:
        """A worker died: fail ``chunk`` if it already broke a pool, retry the rest in a fresh pool."""
        self._pool = None  # the broken executor cannot take more work
        if retried:
            yield from (_lost(item) for item in chunk)
        again = ([] if retried else [chunk]) + [c for c, _, _ in pending]
        pending.clear()
        pending.extend((c, self._executor().submit(_analyse, c), True) for c in again)


def _lost(item: Document | ExtractionError) -> Result:
    if isinstance(item, ExtractionError):
        return item
    return ExtractionError(
        item.source_path,
        item.id,
        "analysis_failed",
        "a worker process died twice while analysing this document's batch",
    )


@contextmanager
def open_analyzer(
    model: str | None = None, workers: int | None = None, watch: Watch | None = None
) -> Iterator[Analyzer | ProcessAnalyzer]:
    """An in-process ``Analyzer`` for one worker, else a pool of processes, shut down on exit.

    ``workers`` defaults to the ``workers`` setting; 0 means one per core.
    """
    count = worker_count(requested_workers(workers))
    if count == 1:
        yield Analyzer.load(model)
        return
    with ProcessAnalyzer(count, model, settings.get_int("batch_size"), watch) as pool:
        yield pool
