"""Shared fixtures: a store URL for each backend (SQLite file, real PostgreSQL)."""

from __future__ import annotations

import itertools
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from postgres_server import PostgresServer, binaries

_counter = itertools.count()

# A suite started in the background of a non-interactive shell inherits SIGINT ignored, and so would every
# command it starts: the interrupt tests would then test the shell, not claimgraph.  Python's own handler
# here becomes the default disposition in each child at exec, where Python installs it again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole session (skipped only when the binaries are absent)."""
    bindir = binaries()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not installed (/usr/lib/postgresql/*/bin); `make test` installs them")
    server = PostgresServer(bindir)
    server.start()
    yield server
    server.stop()


def _empty_store(request: pytest.FixtureRequest, folder: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{folder / 'store.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"test_{next(_counter)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's URL, once per backend."""
    return _empty_store(request, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An empty store's URL, once per backend for a whole test module: for tests that only read what one
    ingest stored, so the model is loaded and the documents analysed once rather than once a test."""
    return _empty_store(request, tmp_path_factory.mktemp("store"))
