"""Opening a link and acting on it: verify, authorise, spend the link, change the task.

Every check raises `PageError` (status and a Vietnamese message) before anything is
written. Acting happens in the caller's transaction, in this order:

1. verify the token (signature, purpose, expiry) and load the task, locked;
2. resolve the recipient to an Actor and ask `services.permissions` whether they may act;
3. record the token's hash in `used_links` (unique): a second use, even a racing one,
   fails here and the whole transaction rolls back;
4. the decision (`services.decisions`: the lifecycle transition, the follow-up from now
   on, the audit row, the e-mail to the office); a refusal rolls back the link too, so the
   person can correct the form and try again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from notifications.links import (
    CONFIRM_DONE,
    REPORT_PROGRESS,
    REQUEST_EXTENSION,
    VIEW,
    LinkError,
    LinkSigner,
    SignedAction,
)
from services import decisions
from services.actors import Actor, actor_for_email
from services.permissions import LINK_ACTIONS, NOT_ALLOWED, may_view_task, refusal
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import Task
from tasks_catalog.models_lifecycle import UsedLink
from web.pages import load_task

log = logging.getLogger("dondoc.web")
ACTION_PURPOSES = (REPORT_PROGRESS, CONFIRM_DONE, REQUEST_EXTENSION)
MAX_TOKEN_LENGTH = 600  # a 254-character address makes a token of 416 characters
USED = "Liên kết đã được dùng. Mỗi liên kết thao tác chỉ dùng được một lần; xin dùng liên kết trong thư nhắc việc mới nhất hoặc liên hệ Văn phòng UBND tỉnh."
INVALID = "Liên kết không hợp lệ hoặc đã bị thay đổi."
NO_TASK = "Không tìm thấy nhiệm vụ này."


class PageError(Exception):
    """A request we refuse, with the HTTP status and what the person reads."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Opened:
    signed: SignedAction
    task: Task
    actor: Actor


@dataclass(frozen=True)
class ActionForm:
    note: str = ""
    percent: str = ""
    proposed_due: str = ""
    reason: str = ""


def open_view(
    *, session: Session, signer: LinkSigner, task_id: int, token: str | None, now: datetime
) -> Opened:
    if not token:
        raise PageError(400, "Thiếu mã truy cập. Xin mở nhiệm vụ bằng liên kết trong thư.")
    signed = _verify(signer, token, VIEW, now)
    if signed.task_id != task_id:
        raise PageError(400, "Liên kết này không dùng cho nhiệm vụ này.")
    task, actor = _task_and_actor(session, signed, for_update=False)
    if not may_view_task(actor, task):
        raise PageError(403, NOT_ALLOWED)
    return Opened(signed, task, actor)


def open_action(
    *,
    session: Session,
    signer: LinkSigner,
    purpose: str,
    token: str,
    now: datetime,
    for_update: bool = False,
) -> Opened:
    if purpose not in ACTION_PURPOSES:
        raise PageError(404, INVALID)
    signed = _verify(signer, token, purpose, now)
    task, actor = _task_and_actor(session, signed, for_update=for_update)
    refused = refusal(actor, LINK_ACTIONS[purpose], task)
    if refused is not None:
        raise PageError(403, refused)
    if link_used(session=session, token=token):
        raise PageError(409, USED)
    return Opened(signed, task, actor)


def perform(
    *,
    session: Session,
    opened: Opened,
    purpose: str,
    token: str,
    form: ActionForm,
    now: datetime,
) -> str:
    """Spend the link and do what it says (through `services.decisions`); returns the
    confirmation to show."""
    task, actor = opened.task, opened.actor
    spend_link(session=session, token=token, purpose=purpose, task=task, actor=actor.email, now=now)
    if purpose == REPORT_PROGRESS:
        percent = _percent(form.percent)
        decided = decisions.report_progress(
            session, actor, task.id, note=form.note, percent=percent, now=now, via="link"
        )
    elif purpose == CONFIRM_DONE:
        decided = decisions.submit(session, actor, task.id, note=form.note, now=now, via="link")
    else:
        proposed = _date(form.proposed_due)
        decided = decisions.request_extension(
            session, actor, task.id, proposed_due=proposed, reason=form.reason, now=now, via="link"
        )
    log.info("task %d: %s by %s", task.id, purpose, actor.email)
    return decided.message


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def link_used(*, session: Session, token: str) -> bool:
    query = select(UsedLink.id).where(UsedLink.token_hash == token_hash(token))
    return session.scalar(query) is not None


def spend_link(
    *, session: Session, token: str, purpose: str, task: Task, actor: str, now: datetime
) -> None:
    """Record the link as used; a link used already (even a moment ago) is refused."""
    session.add(
        UsedLink(
            token_hash=token_hash(token),
            purpose=purpose,
            task_id=task.id,
            recipient=actor,
            used_at=now,
        )
    )
    try:
        session.flush()
    except IntegrityError:
        raise PageError(409, USED) from None


def _verify(signer: LinkSigner, token: str, purpose: str, now: datetime) -> SignedAction:
    if len(token) > MAX_TOKEN_LENGTH:
        raise PageError(400, INVALID)
    try:
        return signer.verify(token, purpose, now)
    except LinkError as exc:
        raise PageError(400, exc.reason) from None


def _task_and_actor(
    session: Session, signed: SignedAction, *, for_update: bool
) -> tuple[Task, Actor]:
    task = load_task(session=session, task_id=signed.task_id, for_update=for_update)
    if task is None:
        raise PageError(404, NO_TASK)
    actor = actor_for_email(session, signed.recipient)
    if actor is None:  # left the agency, or an address we do not know
        raise PageError(403, NOT_ALLOWED)
    return task, actor


def _percent(text: str) -> int | None:
    text = text.strip().rstrip("%").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise TransitionRefused("Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.")
    return int(text)


def _date(text: str) -> date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise TransitionRefused("Xin nhập thời hạn đề nghị là một ngày hợp lệ (ngày/tháng/năm).")
