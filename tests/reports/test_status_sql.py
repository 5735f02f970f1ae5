"""The status counted in SQL is the status `dondoc tasks list` shows, for every task."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from reports import AsOf, status_expression
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Task, TaskStatus
from tasks_catalog.status import DisplayStatus, display_status
from tests.reports.world import add_task, agency, obligation

DAYS = [date(2025, 3, 10), date(2025, 3, 14), date(2025, 3, 20), date(2025, 4, 30)]


def _grid(session: Session) -> None:
    """Tasks in every stored status, due around the days read, done before and after them."""
    owner, duty = agency(session, "HB-STP"), obligation(session, "HB99-D3.1-KEHOACH")
    start = date(2025, 3, 5)
    for status, offset in product(TaskStatus, range(0, 70, 3)):
        due = start + timedelta(days=offset)
        completed = [None]
        if status == TaskStatus.DONE:
            completed = [due - timedelta(days=2), due, due + timedelta(days=4)]
        for done_on in completed:
            add_task(
                session, obligation=duty, agency=owner, due=due, status=status, completed_on=done_on
            )
    # Done within an extension: judged against the due date in force when it was done.
    add_task(
        session,
        obligation=duty,
        agency=owner,
        due=date(2025, 3, 31),
        status=TaskStatus.DONE,
        completed_on=date(2025, 3, 25),
        due_at_completion=date(2025, 3, 28),
        original_due=date(2025, 3, 14),
    )


@pytest.mark.parametrize("day", DAYS)
def test_sql_status_equals_display_status(session: Session, calendar: WorkCalendar, day: date):
    _grid(session)
    as_of = AsOf.of(day, calendar)
    rows = session.execute(select(Task, status_expression(as_of))).all()
    assert len(rows) > 100
    seen = set()
    for task, in_sql in rows:
        if task.completed_on is not None and task.completed_on > day:
            continue  # read as of a past day: see test_a_task_done_later_is_open_as_of_before
        expected = display_status(task, day, calendar)
        assert DisplayStatus(in_sql) == expected, (task.status, task.due_on, task.completed_on)
        seen.add(expected)
    assert seen == set(DisplayStatus)


def test_a_task_done_later_is_open_as_of_before(session: Session, calendar: WorkCalendar):
    owner, duty = agency(session, "HB-STP"), obligation(session, "HB99-D3.1-KEHOACH")
    late = add_task(
        session,
        obligation=duty,
        agency=owner,
        due=date(2025, 3, 14),
        status=TaskStatus.DONE,
        completed_on=date(2025, 3, 20),
    )

    def status_on(day: date) -> str | None:
        query = select(status_expression(AsOf.of(day, calendar))).where(Task.id == late.id)
        return session.scalar(query)

    assert status_on(date(2025, 3, 10)) == DisplayStatus.IN_PROGRESS
    assert status_on(date(2025, 3, 17)) == DisplayStatus.OVERDUE
    assert status_on(date(2025, 3, 20)) == DisplayStatus.DONE_LATE


def test_due_soon_counts_working_days_over_a_weekend(calendar: WorkCalendar):
    # Thursday 13/03/2025: Fri 14, Mon 17, Tue 18 are the next three working days.
    as_of = AsOf.of(date(2025, 3, 13), calendar)
    assert as_of.soon_before == date(2025, 3, 19)
