"""Warnings raised while one document is read, gathered onto that document.

Reading a document can change what the user gave without failing it: NUL
or control characters stripped, a numeric date read by a convention that
could be wrong, text cut at a limit.  Each such change must be said, on
the document it happened to, so that ``claimgraph errors --warnings`` and
the ingest summary can show it — nothing is altered silently.  The readers
that notice a change sit deep in the stack (the decoder, the date parser)
and know nothing of the document being built, so they call ``warn`` and
the one place that builds the ``Document`` (``article.read_document``)
collects what was said while it ran: a context variable, so concurrent
readers in threads never mix their warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from claimgraph.model import ReadingWarning, WarningCode

log = logging.getLogger(__name__)
_current: ContextVar[list[ReadingWarning] | None] = ContextVar("claimgraph_reading_warnings", default=None)


def warn(code: WarningCode, message: str) -> None:
    """Record ``message`` on the document being read (and log it, for a caller outside any document)."""
    gathered = _current.get()
    said = ReadingWarning(code, message)
    if gathered is None:
        log.warning("%s", message)
    elif said not in gathered:
        gathered.append(said)


@contextmanager
def gathering() -> Iterator[list[ReadingWarning]]:
    """Collect the warnings of everything read inside the block into the yielded list."""
    gathered: list[ReadingWarning] = []
    token = _current.set(gathered)
    try:
        yield gathered
    finally:
        _current.reset(token)
