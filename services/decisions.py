"""Every decision on a task, one function each: the web pages, the e-mail links, the CLI
and the feature files' steps all change tasks through here.

Each function runs in the caller's transaction (one decision per transaction) and, in
this order:

1. loads the task (locked on PostgreSQL) and asks `permissions.refusal` whether the
   actor may do this: `NotPermitted` (a `TransitionRefused`) when not;
2. applies the transition of `tasks_catalog.lifecycle` (a refusal there changes nothing);
3. recomputes when the follow-up engine looks at the task next (`followup.reschedule`);
4. writes the audit row (`task_audit`: who, in which role, through which door, status and
   due date before and after);
5. queues the e-mail the other side needs (`notices`), keyed by the audit row; a
   decision of the office withdraws its own "a request waits" e-mails not yet sent.

Any failure raises before the caller commits, so a decision is all or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from inspections.evidence import EvidenceRefused, EvidenceStore
from services import notices
from services.actors import Actor
from services.permissions import ASSIGNER_ACTIONS, Action, refusal
from tasks_catalog import lifecycle
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import dmy
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import Task, TaskStatus
from tasks_catalog.models_lifecycle import (
    EventKind,
    ExtensionRequest,
    TaskAttachment,
    TaskAudit,
    TaskEvent,
)
from workflows.followup import reschedule

MAX_ATTACHMENTS = 10
NO_TASK = "Không tìm thấy nhiệm vụ số {id}."
NO_PENDING = "Nhiệm vụ không có đề nghị gia hạn nào đang chờ quyết định."


class NotPermitted(TransitionRefused):
    """The actor may not do this (or may not see the task); nothing was changed."""


@dataclass(frozen=True)
class Decided:
    task: Task  # the task decided on (for a reassignment: the new task)
    message: str  # what the person who decided reads, in Vietnamese
    queued: int  # e-mails queued for the other side


@dataclass
class _Open:
    """A task loaded for a decision, with what it was before."""

    task: Task
    status: TaskStatus
    due: date
    calendar: WorkCalendar


def report_progress(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    note: str,
    percent: int | None = None,
    attachments: Sequence[Path] = (),
    store: EvidenceStore | None = None,
    now: datetime,
    via: str = "web",
) -> Decided:
    """A progress note, with files checked and kept by the evidence store's rules."""
    opened = begin_decision(session, actor, task_id, Action.REPORT_PROGRESS)
    _check_attachments(attachments, store)
    event = lifecycle.record_progress(
        session=session, task=opened.task, actor=actor.email, note=note, percent=percent, now=now
    )
    if store is not None:
        for path in attachments:
            try:
                stored = store.put(path)
            except EvidenceRefused as refused:  # it changed after the check
                raise TransitionRefused(f"Tệp đính kèm: {refused}.") from None
            session.add(
                TaskAttachment(
                    task_id=opened.task.id,
                    event_id=event.id,
                    sha256=stored.sha256,
                    size=stored.size,
                    name=stored.name[:255],
                    media_type=stored.media_type[:120],
                    added_by=actor.email,
                    added_at=now,
                )
            )
    finish_decision(session, actor, opened, Action.REPORT_PROGRESS, event.note, via, now)
    files = f" kèm {len(attachments)} tệp" if attachments else ""
    return Decided(opened.task, f"Đã ghi nhận báo cáo tiến độ{files}.", 0)


def submit(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    note: str | None = None,
    now: datetime,
    via: str = "web",
) -> Decided:
    """The owner says the work is done; the office learns a result waits for approval."""
    opened = begin_decision(session, actor, task_id, Action.SUBMIT)
    event = lifecycle.confirm_done(
        session=session, task=opened.task, actor=actor.email, note=note, now=now
    )
    said = f": {event.note}" if event.note else "."
    text = f"{opened.task.agency.name} báo cáo hoàn thành, đề nghị duyệt kết quả{said}"
    audit = finish_decision(session, actor, opened, Action.SUBMIT, event.note, via, now)
    queued = _tell_office(session, opened, audit, "submitted", text, now)
    message = (
        "Đã ghi nhận báo cáo hoàn thành. Nhiệm vụ chuyển sang «Chờ duyệt»; Văn phòng UBND "
        "tỉnh sẽ xem xét kết quả. Hệ thống ngừng gửi thư nhắc cho nhiệm vụ này."
    )
    return Decided(opened.task, message, queued)


def approve(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    note: str | None = None,
    now: datetime,
    via: str = "web",
) -> Decided:
    """The assigner accepts the result: done on time or late, as the dates say."""
    opened = begin_decision(session, actor, task_id, Action.APPROVE)
    task = opened.task
    event = lifecycle.approve_done(
        session=session, task=task, actor=actor.email, note=note, now=now
    )
    late = task.completed_on is not None and task.completed_on > task.due_on
    verdict = "hoàn thành quá hạn" if late else "hoàn thành đúng hạn"
    day = dmy(task.completed_on) if task.completed_on else ""
    text = f"Văn phòng UBND tỉnh duyệt kết quả: {verdict} (ngày {day}, hạn {dmy(task.due_on)})."
    if event.note:
        text += f" {event.note}"
    audit = finish_decision(session, actor, opened, Action.APPROVE, event.note, via, now)
    queued = _tell_owner(session, opened, audit, "approved", text, now, _submitter(session, task))
    return Decided(task, f"Đã duyệt kết quả: {verdict}.", queued)


