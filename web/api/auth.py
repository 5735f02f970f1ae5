"""Who calls the API: a personal token (`Authorization: Bearer ddk_…`), else 401.

The token names an e-mail address; the person behind it is looked up anew on every call,
so a person who left the registry (retired) can no longer use a token they kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from inspections.access import AccessDenied, Viewer, viewer_for
from services.actors import Actor, actor_for_email
from services.tokens import Purpose, holder_of
from web.api.errors import BAD_TOKEN, UNAUTHORISED, ApiError
from web.deps import SessionDep

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="Mã truy cập cá nhân, cấp bằng `dondoc users token EMAIL`.",
)


@dataclass(frozen=True)
class Caller:
    email: str
    actor: Actor  # for tasks (services.permissions)
    viewer: Viewer  # for inspections (inspections.access)


def get_caller(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, UNAUTHORISED)
    email = holder_of(session, token=credentials.credentials, purpose=Purpose.API)
    if email is None:
        raise ApiError(401, BAD_TOKEN)
    actor = actor_for_email(session, email)
    try:
        viewer = viewer_for(session, email)
    except AccessDenied:
        actor = None
    if actor is None:
        raise ApiError(401, BAD_TOKEN)
    return Caller(email, actor, viewer)


CallerDep = Annotated[Caller, Depends(get_caller)]
