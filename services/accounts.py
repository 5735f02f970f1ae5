"""Signing in: passwords (argon2id), one-time links by e-mail, lockout, the audit of attempts.

A person's e-mail address is their login; who they are and what they may do comes from
the agency registries (`services.actors.actor_for_email`), read again at every request,
so a person who leaves their agency can no longer sign in nor use a session they had.
The IT administrator is not in the registries: an account marked `admin` makes them.

Sign-in, in order:
1. an address nobody holds, or an account without a password, is refused with the same
   words as a wrong password (and after the same argon2 work, so timing tells nothing);
2. an account locked by repeated failures is refused until `locked_until`;
3. a wrong password counts a failure; the LOCK_AFTER-th in a row locks the account for
   LOCK_FOR and ends its sessions;
4. a right password clears the count, notes the moment, and returns the Actor.
Every attempt writes one `sign_in_events` row, in the caller's transaction: the caller
commits refusals too (a refusal is a result, not an exception, for that reason).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.account_models import (
    Account,
    SignInEvent,
    SignInLink,
    SignInMethod,
    SignInOutcome,
)
from services.actors import Actor, Role, actor_for_email
from tasks_catalog.dates import LOCAL_TZ

LOCK_AFTER = 5  # failures in a row
LOCK_FOR = timedelta(minutes=15)
LINK_LIFETIME = timedelta(minutes=30)
MIN_PASSWORD = 10
MAX_PASSWORD = 200

# argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile: t=3, 64 MiB, p=4).
HASHER = PasswordHasher()

WRONG = "Địa chỉ thư hoặc mật khẩu không đúng."
BAD_LINK = (
    "Liên kết đăng nhập không hợp lệ, đã hết hạn hoặc đã được dùng. "
    "Mỗi liên kết đăng nhập chỉ dùng được một lần, trong 30 phút; xin đăng nhập bằng mật "
    "khẩu hoặc đề nghị quản trị hệ thống gửi liên kết mới."
)


class AccountError(Exception):
    """A request about an account that cannot be done; the message is Vietnamese."""


@dataclass(frozen=True)
class SignInResult:
    actor: Actor | None
    refusal: str | None = None  # what the person reads when actor is None


@dataclass(frozen=True)
class AccountRow:
    email: str
    name: str
    role: Role | None  # None: no longer in the registries
    agency_code: str | None
    has_password: bool
    locked_until: datetime | None
    last_sign_in_at: datetime | None


def normalise(email: str) -> str:
    return email.strip().lower()


def actor_of(session: Session, account: Account) -> Actor | None:
    """Who an account speaks for now: the administrator, or the registries' person."""
    if account.admin:
        return Actor(account.email, account.name or account.email, Role.ADMIN, None, None)
    return actor_for_email(session, account.email)


def set_password(
    session: Session,
    *,
    email: str,
    password: str,
    now: datetime,
    admin_name: str | None = None,
    demo: bool = False,
) -> Account:
    """Give a person (or, with `admin_name`, the IT administrator) a password.

    Ends the account's sessions and lifts a lockout. Raises AccountError saying why a
    password is refused or why nobody has that address.
    """
    problem = password_problem(password, email)
    if problem:
        raise AccountError(problem)
    account = _account_for(session, email, now, admin_name=admin_name)
    account.password_hash = HASHER.hash(password)
    account.demo = demo
    account.failed_attempts = 0
    account.locked_until = None
    account.sessions_valid_after = now
    session.flush()
    return account


