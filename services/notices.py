"""The e-mail a decision owes the other side, queued in the decision's own transaction.

- `awaiting_decision` goes to the assigner: the province's coordinators (the Chánh Văn
  phòng when the office has none) learn that an extension request or a result waits; on
  an inspection task, the inspection lead of the inspecting agency.
- `decision` goes to the owner: the agency's staff who receive its reminders, its head,
  and whoever asked (an extension, a submission); on an inspection task only the
  inspecting agency's inspectors and lead (the unit inspected never hears of it).

Each row's key is `decision/<audit id>/<step>/email/<address>`: the audit row is the
decision, so the same decision can never be queued twice, and two decisions never share
a key. Delivery sends them with the next run, even when the task is finished. When the
office decides, what still told it that a request waits is withdrawn (`withdraw_waiting`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from notifications.digest import DigestItem
from notifications.models import Channel, Notification, NotificationState
from notifications.outbox import enqueue
from services.permissions import task_scope
from tasks_catalog.models import Agency, Person, Task
from tasks_catalog.models_lifecycle import TaskAudit
from tasks_catalog.sql import rows_changed

AWAITING = "awaiting_decision"
DECISION = "decision"


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    reason: str | None = None  # why they get it, when in copy


def office_recipients(session: Session, task: Task) -> list[Recipient]:
    if task_scope(task).secret:
        people = _people(session, [task.agency_id], "inspection_lead")
        return [Recipient(p.email, p.name, "Trưởng đoàn kiểm tra") for p in people]
    offices = list(
        session.scalars(
            select(Agency.id).where(
                Agency.province == task.agency.province, Agency.retired_at.is_(None)
            )
        )
    )
    people = _people(session, offices, "coordinator") or _people(
        session, offices, "coordination_leader"
    )
    return [Recipient(p.email, p.name, "Văn phòng UBND tỉnh (nơi giao việc)") for p in people]


def owner_recipients(session: Session, task: Task, also: Iterable[str] = ()) -> list[Recipient]:
    agency = task.agency
    if task_scope(task).secret:
        people = _people(session, [agency.id], "inspector", "inspection_lead")
        return _unique([Recipient(p.email, p.name) for p in people])
    staff = _people(session, [agency.id], "assignee")
    heads = _people(session, [agency.id], "head")
    found = [Recipient(p.email, p.name) for p in staff]
    found += [Recipient(p.email, p.name, f"Thủ trưởng {agency.name}") for p in heads]
    if not found:
        found = [Recipient(address, agency.name) for address in agency.emails]
    asked = [address for address in also if _belongs(session, address, agency)]
    found += [Recipient(address, _name_of(session, address, agency)) for address in asked]
    return _unique(found)


def queue(
    session: Session,
    *,
    task: Task,
    audit: TaskAudit,
    kind: str,
    step: str,
    note: str,
    recipients: list[Recipient],
    now: datetime,
) -> int:
    """Queue one e-mail item per recipient; returns how many rows were new."""
    item = _item(task, kind, step, note)
    rows = [
        {
            "key": f"decision/{audit.id}/{step}/email/{r.email.lower()}"[:400],
            "task_id": task.id,
            "channel": Channel.EMAIL,
            "recipient": r.email,
            "recipient_name": r.name,
            "kind": kind,
            "step": step,
            "payload": item | {"copy_reason": r.reason, "reason": r.reason},
            "created_at": now,
            "next_attempt_at": now - timedelta(seconds=1),
        }
        for r in recipients
    ]
    return enqueue(session, rows)


def withdraw_waiting(session: Session, task: Task) -> int:
    """The office has decided: its `awaiting_decision` e-mails not yet sent are moot."""
    return rows_changed(
        session,
        update(Notification)
        .where(
            Notification.task_id == task.id,
            Notification.kind == AWAITING,
            Notification.state == NotificationState.PENDING,
        )
        .values(state=NotificationState.CANCELLED)
        .execution_options(synchronize_session=False),
    )


def _item(task: Task, kind: str, step: str, note: str) -> dict[str, Any]:
    obligation = task.obligation
    item = DigestItem(
        kind=kind,
        step=step,
        task_id=task.id,
        document=obligation.document.number,
        clause=obligation.clause,
        obligation_code=obligation.code,
        title=obligation.title,
        agency_name=task.agency.name,
        role=task.role.value,
        period=task.period_label,
        due=task.due_on,
        original_due=task.original_due_on,
        status=task.status.value,
        note=note,
        completed_on=task.completed_on,
    )
    return item.to_payload()


def _people(session: Session, agency_ids: list[int], *roles: str) -> list[Person]:
    """The active people of these agencies with any of `roles` (everyone when none given)."""
    if not agency_ids:
        return []
    people = session.scalars(
        select(Person)
        .where(Person.agency_id.in_(agency_ids), Person.retired_at.is_(None))
        .order_by(Person.id)
    )
    return [p for p in people if not roles or any(role in p.roles for role in roles)]


def _belongs(session: Session, address: str, agency: Agency) -> bool:
    lowered = address.lower()
    if lowered in {e.lower() for e in agency.emails}:
        return True
    return any(p.email.lower() == lowered for p in _people(session, [agency.id]))


def _name_of(session: Session, address: str, agency: Agency) -> str:
    lowered = address.lower()
    for person in _people(session, [agency.id]):
        if person.email.lower() == lowered:
            return person.name
    return agency.name


def _unique(recipients: list[Recipient]) -> list[Recipient]:
    seen: dict[str, Recipient] = {}
    for recipient in recipients:
        seen.setdefault(recipient.email.lower(), recipient)
    return list(seen.values())
