"""The FastAPI application: routes, error pages in Vietnamese, security headers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker
from starlette.exceptions import HTTPException

from inspections.evidence import EvidenceStore
from notifications.links import LinkSigner
from web import (
    api,
    routes_actions,
    routes_assign,
    routes_dashboard,
    routes_feeds,
    routes_inspections,
    routes_login,
    routes_pages,
    routes_task,
    routes_work,
)
from web.actions import PageError
from web.api.errors import (
    CRASHED,
    ApiError,
    api_http_error,
    error_response,
    from_api_error,
    from_validation,
)
from web.auth import SignInRequired, login_url
from web.csrf import CsrfGuard
from web.deps import WebContext
from web.render import STATIC, error_page
from web.security import SecurityHeaders, apply_security_headers
from web.session import SessionSigner

log = logging.getLogger("dondoc.web")


class WebSettings(Protocol):
    """What the web needs of `dondoc.settings.Settings` (web does not import dondoc)."""

    @property
    def base_url(self) -> str: ...

    @property
    def evidence_dir(self) -> Path: ...

    @property
    def evidence_max_bytes(self) -> int: ...

    def signing_key(self) -> bytes: ...


NOT_FOUND = (
    "Không có trang này. Xin mở trang từ liên kết trong thư nhắc việc, hoặc đăng nhập tại /login."
)


def create_app(
    settings: WebSettings, engine: Engine, *, clock: Callable[[], datetime] | None = None
) -> FastAPI:
    app = FastAPI(
        title="dondoc",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",  # the JSON API's schema only (web.api.install)
    )
    key = settings.signing_key()
    secure = settings.base_url.startswith("https://")
    app.state.web = WebContext(
        sessions=sessionmaker(engine, expire_on_commit=False),
        signer=LinkSigner(key),
        csrf=CsrfGuard(key, secure_cookie=secure),
        clock=clock or _utc_now,
        session_signer=SessionSigner(key, secure_cookie=secure),
        evidence=EvidenceStore(settings.evidence_dir, settings.evidence_max_bytes),
    )
    app.include_router(routes_pages.router)
    app.include_router(routes_login.router)
    app.include_router(routes_work.router)
    app.include_router(routes_task.router)
    app.include_router(routes_assign.router)
    app.include_router(routes_actions.router)
    app.include_router(routes_feeds.router)
    app.include_router(routes_dashboard.router)
    app.include_router(routes_inspections.router)
    app.state.evidence = app.state.web.evidence
    api.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders)
    _error_pages(app)
    return app


def _error_pages(app: FastAPI) -> None:
    @app.exception_handler(SignInRequired)
    async def sign_in_first(_request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(login_url(exc.next_path), status_code=303)

    @app.exception_handler(PageError)
    async def refused(_request: Request, exc: PageError) -> Response:
        return error_page(exc.status, exc.message)

    @app.exception_handler(ApiError)
    async def api_refused(_request: Request, exc: ApiError) -> Response:
        return from_api_error(exc)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if api.is_api(request.url.path):
            return api_http_error(exc.status_code, exc.headers)
        if exc.status_code == 404:
            return error_page(404, NOT_FOUND)
        if exc.status_code == 405:
            return error_page(405, "Thao tác này không được hỗ trợ ở địa chỉ này.")
        return error_page(
            exc.status_code,
            "Yêu cầu không thực hiện được. Xin mở lại liên kết trong thư nhắc việc và thử lại.",
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if api.is_api(request.url.path):
            return from_validation(exc.errors())
        return error_page(
            400,
            "Địa chỉ hoặc nội dung biểu mẫu không hợp lệ. "
            "Xin mở lại liên kết trong thư nhắc việc và nhập lại.",
        )

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        # The path is not logged: it may carry a link token.
        log.error("unhandled %s in a web request", exc.__class__.__name__, exc_info=exc)
        if api.is_api(request.url.path):
            return apply_security_headers(error_response(500, CRASHED))
        return error_page(500, "Đã có lỗi trong hệ thống. Xin thử lại sau ít phút.")


def _utc_now() -> datetime:
    return datetime.now(UTC)
