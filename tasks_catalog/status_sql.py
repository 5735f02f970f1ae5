"""The office's status of a task as one SQL expression, equal to `display_status`.

`tasks_catalog.status.display_status` reads one loaded task in Python; the dashboard and
the reports count tens of thousands and `dondoc tasks list` prints a hundred thousand,
so the same rule is written here as a CASE that the
database evaluates inside a GROUP BY. `tests/reports/test_status_sql.py` checks that the
two agree on every status.

As of a past day, a task completed after that day is read as not yet done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Case, ColumnElement, and_, case, func, literal, or_

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Task, TaskStatus
from tasks_catalog.status import DUE_SOON_WORKING_DAYS, DisplayStatus


@dataclass(frozen=True)
class AsOf:
    """The day the figures are read at, and the first due date that is no longer "soon"."""

    day: date
    soon_before: date  # due_on < soon_before (and not overdue): due soon

    @classmethod
    def of(cls, day: date, calendar: WorkCalendar) -> AsOf:
        # working_days_between(day, due) <= 3  <=>  due < the 4th working day after `day`
        return cls(day, calendar.add_working_days(day, DUE_SOON_WORKING_DAYS + 1))


def done_by(as_of: AsOf) -> ColumnElement[bool]:
    """Done, and done on or before the day read."""
    return and_(
        Task.status == TaskStatus.DONE,
        or_(Task.completed_on.is_(None), Task.completed_on <= as_of.day),
    )


def on_time() -> ColumnElement[bool]:
    due = func.coalesce(Task.due_at_completion, Task.due_on)
    return and_(Task.completed_on.is_not(None), Task.completed_on <= due)


def status_expression(as_of: AsOf) -> Case[str]:
    """CASE … END giving the `DisplayStatus` value of each task as of `as_of.day`."""
    day = literal(as_of.day)
    return case(
        (Task.status == TaskStatus.RECALLED, DisplayStatus.RECALLED.value),
        (
            done_by(as_of),
            case(
                (on_time(), DisplayStatus.DONE_ON_TIME.value),
                else_=DisplayStatus.DONE_LATE.value,
            ),
        ),
        (Task.status == TaskStatus.SUBMITTED, DisplayStatus.SUBMITTED.value),
        (Task.due_on < day, DisplayStatus.OVERDUE.value),
        (Task.status == TaskStatus.RETURNED, DisplayStatus.RETURNED.value),
        (Task.due_on < literal(as_of.soon_before), DisplayStatus.DUE_SOON.value),
        (
            Task.status.in_([TaskStatus.IN_PROGRESS, TaskStatus.DONE]),
            DisplayStatus.IN_PROGRESS.value,
        ),
        else_=DisplayStatus.NOT_STARTED.value,
    )
