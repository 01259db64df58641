"""A Ctrl-C or SIGTERM that arrives while a batch commits stops the ingest once the batch is counted.

A signal that comes during the commit is raised as soon as the commit
returns; the tests raise it at that moment, after the real commit.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph import interrupts, load
from claimgraph.load import IngestSummary, write_results
from claimgraph.store import open_store
from records import document, extraction


class Stopped(BaseException):
    """What the SIGTERM handler of these tests raises (the CLI raises its own)."""


def stop(_signum: int, _frame: object) -> None:
    raise Stopped


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_during_a_commit_comes_after_the_batch_is_counted(tmp_path: Path, monkeypatch, signum: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLAIMGRAPH_BATCH_SIZE", "2")
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    real = load.write_batch

    def signalled_as_it_commits(*args):  # type: ignore[no-untyped-def]
        outcomes = real(*args)
        signal.raise_signal(signum)
        return outcomes

    monkeypatch.setattr(load, "write_batch", signalled_as_it_commits)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        texts = [f"The Amber Lantern Front held Korvana on day {n}." for n in range(5)]
        results = [extraction(document(text, path=f"d{n}.txt"), []) for n, text in enumerate(texts)]
        counted: list[str] = []
        with pytest.raises(KeyboardInterrupt if signum == signal.SIGINT else Stopped):
            write_results(engine, results, "test", IngestSummary(), counted.append)
    finally:
        signal.signal(signal.SIGTERM, previous)
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT count(*) FROM documents")).scalar_one()
    assert stored == 2 and counted == ["d0.txt", "d1.txt"]


def test_holding_puts_the_handlers_back_and_a_quiet_block_raises_nothing() -> None:
    before = [signal.getsignal(s) for s in interrupts.STOPS]
    with interrupts.held():
        assert all(signal.getsignal(s) not in before for s in interrupts.STOPS)
    assert [signal.getsignal(s) for s in interrupts.STOPS] == before
