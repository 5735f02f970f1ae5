"""Accounts: who may sign in to the web, how, and every attempt they made.

- `accounts`: one row per person who signs in (their e-mail is their login). The password
  is an argon2id hash (never the password); `failed_attempts` and `locked_until` hold the
  lockout; `sessions_valid_after` ends every session cookie issued before it (sign-out,
  new password, lockout). `admin` marks the IT administrator, who is not in the agency
  registries and so carries a name of their own. `demo` marks the trial accounts whose
  password `dondoc up` sets (and prints) at every start; setting a password by hand
  clears it.
- `sign_in_links`: one-time sign-in links sent by e-mail: the SHA-256 of a random token
  (never the token), when it expires, when it was used.
- `sign_in_events`: the audit line of every sign-in attempt, successful or not.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from tasks_catalog.models import Base, enum_column
from tasks_catalog.types import UtcDateTime


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # lower case
    password_hash: Mapped[str | None] = mapped_column(String(255))
    admin: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str | None] = mapped_column(String(255))  # administrators only
    demo: Mapped[bool] = mapped_column(Boolean, default=False)  # `dondoc up` sets its password
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sessions_valid_after: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SignInLink(Base):
    __tablename__ = "sign_in_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class SignInMethod(enum.StrEnum):
    PASSWORD = "password"
    LINK = "link"


class SignInOutcome(enum.StrEnum):
    OK = "ok"
    WRONG_PASSWORD = "wrong_password"
    UNKNOWN = "unknown"  # no account, no password set, or nobody in the registries
    LOCKED = "locked"
    BAD_LINK = "bad_link"  # forged, expired or used already


class SignInEvent(Base):
    __tablename__ = "sign_in_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    method: Mapped[SignInMethod] = mapped_column(enum_column(SignInMethod, "sign_in_method"))
    outcome: Mapped[SignInOutcome] = mapped_column(enum_column(SignInOutcome, "sign_in_outcome"))
    remote: Mapped[str | None] = mapped_column(String(64))  # the client's address
