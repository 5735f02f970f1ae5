"""`/api/v1/inspections`: plans (the inspecting team only), records, compliance.

Each answer is what `inspections.views` gives the caller, the same reads as the CLI's
`--as` and the pages: the inspected unit reads its own records without any plan field,
and a request for a plan by anyone outside the team gets the one refusal everyone gets.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from inspections.access import AccessDenied
from inspections.views import Reading, compliance_report, plan_rows, record_rows
from tasks_catalog.dates import local_date
from web.api.auth import CallerDep
from web.api.errors import ApiError
from web.api.schemas import (
    FORBIDDEN,
    NOT_FOUND,
    ComplianceReport,
    InspectionRecordItem,
    PlanEntry,
)
from web.deps import NowDep, SessionDep

router = APIRouter(prefix="/inspections", tags=["inspections"])
Year = Annotated[int, Query(ge=2000, le=2100, description="Năm")]
NO_RECORD = "Không có biên bản này (hoặc ông/bà không có quyền xem)."


@router.get(
    "/plan",
    response_model=list[PlanEntry],
    responses=FORBIDDEN,
    summary="Kế hoạch kiểm tra (mật)",
)
def plan(
    year: Year,
    caller: CallerDep,
    session: SessionDep,
    now: NowDep,
    duty: Annotated[str | None, Query(max_length=80, description="Mã nhiệm vụ kiểm tra")] = None,
) -> list[dict[str, Any]]:
    try:
        return plan_rows(Reading.of(session, caller.viewer, local_date(now)), year=year, duty=duty)
    except AccessDenied as exc:
        raise ApiError(403, _sentence(exc.reason)) from None


@router.get(
    "/records",
    response_model=list[InspectionRecordItem],
    response_model_exclude_unset=True,
    summary="Biên bản kiểm tra",
)
def records(
    caller: CallerDep,
    session: SessionDep,
    now: NowDep,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    unit: Annotated[str | None, Query(max_length=80, description="Mã đơn vị được kiểm tra")] = None,
) -> list[dict[str, Any]]:
    reading = Reading.of(session, caller.viewer, local_date(now))
    return record_rows(reading, year=year, unit=unit)


@router.get(
    "/records/{record_id}",
    response_model=InspectionRecordItem,
    response_model_exclude_unset=True,
    responses=NOT_FOUND,
    summary="Một biên bản kiểm tra",
)
def record(record_id: int, caller: CallerDep, session: SessionDep, now: NowDep) -> dict[str, Any]:
    reading = Reading.of(session, caller.viewer, local_date(now))
    found = [r for r in record_rows(reading) if r["id"] == record_id]
    if not found:
        raise ApiError(404, NO_RECORD)
    return found[0]


@router.get(
    "/compliance",
    response_model=ComplianceReport,
    responses=FORBIDDEN,
    summary="Tình hình thực hiện kiểm tra",
)
def compliance(
    year: Year,
    caller: CallerDep,
    session: SessionDep,
    now: NowDep,
    target: Annotated[str | None, Query(max_length=80, description="Mã chỉ tiêu")] = None,
) -> dict[str, Any]:
    try:
        return compliance_report(
            Reading.of(session, caller.viewer, local_date(now)), year=year, target=target
        )
    except AccessDenied as exc:
        raise ApiError(403, _sentence(exc.reason)) from None


def _sentence(reason: str) -> str:
    return reason[:1].upper() + reason[1:] + "."
