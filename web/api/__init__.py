"""The JSON API under /api/v1, described at /openapi.json.

Every route needs a personal token (`Authorization: Bearer …`, `dondoc users token EMAIL`)
and answers with what the same person would see on the pages and in the CLI's `--as`.
Errors are JSON (`web.api.errors`); nothing under /api/ ever answers with a page.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.openapi.utils import get_openapi

from web.api import (
    routes_decisions,
    routes_directory,
    routes_inspections,
    routes_reports,
    routes_tasks,
)
from web.api.errors import ApiError
from web.api.schemas import ErrorBody

PREFIX = "/api/v1"
VERSION = "1.0"
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Nội dung gửi lên không phải JSON"},
    401: {"model": ErrorBody, "description": "Thiếu hoặc sai mã truy cập"},
    422: {"model": ErrorBody, "description": "Tham số không hợp lệ (nêu tên tham số)"},
}


def single_values(request: Request) -> None:
    """A parameter sent twice is refused rather than silently taking the last value."""
    for name in set(request.query_params.keys()):
        if len(request.query_params.getlist(name)) > 1:
            raise ApiError(422, f"Tham số «{name}» chỉ được gửi một lần.", name)


router = APIRouter(prefix=PREFIX, responses=ERRORS, dependencies=[Depends(single_values)])
router.include_router(routes_directory.router)
router.include_router(routes_tasks.router)
router.include_router(routes_decisions.router)
router.include_router(routes_reports.router)
router.include_router(routes_inspections.router)


def install(app: FastAPI) -> None:
    """Mount the API and describe only it (the pages are not part of the schema)."""
    app.include_router(router)

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            described = get_openapi(
                title="dondoc API",
                version=VERSION,
                summary="Nhiệm vụ, kiểm tra, cơ quan và văn bản của dondoc",
                routes=router.routes,
            )
            app.openapi_schema = described
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]


def is_api(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/") or path == "/openapi.json"
