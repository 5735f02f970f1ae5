"""Personal secrets that stand for a person: calendar feed URLs and API tokens.

One table, `api_tokens`, with a `purpose`:

- `feed`: the secret in a person's calendar URL (`/feeds/<token>.ics`). Calendar programs
  keep the URL and poll it, so `dondoc feeds url EMAIL` must print the same URL every time:
  the token is derived from the row and the signing key (HMAC), never stored; the row keeps
  its SHA-256 so that the web finds it without the key. Revoking marks the row; the next
  `feeds url` makes a new row, hence a new URL.
- `api`: a bearer token for the JSON API, random, shown once when issued; only its SHA-256
  is kept. Revoking marks every live API token of the person.

A token speaks for an e-mail address; who that is (and whether they still work there) is
asked anew at every use, so a person who left the registry is nobody.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from tasks_catalog.models import Base
from tasks_catalog.types import UtcDateTime

API_PREFIX = "ddk_"  # so that a token pasted somewhere is recognisable (and greppable)
_FEED_LABEL = b"dondoc.feeds/v1"


class Purpose(StrEnum):
    FEED = "feed"
    API = "api"


class ApiToken(Base):
    __tablename__ = "api_tokens"
    __table_args__ = (Index("ix_api_tokens_email_purpose", "email", "purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))  # lower case
    purpose: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256, hex
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def feed_token(session: Session, *, email: str, key: bytes, now: datetime) -> str:
    """The person's live feed secret: the same every time until revoked."""
    address = email.strip().lower()
    row = _live(session, address, Purpose.FEED)
    if row is None:
        row = ApiToken(
            email=address, purpose=Purpose.FEED, token_hash=secrets.token_hex(32), created_at=now
        )
        session.add(row)
        session.flush()  # the id is part of the token
        row.token_hash = digest(_derive(key, row))
        session.flush()
    return _derive(key, row)


def _derive(key: bytes, row: ApiToken) -> str:
    mac = hmac.new(key, _FEED_LABEL + f"|{row.id}|{row.email}".encode(), hashlib.sha256)
    return f"{row.id}-{mac.hexdigest()[:40]}"


def issue_api_token(session: Session, *, email: str, now: datetime) -> str:
    """A new API token for the person (shown once; only its hash is kept)."""
    token = API_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            email=email.strip().lower(),
            purpose=Purpose.API,
            token_hash=digest(token),
            created_at=now,
        )
    )
    session.flush()
    return token


def revoke(session: Session, *, email: str, purpose: Purpose, now: datetime) -> int:
    """Revoke every live token of this purpose of the person; returns how many."""
    rows = list(
        session.scalars(
            select(ApiToken).where(
                ApiToken.email == email.strip().lower(),
                ApiToken.purpose == purpose,
                ApiToken.revoked_at.is_(None),
            )
        )
    )
    for row in rows:
        row.revoked_at = now
    session.flush()
    return len(rows)


def holder_of(session: Session, *, token: str, purpose: Purpose) -> str | None:
    """The e-mail a live token of this purpose speaks for, or None."""
    if not token or len(token) > 200:
        return None
    row = session.scalars(
        select(ApiToken).where(
            ApiToken.token_hash == digest(token),
            ApiToken.purpose == purpose,
            ApiToken.revoked_at.is_(None),
        )
    ).first()
    return row.email if row is not None else None


def _live(session: Session, email: str, purpose: Purpose) -> ApiToken | None:
    return session.scalars(
        select(ApiToken)
        .where(ApiToken.email == email, ApiToken.purpose == purpose, ApiToken.revoked_at.is_(None))
        .order_by(ApiToken.id.desc())
    ).first()
