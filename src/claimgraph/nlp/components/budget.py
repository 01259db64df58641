"""A time budget for analysing documents: a pathological one fails alone instead of hanging its run.

Some inputs drive spaCy or our passes into super-linear time (a very long
run of quote marks, thousands of names).  ``within_budget`` raises
``AnalysisTimeout`` in the code that is running once the work has run its
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
until one lands or the work ends.

The budget wraps a call (``within_budget(seconds, work)``), not a ``with``
block, because a timeout can land at any bytecode: one landing as a ``with``
statement enters or leaves its context manager skips the manager's clean-up
and leaves the timer running, to raise in whatever the thread (or the next
thread given the same id) runs later.  Here the timer is armed inside the
``try`` whose ``finally`` disarms it, and that ``finally`` enters its own
``try`` before calling anything, so no bytecode runs between arming and
disarming that is not covered.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import TypeVar

REPEAT = 1.0  # seconds between further timeouts once the budget is spent
WATCH_THREAD = "claimgraph-time-budget"  # the name of a watchdog's thread

T = TypeVar("T")


class AnalysisTimeout(Exception):
    """The analysis of a document (or batch) took longer than its budget."""


def _message(seconds: float) -> str:
    return f"took longer than {seconds:g} s (setting CLAIMGRAPH_DOC_SECONDS)"


def within_budget(seconds: float, work: Callable[[], T]) -> T:
    """``work()``, with ``AnalysisTimeout`` raised inside it once it has run ``seconds`` (0: no budget).

    Nothing of the budget outlives the call: when it returns or raises, the
    timer is stopped and a timeout set but not yet raised is taken back.
    """
    if seconds <= 0:
        return work()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        arm, disarm = _alarm(seconds)
    else:
        arm, disarm = _watchdog(seconds)
    pending: BaseException | None = None
    try:
        arm()
        return work()
    finally:
        # Disarming runs to its end even if a last timeout or a Ctrl-C lands while it runs: one cut
        # short would leave the timer running.  A timeout landing here is dropped (the work is over),
        # a Ctrl-C or SIGTERM passed on once the timer is stopped.  No call before this ``try``.
        while True:
            try:
                disarm()
                break
            except AnalysisTimeout:
                continue
            except Exception:
                raise
            except BaseException as exc:  # a signal turned into an exception: passed on below
                pending = exc
        if pending is not None:
            raise pending


def _alarm(seconds: float) -> tuple[Callable[[], None], Callable[[], None]]:
    """The budget for a main thread: ``SIGALRM`` from a real-time interval timer, repeating."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise AnalysisTimeout(_message(seconds))

    previous = signal.getsignal(signal.SIGALRM)

    def arm() -> None:
        signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)

    def disarm() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    return arm, disarm


class _Expired(AnalysisTimeout):
    """What the watchdog raises: an asynchronous exception is a class, raised without arguments,
    so each budget makes a subclass that carries its message."""

    message = ""

    def __str__(self) -> str:
        return self.message


def _watchdog(seconds: float) -> tuple[Callable[[], None], Callable[[], None]]:
    """The budget for a thread that is not the main one: a watch thread raises ``AnalysisTimeout`` in it.

    A lock orders the watch thread against disarming: once disarmed no
    timeout is set, and one set but not raised yet is taken back, so
    nothing is raised after the work.
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

    def arm() -> None:
        threading.Thread(target=watch, name=WATCH_THREAD, daemon=True).start()

    def disarm() -> None:
        with lock:
            over.set()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)  # one set but not raised yet: taken back

    return arm, disarm
