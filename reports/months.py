"""On-time completion by month: of the tasks completed in a month, how many on time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from reports.filters import ReportFilter
from tasks_catalog.models import Task, TaskStatus
from tasks_catalog.status_sql import on_time


@dataclass(frozen=True)
class MonthRate:
    month: str  # YYYY-MM
    on_time: int
    late: int

    @property
    def done(self) -> int:
        return self.on_time + self.late

    @property
    def rate(self) -> float | None:
        return self.on_time / self.done if self.done else None

    @property
    def label(self) -> str:
        """`03/2025`, as an office writes a month."""
        return f"{self.month[5:]}/{self.month[:4]}"


def on_time_by_month(
    session: Session, *, filters: ReportFilter, first: date, last: date
) -> list[MonthRate]:
    """Every month from `first` to `last` (months without completions included, as zero)."""
    month = _completion_month(session).label("month")
    query = (
        select(month, on_time().label("on_time"), func.count())
        .where(
            *filters.conditions(session),
            Task.status == TaskStatus.DONE,
            Task.completed_on.between(first, last),
        )
        .group_by(month, on_time())
    )
    found: dict[str, list[int]] = {}
    for month_value, was_on_time, count in session.execute(query):
        found.setdefault(month_value, [0, 0])[0 if was_on_time else 1] += count
    return [MonthRate(m, *found.get(m, [0, 0])) for m in _months(first, last)]


def _completion_month(session: Session) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(Task.completed_on, "YYYY-MM")
    return func.strftime("%Y-%m", Task.completed_on)


def _months(first: date, last: date) -> list[str]:
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
