"""What an ingest tells whoever watches it: each document written, and each batch a worker analysed.

The command line draws a live progress display from these calls (rates,
failures so far, one row per worker); the library calls them and knows
nothing of terminals.  Both are called in the ingesting process.
"""

from __future__ import annotations

from typing import Protocol


class Watch(Protocol):
    """The two calls an ingest makes as it goes."""

    def written(self, path: str, outcome: str) -> None:
        """A document (or failure record) of ``path`` was committed: ``stored``, ``duplicates`` or ``failed``."""

    def analysed(self, worker: str, documents: int) -> None:
        """``worker`` (a process or a Dask worker, as shown) sent back ``documents`` analysed documents."""
