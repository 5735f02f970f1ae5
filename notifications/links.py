"""Signed, single-purpose, expiring links for the actions offered in e-mails.

A token is base64url (no padding) of `payload + HMAC-SHA256(secret, domain + payload)`:

    version (1 byte) | purpose (1 byte) | task_id (8 bytes) | expires_at (8 bytes, Unix
    seconds) | nonce (8 bytes) | recipient (UTF-8, rest of the payload) | MAC (32 bytes)

The purpose is inside the signed payload, so a "report progress" token cannot be replayed
to "confirm done". The token is canonical: a token that decodes to the same bytes but is
spelled differently (spare base64 bits) is refused, so changing any character fails.

The nonce makes every link its own: an e-mail derives it from the notification the link
belongs to (`notification_nonce`), so two e-mails about the same task on the same day
carry different links, and spending one leaves the other usable. Version 1 tokens had no
nonce; they are refused with a message saying why.

Links are not single-use: that needs the database, and belongs to the page that acts.
That page must ask for a click (POST) before acting, because Outlook's Safe Links and mail
scanners open every link in a message (GET) before the person does.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from tasks_catalog.dates import LOCAL_TZ

VIEW = "view"
REPORT_PROGRESS = "report_progress"
CONFIRM_DONE = "confirm_done"
REQUEST_EXTENSION = "request_extension"
PURPOSES = (VIEW, REPORT_PROGRESS, CONFIRM_DONE, REQUEST_EXTENSION)
# What a link says, in the e-mail's buttons and on the page it opens.
LINK_LABELS = {
    VIEW: "Xem nhiệm vụ",
    REPORT_PROGRESS: "Báo cáo tiến độ",
    CONFIRM_DONE: "Xác nhận hoàn thành",
    REQUEST_EXTENSION: "Đề nghị gia hạn",
}
_PURPOSE_CODES = {purpose: code for code, purpose in enumerate(PURPOSES, start=1)}

ACTION_LIFETIME = timedelta(days=14)
VIEW_LIFETIME = timedelta(days=60)

_VERSION = 2
_HEADER = struct.Struct(">BBQq8s")  # version, purpose, task_id, expires_at, nonce
NONCE_SIZE = 8
_MAC_SIZE = hashlib.sha256().digest_size
_DOMAIN = b"dondoc.notifications.links/v1\x00"


class LinkError(Exception):
    """A link that must not be honoured; `reason` is shown to the person who clicked."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SignedAction:
    task_id: int
    recipient: str
    expires_at: datetime  # aware, UTC


