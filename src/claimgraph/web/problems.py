"""Errors mapped to responses in one place, as the CLI maps them to exit statuses in ``cli._fail``.

An ``/api/`` request gets ``{"error": {"status", "title", "detail"}}`` (plus
``candidates`` for an ambiguous name); a page gets the same message as HTML.
Nothing ever shows a traceback: an unexpected error is logged here and the
client is told only that it happened.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from claimgraph.errors import ClaimgraphError, ConfigError, NotFoundError
from claimgraph.web.render import page

log = logging.getLogger(__name__)


def problem(request: Request, status: int, detail: str, candidates: list[str] | None = None) -> Response:
    """The error response for ``request``: JSON under /api/, an HTML page elsewhere."""
    title = HTTPStatus(status).phrase
    if request.url.path.startswith("/api/"):
        body: dict[str, Any] = {"status": status, "title": title, "detail": detail}
        if candidates:
            body["candidates"] = candidates
        return JSONResponse({"error": body}, status_code=status)
    context = {"status": status, "title": title, "detail": detail, "candidates": candidates or []}
    return page(request, "error.html", context, status_code=status)


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into ``problem``."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return problem(request, 422, _validation_detail(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return problem(request, exc.status_code, str(exc.detail))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return problem(request, 404, str(exc), exc.candidates)

    @app.exception_handler(ConfigError)
    async def bad_value(request: Request, exc: ConfigError) -> Response:
        return problem(request, 400, str(exc))

    @app.exception_handler(ClaimgraphError)
    async def store_error(request: Request, exc: ClaimgraphError) -> Response:
        return problem(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error serving %s", request.url.path)
        return problem(request, 500, "the server hit an unexpected error; it is logged on the server")
