"""A time budget for analysing documents: a pathological one fails alone instead of hanging its run.

Some inputs drive spaCy or our passes into super-linear time (a very long
run of quote marks, thousands of names).  ``time_budget`` arms a real-time
interval timer whose signal raises ``AnalysisTimeout`` in the code that is
running, so the document becomes an ``analysis_failed`` record saying how
long it was given.  Signals reach only the main thread, so elsewhere (a
thread pool) the budget is not enforced; the worker processes of
``--workers`` run their batches in their main thread and keep it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class AnalysisTimeout(Exception):
    """The analysis of a document (or batch) took longer than its budget."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ``AnalysisTimeout`` inside the block once it has run ``seconds`` (0: no budget)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise AnalysisTimeout(f"took longer than {seconds:g} s (setting CLAIMGRAPH_DOC_SECONDS)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
