"""The time budget raises in whichever thread analyses, and never after its block has ended."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from claimgraph.nlp.budget import AnalysisTimeout, time_budget


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
    with time_budget(0.3):
        for _ in range(1200):
            time.sleep(0.05)


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
                with time_budget(0.001 * (n % 4 + 1)):
                    sum(range(2000 * (n % 7)))
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
    with time_budget(seconds):
        return "done"
