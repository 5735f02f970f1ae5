"""A task's whole story, as plain JSON-ready data: where it stands, its due-date history,
what its owners reported (with files), the extension requests, every e-mail sent about it
and the audit trail. The CLI's `tasks show` prints it; pages lay it out.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from notifications.models import Notification
from services.actors import Actor
from services.decisions import NO_TASK, NotPermitted
from services.permissions import NOT_ALLOWED, may_view_task
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.dates import LOCAL_TZ
from tasks_catalog.models import Task
from tasks_catalog.models_lifecycle import (
    ExtensionRequest,
    TaskAttachment,
    TaskAudit,
    TaskEvent,
)
from tasks_catalog.queries import task_json
from tasks_catalog.status import display_status


def task_story(
    session: Session, actor: Actor | None, task_id: int, *, today: date, calendar: WorkCalendar
) -> dict[str, Any]:
    """Everything about one task; `actor` None is the IT administrator at the console."""
    task = session.get(Task, task_id)
    if task is None:
        raise NotPermitted(NO_TASK.format(id=task_id))
    if actor is not None and not may_view_task(actor, task):
        raise NotPermitted(NOT_ALLOWED)
    story = task_json(task, display_status(task, today, calendar))
    story["extension_count"] = task.extension_count
    story["due_history"] = [
        {
            "from": change.old_due_on.isoformat(),
            "to": change.new_due_on.isoformat(),
            "reason": change.reason,
            "note": change.note,
            "at": _local(change.changed_at),
        }
        for change in task.due_changes
    ]
    story["reports"] = _reports(session, task)
    story["extension_requests"] = _requests(session, task)
    story["notifications"] = _notifications(session, task)
    story["audit"] = _audit(session, task)
    return story


def _reports(session: Session, task: Task) -> list[dict[str, Any]]:
    files: dict[int, list[dict[str, Any]]] = {}
    for kept in session.scalars(
        select(TaskAttachment).where(TaskAttachment.task_id == task.id).order_by(TaskAttachment.id)
    ):
        files.setdefault(kept.event_id, []).append(
            {"name": kept.name, "size": kept.size, "sha256": kept.sha256}
        )
    events = session.scalars(
        select(TaskEvent).where(TaskEvent.task_id == task.id).order_by(TaskEvent.at, TaskEvent.id)
    )
    return [
        {
            "at": _local(event.at),
            "kind": event.kind.value,
            "actor": event.actor,
            "note": event.note,
            "percent": event.percent,
            "files": files.get(event.id, []),
        }
        for event in events
    ]


def _requests(session: Session, task: Task) -> list[dict[str, Any]]:
    query = (
        select(ExtensionRequest)
        .where(ExtensionRequest.task_id == task.id)
        .order_by(ExtensionRequest.id)
    )
    return [
        {
            "requested_by": r.requested_by,
            "requested_at": _local(r.requested_at),
            "proposed_due": r.proposed_due.isoformat(),
            "reason": r.reason,
            "state": r.state.value,
            "decided_by": r.decided_by,
            "granted_due": r.granted_due.isoformat() if r.granted_due else None,
            "decision_note": r.decision_note,
        }
        for r in session.scalars(query)
    ]


def _notifications(session: Session, task: Task) -> list[dict[str, Any]]:
    query = select(Notification).where(Notification.task_id == task.id).order_by(Notification.id)
    return [
        {
            "queued_at": _local(n.created_at),
            "kind": n.kind,
            "step": n.step,
            "channel": n.channel.value,
            "recipient": n.recipient,
            "state": n.state.value,
            "sent_at": _local(n.sent_at) if n.sent_at else None,
        }
        for n in session.scalars(query)
    ]


def _audit(session: Session, task: Task) -> list[dict[str, Any]]:
    query = select(TaskAudit).where(TaskAudit.task_id == task.id).order_by(TaskAudit.id)
    return [
        {
            "at": _local(a.at),
            "actor": a.actor,
            "role": a.actor_role,
            "action": a.action,
            "via": a.via,
            "status": [a.status_before, a.status_after],
            "due": [a.due_before.isoformat() if a.due_before else None, a.due_after.isoformat()],
            "note": a.note,
        }
        for a in session.scalars(query)
    ]


def _local(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).isoformat(timespec="minutes")
