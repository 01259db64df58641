"""What keeps a page full of hostile article text harmless, and state changes deliberate.

* Every response carries a Content-Security-Policy that allows scripts and
  styles from this server only: even if some article text slipped past
  Jinja's autoescaping, an inline ``<script>`` or ``onerror=`` could not run.
  Escaping is still the first defence (the templates never mark article text
  safe); the policy is the second.
* A state-changing request is a POST carrying the server's CSRF token, in
  the ``X-CSRF-Token`` header (the API, htmx) or a ``csrf_token`` form field
  (plain forms, JavaScript off).  The token is made fresh when the server
  starts and is only ever written into pages this server renders, which a
  page on another origin cannot read; so a forged cross-site POST lacks it.
* Under ``--read-only`` every state change is refused with 403 before the
  token is even looked at.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from fastapi import HTTPException, Request
from starlette.responses import Response

CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


@dataclass(frozen=True, slots=True)
class Guard:
    """The server's CSRF token and whether it accepts state changes at all."""

    read_only: bool = False
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    def check(self, presented: str | None) -> None:
        """Refuse a state change: 403 under read-only or without the right token."""
        if self.read_only:
            raise HTTPException(403, "this server is read-only (started with --read-only)")
        if not presented or not hmac.compare_digest(presented.encode(), self.token.encode()):
            raise HTTPException(403, f"missing or wrong CSRF token (send the page's token as {CSRF_HEADER})")


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Middleware: the content policy and the usual hardening headers on every response."""
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response
