"""`/api/v1/reports/…`: the dashboard's figures, counted over the tasks the caller may see.

The figures come from `reports` (the same functions as the dashboard, the monthly Excel
and the scorecard); the caller's view (`services.permissions.task_visible_to`) is one of
their filters, so nobody counts what they could not list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from reports import (
    AsOf,
    Grouping,
    ReportFilter,
    StatusCounts,
    TaskLine,
    counts_by,
    on_time_by_month,
    overdue,
    total_of,
)
from reports.scorecard import rank
from services.permissions import task_visible_to
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from web.api.auth import CallerDep
from web.deps import NowDep, SessionDep

router = APIRouter(prefix="/reports", tags=["reports"])
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)  # the calendar's years


class Counts(BaseModel):
    key: str  # agency code or document number ("" for the total)
    name: str
    done_on_time: int
    done_late: int
    in_time: int
    overdue: int
    due_soon: int
    total: int
    on_time_rate: float | None  # 0..1; null when nothing is done or overdue yet


class StatusReport(BaseModel):
    as_of: date
    by: Grouping
    rows: list[Counts]
    total: Counts


class ScoreRow(Counts):
    rank: int | None


class OverdueTask(BaseModel):
    id: int
    document: str
    clause: str
    title: str
    agency: str
    agency_name: str
    period: str
    due: date
    original_due: date
    days_late: int


class MonthRow(BaseModel):
    month: str
    on_time: int
    late: int
    rate: float | None


@dataclass(frozen=True)
class Scope:
    filters: ReportFilter
    day: date


def report_scope(
    caller: CallerDep,
    now: NowDep,
    as_of: Annotated[
        date | None, Query(description="Tính đến ngày (mặc định: hôm nay; trong 2000–2100)")
    ] = None,
    document: Annotated[str | None, Query(max_length=120, description="Số văn bản")] = None,
    agency: Annotated[str | None, Query(max_length=80, description="Mã cơ quan")] = None,
    kind: Annotated[str | None, Query(max_length=40, description="Loại nhiệm vụ")] = None,
    due_from: Annotated[date | None, Query(description="Hạn ban đầu từ ngày")] = None,
    due_to: Annotated[date | None, Query(description="Hạn ban đầu đến ngày")] = None,
) -> Scope:
    filters = ReportFilter(
        document=document,
        agency=agency,
        kind=kind,
        due_from=due_from,
        due_to=due_to,
        visible=task_visible_to(caller.actor),
    )
    day = min(max(as_of or local_date(now), FIRST_DAY), LAST_DAY)
    return Scope(filters, day)


ScopeDep = Annotated[Scope, Depends(report_scope)]


@router.get("/status", response_model=StatusReport, summary="Tình hình thực hiện nhiệm vụ")
def status(
    scope: ScopeDep,
    session: SessionDep,
    by: Annotated[Grouping, Query(description="Theo cơ quan hay theo văn bản")] = Grouping.AGENCY,
) -> dict[str, Any]:
    as_of = AsOf.of(scope.day, load_calendar(session))
    rows = counts_by(session, by=by, filters=scope.filters, as_of=as_of)
    return {
        "as_of": scope.day,
        "by": by,
        "rows": [_counts(r) for r in rows],
        "total": _counts(total_of(rows)),
    }


@router.get("/scorecard", response_model=list[ScoreRow], summary="Xếp hạng cơ quan")
def scorecard(scope: ScopeDep, session: SessionDep) -> list[dict[str, Any]]:
    as_of = AsOf.of(scope.day, load_calendar(session))
    rows = counts_by(session, by=Grouping.AGENCY, filters=scope.filters, as_of=as_of)
    return [_counts(line.counts) | {"rank": line.rank} for line in rank(rows)]


@router.get("/overdue", response_model=list[OverdueTask], summary="Nhiệm vụ quá hạn")
def overdue_tasks(
    scope: ScopeDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[dict[str, Any]]:
    calendar = load_calendar(session)
    lines = overdue(
        session,
        filters=scope.filters,
        as_of=AsOf.of(scope.day, calendar),
        calendar=calendar,
        limit=limit,
    )
    return [_line(line) for line in lines]


@router.get("/on-time-by-month", response_model=list[MonthRow], summary="Tỷ lệ đúng hạn")
def on_time(
    scope: ScopeDep,
    session: SessionDep,
    year: Annotated[
        int | None, Query(ge=2000, le=2100, description="Năm (mặc định: năm nay)")
    ] = None,
) -> list[dict[str, Any]]:
    chosen = year or scope.day.year
    months = on_time_by_month(
        session, filters=scope.filters, first=date(chosen, 1, 1), last=date(chosen, 12, 31)
    )
    return [
        {"month": m.month, "on_time": m.on_time, "late": m.late, "rate": m.rate} for m in months
    ]


def _counts(row: StatusCounts) -> dict[str, Any]:
    return {
        "key": row.key,
        "name": row.name,
        "done_on_time": row.done_on_time,
        "done_late": row.done_late,
        "in_time": row.in_time,
        "overdue": row.overdue,
        "due_soon": row.due_soon,
        "total": row.total,
        "on_time_rate": row.on_time_rate,
    }


def _line(line: TaskLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "document": line.document,
        "clause": line.clause,
        "title": line.title,
        "agency": line.agency,
        "agency_name": line.agency_name,
        "period": line.period,
        "due": line.due,
        "original_due": line.original_due,
        "days_late": line.days_late,
    }
