"""The naive dashboard the benchmark compares against: load every visible task, compute
each one's status in Python, count in Python (no GROUP BY, no covering index).

This is what a first version does with `tasks_catalog.queries.list_tasks`: correct, and
it reads and builds 100,000 ORM objects on each page view.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from services.actors import Actor
from services.permissions import task_visible_to
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Obligation, Task, TaskStatus
from tasks_catalog.queries import TaskFilter, list_tasks
from tasks_catalog.status import DisplayStatus, display_status


def naive_dashboard(
    session: Session, *, actor: Actor, today: date, calendar: WorkCalendar
) -> dict[str, Any]:
    first, last = date(today.year, 1, 1), date(today.year, 12, 31)
    query = (
        select(Task)
        .where(task_visible_to(actor))
        .options(
            selectinload(Task.obligation).selectinload(Obligation.document),
            selectinload(Task.agency),
        )
    )
    tasks = list(session.scalars(query))
    by_agency: Counter[tuple[str, DisplayStatus]] = Counter()
    by_document: Counter[tuple[str, DisplayStatus]] = Counter()
    overdue, this_week, months = [], [], Counter[tuple[str, bool]]()
    sunday = today + timedelta(days=6 - today.weekday())
    for task in tasks:
        status = display_status(task, today, calendar)
        if first <= task.original_due_on <= last:
            by_agency[(task.agency.code, status)] += 1
            by_document[(task.obligation.document.number, status)] += 1
            if status == DisplayStatus.OVERDUE:
                overdue.append(task)
            elif task.status in (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS) and (
                today <= task.due_on <= sunday
            ):
                this_week.append(task)
        if task.completed_on and task.completed_on >= today - timedelta(days=365):
            month = task.completed_on.strftime("%Y-%m")
            months[(month, status == DisplayStatus.DONE_ON_TIME)] += 1
    overdue.sort(key=lambda t: (t.due_on, t.id))
    return {
        "by_agency": by_agency,
        "by_document": by_document,
        "overdue": overdue[:50],
        "overdue_count": len(overdue),
        "this_week": this_week[:50],
        "months": months,
    }


def naive_task_page(
    session: Session, *, today: date, calendar: WorkCalendar
) -> list[dict[str, Any]]:
    """`dondoc tasks list` cut to its first 50 rows: every task loaded, then sliced."""
    return list_tasks(session, filters=TaskFilter(), today=today, calendar=calendar)[:50]