def return_for_rework(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    reason: str,
    now: datetime,
    via: str = "web",
) -> Decided:
    """The assigner sends the result back with a reason; the task is followed up again."""
    opened = begin_decision(session, actor, task_id, Action.RETURN)
    task = opened.task
    event = lifecycle.return_for_rework(
        session=session, task=task, actor=actor.email, reason=reason, now=now
    )
    text = f"Kết quả bị trả lại để bổ sung: {event.note}"
    audit = finish_decision(session, actor, opened, Action.RETURN, event.note, via, now)
    queued = _tell_owner(session, opened, audit, "returned", text, now, _submitter(session, task))
    return Decided(task, "Đã trả lại kết quả; cơ quan chủ trì được báo lý do.", queued)


def request_extension(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    proposed_due: date,
    reason: str,
    now: datetime,
    via: str = "web",
) -> Decided:
    """The owner asks for a later due date (at most two extensions); the office is told."""
    opened = begin_decision(session, actor, task_id, Action.REQUEST_EXTENSION)
    task = opened.task
    request = lifecycle.request_extension(
        session=session,
        task=task,
        actor=actor.email,
        proposed_due=proposed_due,
        reason=reason,
        now=now,
    )
    text = (
        f"{task.agency.name} đề nghị gia hạn từ {dmy(task.due_on)} đến "
        f"{dmy(request.proposed_due)}: {request.reason}"
    )
    audit = finish_decision(session, actor, opened, Action.REQUEST_EXTENSION, text, via, now)
    queued = _tell_office(session, opened, audit, "extension_requested", text, now)
    message = (
        f"Đã gửi đề nghị gia hạn đến {dmy(request.proposed_due)}. Thời hạn hiện tại "
        f"({dmy(task.due_on)}) giữ nguyên cho đến khi Văn phòng UBND tỉnh đồng ý."
    )
    return Decided(task, message, queued)


def approve_extension(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    due: date | None = None,
    note: str | None = None,
    now: datetime,
    via: str = "web",
) -> Decided:
    """The assigner grants the pending request (its date, or `due`); the owner is told."""
    opened = begin_decision(session, actor, task_id, Action.APPROVE_EXTENSION)
    task = opened.task
    request = _pending(session, task)
    change = lifecycle.approve_extension(
        session=session,
        request=request,
        actor=actor.email,
        now=now,
        calendar=opened.calendar,
        due=due,
        note=note,
    )
    granted = dmy(change.new_due_on)
    text = f"Văn phòng UBND tỉnh đồng ý gia hạn đến {granted} (lần {task.extension_count})."
    if request.decision_note:
        text += f" {request.decision_note}"
    audit = finish_decision(session, actor, opened, Action.APPROVE_EXTENSION, text, via, now)
    queued = _tell_owner(
        session, opened, audit, "extension_approved", text, now, [request.requested_by]
    )
    return Decided(task, f"Đã gia hạn đến {granted}.", queued)


def refuse_extension(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    reason: str,
    now: datetime,
    via: str = "web",
) -> Decided:
    opened = begin_decision(session, actor, task_id, Action.REFUSE_EXTENSION)
    task = opened.task
    request = _pending(session, task)
    event = lifecycle.refuse_extension(
        session=session, request=request, actor=actor.email, note=reason, now=now
    )
    text = f"Không đồng ý gia hạn: {event.note}. Thời hạn giữ nguyên {dmy(task.due_on)}."
    audit = finish_decision(session, actor, opened, Action.REFUSE_EXTENSION, event.note, via, now)
    queued = _tell_owner(
        session, opened, audit, "extension_refused", text, now, [request.requested_by]
    )
    return Decided(task, "Đã từ chối đề nghị gia hạn; cơ quan chủ trì được báo lý do.", queued)


def recall(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    reason: str,
    now: datetime,
    via: str = "web",
) -> Decided:
    """The assigner withdraws the task (thu hồi); reminders stop, the owner is told."""
    opened = begin_decision(session, actor, task_id, Action.RECALL)
    event = lifecycle.recall(
        session=session, task=opened.task, actor=actor.email, reason=reason, now=now
    )
    text = f"Văn phòng UBND tỉnh thu hồi nhiệm vụ: {event.note}"
    audit = finish_decision(session, actor, opened, Action.RECALL, event.note, via, now)
    queued = _tell_owner(session, opened, audit, "recalled", text, now)
    return Decided(opened.task, "Đã thu hồi nhiệm vụ.", queued)


