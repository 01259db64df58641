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

A Ctrl-C that lands while a finalizer runs (an object's ``__del__``, a
weakref or garbage-collector callback) raises its ``KeyboardInterrupt``
where Python cannot pass it on: it is printed as "Exception ignored" and
dropped, and the command goes on as if no key had been pressed.  Inside
``not_lost()`` such an interrupt is delivered again, as the same signal,
from a timer thread a moment later, when the main thread is back in its own
code (again, should that land in a finalizer too).
"""

from __future__ import annotations

import _thread
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOPS = (signal.SIGINT, signal.SIGTERM)
AGAIN = 0.05  # seconds before an interrupt a finalizer swallowed is delivered again


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


@contextmanager
def not_lost() -> Iterator[None]:
    """Run the block with every Ctrl-C or SIGTERM delivered, even one that lands in a finalizer.

    ``sys.unraisablehook`` is where Python reports the exception a finalizer
    raised; a ``KeyboardInterrupt`` (or a subclass with a ``signum``: the
    CLI's SIGTERM) reported there is raised again as its signal through the
    handler then in place (``_thread.interrupt_main``), so ``held()`` still
    holds it back.  Any other unraisable exception goes to the hook as before.
    """
    previous = sys.unraisablehook
    timers: list[threading.Timer] = []

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, KeyboardInterrupt):
            previous(unraisable)
            return
        signum = getattr(unraisable.exc_value, "signum", signal.SIGINT)
        timer = threading.Timer(AGAIN, _thread.interrupt_main, (signum,))
        timer.daemon = True
        timers.append(timer)
        timer.start()

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous
        for timer in timers:  # the block is over: nothing is delivered into whatever runs next
            timer.cancel()
