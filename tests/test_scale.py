"""Ingest on every core and on a Dask cluster ends with the store one process makes; a killed run resumes.

The kill test kills the ingest command itself (``kill -9``) while the
cluster, which lives in this test process, goes on: the rerun must end with
exactly the store a clean run makes, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph import Graph
from claimgraph.load import ingest_shards
from claimgraph.nlp.components.cluster import ClusterAnalyzer, make_shards
from claimgraph.store import open_store
from claimgraph.store.engine import create_engine
from postgres_server import PostgresServer

pytest.importorskip("distributed")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def exported(url: str) -> str:
    with Graph.open(url) as graph:
        out = io.StringIO()
        graph.export("jsonl", out)
        return out.getvalue()


@pytest.fixture
def sibling(store_url: str, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """Another empty store on the backend of ``store_url``."""

    def make(name: str) -> str:
        if store_url.startswith("sqlite"):
            return store_url.replace("store.db", f"{name}.db")
        server: PostgresServer = request.getfixturevalue("postgres")
        return server.create_database(f"{store_url.rsplit('/', 1)[1]}_{name}")

    return make


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster on loopback, shared by the module's tests (its address is a tcp:// URL)."""
    with ClusterAnalyzer("local", workers=2) as cluster:
        yield cluster.client.scheduler.address


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_BATCH_SIZE", "3")  # several batches of the examples: both workers get work


class Watched:
    """A ``Watch`` that counts what it is told."""

    def __init__(self) -> None:
        self.by_worker: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()

    def analysed(self, worker: str, documents: int) -> None:
        self.by_worker[worker] += documents

    def written(self, path: str, outcome: str) -> None:
        self.outcomes[outcome] += 1


@pytest.mark.slow
def test_two_workers_and_a_dask_cluster_store_what_one_process_stores(
    store_url: str, sibling: Callable[[str], str], scheduler: str, small_batches: None
) -> None:
    with Graph.open(store_url) as graph:
        one = graph.ingest([EXAMPLES], workers=1)
    workers_url, dask_url = sibling("workers"), sibling("dask")
    pool_watch, cluster_watch = Watched(), Watched()
    with Graph.open(workers_url) as graph:
        two = graph.ingest([EXAMPLES], workers=2, watch=pool_watch)
    with Graph.open(dask_url) as graph:
        cluster = graph.ingest([EXAMPLES], dask=scheduler, watch=cluster_watch)
    assert one.stored >= 6 and one == two == cluster
    for watch, label in ((pool_watch, "process "), (cluster_watch, "tcp://127.0.0.1:")):
        # every document analysed is told, by the worker that did it; every result written is told
        assert sum(watch.by_worker.values()) == one.stored and all(w.startswith(label) for w in watch.by_worker)
        assert watch.outcomes == Counter({"stored": one.stored, "failed": one.failed})
    baseline = exported(store_url)
    assert exported(workers_url) == baseline and exported(dask_url) == baseline


class _Killed(Exception):
    pass


class _DiesAfterFirstShard:
    """A cluster whose client is killed once the first shard's results are back."""

    def __init__(self, cluster: ClusterAnalyzer) -> None:
        self.cluster, self.meta = cluster, cluster.meta

    def analyse_shards(self, shards):  # type: ignore[no-untyped-def]
        for n, done in enumerate(self.cluster.analyse_shards(shards)):
            if n == 1:
                raise _Killed
            yield done


@pytest.mark.slow
def test_an_interrupted_cluster_ingest_resumes_and_a_rerun_adds_nothing(tmp_path: Path, scheduler: str) -> None:
    shards = make_shards([EXAMPLES], max_files=1)
    assert len(shards) >= 3
    clean, resumed = f"sqlite:///{tmp_path / 'clean.db'}", f"sqlite:///{tmp_path / 'resumed.db'}"
    with ClusterAnalyzer(scheduler) as cluster:
        full = ingest_shards(open_store(clean), shards, cluster)
        with pytest.raises(_Killed):
            ingest_shards(open_store(resumed), shards, _DiesAfterFirstShard(cluster))  # type: ignore[arg-type]
        rest = ingest_shards(open_store(resumed), shards, cluster)
        rerun = ingest_shards(open_store(resumed), shards, cluster)
    assert 0 < rest.read < full.read and rerun.read == 0
    assert exported(resumed) == exported(clean)


