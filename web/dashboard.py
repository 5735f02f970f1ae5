"""What the dashboard shows: the figures of `reports`, for one viewer, as of one day.

Routes stay thin: they parse the query (`DashboardQuery.parse`), ask `dashboard_view`, and
render. The chart is server-rendered SVG: its geometry is computed here, drawn by the
template (no script, no inline style: the CSP allows neither).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session

from reports import (
    AsOf,
    Grouping,
    MonthRate,
    ReportFilter,
    StatusCounts,
    counts_by,
    due_this_week,
    on_time_by_month,
    overdue,
    total_of,
)
from reports.lists import TaskLine
from reports.monthly import percent, scope_text
from reports.scorecard import ScoreLine, rank
from reports.targets import TargetLine, target_lines
from services.actors import Actor, Role
from services.permissions import task_visible_to
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.catalogue.excel_read import OBLIGATION_KINDS
from tasks_catalog.models import Agency, Document
from web.actions import PageError

# Who may open the dashboard; a department head sees their own agency (task_visible_to).
DASHBOARD_ROLES = frozenset(
    {Role.ADMIN, Role.COORDINATOR, Role.OFFICE_CHIEF, Role.LEADER, Role.HEAD}
)
NOT_FOR_YOU = (
    "Bảng theo dõi dành cho Văn phòng UBND, lãnh đạo UBND và thủ trưởng cơ quan; "
    "ông/bà xem nhiệm vụ của mình trong thư nhắc việc."
)
LIST_LIMIT = 50
CHART_MONTHS = 12


@dataclass(frozen=True)
class DashboardQuery:
    document: str | None = None
    agency: str | None = None
    kind: str | None = None
    due_from: date | None = None
    due_to: date | None = None

    @classmethod
    def parse(
        cls,
        today: date,
        *,
        document: str | None = None,
        agency: str | None = None,
        kind: str | None = None,
        due_from: str | None = None,
        due_to: str | None = None,
    ) -> DashboardQuery:
        """From the page's query string; a bad value is refused (400) saying which field."""
        kind = _blank(kind)
        if kind is not None and kind not in OBLIGATION_KINDS.labels:
            raise PageError(400, f'Loại nhiệm vụ "{kind[:40]}" không có trong danh sách.')
        start = _date(_blank(due_from), "Thời hạn từ")
        end = _date(_blank(due_to), "Thời hạn đến")
        if start is None and end is None:
            start, end = date(today.year, 1, 1), date(today.year, 12, 31)
        if start and end and start > end:
            raise PageError(400, "«Thời hạn từ» phải trước «Thời hạn đến».")
        return cls(_blank(document), _blank(agency), kind, start, end)

    def as_params(self) -> dict[str, str]:
        out = {
            "document": self.document or "",
            "agency": self.agency or "",
            "kind": self.kind or "",
            "from": self.due_from.isoformat() if self.due_from else "",
            "to": self.due_to.isoformat() if self.due_to else "",
        }
        return {k: v for k, v in out.items() if v}

    def query_string(self) -> str:
        return urlencode(self.as_params())


def _blank(value: str | None) -> str | None:
    return (value or "").strip() or None


