"""The task page of a signed-in person: the facts, the decision forms they may use, and the
whole story (due date history, reports and files, e-mails, audit trail)."""

from __future__ import annotations

from datetime import datetime

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.actors import Actor
from services.permissions import NOT_ALLOWED, Action, may_view_task
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from tasks_catalog.lifecycle import pending_extension
from tasks_catalog.models import Agency, Task
from web.actions import NO_TASK, PageError
from web.decision_forms import FormState, offered
from web.deps import WebContext
from web.forms import form_page
from web.pages import load_task, task_page
from web.task_story import task_story

NOTICES = {
    Action.REPORT_PROGRESS: "Đã ghi nhận báo cáo tiến độ.",
    Action.SUBMIT: "Đã ghi nhận báo cáo hoàn thành; nhiệm vụ chờ Văn phòng UBND tỉnh duyệt.",
    Action.REQUEST_EXTENSION: "Đã gửi đề nghị gia hạn; thời hạn hiện tại giữ nguyên cho đến khi "
    "Văn phòng UBND tỉnh đồng ý.",
    Action.APPROVE: "Đã duyệt kết quả; cơ quan chủ trì được báo qua thư.",
    Action.RETURN: "Đã trả lại kết quả; cơ quan chủ trì được báo lý do qua thư.",
    Action.APPROVE_EXTENSION: "Đã đồng ý gia hạn; cơ quan chủ trì được báo qua thư.",
    Action.REFUSE_EXTENSION: "Đã từ chối đề nghị gia hạn; cơ quan chủ trì được báo lý do.",
    Action.REASSIGN: "Đã chuyển giao; đây là nhiệm vụ mới của cơ quan nhận.",
    Action.RECALL: "Đã thu hồi nhiệm vụ.",
    Action.REOPEN: "Đã mở lại nhiệm vụ.",
    "assign": "Đã giao nhiệm vụ; cơ quan chủ trì và phối hợp được báo qua thư.",
}


def visible_task(session: Session, actor: Actor, task_id: int) -> Task:
    task = load_task(session=session, task_id=task_id)
    if task is None:
        raise PageError(404, NO_TASK)
    if not may_view_task(actor, task):
        raise PageError(403, NOT_ALLOWED)
    return task


def signed_in_task_page(
    request: Request,
    session: Session,
    context: WebContext,
    actor: Actor,
    task_id: int,
    *,
    now: datetime,
    state: FormState | None = None,
    notice: str | None = None,
) -> HTMLResponse:
    task = visible_task(session, actor, task_id)
    today = local_date(now)
    data = task_page(session=session, task=task, today=today, calendar=load_calendar(session))
    pending = pending_extension(session=session, task=task) is not None
    forms = offered(actor, task, pending_extension=pending)
    agencies = _agencies_for_reassign(session, task) if any(f.action == Action.REASSIGN for f in forms) else []  # fmt: skip
    return form_page(
        request, context, "task_full.html", now=now, actor=actor, session=session,
        status=422 if state and state.error else 200,
        task=data, story=task_story(session, task), forms=forms, state=state or FormState(),
        agencies=agencies, notice=notice, today=today.isoformat(),
    )  # fmt: skip


def _agencies_for_reassign(session: Session, task: Task) -> list[Agency]:
    return list(
        session.scalars(
            select(Agency)
            .where(Agency.province == task.agency.province, Agency.retired_at.is_(None))
            .where(Agency.id != task.agency_id)
            .order_by(Agency.name)
        )
    )
