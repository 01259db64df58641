"""Templates: one Jinja2 environment with autoescaping always on, whole pages or single blocks.

Autoescaping is forced on for every template (not chosen by file name), and
no template marks article text ``|safe``: a title like
``<img src=x onerror=...>`` is written as the characters it is.  When htmx
asks for part of a page (the ``HX-Request`` header) a route may name the
block to send, and jinja2-fragments renders that block alone from the same
template, so the partial and the full page cannot differ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2_fragments import render_block

TEMPLATES = Path(__file__).resolve().parent / "templates"

environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _query(values: dict[str, Any], **changes: Any) -> str:
    """A query string from ``values`` with ``changes`` applied (None drops a key)."""
    merged = {**values, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")}, doseq=True)


environment.globals["query"] = _query


def page(
    request: Request, template: str, context: dict[str, Any], *, block: str | None = None, status_code: int = 200
) -> HTMLResponse:
    """Render ``template`` (or only its ``block`` for an htmx request) with the guard's token in context."""
    guard = request.app.state.guard
    full = {
        "request": request,
        "csrf_token": guard.token,
        "read_only": guard.read_only,
        "q": request.query_params.get("q", ""),
        **context,
    }
    if block is not None and request.headers.get("HX-Request") == "true":
        html = render_block(environment, template, block, full)
    else:
        html = environment.get_template(template).render(full)
    return HTMLResponse(html, status_code=status_code)
