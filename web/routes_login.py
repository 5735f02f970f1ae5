"""/login, /logout and /login/link/{token}: signing in with a password or a one-time link.

A sign-in link's GET only shows who it signs in and asks for a click: mail scanners open
every link in a message, and a GET must not spend it. Refusals are committed (the audit
line and the failure count stay), then shown next to the field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services import accounts
from services.actors import Actor
from web.actions import PageError
from web.auth import OptionalActor, home_of, safe_next
from web.deps import ContextDep, NowDep, SessionDep, WebContext
from web.forms import check_csrf, form_page
from web.session import COOKIE, LIFETIME

router = APIRouter()
Short = Annotated[str, Form(max_length=300)]
Password = Annotated[str, Form(max_length=1000)]
SIGNED_OUT = "Ông/bà đã đăng xuất."


@router.get("/login", response_class=HTMLResponse)
def login_form(
    request: Request,
    context: ContextDep,
    now: NowDep,
    actor: OptionalActor,
    next: str | None = None,  # noqa: A002 - the parameter's name in the address
    bye: int = 0,
) -> Response:
    target = safe_next(next)
    if actor is not None:
        home = home_of(actor)
        return RedirectResponse(target or home, status_code=303)
    notice = SIGNED_OUT if bye else None
    return form_page(
        request, context, "login.html", now=now, actor=None, next=target or "", email="",
        error=None, notice=notice,
    )  # fmt: skip


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    csrf: Short = "",
    email: Short = "",
    password: Password = "",
    next: Short = "",  # noqa: A002
) -> Response:
    check_csrf(request, context, action="/login", submitted=csrf, now=now)
    target = safe_next(next)
    if not email.strip() or not password:
        error = "Xin nhập địa chỉ thư và mật khẩu."
        return _login_again(request, context, now, email, target, error)
    result = accounts.sign_in(
        session, email=email, password=password, now=now, remote=_remote(request)
    )
    session.commit()  # a refusal too: its audit line and the failure count
    if result.actor is None:
        return _login_again(request, context, now, email, target, result.refusal or "")
    return _signed_in(request, context, result.actor, target, now)


@router.post("/logout")
def logout(
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    actor: OptionalActor,
    csrf: Short = "",
) -> Response:
    check_csrf(request, context, action="/logout", submitted=csrf, now=now)
    if actor is not None:
        accounts.sign_out(session, email=actor.email, now=now)
        session.commit()
    response = RedirectResponse("/login?bye=1", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/login/link/{token}", response_class=HTMLResponse)
def link_form(
    token: str, request: Request, session: SessionDep, context: ContextDep, now: NowDep
) -> Response:
    holder = accounts.link_holder(session, token=token, now=now)
    if holder is None:
        raise PageError(400, accounts.BAD_LINK)
    return form_page(
        request, context, "login_link.html", now=now, actor=None, holder=holder, token=token
    )


@router.post("/login/link/{token}", response_class=HTMLResponse)
def use_link(
    token: str,
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    csrf: Short = "",
) -> Response:
    check_csrf(request, context, action=f"/login/link/{token}", submitted=csrf, now=now)
    result = accounts.redeem_link(session, token=token, now=now, remote=_remote(request))
    session.commit()
    if result.actor is None:
        raise PageError(400, result.refusal or accounts.BAD_LINK)
    return _signed_in(request, context, result.actor, None, now)


def _login_again(
    request: Request,
    context: WebContext,
    now: datetime,
    email: str,
    target: str | None,
    error: str,
) -> HTMLResponse:
    return form_page(
        request, context, "login.html", now=now, actor=None, status=422,
        next=target or "", email=email.strip()[:254], error=error, notice=None,
    )  # fmt: skip


def _signed_in(
    request: Request, context: WebContext, actor: Actor, target: str | None, now: datetime
) -> Response:
    home = home_of(actor)
    response = RedirectResponse(target or home, status_code=303)
    response.set_cookie(
        COOKIE,
        context.session_signer.issue(actor.email, now),
        max_age=int(LIFETIME.total_seconds()),
        path="/",
        secure=context.session_signer.secure_cookie,
        httponly=True,
        samesite="lax",
    )
    return response


def _remote(request: Request) -> str | None:
    return request.client.host[:64] if request.client else None
