"""A Ctrl-C or SIGTERM that lands while a finalizer runs still stops the command (interrupts.not_lost).

Python drops an exception a ``__del__`` raises ("Exception ignored in …"),
so a ``KeyboardInterrupt`` raised there used to vanish: the command went on
as if the key had never been pressed.  Here a fresh interpreter runs work
under the CLI's interrupt handling while an object's ``__del__`` signals the
process itself, so the interrupt always lands inside the finalizer.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

SCRIPT = """
import os, signal, sys, time
from claimgraph import cli

SIGNUM = int(sys.argv[1])

class Finalized:
    def __del__(self):
        os.kill(os.getpid(), SIGNUM)  # handled at the next bytecode, which is still this finalizer's
        sum(range(1000))

try:
    with cli._interruptible(lambda: "nothing committed"):
        Finalized()  # dropped at once: its __del__ runs here
        for _ in range(3000):  # the work the interrupt should stop (30 s when nothing stops it)
            time.sleep(0.01)
        print("the work ran to its end")
except cli.typer.Exit as exc:  # what the command's status becomes under typer
    sys.exit(exc.exit_code)
"""


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupt_raised_in_a_finalizer_still_stops_the_command(signum: int, status: int) -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(int(signum))], capture_output=True, text=True, timeout=120)
    assert "the work ran to its end" not in run.stdout
    assert run.returncode == status, run.stderr
    assert f"stopped by {signal.Signals(signum).name}: nothing committed" in run.stderr
    assert "Exception ignored" not in run.stderr  # delivered, not reported as dropped


def test_other_exceptions_in_finalizers_are_reported_as_before() -> None:
    script = (
        "from claimgraph import interrupts\n"
        "class Broken:\n"
        "    def __del__(self):\n"
        "        raise ValueError('finalizer failed')\n"
        "with interrupts.not_lost():\n"
        "    Broken()\n"
        "print('went on')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "went on" in run.stdout
    assert "Exception ignored" in run.stderr and "finalizer failed" in run.stderr
