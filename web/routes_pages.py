"""The home page, the health check and the task page (with a `view` link, or signed in)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from web.actions import open_view
from web.auth import OptionalActor, SignInRequired, home_of
from web.deps import ContextDep, NowDep, SessionDep
from web.forms import form_page
from web.pages import task_page
from web.render import page
from web.task_view import NOTICES, signed_in_task_page

router = APIRouter()


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(request: Request, context: ContextDep, now: NowDep, actor: OptionalActor) -> Response:
    if actor is not None:
        return RedirectResponse(home_of(actor), status_code=303)
    return form_page(request, context, "index.html", now=now, actor=None)


@router.api_route("/healthz", methods=["GET", "HEAD"])
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/tasks/{task_id}", response_class=HTMLResponse)
def view_task(
    task_id: int,
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    actor: OptionalActor,
    t: str | None = None,
    ok: str | None = None,
) -> HTMLResponse:
    """With a `view` link (t=…): what the link grants, signed in or not. Without: the
    signed-in page with the reader's decision forms and the task's whole story."""
    if t is None and actor is not None:
        notice = NOTICES.get(ok or "")
        return signed_in_task_page(request, session, context, actor, task_id, now=now, notice=notice)  # fmt: skip
    if t is None:
        raise SignInRequired(f"/tasks/{task_id}")
    opened = open_view(session=session, signer=context.signer, task_id=task_id, token=t, now=now)
    data = task_page(
        session=session, task=opened.task, today=local_date(now), calendar=load_calendar(session)
    )
    return page("task.html", task=data, viewer=opened.actor)
