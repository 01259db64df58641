"""Extraction on a Dask cluster: input files in shards, one model per worker, results back in order.

The inputs are cut into ``Shard``s — runs of consecutive files (in the walk's
sorted order) up to a size — named by a hash of their paths, sizes and
modification times, so the same inputs give the same shards and a writer
can record which shards it has stored: a killed run resumes at the first
shard not recorded, and a rerun adds nothing.  Workers read their shard's
files themselves (the paths must be visible to them: a shared filesystem,
as on any Dask deployment over an archive) and send back ``Extraction``
records.

Each worker process loads the model once, through a worker plugin, never
per task and never shipped from the client; a lock serialises analyses
within a worker, since a spaCy pipeline is not thread-safe and a cluster we
did not start may give its workers several threads.  ``local`` starts a
``LocalCluster`` on the loopback interface with one single-threaded worker
process per core.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from claimgraph.ingest.sources import read_file, walk
from claimgraph.model import Extraction, ExtractionError
from claimgraph.nlp.components.pipeline import Analyzer
from claimgraph.watch import Watch

Result = Extraction | ExtractionError
SHARD_BYTES = 32 * 1024 * 1024
SHARD_FILES = 256
PLUGIN = "claimgraph-model"


@dataclass(frozen=True, slots=True)
class Shard:
    """Consecutive input files analysed as one task; ``key`` names them and their state on disk."""

    key: str
    files: tuple[tuple[str, bool], ...]  # (path, named explicitly on the command line)


def _files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, bool]]:
    """Every input file, in ``read_paths`` order, with whether it was named explicitly."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from ((file, False) for file in walk(path))
        else:
            yield path, True


def make_shards(paths: Sequence[str | Path], max_bytes: int = SHARD_BYTES, max_files: int = SHARD_FILES) -> list[Shard]:
    """The inputs cut into shards of consecutive files, in input order."""
    shards: list[Shard] = []
    run: list[tuple[str, bool]] = []
    fingerprint = hashlib.sha256()
    size = 0

    def close() -> None:
        nonlocal run, fingerprint, size
        if run:
            shards.append(Shard("shard:" + fingerprint.hexdigest()[:32], tuple(run)))
        run, fingerprint, size = [], hashlib.sha256(), 0

    for file, explicit in _files(paths):
        try:
            stat = file.stat()
            state = f"{stat.st_size}:{stat.st_mtime_ns}"
            length = stat.st_size
        except OSError:
            state, length = "unreadable", 0  # the worker records the failure with its reason
        run.append((str(file), explicit))
        fingerprint.update(f"{file}\0{explicit}\0{state}\n".encode("utf-8", "surrogateescape"))
        size += length
        if size >= max_bytes or len(run) >= max_files:
            close()
    close()
    return shards


class _Model(WorkerPlugin):
    """The worker plugin: the pipeline, loaded once per worker process."""

    name = PLUGIN

    def __init__(self, model: str | None) -> None:
        self.model = model  # only the model's name travels to the workers
        self.analyzer: Analyzer | None = None
        self.lock: threading.Lock | None = None

    def setup(self, worker: Any) -> None:
        self.analyzer = Analyzer.load(self.model)
        self.lock = threading.Lock()

    def teardown(self, worker: Any) -> None:
        self.analyzer = None


def _plugin() -> _Model:
    """This worker's model plugin, set up (runs on a worker, never on the client)."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, _Model) and plugin.analyzer is not None, "the model plugin did not set up here"
    return plugin


def _analyse_shard(files: tuple[tuple[str, bool], ...]) -> list[Result]:
    """Read and analyse one shard's files on a worker (runs there, never on the client)."""
    plugin = _plugin()
    items = [item for path, explicit in files for item in read_file(Path(path), explicit=explicit)]
    assert plugin.analyzer is not None and plugin.lock is not None
    with plugin.lock:
        return list(plugin.analyzer.analyse_stream(items))


class ClusterAnalyzer:
    """A Dask client with the model on every worker; ``analyse_shards`` streams results shard by shard."""

    def __init__(
        self, address: str, model: str | None = None, workers: int | None = None, watch: Watch | None = None
    ) -> None:
        from distributed import Client, LocalCluster

        self.watch = watch  # told of each shard analysed, by which worker

        self.cluster: Any = None
        if address == "local":
            self.cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        self.client.register_plugin(_Model(model), name=PLUGIN)
        self._meta: dict[str, Any] | None = None

    @property
    def meta(self) -> dict[str, Any]:
        """The model's metadata, as the workers loaded it (for the extractor version)."""
        if self._meta is None:
            self._meta = self.client.submit(_worker_meta, pure=False).result()
        return self._meta

    def analyse_shards(
        self, shards: Sequence[Shard], window: int | None = None
    ) -> Iterator[tuple[Shard, list[Result]]]:
        """Each shard with its results, in input order, with at most ``window`` shards in flight."""
        window = window or 2 * max(1, len(self.client.scheduler_info().get("workers", {})))
        pending: deque[tuple[Shard, Any]] = deque()
        queue = iter(shards)
        while True:
            while len(pending) < window and (shard := next(queue, None)) is not None:
                pending.append((shard, self.client.submit(_analyse_shard, shard.files, key=shard.key)))
            if not pending:
                return
            shard, future = pending.popleft()
            results = future.result()
            if self.watch is not None:
                held = self.client.who_has(future).get(future.key) or ["a worker"]
                self.watch.analysed(str(held[0]), sum(isinstance(r, Extraction) for r in results))
            future.release()
            yield shard, results

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> ClusterAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _worker_meta() -> dict[str, Any]:
    analyzer = _plugin().analyzer
    assert analyzer is not None
    return analyzer.meta
