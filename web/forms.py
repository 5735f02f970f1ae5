"""Pages with forms outside the e-mail links: sign-in, and every page of a signed-in person.

CSRF as for the link pages (web/csrf.py: a signed double-submit token), with its own
cookie for the whole site, and each form's token bound to the address it posts to:
a token of the sign-out form cannot approve a task. Templates get `csrf(action)` to
write the hidden field, and `actor` (None when signed out) for the header.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from services.actors import OFFICE_ROLES, Actor
from web.actions import PageError
from web.csrf import FORM_LIFETIME
from web.dashboard import DASHBOARD_ROLES
from web.deps import WebContext
from web.render import page
from web.work import WORK_ROLES, waiting_count

FORM_COOKIE = "dondoc_form"
CSRF_REFUSED = (
    "Biểu mẫu đã hết hạn hoặc không hợp lệ (trình duyệt cần cho phép cookie của trang này). "
    "Xin tải lại trang và thử lại."
)


def form_page(
    request: Request,
    context: WebContext,
    name: str,
    *,
    now: datetime,
    actor: Actor | None,
    status: int = 200,
    session: Session | None = None,
    **values: Any,
) -> HTMLResponse:
    """Render a page whose forms carry CSRF tokens; sets the browser's nonce cookie.

    With a session, the header shows the reader's pages and how many decisions wait."""
    nonce = context.csrf.nonce(request.cookies.get(FORM_COOKIE))
    waiting = waiting_count(session, actor) if session is not None and actor else None
    has_work = actor is not None and actor.role in WORK_ROLES
    can_assign = actor is not None and actor.role in OFFICE_ROLES
    has_dashboard = actor is not None and actor.role in DASHBOARD_ROLES

    def csrf(action: str) -> str:
        return context.csrf.form_token(nonce=nonce, link_token=f"form:{action}", now=now)

    response = page(
        name,
        status,
        csrf=csrf,
        actor=actor,
        waiting=waiting,
        has_work=has_work,
        can_assign=can_assign,
        has_dashboard=has_dashboard,
        **values,
    )
    response.set_cookie(
        FORM_COOKIE,
        nonce,
        max_age=int(FORM_LIFETIME.total_seconds()),
        path="/",
        secure=context.csrf.secure_cookie,
        httponly=True,
        samesite="lax",
    )
    return response


def check_csrf(
    request: Request, context: WebContext, *, action: str, submitted: str, now: datetime
) -> None:
    """Refuse (403) a form that did not come from our page in this browser, for `action`."""
    cookie = request.cookies.get(FORM_COOKIE)
    if not context.csrf.verify(
        cookie=cookie, submitted=submitted, link_token=f"form:{action}", now=now
    ):
        raise PageError(403, CSRF_REFUSED)
