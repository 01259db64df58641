"""Extraction in worker processes gives exactly what one process gives, in input order."""

from __future__ import annotations

import pytest
from slow_pipelines import BACKTRACKS, saved_with_backtracking_ruler

from claimgraph.errors import ConfigError
from claimgraph.extraction import to_json
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.components.pipeline import Analyzer
from claimgraph.nlp.components.workers import ProcessAnalyzer, open_analyzer, worker_count

SENTENCES = (
    "The Ridge Falcons said on Monday they had joined the Dawn Coalition, a spokesman told Harbor Wire.",
    "Marek Tolvani, the group's commander, denied that his fighters operate in Korvana.",
    "Police in Lisbon arrested two men, the interior ministry said in a statement.",
    "The Northern Shield militia is backed by the government of Belvaria, according to analysts.",
)


def _items() -> list[Document | ExtractionError]:
    items: list[Document | ExtractionError] = []
    for n in range(11):
        text = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(3))
        items.append(Document(id=f"sha256:{n}", source_path=f"d{n}.txt", text=text, language="en"))
        if n == 4:
            items.append(ExtractionError("bad.bin", None, "binary", "not text"))
    return items


def test_two_workers_give_the_same_extractions_in_the_same_order() -> None:
    items = _items()
    single = [to_json(r) for r in Analyzer.load().analyse_stream(items)]
    with ProcessAnalyzer(2, batch_size=3) as pool:  # four batches: both workers get work
        parallel = [to_json(r) for r in pool.analyse_stream(items)]
        assert pool.meta["name"]
    assert parallel == single
    assert any(obj["entities"] for obj in parallel if "error" not in obj)


def test_a_single_batch_is_analysed_without_starting_processes() -> None:
    with ProcessAnalyzer(2, batch_size=64) as pool:
        results = list(pool.analyse_stream(_items()))
        assert pool._pool is None and len(results) == 12


def test_worker_counts() -> None:
    assert worker_count(3) == 3 and worker_count(0) >= 1
    with pytest.raises(ConfigError, match="workers"), open_analyzer(workers=-1):
        pass


def test_a_worker_whose_owner_died_before_it_started_ends() -> None:
    """A worker spawned as its owner is killed starts re-parented; it must still see the owner gone."""
    import subprocess
    import sys

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    worker = (  # a worker's start (its model load left out), told the pid of an owner already dead
        "import time\nfrom claimgraph.nlp.components import workers\n"
        "workers.Analyzer.load = lambda model: None\n"
        f"workers._start(None, {gone.pid})\ntime.sleep(300)\n"
    )
    run = subprocess.run([sys.executable, "-c", worker], capture_output=True, text=True, timeout=240, check=False)
    assert run.returncode == 1 and not run.stderr, run.stderr  # ended by the watch: no error, no 300 s sleep


def test_workers_end_when_their_parent_is_killed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A kill -9 of the process that owns the pool leaves no worker behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "owner.py"
    script.write_text(
        "import sys\n"
        "from claimgraph.nlp.components.workers import ProcessAnalyzer, _meta\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessAnalyzer(2)\n"
        "    pool._executor().submit(_meta).result()\n"
        "    print(' '.join(str(p) for p in pool._executor()._processes), flush=True)\n"
        "    sys.stdin.read()\n",
        encoding="utf-8",
    )
    owner = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert owner.stdout is not None
    workers = [int(p) for p in owner.stdout.readline().split()]
    assert workers
    os.kill(owner.pid, signal.SIGKILL)
    owner.wait()

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split()[2] != "Z"

    deadline = time.monotonic() + 60
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(p) for p in workers)


@pytest.mark.slow
def test_a_document_over_its_time_budget_fails_alone_in_a_worker_process(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The budget holds in a ``--workers`` process (its main thread), even inside compiled code."""
    monkeypatch.setenv("CLAIMGRAPH_DOC_SECONDS", "10")  # the workers read it as they start
    model = saved_with_backtracking_ruler(tmp_path / "model")
    texts = [SENTENCES[0], f"{SENTENCES[1]} {BACKTRACKS}", SENTENCES[2]]
    items = [Document(id=f"sha256:{n}", source_path=f"d{n}.txt", text=t, language="en") for n, t in enumerate(texts)]
    with ProcessAnalyzer(1, model=model, batch_size=1) as pool:
        results = list(pool.analyse_stream(items))
        assert pool._pool is not None  # analysed in a worker process, not here
    assert [type(r) for r in results] == [Extraction, ExtractionError, Extraction]
    failed = results[1]
    assert isinstance(failed, ExtractionError) and failed.code == "analysis_failed" and failed.source_path == "d1.txt"
    assert "longer than 10 s" in failed.message and "CLAIMGRAPH_DOC_SECONDS" in failed.message
