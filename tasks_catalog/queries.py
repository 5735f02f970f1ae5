"""Read-only views of tasks and agencies, as plain dicts with stable field names.

These dicts are the JSON the CLI prints (and later the web API returns); their field
names are documented in README and must not change without a note there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Agency, Document, Obligation, Task
from tasks_catalog.status import LABELS, DisplayStatus, display_status


@dataclass(frozen=True)
class TaskFilter:
    agency: str | None = None  # agency code
    status: DisplayStatus | None = None
    document: str | None = None  # document number
    year: int | None = None


def list_tasks(
    session: Session, *, filters: TaskFilter, today: date, calendar: WorkCalendar
) -> list[dict[str, Any]]:
    owner = aliased(Agency)
    query = (
        select(Task)
        .join(Task.obligation)
        .join(Obligation.document)
        .join(owner, Task.agency_id == owner.id)
        .options(
            selectinload(Task.obligation).selectinload(Obligation.document),
            selectinload(Task.agency),
            selectinload(Task.subject),
        )
        .order_by(
            Task.due_on, Document.number, Obligation.position, owner.code, Task.occurrence_key
        )
    )
    if filters.agency:
        query = query.where(owner.code == filters.agency)
    if filters.document:
        query = query.where(Document.number == filters.document)
    if filters.year:
        query = query.where(
            Task.original_due_on.between(date(filters.year, 1, 1), date(filters.year, 12, 31))
        )
    rows = []
    for task in session.scalars(query):
        status = display_status(task, today, calendar)
        if filters.status is None or status == filters.status:
            rows.append(task_json(task, status))
    return rows


def task_json(task: Task, status: DisplayStatus) -> dict[str, Any]:
    obligation = task.obligation
    return {
        "id": task.id,
        "obligation": obligation.code,
        "document": obligation.document.number,
        "clause": obligation.clause,
        "title": obligation.title,
        "kind": obligation.kind,
        "agency": task.agency.code,
        "agency_name": task.agency.name,
        "role": task.role.value,
        "period": task.period_label,
        "period_start": task.period_start.isoformat(),
        "period_end": task.period_end.isoformat(),
        "due": task.due_on.isoformat(),
        "original_due": task.original_due_on.isoformat(),
        "status": status.value,
        "status_label": LABELS[status].label,
        "inspected_unit": task.subject.code if task.subject else None,
        "completed_on": task.completed_on.isoformat() if task.completed_on else None,
    }


def list_agencies(session: Session, province: str | None = None) -> list[dict[str, Any]]:
    query = select(Agency).where(Agency.retired_at.is_(None)).options(selectinload(Agency.people))
    if province:
        query = query.where(Agency.province == province)
    agencies = list(session.scalars(query.order_by(Agency.province, Agency.code)))
    codes = {a.id: a.code for a in agencies}
    return [
        {
            "code": a.code,
            "name": a.name,
            "short_name": a.short_name,
            "province": a.province,
            "level": a.level,
            "kind": a.kind,
            "parent": codes.get(a.parent_id) if a.parent_id else None,
            "emails": a.emails,
            "head": next(
                (
                    {"name": p.name, "email": p.email}
                    for p in a.people
                    if "head" in p.roles and p.retired_at is None
                ),
                None,
            ),
            "people": [
                {"name": p.name, "email": p.email, "position": p.position, "roles": p.roles}
                for p in a.people
                if p.retired_at is None
            ],
        }
        for a in agencies
    ]
