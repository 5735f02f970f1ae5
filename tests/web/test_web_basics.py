"""The pages without data: home, health check, error pages, headers, and logs without tokens."""

from __future__ import annotations

import logging

import pytest

from notifications.links import VIEW
from web.security import RedactTokens, redact

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
        "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
}


def assert_secure(response) -> None:  # noqa: ANN001
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name


def test_health_check_says_ok_and_nothing_else(web):
    response = web.client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert response.headers["cache-control"] == "no-store"
    assert_secure(response)


def test_home_page_says_what_dondoc_is_without_any_data(web):
    response = web.client.get("/")
    assert response.status_code == 200
    assert "Các trang của dondoc được mở từ liên kết trong thư nhắc việc" in response.text
    assert '<html lang="vi">' in response.text
    for leak in ("Sở Nội vụ", "hoabinh.example", "99/NQ-HĐND", "Kế hoạch"):
        assert leak not in response.text
    assert "<script" not in response.text
    assert_secure(response)


def test_an_unknown_page_is_a_vietnamese_404_and_the_api_schema_is_the_only_documentation(web):
    for path in ("/khong-co", "/docs", "/redoc"):
        response = web.client.get(path)
        assert response.status_code == 404, path
        assert "Không có trang này" in response.text
        assert_secure(response)
    schema = web.client.get("/openapi.json")
    assert schema.status_code == 200 and set(schema.json()["paths"]) >= {"/api/v1/tasks"}
    assert_secure(schema)


def test_monitors_may_ask_with_head(web):
    assert web.client.head("/healthz").status_code == 200
    assert web.client.head("/").status_code == 200


def test_a_wrong_method_is_a_vietnamese_page(web):
    response = web.client.post("/healthz")
    assert response.status_code == 405 and "không được hỗ trợ" in response.text


def test_the_stylesheet_is_served_and_may_be_cached(web):
    response = web.client.get("/static/dondoc.css")
    assert response.status_code == 200 and ".status-green" in response.text
    assert response.headers["cache-control"] == "public, max-age=3600"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("GET /a/confirm_done/AbC-123_x HTTP/1.1", "GET /a/confirm_done/… HTTP/1.1"),
        ("/tasks/7?t=AbC-123_x", "/tasks/7?t=…"),
        ("/tasks/7?x=1&t=AbC&y=2", "/tasks/7?x=1&t=…&y=2"),
        ("/healthz", "/healthz"),
    ],
)
def test_tokens_are_cut_out_of_logged_paths(line, expected):
    assert redact(line) == expected


def test_the_access_log_filter_rewrites_uvicorn_records(web):
    path = web.link(VIEW, web.task_id(), "chuyenvien@snv.hoabinh.example")
    token = path.split("?t=")[1]
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", path, "1.1", 200), None,
    )  # fmt: skip
    RedactTokens().filter(record)
    assert token not in record.getMessage() and "?t=…" in record.getMessage()


def test_a_malformed_address_says_what_to_do_in_vietnamese(web):
    response = web.client.get("/tasks/khong-phai-so?t=x")
    assert response.status_code == 400
    assert "Xin mở lại liên kết trong thư nhắc việc" in response.text
    assert_secure(response)
