"""Server-rendered pages: one Jinja2 environment, autoescaped, strict about names."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi.responses import HTMLResponse

from web.security import apply_security_headers

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

ERROR_TITLES = {
    400: "Liên kết không dùng được",
    403: "Không có quyền truy cập",
    404: "Không tìm thấy",
    405: "Thao tác không được hỗ trợ",
    409: "Không thực hiện được",
    422: "Thông tin chưa hợp lệ",
    500: "Đã có lỗi",
}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(name).render(**context)
    return apply_security_headers(HTMLResponse(html, status_code=status))


def error_page(status: int, message: str) -> HTMLResponse:
    title = ERROR_TITLES.get(status, "Không thực hiện được")
    return page("error.html", status, title=title, message=message)
