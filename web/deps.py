"""Request dependencies as `Annotated` aliases (as in full-stack-fastapi-template)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from inspections.evidence import EvidenceStore
from notifications.links import LinkSigner
from web.csrf import CsrfGuard
from web.session import SessionSigner


@dataclass(frozen=True)
class WebContext:
    """What the app was built with: sessions, the link signer, CSRF, the clock, cookies.

    The clock is the only place a request reads the time (DESIGN.md: time is an input),
    so tests give the app a fixed one.
    """

    sessions: sessionmaker[Session]
    signer: LinkSigner
    csrf: CsrfGuard
    clock: Callable[[], datetime]
    session_signer: SessionSigner
    evidence: EvidenceStore  # where files sent with progress reports are kept


def get_context(request: Request) -> WebContext:
    return request.app.state.web


def get_session(request: Request) -> Iterator[Session]:
    with get_context(request).sessions() as session:
        yield session


def get_now(request: Request) -> datetime:
    return get_context(request).clock()


ContextDep = Annotated[WebContext, Depends(get_context)]
SessionDep = Annotated[Session, Depends(get_session)]
NowDep = Annotated[datetime, Depends(get_now)]
