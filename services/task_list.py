"""The task list of the JSON API: filters as `dondoc tasks list`, one page at a time.

Pages are cut by keyset (due date, then id), not by offset, so that page 40 costs what
page 1 does and a task changing status between two pages neither repeats nor vanishes
from the order. The status filter is therefore asked of the database: each display status
(tasks_catalog.status) is translated into a condition on the stored status, the due date,
today and the last day that still counts as "due soon".

Who may see which task is the caller's filter (`visible`), so that this module answers
"which tasks, in which order" and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.orm import Session, selectinload

from inspections.access import TASK_COORDINATION_ROLES, TEAM_ROLES, Viewer
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Agency, Document, Obligation, Task, TaskStatus
from tasks_catalog.queries import TaskFilter, task_json
from tasks_catalog.status import DUE_SOON_WORKING_DAYS, DisplayStatus, display_status

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
        query = query.where(status_condition(filters.status, today, calendar))
    if after:
        due, ident = parse_cursor(after)
        query = query.where(or_(Task.due_on > due, and_(Task.due_on == due, Task.id > ident)))
    tasks = list(session.scalars(query))
    shown = tasks[:limit]
    items = [task_json(t, display_status(t, today, calendar)) for t in shown]
    more = len(tasks) > limit
    return Page(items, cursor_of(shown[-1]) if more and shown else None)


def last_due_soon_day(today: date, calendar: WorkCalendar) -> date:
    """The last due date that still reads "sắp đến hạn" today."""
    day = today
    for _ in range(60):  # a few weeks at most even across Tết
        following = day + timedelta(days=1)
        if calendar.working_days_between(today, following) > DUE_SOON_WORKING_DAYS:
            return day
        day = following
    return day


def status_condition(
    status: DisplayStatus, today: date, calendar: WorkCalendar
) -> ColumnElement[bool]:
    """`display_status(task, today) == status` as SQL (tests check the two agree)."""
    soon = last_due_soon_day(today, calendar)
    not_yet_due = Task.due_on >= today
    on_time = and_(
        Task.completed_on.is_not(None),
        or_(
            and_(Task.due_at_completion.is_not(None), Task.completed_on <= Task.due_at_completion),
            and_(Task.due_at_completion.is_(None), Task.completed_on <= Task.due_on),
        ),
    )
    progressing = Task.status.in_((TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS))
    conditions: dict[DisplayStatus, ColumnElement[bool]] = {
        DisplayStatus.RECALLED: Task.status == TaskStatus.RECALLED,
        DisplayStatus.DONE_ON_TIME: and_(Task.status == TaskStatus.DONE, on_time),
        DisplayStatus.DONE_LATE: and_(Task.status == TaskStatus.DONE, ~on_time),
        DisplayStatus.SUBMITTED: Task.status == TaskStatus.SUBMITTED,
        DisplayStatus.OVERDUE: and_(
            Task.status.in_((TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED)),
            Task.due_on < today,
        ),
        DisplayStatus.RETURNED: and_(Task.status == TaskStatus.RETURNED, not_yet_due),
        DisplayStatus.DUE_SOON: and_(progressing, not_yet_due, Task.due_on <= soon),
        DisplayStatus.IN_PROGRESS: and_(Task.status == TaskStatus.IN_PROGRESS, Task.due_on > soon),
        DisplayStatus.NOT_STARTED: and_(Task.status == TaskStatus.NOT_STARTED, Task.due_on > soon),
    }
    return conditions.get(status, false())


def visible_to(viewer: Viewer) -> ColumnElement[bool]:
    """The tasks a person may see, as SQL: the rule of `inspections.access.Scope.may_see_task`.

    Their own agency's tasks (an inspection task only to its inspecting team); the
    coordination office also every ordinary task of its province. Needs the query to join
    the owning Agency and the Obligation (as `task_page` does).
    """
    if viewer.is_admin:
        return true()
    inspection = or_(Obligation.kind == "inspection_duty", Task.subject_agency_id.is_not(None))
    own = Task.agency_id == (viewer.agency_id or -1)
    mine = own if viewer.roles & TEAM_ROLES else and_(own, ~inspection)
    if viewer.roles & TASK_COORDINATION_ROLES:
        return or_(mine, and_(Agency.province == (viewer.province or ""), ~inspection))
    return mine
