"""The ingest's live display on a terminal: documents, rate, failures, time left, and a row per worker.

It is a ``watch.Watch``: the ingest tells it of each document written and
of each batch a worker sent back, and it redraws a few times a second on
stderr (never stdout, which may carry JSON).  The command line uses it
only when stderr is a terminal; on a pipe nothing is drawn.  The time left
is estimated from the input files counted before the ingest starts, as if
each held one document (a CSV or WARC file holding many makes it an
under-estimate of the work, never a wrong count of what was done).
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any


class IngestDisplay:
    """A rich progress display: one line for the whole ingest, one per worker that has sent results."""

    def __init__(self, files: int) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeRemainingColumn(), TimeElapsedColumn())
        # rich would otherwise take over sys.stdout to print above the display, and an export with it
        self.bar = Progress(
            *columns, console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False
        )
        self.files, self.start = files, time.monotonic()
        self.outcomes = {"stored": 0, "duplicates": 0, "failed": 0}
        self.total = self.bar.add_task(self._line(), total=files or None)
        self.workers: dict[str, Any] = {}
        self.done: dict[str, int] = {}

    def __enter__(self) -> IngestDisplay:
        self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.bar.stop()

    def _rate(self, documents: int) -> str:
        return f"{documents / max(time.monotonic() - self.start, 1e-9):.1f} docs/s"

    def _line(self) -> str:
        written = sum(self.outcomes.values())
        o = self.outcomes
        return (
            f"{written} documents ({self._rate(written)}): stored {o['stored']}, "
            f"duplicates {o['duplicates']}, failed {o['failed']}"
        )

    def written(self, path: str, outcome: str) -> None:
        """Count one result committed; the line shows the totals and the rate so far."""
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        self.bar.update(self.total, advance=1, description=self._line())

    def analysed(self, worker: str, documents: int) -> None:
        """Count ``documents`` a worker sent back, on that worker's own row."""
        self.done[worker] = self.done.get(worker, 0) + documents
        line = f"  {worker}: {self.done[worker]} analysed ({self._rate(self.done[worker])})"
        if worker not in self.workers:
            self.workers[worker] = self.bar.add_task(line, total=None)
        self.bar.update(self.workers[worker], description=line)