def _date(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PageError(400, f'«{field}»: "{value[:20]}" không phải ngày hợp lệ.') from None


def allowed(actor: Actor) -> None:
    if actor.role not in DASHBOARD_ROLES:
        raise PageError(403, NOT_FOR_YOU)


def report_filter(actor: Actor, query: DashboardQuery) -> ReportFilter:
    agency = query.agency
    if actor.role == Role.HEAD:
        agency = actor.agency_code  # the head's own agency, whatever the address says
    return ReportFilter(
        document=query.document,
        agency=agency,
        kind=query.kind,
        due_from=query.due_from,
        due_to=query.due_to,
        visible=task_visible_to(actor),
    )


@dataclass(frozen=True)
class ChartBar:
    x: float
    on_time_y: float
    on_time_h: float
    late_y: float
    late_h: float
    label: str
    rate: str
    on_time: int
    late: int


CHART_W, CHART_H, CHART_TOP, CHART_BOTTOM, CHART_LEFT = 640, 240, 24, 200, 36


def chart(months: list[MonthRate]) -> list[ChartBar]:
    """Stacked bars of tasks completed each month: on time (green) under late (dark orange)."""
    tallest = max((m.done for m in months), default=0) or 1
    slot = (CHART_W - CHART_LEFT) / max(len(months), 1)
    scale = (CHART_BOTTOM - CHART_TOP) / tallest
    bars = []
    for index, month in enumerate(months):
        on_time_h, late_h = month.on_time * scale, month.late * scale
        bars.append(
            ChartBar(
                x=round(CHART_LEFT + index * slot + slot * 0.15, 1),
                on_time_y=round(CHART_BOTTOM - on_time_h, 1),
                on_time_h=round(on_time_h, 1),
                late_y=round(CHART_BOTTOM - on_time_h - late_h, 1),
                late_h=round(late_h, 1),
                label=month.label[:2] + "/" + month.label[5:],
                rate=percent(month.rate) if month.rate is not None else "",
                on_time=month.on_time,
                late=month.late,
            )
        )
    return bars


def _months_back(today: date, count: int) -> date:
    month_index = today.year * 12 + today.month - 1 - (count - 1)
    return date(month_index // 12, month_index % 12 + 1, 1)


@dataclass(frozen=True)
class Dashboard:
    today: date
    query: DashboardQuery
    by_agency: list[StatusCounts]
    by_document: list[StatusCounts]
    total: StatusCounts
    overdue: list[TaskLine]
    overdue_count: int
    due_this_week: list[TaskLine]
    months: list[MonthRate]
    bars: list[ChartBar]
    scorecard: list[ScoreLine]
    targets: list[TargetLine]

    @property
    def scope_text(self) -> str:
        return scope_text(self.today, self.query.due_from, self.query.due_to)


def dashboard_view(
    session: Session, *, actor: Actor, query: DashboardQuery, today: date, calendar: WorkCalendar
) -> Dashboard:
    allowed(actor)
    filters = report_filter(actor, query)
    as_of = AsOf.of(today, calendar)
    by_agency = counts_by(session, by=Grouping.AGENCY, filters=filters, as_of=as_of)
    total = total_of(by_agency)
    months = on_time_by_month(
        session,
        filters=replace(filters, due_from=None, due_to=None),
        first=_months_back(today, CHART_MONTHS),
        last=today,
    )
    return Dashboard(
        today=today,
        query=query,
        by_agency=by_agency,
        by_document=counts_by(session, by=Grouping.DOCUMENT, filters=filters, as_of=as_of),
        total=total,
        overdue=overdue(session, filters=filters, as_of=as_of, calendar=calendar, limit=LIST_LIMIT),
        overdue_count=total.overdue,  # the same filter and day: no second count
        due_this_week=due_this_week(
            session, filters=filters, as_of=as_of, calendar=calendar, limit=LIST_LIMIT
        ),
        months=months,
        bars=chart(months),
        scorecard=rank(by_agency),
        targets=target_lines(session, as_of=today, document=query.document, agency=filters.agency),
    )


@dataclass(frozen=True)
class Choices:
    documents: list[tuple[str, str]]
    agencies: list[tuple[str, str]]
    kinds: list[tuple[str, str]]


def filter_choices(session: Session, actor: Actor) -> Choices:
    """What the filter form offers: the documents and agencies of the viewer's province."""
    documents = select(Document.number, Document.title).where(Document.retired_at.is_(None))
    agencies = select(Agency.code, Agency.name).where(Agency.retired_at.is_(None))
    if actor.role == Role.HEAD:
        agencies = agencies.where(Agency.code == actor.agency_code)
    elif actor.province_code is not None:
        documents = documents.where(Document.province == actor.province_code)
        agencies = agencies.where(Agency.province == actor.province_code)
    return Choices(
        documents=[(n, t) for n, t in session.execute(documents.order_by(Document.number))],
        agencies=[(c, n) for c, n in session.execute(agencies.order_by(Agency.code))],
        kinds=list(OBLIGATION_KINDS.labels.items()),
    )
