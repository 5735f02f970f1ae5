"""Giving work to an agency outside a catalogue's yearly plan: reassigning a task.

A reassignment is a recall and a new task: the first agency's task is recalled (its
history stays with it), and the new agency gets a task of the same obligation and period,
followed up like any other from that moment. Both agencies are told.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from services import notices
from services.actors import Actor
from services.decisions import Decided, NotPermitted, audit_row, begin_decision, finish_decision
from services.permissions import Action, assign_refusal, task_scope
from tasks_catalog import lifecycle
from tasks_catalog.dates import dmy, local_date
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import Agency, AssignmentRole, Task, TaskStatus
from tasks_catalog.models_lifecycle import EventKind, TaskEvent
from workflows.followup import reschedule

SECRET = "Nhiệm vụ kiểm tra không chuyển giao được; xin thu hồi và lập kế hoạch kiểm tra mới."


def reassign(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    agency_code: str,
    reason: str,
    due: date | None = None,
    now: datetime,
    via: str = "web",
) -> Decided:
    """Recall the task from its agency and give it to `agency_code` (due: the same unless
    `due` says otherwise). Returns the new task."""
    opened = begin_decision(session, actor, task_id, Action.REASSIGN)
    old = opened.task
    if task_scope(old).secret:
        raise TransitionRefused(SECRET)
    agency = agency_by_code(session, agency_code)
    refused = assign_refusal(actor, agency)
    if refused is not None:
        raise NotPermitted(refused)
    if agency.id == old.agency_id:
        raise TransitionRefused(f"Nhiệm vụ đang giao cho {agency.name}; xin chọn cơ quan khác.")
    new_due = due or old.due_on
    if new_due < local_date(now):
        raise TransitionRefused(f"Thời hạn ({dmy(new_due)}) không được trước ngày hôm nay.")
    text = lifecycle.required_text(reason, "Lý do chuyển giao")
    recalled = f"Chuyển giao cho {agency.name}: {text}"
    lifecycle.recall(session=session, task=old, actor=actor.email, reason=recalled, now=now)
    old_audit = finish_decision(session, actor, opened, Action.REASSIGN, recalled, via, now)
    task = _new_task(session, old, agency, new_due, now)
    given = f"Nhận nhiệm vụ chuyển từ {old.agency.name}, thời hạn {dmy(new_due)}: {text}"
    session.add(
        TaskEvent(task_id=task.id, kind=EventKind.ASSIGNED, actor=actor.email, note=given, at=now)
    )
    reschedule(session=session, tasks=[task], calendar=opened.calendar, now=now)
    new_audit = audit_row(session, actor, task, Action.REASSIGN, None, None, given, via, now)
    queued = notices.queue(
        session,
        task=old,
        audit=old_audit,
        kind=notices.DECISION,
        step="reassigned",
        note=f"Văn phòng UBND tỉnh thu hồi nhiệm vụ để {recalled[0].lower()}{recalled[1:]}",
        recipients=notices.owner_recipients(session, old),
        calendar=opened.calendar,
        now=now,
    )
    queued += notices.queue(
        session,
        task=task,
        audit=new_audit,
        kind=notices.DECISION,
        step="assigned",
        note=given,
        recipients=notices.owner_recipients(session, task),
        calendar=opened.calendar,
        now=now,
    )
    return Decided(task, f"Đã chuyển giao nhiệm vụ cho {agency.name} (số {task.id}).", queued)


def agency_by_code(session: Session, code: str) -> Agency:
    agency = session.scalars(
        select(Agency).where(Agency.code == code.strip(), Agency.retired_at.is_(None))
    ).first()
    if agency is None:
        raise TransitionRefused(f'Không có cơ quan mã "{code.strip()}" trong danh bạ.')
    return agency


def _new_task(session: Session, old: Task, agency: Agency, due: date, now: datetime) -> Task:
    task = Task(
        obligation_id=old.obligation_id,
        agency_id=agency.id,
        role=AssignmentRole.LEAD,
        # Its own occurrence: the agency may already cooperate on the old one.
        occurrence_key=f"{old.occurrence_key}~{old.id}"[-160:],
        period_label=old.period_label,
        subject_agency_id=old.subject_agency_id,
        period_start=old.period_start,
        period_end=old.period_end,
        original_due_on=due,
        due_on=due,
        status=TaskStatus.NOT_STARTED,
        created_at=now,
    )
    session.add(task)
    session.flush()
    return task
