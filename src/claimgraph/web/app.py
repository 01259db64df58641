"""The FastAPI application: pages and ``/api/`` routes over one ``Graph``, offline by construction.

Static assets are the package's own files (``static/``, with the vendored
htmx and Cytoscape.js under ``static/vendor`` and their manifest); the
interactive API docs, which would pull scripts from a CDN, are off, and the
OpenAPI description is served as plain JSON at ``/api/openapi.json``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from claimgraph.web import api, pages, problems
from claimgraph.web.safety import Guard, security_headers

if TYPE_CHECKING:
    from claimgraph.graph import Graph

STATIC = Path(__file__).resolve().parent / "static"


def create_app(graph: Graph, *, read_only: bool = False) -> FastAPI:
    """The workbench over ``graph``; ``read_only`` refuses every state change with 403."""
    app = FastAPI(
        title="claimgraph",
        summary="The analyst's workbench over a claimgraph store.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.graph = graph
    app.state.guard = Guard(read_only=read_only)
    # Judgements and the refresh they trigger run one at a time; reads need no lock.
    app.state.write_lock = threading.Lock()
    app.middleware("http")(security_headers)
    problems.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
