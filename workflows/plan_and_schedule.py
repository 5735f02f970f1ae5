"""Planning as the engine sees it: plan the year, then schedule what changed.

A new task is followed from its first action; a task whose due date the catalogue moved is
followed from now on, as after any other change (`workflows.followup.reschedule`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.year_plan import PlanReport, plan_year
from workflows.followup import reschedule, schedule_first_actions
from workflows.sweep import PolicyLookup


def plan_and_schedule(
    session: Session,
    *,
    year: int,
    calendar: WorkCalendar,
    now: datetime,
    policies: PolicyLookup | None = None,
) -> PlanReport:
    report = plan_year(session, year=year, calendar=calendar, now=now)
    schedule_first_actions(session, report.new_tasks, calendar, policies)
    reschedule(
        session=session, tasks=report.moved_tasks, calendar=calendar, now=now, policies=policies
    )
    return report
