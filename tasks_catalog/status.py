"""The status an office reads: done / not done × on time / late, plus "due soon".

Only the work's progress is stored (`TaskStatus`); whether it is due soon or overdue is
read from the due date and today, so it can never go stale.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Task, TaskStatus

DUE_SOON_WORKING_DAYS = 3


class DisplayStatus(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    SUBMITTED = "submitted"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    RETURNED = "returned"
    RECALLED = "recalled"


@dataclass(frozen=True)
class StatusLabel:
    label: str
    colour: str


LABELS = {
    DisplayStatus.NOT_STARTED: StatusLabel("Chưa triển khai", "grey"),
    DisplayStatus.IN_PROGRESS: StatusLabel("Đang thực hiện – trong hạn", "blue"),
    DisplayStatus.DUE_SOON: StatusLabel("Sắp đến hạn", "orange"),
    DisplayStatus.OVERDUE: StatusLabel("Quá hạn chưa hoàn thành", "red"),
    DisplayStatus.SUBMITTED: StatusLabel("Chờ duyệt", "yellow"),
    DisplayStatus.DONE_ON_TIME: StatusLabel("Hoàn thành đúng hạn", "green"),
    DisplayStatus.DONE_LATE: StatusLabel("Hoàn thành quá hạn", "darkorange"),
    DisplayStatus.RETURNED: StatusLabel("Trả lại", "red-outline"),
    DisplayStatus.RECALLED: StatusLabel("Thu hồi", "struck"),
}


def display_status(task: Task, today: date, calendar: WorkCalendar) -> DisplayStatus:
    status = task.status
    if status == TaskStatus.RECALLED:
        return DisplayStatus.RECALLED
    if status == TaskStatus.DONE:
        # Judged against the due date in force when the work was done (extensions count).
        due = task.due_at_completion or task.due_on
        on_time = task.completed_on is not None and task.completed_on <= due
        return DisplayStatus.DONE_ON_TIME if on_time else DisplayStatus.DONE_LATE
    return status_on(status, task.due_on, today, calendar)


def status_on(status: TaskStatus, due: date, today: date, calendar: WorkCalendar) -> DisplayStatus:
    """What an unfinished task (stored `status`, due on `due`) shows on `today`."""
    if status == TaskStatus.RECALLED:
        return DisplayStatus.RECALLED
    if status == TaskStatus.SUBMITTED:
        return DisplayStatus.SUBMITTED
    if today > due:
        return DisplayStatus.OVERDUE
    if status == TaskStatus.RETURNED:
        return DisplayStatus.RETURNED
    if calendar.working_days_between(today, due) <= DUE_SOON_WORKING_DAYS:
        return DisplayStatus.DUE_SOON
    if status == TaskStatus.IN_PROGRESS:
        return DisplayStatus.IN_PROGRESS
    return DisplayStatus.NOT_STARTED
