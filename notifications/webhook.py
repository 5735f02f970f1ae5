"""Webhooks: a signed JSON POST per notification, for systems that want events, not e-mail.

Signing follows the common "timestamp.body" scheme (Stripe, Slack): the receiver
recomputes HMAC-SHA256 over `<X-Dondoc-Timestamp>.<raw body>` with the shared secret and
refuses old timestamps, so a captured request cannot be replayed later. The
Idempotency-Key stays the same on every retry of one notification: receivers dedup on it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from notifications.transport import TransportError, http_status_is_permanent

URLS_ENV = "DONDOC_WEBHOOK_URLS"
DEFAULT_TIMEOUT = 5.0
MIN_SECRET_LENGTH = 16
SIGNATURE_PREFIX = "sha256="
USER_AGENT = "dondoc-webhook/1"


@dataclass(frozen=True)
class WebhookSettings:
    urls: tuple[str, ...] = ()
    secret: str = field(default="", repr=False)
    timeout: float = DEFAULT_TIMEOUT  # seconds, for connecting and for the answer


def parse_urls(value: str) -> tuple[str, ...]:
    """Comma-separated http(s) URLs, blanks skipped, each once; ValueError names the bad one."""
    urls: list[str] = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        problem = url_problem(item)
        if problem:
            raise ValueError(f"{URLS_ENV}: {_shown(item)!r} {problem}")
        urls.append(item)
    return tuple(dict.fromkeys(urls))


def url_problem(url: str) -> str | None:
    """None if `url` can receive webhooks, else what is wrong (Vietnamese, then English)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "không phải địa chỉ hợp lệ (not a valid URL)"
    if parts.scheme not in ("http", "https"):
        return "phải bắt đầu bằng http:// hoặc https:// (scheme must be http or https)"
    if not parts.hostname:
        return "thiếu tên máy chủ (host is missing)"
    if parts.username or parts.password:
        # Credentials in a URL end up in logs; the HMAC signature is the authentication.
        return "không được chứa tên đăng nhập/mật khẩu (no credentials in the URL)"
    return None


def _shown(url: str) -> str:
    """The URL without its query: webhook URLs often carry a token there."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.partition("?")[0]
    return parts._replace(query="***" if parts.query else "", fragment="").geturl()


def sign(secret: str | bytes, timestamp: int | str, body: bytes) -> str:
    """The X-Dondoc-Signature value: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>`."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    digest = hmac.new(key, f"{timestamp}.".encode("ascii") + body, hashlib.sha256)
    return SIGNATURE_PREFIX + digest.hexdigest()


def verify_signature(
    secret: str | bytes,
    timestamp: str | int,
    body: bytes,
    header: str,
    now: float,
    tolerance: float = 300,
) -> bool:
    """True if `header` signs `body` at `timestamp`, and `timestamp` is within `tolerance`
    seconds of `now` (unix seconds); for receivers and tests."""
    try:
        sent_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(now - sent_at) > tolerance:
        return False
    expected = sign(secret, sent_at, body)
    # compare_digest takes as long for a near miss as for a far one: no timing oracle.
    return hmac.compare_digest(expected.encode("ascii"), header.strip().encode("utf-8", "replace"))


def encode_body(payload: dict[str, Any]) -> bytes:
    """UTF-8 JSON, Vietnamese kept as is (not \\u escapes) so that logs stay readable."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class WebhookTransport:
    """POSTs notifications over one pooled httpx.Client; one attempt per `post`."""

    def __init__(
        self, settings: WebhookSettings, *, clock: Callable[[], float] = time.time
    ) -> None:
        if not settings.secret:
            raise ValueError(
                "DONDOC_WEBHOOK_SECRET: chưa có khoá bí mật để ký webhook (secret missing)"
            )
        self.settings = settings
        self._clock = clock  # the transport is an edge: it may read the clock, tests set it
        timeout = httpx.Timeout(settings.timeout)  # connect, read, write and pool alike
        # Redirects are not followed: a POST that is redirected is a misconfigured URL.
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}
        )

    def __enter__(self) -> WebhookTransport:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def post(self, url: str, payload: dict[str, Any], idempotency_key: str) -> None:
        """Send `payload` to `url`, signed; return on 2xx, raise TransportError otherwise."""
        request = self._build(url, payload, idempotency_key)
        try:
            response = self._client.send(request)
        except httpx.TimeoutException as exc:
            raise TransportError(
                f"Webhook {_shown(url)}: quá {self.settings.timeout:g} giây không trả lời ({type(exc).__name__})",
                permanent=False,
            ) from exc
        except httpx.RequestError as exc:  # refused, reset, DNS, broken protocol
            raise TransportError(
                f"Webhook {_shown(url)}: không kết nối được ({exc!r})", permanent=False
            ) from exc
        _check_status(url, response)

    def _build(self, url: str, payload: dict[str, Any], idempotency_key: str) -> httpx.Request:
        """The signed request; anything wrong here will be as wrong next time (permanent)."""
        problem = url_problem(url)
        if problem:
            raise TransportError(f"Webhook {_shown(url)} {problem}", permanent=True)
        if not (idempotency_key and idempotency_key.isascii() and idempotency_key.isprintable()):
            raise TransportError(
                f"Idempotency-Key {idempotency_key!r} phải khác rỗng, chỉ gồm ký tự ASCII in được",
                permanent=True,
            )
        try:
            body = encode_body(payload)
        except (TypeError, ValueError) as exc:
            raise TransportError(
                f"Nội dung webhook không chuyển được sang JSON: {exc}", permanent=True
            ) from exc
        timestamp = int(self._clock())
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": idempotency_key,
            "X-Dondoc-Timestamp": str(timestamp),
            "X-Dondoc-Signature": sign(self.settings.secret, timestamp, body),
        }
        try:
            return self._client.build_request("POST", url, content=body, headers=headers)
        except (httpx.InvalidURL, UnicodeError) as exc:  # e.g. a host IDNA refuses
            raise TransportError(f"Webhook {_shown(url)}: {exc}", permanent=True) from exc


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    # 3xx is not followed and 4xx will fail again the same way; 408, 429, 5xx may pass later.
    permanent = status < 400 or http_status_is_permanent(status)
    excerpt = response.text[:200].strip()
    raise TransportError(
        f"Webhook {_shown(url)}: máy nhận trả lời HTTP {status} {response.reason_phrase}"
        + (f": {excerpt}" if excerpt else ""),
        permanent=permanent,
    )
