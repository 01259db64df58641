"""The time budget raises in whichever thread analyses, and nothing of it outlives its work."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable

import pytest

from claimgraph.nlp.components.budget import WATCH_THREAD, AnalysisTimeout, within_budget


def in_a_thread(work: Callable[[], object]) -> object:
    """What ``work`` returned or raised, run in a thread that is not the main one."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # the test inspects whatever came out, the stray ones too
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)  # a guard against a budget that never fires, not a measure
    assert not thread.is_alive() and len(outcome) == 1
    return outcome[0]


def endless() -> None:
    """Python steps for ever (a minute, so a broken budget cannot hang the run)."""

    def steps() -> None:
        for _ in range(1200):
            time.sleep(0.05)

    within_budget(0.3, steps)


@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_a_block_over_its_budget_raises_with_the_setting_named(where: str) -> None:
    if where == "main thread":
        with pytest.raises(AnalysisTimeout) as raised:
            endless()
        error: object = raised.value
    else:
        error = in_a_thread(endless)
    assert isinstance(error, AnalysisTimeout)
    assert "longer than 0.3 s" in str(error) and "CLAIMGRAPH_DOC_SECONDS" in str(error)


def test_a_budget_that_runs_out_as_its_block_ends_raises_nothing_after_it() -> None:
    """Hundreds of blocks ending about when their budget does: a timeout is raised inside one or not at all."""

    def many() -> tuple[int, int]:
        inside = finished = 0
        for n in range(300):
            try:
                within_budget(0.001 * (n % 4 + 1), lambda n=n: sum(range(2000 * (n % 7))))
                finished += 1
            except AnalysisTimeout:
                inside += 1
            sum(range(5000))  # bytecodes after the block, where a late exception would land
        return inside, finished

    result = in_a_thread(many)
    assert isinstance(result, tuple) and sum(result) == 300


def test_no_budget_and_a_short_block_change_nothing() -> None:
    assert in_a_thread(lambda: _quick(0)) == "done"
    assert in_a_thread(lambda: _quick(60)) == "done"
    assert _quick(60) == "done"


def _quick(seconds: float) -> str:
    return within_budget(seconds, lambda: "done")


def watchers() -> int:
    """How many watchdog threads are alive, after a moment for those told to stop to end."""
    for _ in range(100):  # a guard of at most 10 s, not a measure
        alive = sum(1 for thread in threading.enumerate() if thread.name == WATCH_THREAD)
        if not alive:
            break
        time.sleep(0.1)
    return alive


def spent_at_once(blocks: int) -> int:
    """Budgets of a microsecond around nothing, so that most run out while their timer is being set."""
    inside = 0
    for _ in range(blocks):
        try:
            within_budget(1e-6, lambda: None)
        except AnalysisTimeout:
            inside += 1
    return inside


def test_a_budget_that_runs_out_as_it_starts_leaves_no_timer_behind() -> None:
    """A timeout landing while the timer is set up still stops that timer.

    A watchdog left running fires into its thread's id every second, so a
    later thread that gets the same id (they are reused) receives a timeout
    from a budget it never had.
    """
    outcome = in_a_thread(lambda: spent_at_once(500))
    assert isinstance(outcome, int) and watchers() == 0
    later = in_a_thread(lambda: [time.sleep(0.05) for _ in range(50)])  # 2.5 s of Python steps, no budget
    assert isinstance(later, list)

    handler = signal.getsignal(signal.SIGALRM)
    assert isinstance(spent_at_once(500), int)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) == handler
