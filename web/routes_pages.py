"""The home page, the health check and the task page (opened with a `view` link)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from services.actors import ROLE_LABELS
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from web.actions import open_view
from web.auth import OptionalActor
from web.deps import ContextDep, NowDep, SessionDep
from web.forms import form_page
from web.pages import task_page
from web.render import page

router = APIRouter()


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(request: Request, context: ContextDep, now: NowDep, actor: OptionalActor) -> HTMLResponse:
    role = ROLE_LABELS[actor.role] if actor else ""
    return form_page(request, context, "index.html", now=now, actor=actor, role_label=role)


@router.api_route("/healthz", methods=["GET", "HEAD"])
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/tasks/{task_id}", response_class=HTMLResponse)
def view_task(
    task_id: int, session: SessionDep, context: ContextDep, now: NowDep, t: str | None = None
) -> HTMLResponse:
    opened = open_view(session=session, signer=context.signer, task_id=task_id, token=t, now=now)
    data = task_page(
        session=session, task=opened.task, today=local_date(now), calendar=load_calendar(session)
    )
    return page("task.html", task=data, viewer=opened.actor)
