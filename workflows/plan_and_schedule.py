"""Planning as the engine sees it: plan the year (or record the event a deadline is
counted from), then schedule what changed.

A new task is followed from its first action; a task whose due date the catalogue moved is
followed from now on, as after any other change (`workflows.followup.reschedule`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.event_deadlines import EventReport, record_event
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


def record_event_and_schedule(
    session: Session,
    *,
    obligation_code: str,
    happened_on: date,
    calendar: WorkCalendar,
    now: datetime,
    agency_code: str | None = None,
    policies: PolicyLookup | None = None,
) -> EventReport:
    """Record the event a deadline is counted from; its new tasks are followed from their
    first action, like planned ones (`tasks_catalog.event_deadlines`)."""
    report = record_event(
        session,
        obligation_code=obligation_code,
        happened_on=happened_on,
        calendar=calendar,
        now=now,
        agency_code=agency_code,
    )
    schedule_first_actions(session, report.created, calendar, policies)
    return report