class LinkSigner:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("link secret must be at least 16 bytes")
        self._secret = secret

    def sign(
        self,
        purpose: str,
        task_id: int,
        recipient: str,
        expires_at: datetime,
        *,
        nonce: bytes | None = None,
    ) -> str:
        """A token; `nonce` (NONCE_SIZE bytes) tells links apart, random when not given."""
        code = _purpose_code(purpose)
        if nonce is None:
            nonce = secrets.token_bytes(NONCE_SIZE)
        if len(nonce) != NONCE_SIZE:
            raise ValueError(f"a link nonce is {NONCE_SIZE} bytes, got {len(nonce)}")
        payload = _HEADER.pack(_VERSION, code, task_id, _timestamp(expires_at), nonce)
        payload += recipient.encode("utf-8")
        return _b64encode(payload + self._mac(payload))

    def verify(self, token: str, purpose: str, now: datetime) -> SignedAction:
        """The signed action, or LinkError: tampered, meant for another action, or expired."""
        expected_code = _purpose_code(purpose)
        payload = self._authentic_payload(token)
        if payload[0] != _VERSION:  # authentic, but from an older dondoc
            raise LinkError(
                "Liên kết này theo mẫu cũ, không còn dùng được. Xin dùng liên kết trong thư "
                "nhắc việc mới nhất hoặc liên hệ Văn phòng UBND tỉnh."
            )
        if len(payload) < _HEADER.size:
            raise LinkError("Liên kết không hợp lệ hoặc đã bị thay đổi.")
        _, code, task_id, expires, _ = _HEADER.unpack_from(payload)
        if code != expected_code:
            raise LinkError("Liên kết này không dùng cho thao tác này.")
        if _timestamp(now) > expires:
            expired_on = datetime.fromtimestamp(expires, LOCAL_TZ).strftime("%d/%m/%Y")
            raise LinkError(
                f"Liên kết đã hết hạn (hiệu lực đến hết ngày {expired_on}). "
                "Xin mở nhiệm vụ trên hệ thống hoặc liên hệ Văn phòng UBND tỉnh."
            )
        recipient = payload[_HEADER.size :].decode("utf-8")
        return SignedAction(task_id, recipient, datetime.fromtimestamp(expires, UTC))

    def _authentic_payload(self, token: str) -> bytes:
        raw = _b64decode(token)
        if raw is None or len(raw) <= _MAC_SIZE:
            raise LinkError("Liên kết không hợp lệ hoặc đã bị thay đổi.")
        payload, mac = raw[:-_MAC_SIZE], raw[-_MAC_SIZE:]
        if not hmac.compare_digest(mac, self._mac(payload)):
            raise LinkError("Liên kết không hợp lệ hoặc đã bị thay đổi.")
        return payload

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, _DOMAIN + payload, hashlib.sha256).digest()


def notification_nonce(*identity: object) -> bytes:
    """A link nonce that names one notification: e.g. its task, kind, step and due date.

    The same notification (an e-mail resent after a crash) gets the same links; another
    notification, even about the same task on the same day, gets links of its own.
    """
    text = "\x1f".join(str(part) for part in identity)
    return hashlib.sha256(text.encode("utf-8")).digest()[:NONCE_SIZE]


def default_expiry(purpose: str, now: datetime) -> datetime:
    """End of the local day, 60 days on for `view`, 14 days on for actions.

    Ending on a local midnight lets the e-mail say "hiệu lực đến hết ngày DD/MM/YYYY" and
    be exactly right.
    """
    lifetime = VIEW_LIFETIME if _purpose_code(purpose) == _PURPOSE_CODES[VIEW] else ACTION_LIFETIME
    last_day = (_aware(now).astimezone(LOCAL_TZ) + lifetime).date()
    return datetime.combine(last_day, time(23, 59, 59), LOCAL_TZ)


def action_url(base_url: str, purpose: str, token: str) -> str:
    """`{base}/tasks/{id}?t={token}` for `view`, `{base}/a/{purpose}/{token}` otherwise."""
    base = base_url.rstrip("/")
    if _purpose_code(purpose) == _PURPOSE_CODES[VIEW]:
        return f"{base}/tasks/{_unverified_task_id(token)}?t={token}"
    return f"{base}/a/{purpose}/{token}"


def _unverified_task_id(token: str) -> int:
    # Only to build a URL from a token we just signed; the page verifies before trusting it.
    raw = _b64decode(token)
    if raw is None or len(raw) < _HEADER.size + _MAC_SIZE:
        raise ValueError("not a link token")
    return _HEADER.unpack_from(raw)[2]


def _purpose_code(purpose: str) -> int:
    try:
        return _PURPOSE_CODES[purpose]
    except KeyError:
        raise ValueError(f"unknown link purpose {purpose!r}; expected one of {PURPOSES}") from None


def _aware(moment: datetime) -> datetime:
    if moment.utcoffset() is None:
        raise ValueError("link times must be timezone-aware")
    return moment


def _timestamp(moment: datetime) -> int:
    return int(_aware(moment).timestamp())


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(token: str) -> bytes | None:
    """The bytes, or None unless `token` is exactly how `_b64encode` spells them."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw if _b64encode(raw) == token else None
