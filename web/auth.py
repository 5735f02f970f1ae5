"""Who is signed in: the `current_actor` dependency, `require_roles`, and where each lands.

A page that needs a signed-in person declares `actor: CurrentActor`; without a valid
session the browser is sent to /login?next=<the page>, and back there after signing in.
`require_roles(Role.COORDINATOR, …)` is the same, refusing (403) everyone else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import Depends, Request

from services.accounts import session_actor
from services.actors import INSPECTION_ROLES, Actor, Role
from web.actions import PageError
from web.dashboard import DASHBOARD_ROLES
from web.deps import ContextDep, NowDep, SessionDep
from web.session import COOKIE

NOT_YOUR_PAGE = "Trang này dành cho người có vai trò khác; ông/bà không có quyền mở trang này."


class SignInRequired(Exception):
    """No valid session: the app answers with a redirect to the sign-in page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def optional_actor(
    request: Request, session: SessionDep, context: ContextDep, now: NowDep
) -> Actor | None:
    claim = context.session_signer.read(request.cookies.get(COOKIE), now)
    if claim is None:
        return None
    return session_actor(session, email=claim.email, issued_at=claim.issued_at)


def current_actor(
    request: Request, actor: Annotated[Actor | None, Depends(optional_actor)]
) -> Actor:
    if actor is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(target)
    return actor


OptionalActor = Annotated[Actor | None, Depends(optional_actor)]
CurrentActor = Annotated[Actor, Depends(current_actor)]


def require_roles(*roles: Role) -> Callable[[Actor], Actor]:
    allowed = frozenset(roles)

    def dependency(actor: CurrentActor) -> Actor:
        if actor.role not in allowed:
            raise PageError(403, NOT_YOUR_PAGE)
        return actor

    return dependency


def home_of(actor: Actor) -> str:
    """The page a person lands on after signing in (and from the site's name).

    Heads and staff of agencies: "Việc của tôi". Inspectors: their workspace. The office,
    leaders and the administrator: the dashboard."""
    if actor.role in INSPECTION_ROLES:
        return "/inspections"
    if actor.role in (Role.HEAD, Role.STAFF):
        return "/my"
    return "/dashboard" if actor.role in DASHBOARD_ROLES else "/my"


def login_url(next_path: str) -> str:
    return f"/login?next={quote(next_path, safe='/')}" if next_path != "/" else "/login"


def safe_next(value: str | None) -> str | None:
    """A local path to go back to after signing in; anything else (another site) is dropped."""
    if not value or len(value) > 2000 or not value.startswith("/") or value.startswith("//"):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or "\\" in value or any(ord(c) < 32 for c in value):
        return None
    if parts.path.startswith(("/login", "/logout")):
        return None
    return value
