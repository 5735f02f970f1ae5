"""Errors of the JSON API: always JSON, always Vietnamese, naming the field at fault.

    {"detail": "Tham số «limit» phải nhỏ hơn hoặc bằng 200",
     "errors": [{"field": "limit", "message": "phải nhỏ hơn hoặc bằng 200"}]}

`detail` is one sentence a person can act on; `errors` lists every field with its problem
(empty when no single field is at fault, e.g. a missing token).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi.responses import JSONResponse

UNAUTHORISED = (
    "Cần mã truy cập cá nhân: gửi tiêu đề «Authorization: Bearer <mã>» "
    "(cấp bằng lệnh dondoc users token EMAIL)."
)
BAD_TOKEN = "Mã truy cập không hợp lệ, đã bị thu hồi, hoặc người dùng không còn trong danh bạ."
NOT_FOUND = "Không có tài nguyên này trong API (hoặc ông/bà không có quyền xem)."
NOT_ALLOWED_METHOD = "Phương thức này không được hỗ trợ ở địa chỉ này."
BAD_BODY = "Nội dung gửi lên không đọc được: cần JSON (Content-Type: application/json)."
CRASHED = "Đã có lỗi trong hệ thống. Xin thử lại sau ít phút."

_LOCATIONS = {"query", "path", "body", "header", "cookie"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.field = status, message, field


def error_response(
    status: int, detail: str, errors: Sequence[dict[str, str]] = (), **headers: str
) -> JSONResponse:
    return JSONResponse(
        {"detail": detail, "errors": list(errors)},
        status_code=status,
        headers={k.replace("_", "-"): v for k, v in headers.items()} or None,
    )


def from_api_error(exc: ApiError) -> JSONResponse:
    errors = [{"field": exc.field, "message": exc.message}] if exc.field else []
    extra = {"WWW_Authenticate": "Bearer"} if exc.status == 401 else {}
    return error_response(exc.status, exc.message, errors, **extra)


def from_validation(problems: Sequence[Any]) -> JSONResponse:
    errors = [
        {"field": field_of(p.get("loc", ())), "message": message_of(p)}
        for p in problems
        if isinstance(p, dict)
    ]
    if not errors:
        return error_response(422, "Yêu cầu không hợp lệ.")
    first = errors[0]
    detail = f"Tham số «{first['field']}» {first['message']}"
    if len(errors) > 1:
        detail += f" (và {len(errors) - 1} lỗi khác)"
    return error_response(422, detail, errors)


def field_of(location: Sequence[Any]) -> str:
    parts = [str(p) for p in location]
    if parts and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(parts) or "nội dung"


def message_of(problem: dict[str, Any]) -> str:
    kind = str(problem.get("type", ""))
    context = problem.get("ctx") or {}
    for bound, words in (
        ("ge", "phải lớn hơn hoặc bằng"),
        ("gt", "phải lớn hơn"),
        ("le", "phải nhỏ hơn hoặc bằng"),
        ("lt", "phải nhỏ hơn"),
    ):
        if bound in context:
            return f"{words} {context[bound]}"
    if kind in ("enum", "literal_error"):
        return f"phải là một trong: {context.get('expected', '')}"
    if kind == "value_error" and context.get("error"):
        return str(context["error"])
    if kind == "string_too_long":
        return f"dài quá {context.get('max_length')} ký tự"
    if kind == "string_too_short":
        return "không được để trống" if context.get("min_length") == 1 else "quá ngắn"
    return _MESSAGES.get(kind, "có giá trị không hợp lệ")


_MESSAGES = {
    "missing": "là bắt buộc",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_parsing": "phải là số",
    "bool_parsing": "phải là true hoặc false",
    "bool_type": "phải là true hoặc false",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "string_type": "phải là chuỗi ký tự",
    "string_pattern_mismatch": "không đúng định dạng",
    "json_invalid": "không phải JSON hợp lệ",
    "model_attributes_type": "phải là một đối tượng JSON",
    "dict_type": "phải là một đối tượng JSON",
    "list_type": "phải là một danh sách",
    "extra_forbidden": "không được phép có",
    "value_error": "có giá trị không hợp lệ",
}


def api_http_error(status: int, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """Starlette's own refusals (unknown address, method), with their headers (Allow)."""
    detail = {404: NOT_FOUND, 405: NOT_ALLOWED_METHOD, 400: BAD_BODY}.get(
        status, "Yêu cầu không thực hiện được."
    )
    response = error_response(status, detail)
    response.headers.update(headers or {})
    return response
