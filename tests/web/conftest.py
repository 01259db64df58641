"""The workbench under test: a real store, a real uvicorn on 127.0.0.1, Debian's Chromium.

* ``store_file``: one SQLite store per session, ingested with the real
  pipeline from examples/ plus our own fixture article whose title, outlet
  and body carry script and event-handler payloads.  Tests that change the
  store work on a copy (``fresh_store``).
* ``serve(url)``: starts uvicorn with the app on a free loopback port in a
  thread and waits until it accepts connections (a condition, not a sleep);
  stopped when the test ends.
* The browser is Debian's ``/usr/bin/chromium`` driven by Playwright (never
  ``playwright install``), with every host but the loopback mapped to
  nothing and Chromium's own background traffic switched off, so a page
  that tried to reach the network would fail rather than leak.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn

from claimgraph import Graph
from claimgraph.web import create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
]


@pytest.fixture(scope="session")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding examples/ and the hostile fixture article (built once per session)."""
    path = tmp_path_factory.mktemp("web") / "store.db"
    with Graph.open(f"sqlite:///{path}") as graph:
        summary = graph.ingest([EXAMPLES, FIXTURES])
        assert summary.failed == 0 and summary.stored >= 6, summary
        graph.stats()  # derived tables built now, not inside the first timed-out page load
    return path


@pytest.fixture
def fresh_store(store_file: Path, tmp_path: Path) -> str:
    """The URL of a private copy of the session store, for tests that judge names."""
    copy = tmp_path / "store.db"
    shutil.copy(store_file, copy)
    return f"sqlite:///{copy}"


class LiveServer:
    """uvicorn serving the app over one store, on a free loopback port, in a thread."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.graph = Graph.open(url)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        app = create_app(self.graph, read_only=read_only)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.base = f"http://127.0.0.1:{port}"

    def start(self) -> str:
        self.thread.start()
        tick = threading.Event()
        for _ in range(600):  # wait for the condition (uvicorn listening), checking it every 50 ms
            if self.server.started or not self.thread.is_alive():
                break
            tick.wait(0.05)
        assert self.server.started, "uvicorn did not start"
        return self.base

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.graph.close()


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """``serve(url, read_only=False)`` → the base URL of a live server over that store, stopped afterwards."""
    running: list[LiveServer] = []

    def start(url: str, read_only: bool = False) -> str:
        running.append(LiveServer(url, read_only))
        return running[-1].start()

    yield start
    for server in running:
        server.stop()


@pytest.fixture(scope="session")
def shared_server(store_file: Path) -> Iterator[str]:
    """One server over the session store for the tests that change nothing."""
    server = LiveServer(f"sqlite:///{store_file}")
    yield server.start()
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """pytest-playwright's launch options, pointed at Debian's Chromium and kept off the network."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); `make test` installs it")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}
