"""The monthly report an office forwards to the Chairman: the two-by-two per agency, then
every overdue task with its clause and working days late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from reports.counts import Grouping, StatusCounts, counts_by, total_of
from reports.filters import ReportFilter
from reports.lists import TaskLine, overdue
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.status_sql import AsOf


@dataclass(frozen=True)
class MonthlyReport:
    as_of: date
    due_from: date | None
    due_to: date | None
    agencies: list[StatusCounts]
    total: StatusCounts
    overdue: list[TaskLine]

    @property
    def scope_text(self) -> str:
        return scope_text(self.as_of, self.due_from, self.due_to)


def scope_text(as_of: date, due_from: date | None, due_to: date | None) -> str:
    """What the figures cover, as a report's subtitle says it."""
    text = f"Số liệu tính đến ngày {vn_date(as_of)}"
    if due_from and due_to:
        return text + f"; nhiệm vụ có thời hạn từ {vn_date(due_from)} đến {vn_date(due_to)}"
    if due_from:
        return text + f"; nhiệm vụ có thời hạn từ {vn_date(due_from)}"
    if due_to:
        return text + f"; nhiệm vụ có thời hạn đến {vn_date(due_to)}"
    return text


def monthly_report(
    session: Session, *, filters: ReportFilter, as_of: AsOf, calendar: WorkCalendar
) -> MonthlyReport:
    agencies = counts_by(session, by=Grouping.AGENCY, filters=filters, as_of=as_of)
    return MonthlyReport(
        as_of=as_of.day,
        due_from=filters.due_from,
        due_to=filters.due_to,
        agencies=agencies,
        total=total_of(agencies),
        overdue=overdue(session, filters=filters, as_of=as_of, calendar=calendar),
    )


def vn_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def percent(rate: float | None) -> str:
    """`87,5%` as Vietnamese writes it; a dash when nothing is done or overdue yet."""
    if rate is None:
        return "—"
    return f"{rate * 100:.1f}%".replace(".", ",")
