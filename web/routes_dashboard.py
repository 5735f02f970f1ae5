"""/dashboard: the office's and leaders' landing page, its self-refreshing figures, and the
monthly report and scorecard downloads of the same filters."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from reports import AsOf
from reports.excel import monthly_workbook, scorecard_workbook
from reports.monthly import monthly_report, percent, scope_text, vn_date
from reports.scorecard import scorecard
from reports.targets import number, target_lines
from reports.word import monthly_document
from services.actors import Actor
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import LOCAL_TZ, local_date
from web.actions import PageError
from web.auth import CurrentActor
from web.dashboard import DashboardQuery, allowed, dashboard_view, filter_choices, report_filter
from web.deps import ContextDep, NowDep, SessionDep
from web.forms import form_page
from web.render import page
from web.security import apply_security_headers

router = APIRouter()

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HELPERS = {"percent": percent, "vn_date": vn_date, "number": number}
DEFAULT_REFRESH = 10  # seconds between two polls of the figures


class Filters:
    """The dashboard's query string as a dependency: ?document=&agency=&kind=&from=&to="""

    def __init__(
        self,
        now: NowDep,
        document: str | None = None,
        agency: str | None = None,
        kind: str | None = None,
        due_from: Annotated[str | None, Query(alias="from")] = None,
        due_to: Annotated[str | None, Query(alias="to")] = None,
        refresh: Annotated[int | None, Query(ge=2, le=600)] = None,
    ) -> None:
        self.query = DashboardQuery.parse(
            local_date(now),
            document=document,
            agency=agency,
            kind=kind,
            due_from=due_from,
            due_to=due_to,
        )
        self.refresh = refresh

    def query_string(self) -> str:
        params = self.query.query_string()
        if self.refresh:
            params += f"{'&' if params else ''}refresh={self.refresh}"
        return params


FiltersDep = Annotated[Filters, Depends()]


def _figures(session: Session, actor: Actor, now: datetime, filters: Filters) -> dict[str, Any]:
    view = dashboard_view(
        session,
        actor=actor,
        query=filters.query,
        today=local_date(now),
        calendar=load_calendar(session),
    )
    return {
        "view": view,
        "qs": filters.query_string(),
        "refresh": filters.refresh or DEFAULT_REFRESH,
        "updated": now.astimezone(LOCAL_TZ).strftime("%H:%M:%S"),
        **HELPERS,
    }


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    filters: FiltersDep,
) -> HTMLResponse:
    figures = _figures(session, actor, now, filters)
    choices = filter_choices(session, actor)
    return form_page(
        request, context, "dashboard.html", now=now, actor=actor, session=session,
        choices=choices, **figures,
    )  # fmt: skip


@router.get("/dashboard/figures", response_class=HTMLResponse)
def dashboard_figures(
    actor: CurrentActor, session: SessionDep, now: NowDep, filters: FiltersDep
) -> HTMLResponse:
    """The part htmx polls: the same figures, without the page around them."""
    return page("_dashboard_figures.html", **_figures(session, actor, now, filters))


@router.get("/dashboard/report.{suffix}")
def monthly_download(
    suffix: str, actor: CurrentActor, session: SessionDep, now: NowDep, filters: FiltersDep
) -> Response:
    """The monthly report of the filters on the page, as `dondoc report tasks` writes it."""
    allowed(actor)
    if suffix not in ("xlsx", "docx"):
        raise PageError(404, "Báo cáo chỉ có dạng Excel (.xlsx) hoặc Word (.docx).")
    calendar = load_calendar(session)
    today = local_date(now)
    report = monthly_report(
        session,
        filters=report_filter(actor, filters.query),
        as_of=AsOf.of(today, calendar),
        calendar=calendar,
    )
    if suffix == "xlsx":
        return _download(monthly_workbook(report), XLSX, f"bao-cao-nhiem-vu-{today}.xlsx")
    return _download(monthly_document(report), DOCX, f"bao-cao-nhiem-vu-{today}.docx")


@router.get("/dashboard/scorecard.xlsx")
def scorecard_download(
    actor: CurrentActor, session: SessionDep, now: NowDep, filters: FiltersDep
) -> Response:
    allowed(actor)
    today = local_date(now)
    report_filters = report_filter(actor, filters.query)
    lines = scorecard(session, filters=report_filters, as_of=AsOf.of(today, load_calendar(session)))
    targets = target_lines(
        session, as_of=today, document=filters.query.document, agency=report_filters.agency
    )
    scope = scope_text(today, filters.query.due_from, filters.query.due_to)
    return _download(
        scorecard_workbook(lines, targets, scope), XLSX, f"xep-hang-co-quan-{today}.xlsx"
    )


def _download(data: bytes, media_type: str, filename: str) -> Response:
    response = Response(data, media_type=media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return apply_security_headers(response)
