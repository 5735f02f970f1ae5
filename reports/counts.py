"""The two-by-two of DESIGN.md, plus "due soon", counted per agency or per document.

Offices report done / not done × on time / late (Quy chế under Quyết định 42/2014/QĐ-TTg):
hoàn thành đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn
thành. Tasks awaiting approval (chờ duyệt), returned for rework and not started count as
"đang thực hiện trong hạn" until their deadline passes; "sắp đến hạn" is the part of them
due within 3 working days. Recalled tasks (thu hồi) are not counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reports.filters import ReportFilter
from tasks_catalog.models import Agency, Document, Obligation, Task
from tasks_catalog.status import DisplayStatus
from tasks_catalog.status_sql import AsOf, status_expression

S = DisplayStatus
IN_TIME = (S.NOT_STARTED, S.IN_PROGRESS, S.DUE_SOON, S.SUBMITTED, S.RETURNED)


class Quadrant(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_TIME = "in_time"
    OVERDUE = "overdue"


QUADRANT_LABELS = {
    Quadrant.DONE_ON_TIME: "Hoàn thành đúng hạn",
    Quadrant.DONE_LATE: "Hoàn thành quá hạn",
    Quadrant.IN_TIME: "Đang thực hiện trong hạn",
    Quadrant.OVERDUE: "Quá hạn chưa hoàn thành",
}
DUE_SOON_LABEL = "Sắp đến hạn"


@dataclass(frozen=True)
class StatusCounts:
    """The tasks of one agency or one document, by status; the figures are computed once
    (a dashboard reads each of them several times for 300 agencies)."""

    key: str  # agency code or document number
    name: str
    by_status: dict[DisplayStatus, int] = field(default_factory=dict)

    def of(self, *statuses: DisplayStatus) -> int:
        return sum(self.by_status.get(s, 0) for s in statuses)

    @cached_property
    def done_on_time(self) -> int:
        return self.of(S.DONE_ON_TIME)

    @cached_property
    def done_late(self) -> int:
        return self.of(S.DONE_LATE)

    @cached_property
    def in_time(self) -> int:
        return self.of(*IN_TIME)

    @cached_property
    def overdue(self) -> int:
        return self.of(S.OVERDUE)

    @cached_property
    def due_soon(self) -> int:
        return self.of(S.DUE_SOON)

    @cached_property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.in_time + self.overdue

    @cached_property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @cached_property
    def settled(self) -> int:
        """Tasks whose outcome is known as to time: done, or overdue and not done."""
        return self.done + self.overdue

    @cached_property
    def on_time_rate(self) -> float | None:
        """Done on time out of the tasks done or overdue (None when there are none)."""
        return self.done_on_time / self.settled if self.settled else None

    def quadrant(self, which: Quadrant) -> int:
        return int(getattr(self, which.value))


class Grouping(StrEnum):
    AGENCY = "agency"
    DOCUMENT = "document"


def counts_by(
    session: Session, *, by: Grouping, filters: ReportFilter, as_of: AsOf
) -> list[StatusCounts]:
    """One row per agency (or document) that has tasks, ordered by code (or number).

    One GROUP BY over the tasks (joined to obligations only to group by document); the
    names are read afterwards for the few groups found.
    """
    status = status_expression(as_of).label("status")
    group = Task.agency_id if by == Grouping.AGENCY else Obligation.document_id
    query = select(group, status, func.count()).select_from(Task)
    if by == Grouping.DOCUMENT:
        query = query.join(Obligation, Task.obligation_id == Obligation.id)
    query = query.where(*filters.conditions(session)).group_by(group, status)
    found: dict[int, dict[DisplayStatus, int]] = defaultdict(dict)
    for group_id, status_value, count in session.execute(query):
        found[group_id][DisplayStatus(status_value)] = count
    names = _names(session, by, list(found))
    rows = [StatusCounts(key, name, found[group_id]) for group_id, (key, name) in names.items()]
    return sorted(rows, key=lambda r: r.key)


def total_of(rows: list[StatusCounts], name: str = "Tổng cộng") -> StatusCounts:
    summed: Counter[DisplayStatus] = Counter()
    for row in rows:
        summed.update(row.by_status)
    return StatusCounts("", name, dict(summed))


def _names(session: Session, by: Grouping, ids: list[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    if by == Grouping.AGENCY:
        query = select(Agency.id, Agency.code, Agency.name).where(Agency.id.in_(ids))
    else:
        query = select(Document.id, Document.number, Document.title).where(Document.id.in_(ids))
    return {row_id: (key, name) for row_id, key, name in session.execute(query)}
