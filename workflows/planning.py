"""Planning as the engine sees it: plan the year, then schedule each new task's first action."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.planning import PlanReport, plan_year
from workflows.sweep import PolicyLookup, schedule_first_actions


def plan_and_schedule(
    session: Session,
    *,
    year: int,
    calendar: WorkCalendar,
    now: datetime,
    policies: PolicyLookup | None = None,
) -> PlanReport:
    report = plan_year(session, year=year, calendar=calendar, now=now)
    schedule_first_actions(session, report.touched, calendar, policies)
    return report
