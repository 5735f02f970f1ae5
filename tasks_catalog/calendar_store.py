"""The editable table of declared days off and working days, in the database."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog.calendar import DeclaredDay, WorkCalendar, load_declared_days
from tasks_catalog.models import CalendarDay


def seed_declared_days(session: Session) -> int:
    """Add the shipped declarations for days the table does not mention yet.

    A day an office has edited is left alone: the table is theirs, the file is a default.
    """
    present = set(session.scalars(select(CalendarDay.day)))
    added = 0
    for declared in load_declared_days():
        if declared.day not in present:
            session.add(
                CalendarDay(day=declared.day, working=declared.working, reason=declared.reason)
            )
            added += 1
    session.flush()
    return added


def declare_day(session: Session, *, day: date, working: bool, reason: str) -> None:
    row = session.get(CalendarDay, day)
    if row is None:
        session.add(CalendarDay(day=day, working=working, reason=reason))
    else:
        row.working, row.reason = working, reason
    session.flush()


def remove_declared_day(session: Session, day: date) -> bool:
    row = session.get(CalendarDay, day)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def declared_days(session: Session) -> list[DeclaredDay]:
    rows = session.scalars(select(CalendarDay).order_by(CalendarDay.day))
    return [DeclaredDay(day=r.day, working=r.working, reason=r.reason) for r in rows]


def load_calendar(session: Session) -> WorkCalendar:
    """The working-day calendar as this office has declared it.

    Calendars are kept by their declared days: building a year's table from the `holidays`
    package costs tens of milliseconds, and a web page asks for the calendar on every view.
    An edited table gives other declared days, hence a new calendar.
    """
    return _calendar(tuple(declared_days(session)))


@lru_cache(maxsize=8)
def _calendar(declared: tuple[DeclaredDay, ...]) -> WorkCalendar:
    return WorkCalendar(declared)
