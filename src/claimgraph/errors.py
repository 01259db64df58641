"""The one exception hierarchy of claimgraph.

    ClaimgraphError             anything claimgraph raises on purpose
    ├── ConfigError             a setting or option has an unusable value
    ├── InputError              a document cannot be read; carries a contract code
    ├── ModelError              the spaCy model cannot be loaded
    ├── OutputError             an export cannot be written where it was asked to go
    └── StoreError              the store cannot be opened or written
        └── NotFoundError       a name resolves to nothing (or to several actors)

The CLI maps these to a one-line message and an exit status in one place
(``cli.py``); library callers catch ``ClaimgraphError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimgraph.model import ErrorCode


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class ConfigError(ClaimgraphError):
    """A setting or command-line option has an unusable value."""


class InputError(ClaimgraphError):
    """A document cannot be read; ``code`` is the contract's error code."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ModelError(ClaimgraphError):
    """The configured spaCy model is not installed or cannot be loaded."""


class OutputError(ClaimgraphError):
    """An export cannot be written to its target file (full disk, no permission …)."""


class StoreError(ClaimgraphError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StoreError):
    """A name given by the user resolves to no actor, or to several."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []
