"""The task list of the JSON API: filters as `dondoc tasks list`, one page at a time.

Pages are cut by keyset (due date, then id), not by offset, so that page 40 costs what
page 1 does and a task changing status between two pages neither repeats nor vanishes
from the order. The status filter is therefore asked of the database
(`tasks_catalog.status_sql.status_expression`, the dashboard's own rule).

Who may see which task is the caller's filter (`visible`,
`services.permissions.task_visible_to`), so that this module answers "which tasks, in
which order" and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, selectinload

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Agency, Document, Obligation, Task
from tasks_catalog.queries import TaskFilter, task_json
from tasks_catalog.status import display_status
from tasks_catalog.status_sql import AsOf, status_expression

MAX_PAGE = 200


class BadCursor(ValueError):
    """The `after` cursor is not one this API handed out."""


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next: str | None  # the cursor of the next page, None on the last


CURSOR_PATTERN = r"^[0-9]{1,7}-[0-9]{1,18}$"


def cursor_of(task: Task) -> str:
    """`<due date as a day number>-<id>`: the last task of a page."""
    return f"{task.due_on.toordinal()}-{task.id}"


def parse_cursor(text: str) -> tuple[date, int]:
    """Any cursor of the pattern means a place in the order (out of range: the ends)."""
    day, _, ident = text.partition("-")
    if not day.isdigit() or not ident.isdigit():
        raise BadCursor(text)
    ordinal = min(max(int(day), 1), date.max.toordinal())
    return date.fromordinal(ordinal), min(int(ident), 2**62)


def task_page(
    session: Session,
    *,
    visible: ColumnElement[bool],
    filters: TaskFilter,
    today: date,
    calendar: WorkCalendar,
    after: str | None = None,
    limit: int = 50,
) -> Page:
    """One page of the tasks `visible` lets through, ordered by due date then id."""
    query = (
        select(Task)
        .join(Task.obligation)
        .join(Obligation.document)
        .join(Agency, Task.agency_id == Agency.id)
        .where(visible)
        .options(
            selectinload(Task.obligation).selectinload(Obligation.document),
            selectinload(Task.agency),
            selectinload(Task.subject),
        )
        .order_by(Task.due_on, Task.id)
        .limit(limit + 1)
    )
    if filters.agency:
        query = query.where(Agency.code == filters.agency)
    if filters.document:
        query = query.where(Document.number == filters.document)
    if filters.year:
        first, last = date(filters.year, 1, 1), date(filters.year, 12, 31)
        query = query.where(Task.original_due_on.between(first, last))
    if filters.status:
        query = query.where(status_expression(AsOf.of(today, calendar)) == filters.status.value)
    if after:
        due, ident = parse_cursor(after)
        query = query.where(or_(Task.due_on > due, and_(Task.due_on == due, Task.id > ident)))
    tasks = list(session.scalars(query))
    shown = tasks[:limit]
    items = [task_json(t, display_status(t, today, calendar)) for t in shown]
    more = len(tasks) > limit
    return Page(items, cursor_of(shown[-1]) if more and shown else None)
