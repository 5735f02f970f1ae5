"""After a task changes, when the follow-up engine should look at it next."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Task
from workflows.rules import timeline
from workflows.sweep import obligation_policy, schedule_first_actions, task_facts


def reschedule(*, session: Session, task: Task, calendar: WorkCalendar, now: datetime) -> None:
    """Recompute `next_action_at` after a state or due-date change.

    `schedule_first_actions` gives the first action of the task's whole timeline, which for
    a task changed in mid-life may lie weeks back; the sweep would then send the latest of
    those past steps again, under the new due date's key (a second "progress request" for
    a cut-off long gone). So the result is moved on to the first action not before
    min(now, the old next_action_at): nothing stale is sent, and an action that fell due
    a moment ago but was not swept yet is still sent. Submitted, done or recalled: None.
    """
    previous = task.next_action_at
    schedule_first_actions(session, [task], calendar)
    floor = now if previous is None else min(previous, now)
    if task.next_action_at is not None and task.next_action_at < floor:
        actions = timeline(task_facts(task), obligation_policy(task.obligation), calendar)
        task.next_action_at = next((a.at for a in actions if a.at >= floor), None)
    session.flush()