def articles(folder: Path, count: int, first: int = 0) -> Path:
    """``count`` short invented articles, each different (numbered from ``first``)."""
    folder.mkdir()
    groups, places = ["Amber Lantern Front", "Gray Heron Brigade", "Copper Valley Movement"], ["Valdris", "Estmoor"]
    for i in range(first, first + count):
        group, place = groups[i % 3], places[i % 2]
        text = f"Fighters of the {group} attacked {place} on day {i}, said Ilse Marrow, a researcher.\n"
        (folder / f"article-{i:03d}.txt").write_text(f"Clashes near {place} ({i})\n\n{text}", encoding="utf-8")
    return folder


def shards_recorded(url: str) -> int:
    """Shards the store has recorded as stored (0 while the ingest has not made the store yet)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM meta WHERE key LIKE 'shard:%'")).scalar_one())
    except sa.exc.DBAPIError:
        return 0
    finally:
        engine.dispose()


def hold_reading(gate: str, reached: str, go: str) -> None:
    """On a worker: reading ``gate`` sets the Dask event ``reached``, then waits for ``go`` (runs on the workers)."""
    from distributed import Event

    import claimgraph.nlp.components.cluster as cluster

    read = getattr(cluster.read_file, "original", cluster.read_file)

    def held(path: Path, explicit: bool = False):  # type: ignore[no-untyped-def]
        if str(path) == gate:
            Event(reached).set()
            Event(go).wait()
        return read(path, explicit)

    held.original = read  # type: ignore[attr-defined]
    cluster.read_file = held


def stop_holding() -> None:
    """On a worker: read files as the package does again."""
    import claimgraph.nlp.components.cluster as cluster

    cluster.read_file = getattr(cluster.read_file, "original", cluster.read_file)


@pytest.mark.slow
def test_a_dask_ingest_killed_mid_way_resumes_to_a_clean_run(
    store_url: str, sibling: Callable[[str], str], scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 of the ingest command while the cluster works: the rerun ends with the clean run's store.

    The kill lands on an observed state, not after a delay: the workers are
    told to hold the third input (between two folders) until the test says
    go, so the ingest, which stores shards in input order, cannot get past
    the shard holding it.  Once the shards before it are recorded and a
    worker is holding it, the ingest is killed; then the worker is let go.
    """
    import cloudpickle
    from distributed import Client, Event

    before, after = articles(tmp_path / "before", 4), articles(tmp_path / "after", 6, first=4)
    gate = tmp_path / "gate.txt"
    gate.write_text("Clashes near Merrow\n\nFighters of the Salt Marsh Front attacked Merrow, said Ilse Marrow.\n")
    monkeypatch.setenv("CLAIMGRAPH_SHARD_FILES", "2")
    monkeypatch.setenv("CLAIMGRAPH_BATCH_SIZE", "1")
    inputs = [before, gate, after]
    clean = sibling("clean")
    with Graph.open(clean) as graph:
        assert graph.ingest(inputs, dask=scheduler).stored == 11
    reached, go = f"reached-{tmp_path.name}", f"go-{tmp_path.name}"
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers need not import this file
    with Client(scheduler) as client:
        client.run(hold_reading, str(gate), reached, go)
        try:
            command = [sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest", *map(str, inputs)]
            process = subprocess.Popen([*command, "--db", store_url, "--dask", scheduler], stderr=subprocess.DEVNULL)
            try:
                deadline = time.monotonic() + 600  # only a broken ingest takes this long: the state is stable
                while time.monotonic() < deadline and process.poll() is None:
                    if shards_recorded(store_url) == 2 and Event(reached, client=client).is_set():
                        break
                    time.sleep(0.2)
            finally:
                process.send_signal(signal.SIGKILL)
                process.wait()
            held = Event(reached, client=client).is_set()
        finally:
            Event(go, client=client).set()
            client.run(stop_holding)
            cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert held and shards_recorded(store_url) == 2, "the ingest never reached the held input"
    with Graph.open(store_url) as graph:
        rest = graph.ingest(inputs, dask=scheduler)
        rerun = graph.ingest(inputs, dask=scheduler)
    assert rest.read == 7 and rest.stored + rest.duplicates == rest.read
    assert rerun.read == 0
    assert exported(store_url) == exported(clean)