def password_problem(password: str, email: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự."
    if len(password) > MAX_PASSWORD:
        return f"Mật khẩu dài quá {MAX_PASSWORD} ký tự."
    if password.strip().lower() == normalise(email) or not password.strip():
        return "Mật khẩu không được trùng với địa chỉ thư hoặc chỉ gồm dấu cách."
    return None


def sign_in(
    session: Session, *, email: str, password: str, now: datetime, remote: str | None = None
) -> SignInResult:
    """Check a password (see the module's steps); the caller commits, refusal or not."""
    address = normalise(email)[:254]
    account = find_account(session, address)
    if account is None or account.password_hash is None:
        _verify(_dummy_hash(), password)
        return _refuse(session, address, SignInMethod.PASSWORD, SignInOutcome.UNKNOWN, WRONG, now, remote)  # fmt: skip
    if account.locked_until is not None and account.locked_until > now:
        return _refuse(session, address, SignInMethod.PASSWORD, SignInOutcome.LOCKED, _locked(account), now, remote)  # fmt: skip
    if not _verify(account.password_hash, password):
        account.failed_attempts += 1
        message = WRONG
        if account.failed_attempts >= LOCK_AFTER:
            account.failed_attempts = 0
            account.locked_until = now + LOCK_FOR
            account.sessions_valid_after = now
            message = _locked(account)
        return _refuse(session, address, SignInMethod.PASSWORD, SignInOutcome.WRONG_PASSWORD, message, now, remote)  # fmt: skip
    actor = actor_of(session, account)
    if actor is None:  # left the registries since the password was set
        return _refuse(session, address, SignInMethod.PASSWORD, SignInOutcome.UNKNOWN, WRONG, now, remote)  # fmt: skip
    if HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = HASHER.hash(password)
    return _welcome(session, account, actor, SignInMethod.PASSWORD, now, remote)


def issue_link(session: Session, *, email: str, now: datetime) -> str:
    """A one-time sign-in token for this person (30 minutes); only its hash is stored."""
    account = _account_for(session, email, now)
    token = secrets.token_urlsafe(32)
    session.add(
        SignInLink(
            token_hash=_hash(token),
            email=account.email,
            created_at=now,
            expires_at=now + LINK_LIFETIME,
        )
    )
    session.flush()
    return token


def link_holder(session: Session, *, token: str, now: datetime) -> Actor | None:
    """Who a sign-in link would sign in, without using it (the confirmation page)."""
    link = _usable_link(session, token, now)
    account = find_account(session, link.email) if link else None
    return actor_of(session, account) if account else None


def redeem_link(
    session: Session, *, token: str, now: datetime, remote: str | None = None
) -> SignInResult:
    """Use a sign-in link: once, before it expires, for a person still in the registries."""
    row = _link_row(session, token)
    link = row if row is not None and _usable(row, now) else None
    account = find_account(session, link.email) if link else None
    actor = actor_of(session, account) if account else None
    if link is None or account is None or actor is None:
        email = row.email if row else "?"  # a forged link names nobody
        return _refuse(session, email, SignInMethod.LINK, SignInOutcome.BAD_LINK, BAD_LINK, now, remote)  # fmt: skip
    link.used_at = now
    if account.locked_until is not None and account.locked_until > now:
        account.locked_until = None  # the mailbox's owner proved who they are
    return _welcome(session, account, actor, SignInMethod.LINK, now, remote)


def session_actor(session: Session, *, email: str, issued_at: datetime) -> Actor | None:
    """Who a session cookie issued at `issued_at` speaks for, or None once it was ended."""
    account = find_account(session, email)
    if account is None:
        return None
    if account.sessions_valid_after is not None and issued_at < account.sessions_valid_after:
        return None
    return actor_of(session, account)


def sign_out(session: Session, *, email: str, now: datetime) -> None:
    """End every session of this account (a stolen cookie dies with the one signed out)."""
    account = find_account(session, email)
    if account is not None:
        account.sessions_valid_after = now


def list_accounts(session: Session) -> list[AccountRow]:
    rows = []
    for account in session.scalars(select(Account).order_by(Account.email)):
        actor = actor_of(session, account)
        rows.append(
            AccountRow(
                email=account.email,
                name=actor.name if actor else (account.name or ""),
                role=actor.role if actor else None,
                agency_code=actor.agency_code if actor else None,
                has_password=account.password_hash is not None,
                locked_until=account.locked_until,
                last_sign_in_at=account.last_sign_in_at,
            )
        )
    return rows


def sign_in_events(session: Session, *, email: str | None = None) -> list[SignInEvent]:
    query = select(SignInEvent).order_by(SignInEvent.id)
    if email is not None:
        query = query.where(SignInEvent.email == normalise(email))
    return list(session.scalars(query))


# --- inside ---------------------------------------------------------------------------


def find_account(session: Session, email: str) -> Account | None:
    return session.scalar(select(Account).where(func.lower(Account.email) == normalise(email)))


def _account_for(
    session: Session, email: str, now: datetime, *, admin_name: str | None = None
) -> Account:
    """The account of this address, made if needed; only registry people and admins."""
    address = normalise(email)
    if "@" not in address or len(address) > 254:
        raise AccountError(f"«{email}» không phải địa chỉ thư hợp lệ.")
    account = find_account(session, address)
    administrator = admin_name is not None or (account is not None and account.admin)
    if not administrator and actor_for_email(session, address) is None:
        raise AccountError(
            f"Không có cán bộ nào với địa chỉ {address} trong danh bạ cơ quan "
            "(hoặc người đó đã nghỉ); xin kiểm tra lại địa chỉ thư."
        )
    if account is None:
        account = Account(email=address, admin=False, demo=False, failed_attempts=0, created_at=now)
        session.add(account)
    if admin_name is not None:
        account.admin = True
        account.name = admin_name.strip() or "Quản trị hệ thống"
    return account


def _link_row(session: Session, token: str) -> SignInLink | None:
    if not token or len(token) > 100:
        return None
    return session.scalar(select(SignInLink).where(SignInLink.token_hash == _hash(token)))


def _usable(link: SignInLink, now: datetime) -> bool:
    return link.used_at is None and link.expires_at > now


def _usable_link(session: Session, token: str, now: datetime) -> SignInLink | None:
    link = _link_row(session, token)
    return link if link is not None and _usable(link, now) else None


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to verify against when there is none, so that timing tells nothing."""
    return HASHER.hash("dondoc: an address nobody holds")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return False


def _locked(account: Account) -> str:
    until = account.locked_until.astimezone(LOCAL_TZ).strftime("%H:%M") if account.locked_until else ""  # fmt: skip
    return (
        f"Tài khoản tạm khoá do nhập sai mật khẩu {LOCK_AFTER} lần liên tiếp; xin thử lại sau "
        f"{until}, hoặc đăng nhập bằng liên kết gửi qua thư."
    )


def _refuse(
    session: Session,
    email: str,
    method: SignInMethod,
    outcome: SignInOutcome,
    message: str,
    now: datetime,
    remote: str | None,
) -> SignInResult:
    _audit(session, email, method, outcome, now, remote)
    return SignInResult(None, message)


def _welcome(
    session: Session,
    account: Account,
    actor: Actor,
    method: SignInMethod,
    now: datetime,
    remote: str | None,
) -> SignInResult:
    account.failed_attempts = 0
    account.last_sign_in_at = now
    _audit(session, account.email, method, SignInOutcome.OK, now, remote)
    return SignInResult(actor)


def _audit(
    session: Session,
    email: str,
    method: SignInMethod,
    outcome: SignInOutcome,
    now: datetime,
    remote: str | None,
) -> None:
    session.add(
        SignInEvent(
            email=email[:254], at=now, method=method, outcome=outcome, remote=(remote or None)
        )
    )
    session.flush()
