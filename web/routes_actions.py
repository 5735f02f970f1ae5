"""Action links: GET shows what will happen and asks for a click; only POST acts.

Mail scanners and Outlook's Safe Links open every link in a message, so a GET never
changes anything (not even spending the link).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from notifications.links import LINK_LABELS, VIEW, action_url, default_expiry
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from tasks_catalog.lifecycle import TransitionRefused
from web.actions import ActionForm, PageError, open_action, perform
from web.csrf import COOKIE, COOKIE_PATH, FORM_LIFETIME
from web.deps import ContextDep, NowDep, SessionDep, WebContext
from web.pages import task_page
from web.render import page

router = APIRouter()
CSRF_REFUSED = (
    "Biểu mẫu đã hết hạn hoặc không hợp lệ (trình duyệt cần cho phép cookie của trang này). "
    "Xin mở lại liên kết trong thư và thử lại."
)
Field = Annotated[str, Form(max_length=8000)]


@router.get("/a/{purpose}/{token}", response_class=HTMLResponse)
def confirm(
    purpose: str,
    token: str,
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
) -> HTMLResponse:
    return _form_page(request, session, context, purpose, token, now)


@router.post("/a/{purpose}/{token}", response_class=HTMLResponse)
def act(
    purpose: str,
    token: str,
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    csrf: Field = "",
    note: Field = "",
    percent: Field = "",
    proposed_due: Field = "",
    reason: Field = "",
) -> HTMLResponse:
    form = ActionForm(note=note, percent=percent, proposed_due=proposed_due, reason=reason)
    try:
        with session.begin():
            opened = open_action(
                session=session,
                signer=context.signer,
                purpose=purpose,
                token=token,
                now=now,
                for_update=True,
            )
            cookie = request.cookies.get(COOKIE)
            if not context.csrf.verify(cookie=cookie, submitted=csrf, link_token=token, now=now):
                raise PageError(403, CSRF_REFUSED)
            message = perform(
                session=session, opened=opened, purpose=purpose, token=token, form=form, now=now
            )
            calendar = load_calendar(session)
            data = task_page(
                session=session, task=opened.task, today=local_date(now), calendar=calendar
            )
    except TransitionRefused as refused:  # nothing was written; the link still works
        return _form_page(request, session, context, purpose, token, now, refused.reason, form)
    view = context.signer.sign(VIEW, data.task_id, opened.actor.email, default_expiry(VIEW, now))
    return page("done.html", message=message, task=data, view_url=action_url("", VIEW, view))


def _form_page(
    request: Request,
    session: Session,
    context: WebContext,
    purpose: str,
    token: str,
    now: datetime,
    error: str | None = None,
    form: ActionForm | None = None,
) -> HTMLResponse:
    """Verify and authorise the link again, then show its form (with `error` after a refusal)."""
    opened = open_action(
        session=session, signer=context.signer, purpose=purpose, token=token, now=now
    )
    nonce = context.csrf.nonce(request.cookies.get(COOKIE))
    today = local_date(now)
    data = task_page(
        session=session, task=opened.task, today=today, calendar=load_calendar(session)
    )
    response = page(
        "action.html",
        422 if error else 200,
        purpose=purpose,
        title=LINK_LABELS[purpose],
        task=data,
        viewer=opened.actor,
        csrf=context.csrf.form_token(nonce=nonce, link_token=token, now=now),
        error=error,
        form=form or ActionForm(),
        today=today.isoformat(),
    )
    response.set_cookie(
        COOKIE,
        nonce,
        max_age=int(FORM_LIFETIME.total_seconds()),
        path=COOKIE_PATH,
        secure=context.csrf.secure_cookie,
        httponly=True,
        samesite="lax",
    )
    return response
