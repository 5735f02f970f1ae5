"""Read-only views of tasks and agencies, as plain dicts with stable field names.

These dicts are the JSON the CLI prints (and later the web API returns); their field
names are documented in README and must not change without a note there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, aliased, selectinload

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Agency, Document, Obligation, Task
from tasks_catalog.status import LABELS, DisplayStatus, status_of

STREAM_BATCH = 1000  # rows fetched at a time by the streamed listing


@dataclass(frozen=True)
class TaskFilter:
    agency: str | None = None  # agency code
    status: DisplayStatus | None = None
    document: str | None = None  # document number
    year: int | None = None


def list_tasks(
    session: Session, *, filters: TaskFilter, today: date, calendar: WorkCalendar
) -> list[dict[str, Any]]:
    return list(iter_tasks(session, filters=filters, today=today, calendar=calendar))


def iter_tasks(
    session: Session, *, filters: TaskFilter, today: date, calendar: WorkCalendar
) -> Iterator[dict[str, Any]]:
    """The tasks as `task_json` dicts, streamed: plain rows read in batches, no ORM objects,
    so that memory stays flat however many tasks there are."""
    owner = aliased(Agency)
    # The few hundred obligations and agencies are read once; the tasks' rows carry ids.
    obligations = {
        id_: (code, number, clause, title, kind)
        for id_, code, number, clause, title, kind in session.execute(
            select(
                Obligation.id,
                Obligation.code,
                Document.number,
                Obligation.clause,
                Obligation.title,
                Obligation.kind,
            ).join(Document, Obligation.document_id == Document.id)
        )
    }
    agencies = {
        id_: (code, name)
        for id_, code, name in session.execute(select(Agency.id, Agency.code, Agency.name))
    }
    query = (
        select(
            Task.id,
            Task.obligation_id,
            Task.agency_id,
            type_coerce(Task.role, String),  # the stored value, as task_json prints it
            Task.period_label,
            Task.period_start,
            Task.period_end,
            Task.due_on,
            Task.original_due_on,
            Task.status,
            Task.subject_agency_id,
            Task.completed_on,
            Task.due_at_completion,
        )
        .join(Obligation, Task.obligation_id == Obligation.id)
        .join(Document, Obligation.document_id == Document.id)
        .join(owner, Task.agency_id == owner.id)
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
    # A few hundred distinct dates and statuses among any number of tasks: each is worked
    # out once.
    statuses: dict[tuple[Any, ...], tuple[str, str] | None] = {}
    iso: dict[date, str] = {}

    def day(value: date) -> str:
        text = iso.get(value)
        if text is None:
            text = iso[value] = value.isoformat()
        return text

    result = session.connection().execution_options(yield_per=STREAM_BATCH).execute(query)
    for row in result:
        (id_, obligation, agency, role, period, start, end, due, original, stored) = row[:10]
        subject, completed, due_then = row[10:]
        key = (stored, due, completed, due_then)
        if key not in statuses:
            status = status_of(stored, due, completed, due_then, today, calendar)
            wanted = filters.status is None or status == filters.status
            statuses[key] = (status.value, LABELS[status].label) if wanted else None
        shown = statuses[key]
        if shown is None:
            continue
        code, number, clause, title, kind = obligations[obligation]
        agency_code, agency_name = agencies[agency]
        yield {
            "id": id_,
            "obligation": code,
            "document": number,
            "clause": clause,
            "title": title,
            "kind": kind,
            "agency": agency_code,
            "agency_name": agency_name,
            "role": role,
            "period": period,
            "period_start": day(start),
            "period_end": day(end),
            "due": day(due),
            "original_due": day(original),
            "status": shown[0],
            "status_label": shown[1],
            "inspected_unit": agencies[subject][0] if subject is not None else None,
            "completed_on": day(completed) if completed else None,
        }


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
