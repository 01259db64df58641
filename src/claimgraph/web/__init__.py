"""The analyst's workbench: server-rendered pages and a JSON API over one ``Graph``.

``create_app(graph)`` builds the FastAPI application; ``claimgraph serve``
runs it under uvicorn.  Like the CLI, this layer only calls ``Graph``: every
page renders the same JSON value its ``/api/`` twin returns, so the two
cannot drift apart.
"""

from __future__ import annotations

from claimgraph.web.app import create_app

__all__ = ["create_app"]
