"""Ingest on a Dask ``LocalCluster`` of 2 workers against ``--workers 2`` (target ≥ 0.85), same store contents.

    .venv/bin/python bench/dask_ingest.py [--docs 80] [--repeat 3] [--shard-files 8]

Both sides keep their workers warm for the whole run (the pool's
processes and the cluster's workers each load the model once, before
timing, as in a long ingest); each round ingests the same invented
articles (bench/ingest.py's) into a fresh SQLite store, first through
the process pool, then through the cluster, so machine load hits both
alike.  Reported: min/median/max seconds of each side and the ratio of
the medians (pool seconds / cluster seconds: the cluster's throughput as
a fraction of the pool's).  The two stores of every round are compared
by their ``export --format jsonl``.  ``--shard-files`` cuts the input into
shards of that many files (``CLAIMGRAPH_SHARD_FILES``; 256 by default on a
real archive), so the few documents here still keep both workers busy.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from pathlib import Path

from claimgraph import Graph, settings
from claimgraph.load import ingest_paths, ingest_shards
from claimgraph.nlp.components.cluster import ClusterAnalyzer, make_shards
from claimgraph.nlp.components.workers import ProcessAnalyzer
from claimgraph.store import open_store
from ingest import article


def exported(url: str) -> str:
    with Graph.open(url) as graph:
        out = io.StringIO()
        graph.export("jsonl", out)
        return out.getvalue()


def spread(times: list[float]) -> str:
    return f"min {min(times):.2f}s median {statistics.median(times):.2f}s max {max(times):.2f}s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shard-files", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(5)
    pool_times, cluster_times, same = [], [], True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(args.docs):
            (folder / f"story-{i:04d}.txt").write_text(article(i, rng), encoding="utf-8")
        shards = make_shards([folder], max_files=args.shard_files)
        warm = [folder / "story-0000.txt"]
        with (
            ProcessAnalyzer(2, batch_size=settings.get_int("batch_size")) as pool,
            ClusterAnalyzer("local", workers=2) as cluster,
        ):
            ingest_paths(open_store(f"sqlite:///{Path(tmp) / 'warm-pool.db'}"), warm * 2, pool)
            ingest_shards(open_store(f"sqlite:///{Path(tmp) / 'warm-dask.db'}"), make_shards(warm), cluster)
            for run in range(args.repeat):
                pool_url, cluster_url = (f"sqlite:///{Path(tmp) / f'{side}{run}.db'}" for side in ("pool", "dask"))
                start = time.perf_counter()
                ingest_paths(open_store(pool_url), [folder], pool)
                pool_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                ingest_shards(open_store(cluster_url), shards, cluster)
                cluster_times.append(time.perf_counter() - start)
                same = same and exported(pool_url) == exported(cluster_url)
    print(f"{args.docs} documents, {len(shards)} shards of up to {args.shard_files} files, {args.repeat} rounds")
    print(f"--workers 2:      {spread(pool_times)}")
    print(f"--dask local (2): {spread(cluster_times)}")
    ratio = statistics.median(pool_times) / statistics.median(cluster_times)
    print(f"cluster throughput / pool throughput = {ratio:.2f} (target ≥ 0.85: {'OK' if ratio >= 0.85 else 'BELOW'})")
    print(f"same store contents (export jsonl) in every round: {same}")


if __name__ == "__main__":
    main()
