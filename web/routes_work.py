"""/my ("Việc của tôi") and /inbox (decisions waiting), and the waiting count htmx refreshes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from services.actors import Actor
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from web.auth import CurrentActor, require_roles
from web.deps import ContextDep, NowDep, SessionDep
from web.forms import form_page
from web.work import INBOX_ROLES, WORK_ROLES, inbox, my_work, waiting_count

router = APIRouter()
Worker = Annotated[Actor, Depends(require_roles(*WORK_ROLES))]
Decider = Annotated[Actor, Depends(require_roles(*INBOX_ROLES))]


@router.get("/my", response_class=HTMLResponse)
def my_page(
    request: Request, session: SessionDep, context: ContextDep, now: NowDep, actor: Worker
) -> HTMLResponse:
    rows = my_work(session, actor, today=local_date(now), calendar=load_calendar(session))
    return form_page(request, context, "my.html", now=now, actor=actor, session=session, rows=rows)


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(
    request: Request, session: SessionDep, context: ContextDep, now: NowDep, actor: Decider
) -> HTMLResponse:
    rows = inbox(session, actor, now=now)
    return form_page(
        request, context, "inbox.html", now=now, actor=actor, session=session, rows=rows
    )


@router.get("/inbox/count", response_class=PlainTextResponse)
def inbox_count(session: SessionDep, actor: CurrentActor) -> str:
    """The number in the header, for htmx to refresh every minute."""
    return str(waiting_count(session, actor) or 0)