def reopen(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    reason: str,
    due: date | None = None,
    now: datetime,
    via: str = "web",
) -> Decided:
    """A finished or recalled task opened again (with a new due date if given)."""
    opened = begin_decision(session, actor, task_id, Action.REOPEN)
    task = opened.task
    event = lifecycle.reopen(
        session=session, task=task, actor=actor.email, reason=reason, due=due, now=now
    )
    text = f"Văn phòng UBND tỉnh mở lại nhiệm vụ, thời hạn {dmy(task.due_on)}: {event.note}"
    audit = finish_decision(session, actor, opened, Action.REOPEN, event.note, via, now)
    queued = _tell_owner(session, opened, audit, "reopened", text, now)
    return Decided(task, f"Đã mở lại nhiệm vụ, thời hạn {dmy(task.due_on)}.", queued)


# --- the steps every decision shares --------------------------------------------------------


def load_for_decision(session: Session, task_id: int) -> Task:
    """The task as it is now, locked until the end of the transaction: a racing decision
    waits here, then reads what this one wrote (and is refused if it no longer applies)."""
    if session.get_bind().dialect.name == "sqlite":
        # SQLite has no row locks: a write that changes nothing takes the database's write
        # lock now (pysqlite begins the transaction before it), instead of at the flush.
        session.execute(
            update(Task)
            .where(Task.id == task_id)
            .values(id=Task.id)
            .execution_options(synchronize_session=False)
        )
    query = select(Task).where(Task.id == task_id).with_for_update()
    task = session.scalars(query.execution_options(populate_existing=True)).first()
    if task is None:
        raise NotPermitted(NO_TASK.format(id=task_id))
    return task


def begin_decision(session: Session, actor: Actor, task_id: int, action: Action) -> _Open:
    task = load_for_decision(session, task_id)
    refused = refusal(actor, action, task)
    if refused is not None:
        raise NotPermitted(refused)
    return _Open(task, task.status, task.due_on, load_calendar(session))


def finish_decision(
    session: Session,
    actor: Actor,
    opened: _Open,
    action: Action | str,
    note: str | None,
    via: str,
    now: datetime,
) -> TaskAudit:
    """Follow the task from now on, and write the audit row."""
    task = opened.task
    reschedule(session=session, tasks=[task], calendar=opened.calendar, now=now)
    if action in ASSIGNER_ACTIONS:
        notices.withdraw_waiting(session, task)
    return audit_row(session, actor, task, str(action), opened.status, opened.due, note, via, now)


def audit_row(
    session: Session,
    actor: Actor,
    task: Task,
    action: str,
    status_before: TaskStatus | None,
    due_before: date | None,
    note: str | None,
    via: str,
    now: datetime,
) -> TaskAudit:
    audit = TaskAudit(
        task_id=task.id,
        at=now,
        actor=actor.email,
        actor_role=actor.role.value,
        action=action,
        via=via,
        status_before=status_before.value if status_before is not None else None,
        status_after=task.status.value,
        due_before=due_before,
        due_after=task.due_on,
        note=note,
    )
    session.add(audit)
    session.flush()
    return audit


def _tell_office(
    session: Session, opened: _Open, audit: TaskAudit, step: str, text: str, now: datetime
) -> int:
    task = opened.task
    recipients = notices.office_recipients(session, task)
    return notices.queue(
        session,
        task=task,
        audit=audit,
        kind=notices.AWAITING,
        step=step,
        note=text,
        recipients=recipients,
        now=now,
    )


def _tell_owner(
    session: Session,
    opened: _Open,
    audit: TaskAudit,
    step: str,
    text: str,
    now: datetime,
    also: Sequence[str] = (),
) -> int:
    task = opened.task
    recipients = notices.owner_recipients(session, task, also)
    return notices.queue(
        session,
        task=task,
        audit=audit,
        kind=notices.DECISION,
        step=step,
        note=text,
        recipients=recipients,
        now=now,
    )


def _pending(session: Session, task: Task) -> ExtensionRequest:
    request = lifecycle.pending_extension(session=session, task=task)
    if request is None:
        raise TransitionRefused(NO_PENDING)
    return request


def _submitter(session: Session, task: Task) -> list[str]:
    query = (
        select(TaskEvent.actor)
        .where(TaskEvent.task_id == task.id, TaskEvent.kind == EventKind.SUBMITTED)
        .order_by(TaskEvent.at.desc(), TaskEvent.id.desc())
    )
    last = session.scalars(query).first()
    return [last] if last else []


def _check_attachments(attachments: Sequence[Path], store: EvidenceStore | None) -> None:
    if not attachments:
        return
    if store is None:
        raise TransitionRefused("Hệ thống chưa cấu hình nơi lưu tệp đính kèm.")
    if len(attachments) > MAX_ATTACHMENTS:
        raise TransitionRefused(f"Mỗi báo cáo đính kèm tối đa {MAX_ATTACHMENTS} tệp.")
    for path in attachments:
        reason = store.check(path)
        if reason:
            raise TransitionRefused(f"Tệp đính kèm: {reason}.")
