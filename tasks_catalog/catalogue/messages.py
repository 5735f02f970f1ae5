"""Pydantic's validation errors, said in Vietnamese an office worker can act on."""

from __future__ import annotations

from pydantic_core import ErrorDetails

_FIXED = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong mẫu (viết sai tên?)",
    "bool_parsing": "phải là true hoặc false",
    "bool_type": "phải là true hoặc false",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_parsing": "phải là số",
    "float_type": "phải là số",
    "list_type": "phải là một danh sách",
    "model_type": "phải là một mục có các trường con",
    "dict_type": "phải là một mục có các trường con",
    "string_type": "phải là chuỗi ký tự",
    "too_short": "danh sách không được rỗng",
    "finite_number": "phải là một số hữu hạn (không nhận .nan, .inf)",
}


def describe_error(error: ErrorDetails) -> str:
    """One line for one pydantic error dict (from `ValidationError.errors()`)."""
    kind = error["type"]
    value = error.get("input")
    field = next((str(part) for part in reversed(error["loc"]) if isinstance(part, str)), "")
    ctx = error.get("ctx") or {}
    if kind in _FIXED:
        text = _FIXED[kind]
    elif kind.startswith("date") or kind.startswith("datetime"):
        text = f'"{value}" không phải ngày hợp lệ (viết theo dạng YYYY-MM-DD, ví dụ 2025-12-31)'
    elif kind == "string_pattern_mismatch":
        text = f'"{value}" không đúng định dạng'
        if field in {"email"} or field.endswith("emails"):
            text = f'"{value}" không phải địa chỉ thư điện tử hợp lệ'
    elif kind == "literal_error":
        text = f'"{value}" không phải giá trị hợp lệ; chọn một trong: {ctx.get("expected", "")}'
    elif kind in {"greater_than_equal", "greater_than"}:
        text = f"{value} nhỏ hơn giá trị nhỏ nhất cho phép ({ctx.get('ge', ctx.get('gt'))})"
    elif kind in {"less_than_equal", "less_than"}:
        text = f"{value} lớn hơn giá trị lớn nhất cho phép ({ctx.get('le', ctx.get('lt'))})"
    elif kind == "string_too_long":
        text = f"quá dài (tối đa {ctx.get('max_length')} ký tự)"
    elif kind == "string_too_short":
        text = "không được để trống"
    elif kind == "value_error":
        text = str(ctx.get("error", error["msg"]))
    else:
        text = error["msg"]
    return f"{field}: {text}" if field else text
