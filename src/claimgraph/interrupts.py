"""Ctrl-C and SIGTERM held back while a batch of documents is committed and counted.

An ingest that is stopped says how many documents it committed.  A signal
that arrives while the store commits (an fsync can take a while on a busy
disk) would otherwise be raised the moment the commit returns, before the
batch is counted, and the count would fall short of the store.  Inside
``held()`` such a signal is only noted; once the block is over it is raised
again, and the handler in place then (Ctrl-C's ``KeyboardInterrupt``, the
CLI's SIGTERM handler, or the default that ends the process) acts on it.

Signal handlers run in the main thread only, so elsewhere ``held()`` does
nothing: no signal can interrupt that thread's commit anyway.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOPS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def held() -> Iterator[None]:
    """Run the block without Ctrl-C or SIGTERM interrupting it; one that arrived is raised after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        arrived.append(signum)  # never raises: nothing can cut the block or its clean-up short

    # a handler set outside Python (None) cannot be put back, so that signal is left alone
    previous = {signum: handler for signum in STOPS if (handler := signal.getsignal(signum)) is not None}
    try:
        for signum in previous:
            signal.signal(signum, note)
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if arrived:
        signal.raise_signal(arrived[0])
