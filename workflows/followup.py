"""After a task changes mid-life, when the follow-up engine should look at it next.

A new task is followed from its first action (`schedule_first_actions`). A task that
changed (progress reported, submitted, returned, extended, replanned) is
followed from now on: `reschedule` is what the web, planning and the feature files' steps
call after any change, so that no past reminder is sent again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Task
from workflows.rules import next_action_after_change, timeline
from workflows.sweep import PolicyLookup, obligation_policy, task_facts


def schedule_first_actions(
    session: Session,
    tasks: Sequence[Task],
    calendar: WorkCalendar,
    policies: PolicyLookup | None = None,
) -> None:
    """Set `next_action_at` of new tasks to their first action (planning, loading)."""
    lookup = policies or obligation_policy
    for task in tasks:
        actions = timeline(task_facts(task), lookup(task.obligation), calendar)
        task.next_action_at = actions[0].at if actions else None
    session.flush()


def reschedule(
    *,
    session: Session,
    tasks: Sequence[Task],
    calendar: WorkCalendar,
    now: datetime,
    policies: PolicyLookup | None = None,
) -> None:
    """Recompute `next_action_at` of tasks changed at `now` (see `next_action_after_change`).

    Submitted, done or recalled: None, the reminders stop. Call it in the transaction of
    the change, after the change is made.
    """
    lookup = policies or obligation_policy
    for task in tasks:
        task.next_action_at = next_action_after_change(
            task_facts(task),
            lookup(task.obligation),
            calendar,
            now=now,
            pending=task.next_action_at,
        )
    session.flush()
