"""Calendar rules: working days, Nghị định 09/2019 reporting periods, recurrence.

Pure functions of their inputs; the only I/O is reading the shipped table of declared
days (``vn_declared_days.yaml``).
"""

from __future__ import annotations

from functools import lru_cache

from tasks_catalog.calendar.periods import (
    PERIOD_KINDS,
    ReportingPeriod,
    periods_in_year,
    reporting_period,
)
from tasks_catalog.calendar.recurrence import (
    Occurrence,
    Schedule,
    first_occurrence,
    months_per_period,
    occurrences,
    validate_schedule,
)
from tasks_catalog.calendar.workdays import (
    DEFAULT_DECLARED_DAYS,
    CalendarDataError,
    DeclaredDay,
    WorkCalendar,
    load_declared_days,
)


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    """The civil servants' calendar with the shipped declared days, built once."""
    return WorkCalendar(load_declared_days())


__all__ = [
    "DEFAULT_DECLARED_DAYS",
    "PERIOD_KINDS",
    "CalendarDataError",
    "DeclaredDay",
    "Occurrence",
    "ReportingPeriod",
    "Schedule",
    "WorkCalendar",
    "default_calendar",
    "first_occurrence",
    "load_declared_days",
    "months_per_period",
    "occurrences",
    "periods_in_year",
    "reporting_period",
    "validate_schedule",
]
