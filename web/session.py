"""The session cookie: who signed in and when, signed, for LIFETIME.

The cookie is `<payload>.<mac>`: payload is base64url (no padding) of
`{"e": email, "i": issued (Unix milliseconds)}` and mac is HMAC-SHA256 over the payload
with a key derived from the link-signing key under its own label (so a link token can
never pass for a session, nor the other way round). The server keeps no session table:
the account's `sessions_valid_after` ends every cookie issued before it (sign-out, new
password, lockout), and who the person is and may do is read from the registries at
every request. HttpOnly, SameSite=Lax, Secure when the site is served over https.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

COOKIE = "dondoc_session"
LIFETIME = timedelta(hours=12)
MAX_COOKIE = 800
_LABEL = b"dondoc.web.session/v1"


@dataclass(frozen=True)
class SessionClaim:
    email: str
    issued_at: datetime


class SessionSigner:
    def __init__(self, signing_key: bytes, *, secure_cookie: bool) -> None:
        self._key = hmac.new(signing_key, _LABEL, hashlib.sha256).digest()
        self.secure_cookie = secure_cookie

    def issue(self, email: str, now: datetime) -> str:
        body = json.dumps({"e": email, "i": int(now.timestamp() * 1000)}, separators=(",", ":"))
        payload = base64.urlsafe_b64encode(body.encode()).rstrip(b"=").decode()
        return f"{payload}.{self._mac(payload)}"

    def read(self, cookie: str | None, now: datetime) -> SessionClaim | None:
        """The claim of a cookie we signed that has not expired; None for anything else."""
        if not cookie or len(cookie) > MAX_COOKIE or cookie.count(".") != 1:
            return None
        payload, mac = cookie.split(".")
        if not hmac.compare_digest(mac, self._mac(payload)):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            email, issued_ms = str(data["e"]), int(data["i"])
        except (ValueError, KeyError, TypeError, binascii.Error):
            return None
        issued = datetime.fromtimestamp(issued_ms / 1000, UTC)
        if not issued - timedelta(minutes=1) <= now <= issued + LIFETIME:
            return None
        return SessionClaim(email, issued)

    def _mac(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()
