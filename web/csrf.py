"""CSRF protection for the action forms: a signed double-submit token bound to the link.

The confirmation page (GET) gives the browser a random nonce in a cookie (HttpOnly,
SameSite=Lax, path /a/) and puts in the form a hidden field

    <issued, Unix seconds>.<HMAC-SHA256(key, nonce | SHA-256(link token) | issued)>

The POST is honoured only when the field verifies against the cookie that came with it,
for this very link, and is younger than FORM_LIFETIME. So a form works only in the
browser that loaded it (another site can neither read the cookie nor forge the MAC, and
SameSite keeps the cookie off cross-site POSTs), a form of one link cannot be replayed on
another, and the server keeps no state, so any number of web processes share the work.

Why not the Origin header as well: with `Referrer-Policy: no-referrer` (which keeps link
tokens out of Referer) browsers send `Origin: null` on POST, so it would prove nothing.
The key is derived from the link-signing key under its own label.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

COOKIE = "dondoc_csrf"
COOKIE_PATH = "/a/"
FORM_LIFETIME = timedelta(hours=12)
_LABEL = b"dondoc.web.csrf/v1"


class CsrfGuard:
    def __init__(self, signing_key: bytes, *, secure_cookie: bool) -> None:
        self._key = hmac.new(signing_key, _LABEL, hashlib.sha256).digest()
        self.secure_cookie = secure_cookie

    @staticmethod
    def nonce(existing: str | None) -> str:
        """The browser's nonce if it looks like one of ours, else a new one."""
        if existing and len(existing) == 43 and existing.isascii():
            return existing
        return secrets.token_urlsafe(32)

    def form_token(self, *, nonce: str, link_token: str, now: datetime) -> str:
        issued = int(now.timestamp())
        return f"{issued}.{self._mac(nonce, link_token, issued)}"

    def verify(
        self, *, cookie: str | None, submitted: str | None, link_token: str, now: datetime
    ) -> bool:
        if not cookie or not submitted or "." not in submitted:
            return False
        issued_text, mac = submitted.split(".", 1)
        if not issued_text.isdigit():
            return False
        issued = int(issued_text)
        age = now.timestamp() - issued
        if not -60 <= age <= FORM_LIFETIME.total_seconds():  # a minute of clock skew
            return False
        return hmac.compare_digest(mac, self._mac(cookie, link_token, issued))

    def _mac(self, nonce: str, link_token: str, issued: int) -> str:
        link = hashlib.sha256(link_token.encode()).hexdigest()
        message = f"{nonce}|{link}|{issued}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()
