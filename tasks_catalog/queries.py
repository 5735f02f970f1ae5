"""Read-only views of tasks and agencies, as plain dicts with stable field names.

These dicts are the JSON the CLI prints (and later the web API returns); their field
names are documented in README and must not change without a note there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, cast, func, select, type_coerce
from sqlalchemy.orm import Session, aliased, selectinload

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Agency, Document, Obligation, Task
from tasks_catalog.status import LABELS, DisplayStatus
from tasks_catalog.status_sql import AsOf, status_expression

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
    so that memory stays flat however many tasks there are.

    A hundred thousand rows make Python's per-row work the cost, so the database does what
    it can: the status (`status_sql.status_expression`, the dashboard's CASE), the dates as
    ISO text (no `date` objects made and formatted again); the few hundred obligations and
    agencies are read once and joined here by id."""
    owner = aliased(Agency)
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
    status = status_expression(AsOf.of(today, calendar))
    dialect = session.get_bind().dialect.name
    query = (
        select(
            Task.id,
            Task.obligation_id,
            Task.agency_id,
            type_coerce(Task.role, String),  # the stored value, as task_json prints it
            Task.period_label,
            _iso(Task.period_start, dialect),
            _iso(Task.period_end, dialect),
            _iso(Task.due_on, dialect),
            _iso(Task.original_due_on, dialect),
            status,
            Task.subject_agency_id,
            _iso(Task.completed_on, dialect),
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
    if filters.status:
        query = query.where(status == filters.status.value)
    labels = {shown.value: label.label for shown, label in LABELS.items()}
    connection = session.connection()
    if dialect != "sqlite":  # a server-side cursor; SQLite's cursor reads lazily by itself
        connection = connection.execution_options(yield_per=STREAM_BATCH)
    for rows in connection.execute(query).partitions(STREAM_BATCH):
        yield from _task_dicts(rows, obligations, agencies, labels)


def _task_dicts(
    rows: Sequence[Any],
    obligations: dict[int, tuple[str, str, str, str, str]],
    agencies: dict[int, tuple[str, str]],
    labels: dict[str, str],
) -> Iterator[dict[str, Any]]:
    for (
        id_,
        obligation,
        agency,
        role,
        period,
        start,
        end,
        due,
        original,
        shown,
        subject,
        completed,
    ) in rows:
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
            "period_start": start,
            "period_end": end,
            "due": due,
            "original_due": original,
            "status": shown,
            "status_label": labels[shown],
            "inspected_unit": agencies[subject][0] if subject is not None else None,
            "completed_on": completed,
        }


def _iso(column: Any, dialect: str) -> Any:
    """A date column as its ISO text, `YYYY-MM-DD` (SQLite stores it so)."""
    if dialect == "postgresql":  # whatever the server's DateStyle
        return func.to_char(column, "YYYY-MM-DD")
    return cast(column, String)


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
