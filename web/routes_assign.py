"""/assign: the office gives work from a meeting's conclusion, a letter or a leader's
instruction (`services.assignments.assign`), and is sent to the new task's page."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.actors import OFFICE_ROLES, Actor
from services.assignments import AdHocAssignment, assign
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import Agency
from web.auth import require_roles
from web.deps import ContextDep, NowDep, SessionDep, WebContext
from web.forms import check_csrf, form_page

router = APIRouter()
Office = Annotated[Actor, Depends(require_roles(*OFFICE_ROLES))]
Text = Annotated[str, Form(max_length=4000)]
KINDS = (
    ("conclusion", "Thông báo kết luận"),
    ("letter", "Công văn"),
    ("decision", "Quyết định"),
    ("plan", "Kế hoạch"),
)
REQUIRED = {
    "document_number": "Xin nhập số, ký hiệu văn bản (ví dụ 45/TB-UBND).",
    "clause": "Xin nhập điều, khoản, mục giao việc (ví dụ Mục 2).",
    "quote": "Xin chép câu giao việc trong văn bản.",
    "title": "Xin nhập nội dung nhiệm vụ.",
    "lead": "Xin chọn cơ quan chủ trì.",
    "due": "Xin nhập thời hạn.",
}
FIELDS = ("document_number", "document_kind", "document_title", "issued_on", "clause", "quote",
          "title", "lead", "due")  # fmt: skip


@router.get("/assign", response_class=HTMLResponse)
def assign_form(
    request: Request, session: SessionDep, context: ContextDep, now: NowDep, actor: Office
) -> HTMLResponse:
    return _page(request, session, context, actor, now, {"document_kind": "conclusion"}, {})


@router.post("/assign")
def assign_task(
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    actor: Office,
    csrf: Text = "",
    document_number: Text = "",
    document_kind: Text = "conclusion",
    document_title: Text = "",
    issued_on: Text = "",
    clause: Text = "",
    quote: Text = "",
    title: Text = "",
    lead: Text = "",
    due: Text = "",
    cooperating: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
) -> Response:
    check_csrf(request, context, action="/assign", submitted=csrf, now=now)
    values = {
        "document_number": document_number, "document_kind": document_kind,
        "document_title": document_title, "issued_on": issued_on, "clause": clause,
        "quote": quote, "title": title, "lead": lead, "due": due,
    }  # fmt: skip
    values = {k: v.strip() for k, v in values.items()}
    errors = {name: message for name, message in REQUIRED.items() if not values[name]}
    due_day, issued_day = _date(values["due"], "due", errors), _date(values["issued_on"], "issued_on", errors)  # fmt: skip
    if values["document_kind"] not in dict(KINDS):
        errors["document_kind"] = "Xin chọn loại văn bản."
    if errors or due_day is None:
        return _page(request, session, context, actor, now, values, errors, cooperating)
    order = AdHocAssignment(
        document_number=values["document_number"], clause=values["clause"],
        quote=values["quote"], title=values["title"], lead=values["lead"], due=due_day,
        cooperating=tuple(c for c in cooperating if c and c != values["lead"]),
        document_kind=values["document_kind"], document_title=values["document_title"],
        issued_on=issued_day,
    )  # fmt: skip
    try:
        decided = assign(session, actor, order, now=now, via="web")
        session.commit()
    except TransitionRefused as refused:
        session.rollback()
        errors = {"form": refused.reason}
        return _page(request, session, context, actor, now, values, errors, cooperating)
    return RedirectResponse(f"/tasks/{decided.task.id}?ok=assign", status_code=303)


def _page(
    request: Request,
    session: Session,
    context: WebContext,
    actor: Actor,
    now: datetime,
    values: dict[str, str],
    errors: dict[str, str],
    cooperating: list[str] | None = None,
) -> HTMLResponse:
    agencies = session.scalars(
        select(Agency)
        .where(Agency.province == actor.province_code, Agency.retired_at.is_(None))
        .order_by(Agency.name)
    ).all()
    return form_page(
        request, context, "assign.html", now=now, actor=actor, session=session,
        status=422 if errors else 200, values={name: values.get(name, "") for name in FIELDS},
        errors=errors, agencies=agencies, kinds=KINDS, cooperating=set(cooperating or ()),
        today=now.date().isoformat(),
    )  # fmt: skip


def _date(text: str, name: str, errors: dict[str, str]) -> date | None:
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    errors[name] = f"«{text[:40]}» không phải ngày hợp lệ (ngày/tháng/năm)."
    return None
