"""Response headers every page carries, and keeping link tokens out of the logs.

- CSP: only our own stylesheet and our own script file (the vendored htmx, which polls
  the dashboard's figures: connect-src 'self'); no inline script, no eval, no frames,
  forms post to us only.
- X-Frame-Options DENY (and frame-ancestors 'none'): no clickjacking of the confirm button.
- Referrer-Policy no-referrer: a token in the address never leaks to another site.
- Cache-Control no-store: a page opened with a token is not kept by browsers or proxies.
"""

from __future__ import annotations

import logging
import re
from typing import TypeVar

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

AnyResponse = TypeVar("AnyResponse", bound=Response)

CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
    "img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
NO_STORE = "no-store"
STATIC_CACHE = "public, max-age=3600"
_RAW_HEADERS = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
_REPLACED = frozenset(name for name, _ in _RAW_HEADERS) | {b"cache-control"}


def apply_security_headers(response: AnyResponse) -> AnyResponse:
    # The middleware below covers every response but the 500 page: Starlette sends that
    # from ServerErrorMiddleware, outside any middleware the app adds.
    for name, value in HEADERS.items():
        response.headers[name] = value
    response.headers["Cache-Control"] = NO_STORE
    return response


class SecurityHeaders:
    """Pure ASGI middleware: the headers on every response, static files cacheable."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                cache = STATIC_CACHE if static else NO_STORE
                message["headers"] = kept + _RAW_HEADERS + [(b"cache-control", cache.encode())]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --- logs -------------------------------------------------------------------------------

_TOKEN_IN_PATH = re.compile(r"(/a/[^/?#\s\"]+/)[^/?#\s\"]+")
_FEED_IN_PATH = re.compile(r"(/feeds/)[^/?#\s\"]+")
_TOKEN_IN_QUERY = re.compile(r"([?&]t=)[^&#\s\"]+")


def redact(text: str) -> str:
    """A request line or URL with any link token replaced by '…'."""
    text = _FEED_IN_PATH.sub(r"\1…", _TOKEN_IN_PATH.sub(r"\1…", text))
    return _TOKEN_IN_QUERY.sub(r"\1…", text)


class RedactTokens(logging.Filter):
    """Uvicorn's access log names the path, which carries the token: cut it out."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def redact_uvicorn_logs() -> None:
    for name in ("uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())
