"""A time budget for analysing documents: a pathological one fails alone instead of hanging its run.

Some inputs drive spaCy or our passes into super-linear time (a very long
run of quote marks, thousands of names).  ``time_budget`` raises
``AnalysisTimeout`` in the code that is running once the block has run its
budget, so the document becomes an ``analysis_failed`` record saying how
long it was given.  It works in whichever thread analyses:

* in a main thread (``extract``, ``ingest``, the ``--workers`` processes,
  which run their batches in their main thread) a real-time interval timer
  (``SIGALRM``) raises it, which also cuts a blocking sleep or read short;
* in any other thread (a Dask worker runs its tasks in a thread pool, and
  signals reach only the main thread) a timer thread raises it in the
  analysing thread with ``PyThreadState_SetAsyncExc``, CPython's way of
  raising an exception in another thread.

Either way the exception is raised between Python bytecodes, and some
compiled code checks for signals (``re`` does), so the alarm cuts a regular
expression that backtracks for ever; the watchdog waits for the bytecode loop,
so in a thread a single call into compiled code (one parser step) finishes
first.  A timeout raised where Python cannot pass it on (a garbage-collector
callback, a ``__del__``) is lost, so both fire again every ``REPEAT`` seconds
until one lands or the block ends.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

REPEAT = 1.0  # seconds between further timeouts once the budget is spent


class AnalysisTimeout(Exception):
    """The analysis of a document (or batch) took longer than its budget."""


def _message(seconds: float) -> str:
    return f"took longer than {seconds:g} s (setting CLAIMGRAPH_DOC_SECONDS)"


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ``AnalysisTimeout`` inside the block once it has run ``seconds`` (0: no budget)."""
    if seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


def _stop(stop: Callable[[], None]) -> None:
    """Run ``stop`` (the end of a budget) to its end, even if a last timeout or a Ctrl-C lands while it runs.

    A stop cut short would leave the timer running, raising outside the block;
    a timeout that lands here is dropped (the block is over), a Ctrl-C or
    SIGTERM passed on once the timer is stopped.
    """
    pending: BaseException | None = None
    while True:
        try:
            stop()
            break
        except AnalysisTimeout:
            continue
        except Exception:
            raise
        except BaseException as exc:  # a signal turned into an exception: passed on below
            pending = exc
    if pending is not None:
        raise pending


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise AnalysisTimeout(_message(seconds))

    previous = signal.signal(signal.SIGALRM, expire)

    def stop() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield
    finally:
        _stop(stop)


class _Expired(AnalysisTimeout):
    """What the watchdog raises: an asynchronous exception is a class, raised without arguments,
    so each budget makes a subclass that carries its message."""

    message = ""

    def __str__(self) -> str:
        return self.message


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """The budget for a thread that is not the main one: a watch thread raises ``AnalysisTimeout`` in it.

    A lock orders the watch thread against the block's end: once the block
    is over no timeout is set, and one set but not raised yet is taken back,
    so nothing is raised after the block.
    """
    expired = type("AnalysisTimeout", (_Expired,), {"message": _message(seconds)})
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    over = threading.Event()

    def watch() -> None:
        wait = seconds
        while not over.wait(wait):
            with lock:
                if over.is_set():
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(expired))
            wait = REPEAT

    def stop() -> None:
        with lock:
            over.set()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)  # one set but not raised yet: taken back

    threading.Thread(target=watch, name="claimgraph-time-budget", daemon=True).start()
    try:
        yield
    finally:
        _stop(stop)
