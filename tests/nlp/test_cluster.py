"""Extraction on a real Dask LocalCluster (loopback) gives what one process gives, shard by shard."""

from __future__ import annotations

from pathlib import Path

import pytest
from slow_pipelines import SLOW, saved_with_slow_component

from claimgraph.extraction import extract_paths, to_json
from claimgraph.model import Extraction, ExtractionError
from claimgraph.nlp.components.cluster import ClusterAnalyzer, make_shards

pytest.importorskip("distributed")

STORIES = (
    "The Ridge Falcons said on Monday they had joined the Dawn Coalition, a spokesman told Harbor Wire.",
    "Marek Tolvani, the group's commander, denied that his fighters operate in Korvana.",
    "Police in Lisbon arrested two men, the interior ministry said in a statement.",
    "The Northern Shield militia is backed by the government of Belvaria, according to analysts.",
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    for n in range(7):
        folder = root / "b" if n % 2 else root
        text = "\n\n".join(STORIES[(n + k) % len(STORIES)] for k in range(2))
        (folder / f"story{n}.txt").write_text(f"Story number {n}\n\n{text}\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_shards_are_stable_and_follow_input_order(corpus: Path) -> None:
    shards = make_shards([corpus], max_files=3)
    assert make_shards([corpus], max_files=3) == shards
    files = [path for shard in shards for path, _ in shard.files]
    assert len(shards) == 3 and files == sorted(files, key=lambda p: (Path(p).parent != corpus, p))
    (corpus / "story0.txt").write_text("Changed.\n", encoding="utf-8")
    changed = make_shards([corpus], max_files=3)
    assert changed[0].key != shards[0].key and changed[1:] == shards[1:]


@pytest.mark.slow
def test_a_local_cluster_gives_the_same_extractions(corpus: Path) -> None:
    shards = make_shards([corpus], max_files=2)
    with ClusterAnalyzer("local", workers=2) as cluster:
        done = list(cluster.analyse_shards(shards))
        assert cluster.meta["name"]
    assert [shard for shard, _ in done] == shards
    parallel = [to_json(r) for _, results in done for r in results]
    assert parallel == [to_json(r) for r in extract_paths([corpus])]
    assert any("error" in obj for obj in parallel) and any(obj.get("entities") for obj in parallel)


@pytest.mark.slow
def test_a_document_over_its_time_budget_fails_alone_on_a_cluster(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The budget holds in a Dask worker, which analyses in a thread of its pool (no signals there).

    The cluster's worker lives in this process (threads, on loopback TCP) so
    that it can load the test's slow component, registered here.
    """
    from distributed import LocalCluster

    monkeypatch.setenv("CLAIMGRAPH_DOC_SECONDS", "10")  # the worker's model plugin reads them as it loads
    monkeypatch.setenv("CLAIMGRAPH_BATCH_SIZE", "1")
    model = saved_with_slow_component(tmp_path / "model")
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate([STORIES[0], f"{STORIES[1]} {SLOW}", STORIES[2]]):
        (folder / f"story{n}.txt").write_text(f"Story number {n}\n\n{text}\n", encoding="utf-8")
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as local,
        ClusterAnalyzer(local.scheduler_address, model=model) as cluster,
    ):
        results = [r for _, shard in cluster.analyse_shards(make_shards([folder])) for r in shard]
    assert [type(r) for r in results] == [Extraction, ExtractionError, Extraction]
    failed = results[1]
    assert isinstance(failed, ExtractionError) and failed.code == "analysis_failed"
    assert failed.source_path.endswith("story1.txt") and "longer than 10 s" in failed.message
