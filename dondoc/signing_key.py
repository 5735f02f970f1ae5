"""The key that signs e-mail links: made once in the data directory, and known to the database.

Links sent with one key are refused under another ("không hợp lệ"), so a second key
must never appear silently: a command run from another folder, or with another
DONDOC_HOME, would otherwise make one. The database keeps the key's fingerprint (never the
key) and a process holding a different key is refused before it signs anything.
"""

from __future__ import annotations

import hmac
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dondoc.db import transaction
from dondoc.keyfile import fingerprint
from dondoc.settings import KEY_FILE, Settings, SettingsError
from notifications.models import SigningKeyRecord


class KeyRefused(SettingsError):
    """The key at hand is not the one the database's links were signed with."""


def check_signing_key(engine: Engine, settings: Settings, now: datetime) -> bytes:
    """The signing key, once the database knows it as its own (recorded on first use)."""
    key = settings.signing_key()
    with transaction(engine) as session:
        known = session.get(SigningKeyRecord, 1)
        if known is None:
            _record(session, fingerprint(key), now)
        elif not hmac.compare_digest(known.fingerprint, fingerprint(key)):
            raise KeyRefused(_refusal(settings))
    return key


def _record(session: Session, print_: str, now: datetime) -> None:
    """The first process records its key; if another did so at the same moment, compare."""
    try:
        with session.begin_nested():
            session.add(SigningKeyRecord(id=1, fingerprint=print_, recorded_at=now))
    except IntegrityError:
        known = session.get(SigningKeyRecord, 1, populate_existing=True)
        if known is None or known.fingerprint != print_:
            raise KeyRefused(
                "một tiến trình khác vừa ghi khoá ký liên kết khác; hãy chạy lại"
            ) from None


def _refusal(settings: Settings) -> str:
    where = "DONDOC_SECRET_KEY" if settings.secret_key is not None else str(settings.key_file)
    return (
        f"khoá ký liên kết ({where}) không phải khoá cơ sở dữ liệu này đang dùng, nên các "
        "liên kết đã gửi sẽ bị từ chối; hãy đặt DONDOC_HOME về thư mục dữ liệu cũ (nơi có "
        f"tệp {KEY_FILE}) hoặc DONDOC_SECRET_KEY về khoá cũ"
    )
