"""The inspector's workspace: my plan, log an inspection from a phone, records, follow-up,
and the lead's compliance board.

Every page reads through `inspections.views` as the signed-in person (`Viewer`), the
same reads as the CLI's `--as`, the API and the feeds: the plan is the inspecting team's
alone (an inspector sees their own rounds, the lead the whole team's), and the unit
inspected sees its own records after the fact, never a plan.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from inspections.access import AccessDenied, Scope, Viewer, viewer_for
from inspections.models import STATE_LABELS, InspectionRecord, RecordState
from inspections.record_form import MAX_FILES, read_record_form
from inspections.records import advance_record, log_record
from inspections.views import Reading, compliance_report, plan_rows, record_rows
from services.actors import Actor
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.catalogue.problems import CatalogueInvalid
from tasks_catalog.dates import LOCAL_TZ, local_date
from web.actions import PageError
from web.auth import CurrentActor
from web.deps import ContextDep, NowDep, SessionDep
from web.forms import check_csrf, form_page
from web.inspector import (
    FORM_NEW,
    NOT_YOURS,
    duty_choices,
    form_defaults,
    problems_by_field,
    saved_uploads,
    store_of,
)

router = APIRouter(prefix="/inspections")
TOO_LARGE = (
    "Nội dung gửi lên quá lớn: mỗi biên bản nhận tối đa 20 tệp, mỗi tệp tối đa {mb} MB. "
    "Xin chọn ít tệp hơn hoặc giảm kích thước ảnh."
)
Text = Annotated[str, Form(max_length=20000)]
Short = Annotated[str, Form(max_length=300)]


def current_viewer(actor: CurrentActor, session: SessionDep) -> Viewer:
    """The signed-in person as the inspection rules know them (the registry's person)."""
    try:
        return viewer_for(session, actor.email)
    except AccessDenied:
        raise PageError(403, NOT_YOURS) from None


ViewerDep = Annotated[Viewer, Depends(current_viewer)]


def _reading(session: SessionDep, viewer: Viewer, now: Any) -> Reading:
    return Reading.of(session, viewer, local_date(now))


def _page(
    request: Request, context: ContextDep, now: Any, actor: Actor, name: str, viewer: Viewer,
    **values: Any,
) -> HTMLResponse:  # fmt: skip
    team = bool(viewer.roles & {"inspector", "inspection_lead"})
    lead = "inspection_lead" in viewer.roles
    return form_page(request, context, name, now=now, actor=actor, team=team, lead=lead, **values)


@router.get("", response_class=HTMLResponse)
def workspace(viewer: ViewerDep) -> Response:
    """Inspectors land on their plan; everyone else on the records they may read."""
    team = viewer.roles & {"inspector", "inspection_lead"}
    return RedirectResponse("/inspections/plan" if team else "/inspections/records", 303)


@router.get("/plan", response_class=HTMLResponse)
def my_plan(
    request: Request, actor: CurrentActor, viewer: ViewerDep, session: SessionDep,
    context: ContextDep, now: NowDep, year: int | None = None,
) -> HTMLResponse:  # fmt: skip
    reading = _reading(session, viewer, now)
    chosen = year if year and 2000 <= year <= 2100 else reading.today.year
    try:
        entries = plan_rows(reading, year=chosen)
    except AccessDenied as exc:
        raise PageError(403, _sentence(exc.reason)) from None
    ahead = [e for e in entries if e["state"] in ("planned", "missed", "unplaced")]
    done = [e for e in entries if e["state"] == "done"]
    return _page(
        request, context, now, actor, "inspections/plan.html", viewer,
        year=chosen, ahead=ahead, done=done, today=reading.today.isoformat(),
    )  # fmt: skip


@router.get("/records", response_class=HTMLResponse)
def records(
    request: Request, actor: CurrentActor, viewer: ViewerDep, session: SessionDep,
    context: ContextDep, now: NowDep, year: int | None = None,
) -> HTMLResponse:  # fmt: skip
    reading = _reading(session, viewer, now)
    chosen = year if year and 2000 <= year <= 2100 else None
    rows = sorted(record_rows(reading, year=chosen), key=lambda r: r["date"], reverse=True)
    return _page(
        request, context, now, actor, "inspections/records.html", viewer, records=rows,
        year=chosen,
    )  # fmt: skip


@router.get("/records/{record_id}", response_class=HTMLResponse)
def record_page(
    record_id: int, request: Request, actor: CurrentActor, viewer: ViewerDep,
    session: SessionDep, context: ContextDep, now: NowDep, error: str | None = None,
) -> HTMLResponse:  # fmt: skip
    record = _record_for(session, viewer, now, record_id)
    may_advance = _may_log(session, viewer, record_id)
    following = _next_states(record["state"]) if may_advance else []
    steps = [_step(h) for h in record.get("history", [])]
    return _page(
        request, context, now, actor, "inspections/record.html", viewer, record=record,
        following=following, error=error, steps=steps,
    )  # fmt: skip


@router.post("/records/{record_id}/advance")
def advance(
    record_id: int, request: Request, actor: CurrentActor, viewer: ViewerDep,
    session: SessionDep, context: ContextDep, now: NowDep, csrf: Short = "",
    state: Short = "", note: Text = "",
) -> Response:  # fmt: skip
    action = f"/inspections/records/{record_id}/advance"
    check_csrf(request, context, action=action, submitted=csrf, now=now)
    _record_for(session, viewer, now, record_id)
    if state not in {s.value for s in RecordState}:
        raise PageError(422, "Trạng thái: xin chọn một bước trong danh sách.")
    try:
        advance_record(
            session, record_id=record_id, to=RecordState(state), calendar=load_calendar(session),
            now=now, viewer=viewer, note=note.strip() or None,
        )  # fmt: skip
    except AccessDenied as exc:
        raise PageError(403, _sentence(exc.reason)) from None
    except (ValueError, CatalogueInvalid) as exc:
        session.rollback()
        return record_page(
            record_id, request, actor, viewer, session, context, now, error=_message(exc)
        )
    session.commit()
    return RedirectResponse(f"/inspections/records/{record_id}", 303)


@router.get("/new", response_class=HTMLResponse)
def new_record(
    request: Request, actor: CurrentActor, viewer: ViewerDep, session: SessionDep,
    context: ContextDep, now: NowDep, duty: str | None = None, unit: str | None = None,
) -> HTMLResponse:  # fmt: skip
    duties = duty_choices(session, viewer)
    if not duties:
        raise PageError(403, NOT_YOURS)
    values = form_defaults(duties, viewer, local_date(now), duty=duty, unit=unit)
    return _page(
        request, context, now, actor, "inspections/new.html", viewer, duties=duties,
        values=values, problems={}, form_action=FORM_NEW,
    )  # fmt: skip


@router.post("/new", response_class=HTMLResponse)
async def log_from_form(
    request: Request, actor: CurrentActor, viewer: ViewerDep, session: SessionDep,
    context: ContextDep, now: NowDep,
) -> Response:  # fmt: skip
    store = store_of(request)
    limit = store.max_bytes * MAX_FILES + 1024 * 1024  # every file at the store's limit
    if int(request.headers.get("content-length") or 0) > limit:
        raise PageError(413, TOO_LARGE.format(mb=store.max_bytes // (1024 * 1024)))
    form = await request.form(max_files=40, max_fields=60, max_part_size=1024 * 1024)
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    files = [v for k, v in form.multi_items() if k == "evidence" and isinstance(v, UploadFile)]
    check_csrf(request, context, action=FORM_NEW, submitted=fields.get("csrf", ""), now=now)
    duties = duty_choices(session, viewer)
    if not duties:
        raise PageError(403, NOT_YOURS)
    try:
        with saved_uploads(files, store.max_bytes) as (folder, uploads):
            parsed = read_record_form(fields, uploads, folder=folder, leader=viewer.email or "")
            record = log_record(
                session, parsed=parsed, store=store, calendar=load_calendar(session), now=now,
                viewer=viewer,
            )  # fmt: skip
            record_id = record.id
    except (CatalogueInvalid, AccessDenied) as exc:
        session.rollback()
        problems = problems_by_field(exc)
        return _page(
            request, context, now, actor, "inspections/new.html", viewer, duties=duties,
            values=fields, problems=problems, form_action=FORM_NEW, status=422,
        )  # fmt: skip
    session.commit()
    return RedirectResponse(f"/inspections/records/{record_id}?logged=1", 303)


@router.get("/records/{record_id}/evidence/{index}")
def evidence_file(
    record_id: int, index: int, request: Request, viewer: ViewerDep, session: SessionDep,
    now: NowDep,
) -> Response:  # fmt: skip
    record = _record_for(session, viewer, now, record_id)
    if not 0 <= index < len(record["evidence"]):
        raise PageError(404, "Không có tệp minh chứng này.")
    item = record["evidence"][index]
    path = store_of(request).path_of(item["sha256"])
    if not path.is_file():
        raise PageError(404, "Tệp minh chứng không còn trong kho lưu trữ.")
    return FileResponse(
        path,
        media_type=item["media_type"] or "application/octet-stream",
        filename=item["name"],
        content_disposition_type="attachment",
    )


@router.get("/compliance", response_class=HTMLResponse)
def compliance(
    request: Request, actor: CurrentActor, viewer: ViewerDep, session: SessionDep,
    context: ContextDep, now: NowDep, year: int | None = None,
) -> HTMLResponse:  # fmt: skip
    reading = _reading(session, viewer, now)
    chosen = year if year and 2000 <= year <= 2100 else reading.today.year
    try:
        report = compliance_report(reading, year=chosen)
    except AccessDenied as exc:
        raise PageError(403, _sentence(exc.reason)) from None
    at_risk = sum(1 for row in report["units"] if row["at_risk"])
    return _page(
        request, context, now, actor, "inspections/compliance.html", viewer, report=report,
        year=chosen, at_risk=at_risk,
    )  # fmt: skip


# --- helpers ---------------------------------------------------------------------------------


def _record_for(session: SessionDep, viewer: Viewer, now: Any, record_id: int) -> dict[str, Any]:
    reading = _reading(session, viewer, now)
    found = [r for r in record_rows(reading) if r["id"] == record_id]
    if not found:
        raise PageError(404, "Không có biên bản này (hoặc ông/bà không có quyền xem).")
    return found[0]


def _may_log(session: SessionDep, viewer: Viewer, record_id: int) -> bool:
    record = session.get(InspectionRecord, record_id)
    return record is not None and Scope(session).may_log(viewer, record.duty_id)


ORDER = [RecordState.DRAFT, RecordState.IN_PROGRESS, RecordState.FOLLOW_UP, RecordState.DONE]


def _next_states(state: str) -> list[dict[str, str]]:
    position = ORDER.index(RecordState(state))
    return [{"value": s.value, "label": STATE_LABELS[s]} for s in ORDER[position + 1 :]]


def _step(change: dict[str, Any]) -> dict[str, str]:
    """A history line as a person reads it: labels, Hà Nội time."""

    def label(state: str | None) -> str:
        return STATE_LABELS[RecordState(state)] if state else "–"

    moment = datetime.fromisoformat(change["at"]).astimezone(LOCAL_TZ)
    return {
        "at": moment.strftime("%d/%m/%Y %H:%M"),
        "from": label(change["from"]),
        "to": label(change["to"]),
        "by": change["by"] or "",
    }


def _message(exc: Exception) -> str:
    if isinstance(exc, CatalogueInvalid):
        return "; ".join(p.message for p in exc.problems)
    return str(exc)


def _sentence(reason: str) -> str:
    return reason[:1].upper() + reason[1:] + "."
