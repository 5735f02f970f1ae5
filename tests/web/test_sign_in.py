"""Signing in to the web: the form, its CSRF, lockout, one-time links, signing out."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from dondoc.db import transaction
from services import accounts
from tests.lifecycle.world import SNV_HEAD, VP_COORDINATOR
from tests.web.support import csrf_of
from web.session import COOKIE, LIFETIME

PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture
def site(web):  # noqa: ANN001, ANN201
    with transaction(web.engine) as session:
        accounts.set_password(session, email=SNV_HEAD, password=PASSWORD, now=web.clock.now)
    return web


def log_in(web, email: str = SNV_HEAD, password: str = PASSWORD, next_path: str = ""):  # noqa: ANN001, ANN201
    form = web.client.get("/login")
    assert form.status_code == 200
    fields = {"csrf": csrf_of(form.text), "email": email, "password": password, "next": next_path}
    return web.client.post("/login", data=fields)


def test_the_sign_in_page_is_vietnamese_and_asks_for_address_and_password(site):
    page = site.client.get("/login")
    assert page.status_code == 200
    assert "Đăng nhập" in page.text and 'name="password"' in page.text
    assert 'autocomplete="current-password"' in page.text


def test_a_person_signs_in_and_the_site_knows_them(site):
    answer = log_in(site)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/my"  # a head lands on "Việc của tôi"
    cookie = answer.headers["set-cookie"]
    assert (
        cookie.startswith(f"{COOKIE}=")
        and "HttpOnly" in cookie
        and "samesite=lax" in cookie.lower()
    )
    home = site.client.get("/", follow_redirects=True)
    assert "Nguyễn Văn Giám" in home.text and "Đăng xuất" in home.text


def test_signing_in_goes_back_to_the_page_asked_for_but_never_to_another_site(site):
    assert log_in(site, next_path="/tasks/1").headers["location"] == "/tasks/1"
    site.client.cookies.clear()
    for foreign in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "/logout"):
        assert log_in(site, next_path=foreign).headers["location"] == "/my"
        site.client.cookies.clear()


def test_a_wrong_password_is_said_next_to_the_field_and_audited(site):
    answer = log_in(site, password="sai-mat-khau")
    assert answer.status_code == 422
    assert re.search(r'id="password-error"[^>]*>Địa chỉ thư hoặc mật khẩu không đúng', answer.text)
    assert f'value="{SNV_HEAD}"' in answer.text  # the address is kept, never the password
    assert "sai-mat-khau" not in answer.text
    with transaction(site.engine) as session:
        assert [e.outcome for e in accounts.sign_in_events(session, email=SNV_HEAD)] == [
            "wrong_password"
        ]


def test_the_sign_in_form_refuses_a_post_without_its_csrf_token(site):
    site.client.get("/login")
    answer = site.client.post("/login", data={"email": SNV_HEAD, "password": PASSWORD})
    assert answer.status_code == 403
    assert "Biểu mẫu đã hết hạn" in answer.text
    assert COOKIE not in answer.headers.get("set-cookie", "")


def test_the_lockout_reaches_the_page(site):
    for _ in range(accounts.LOCK_AFTER):
        answer = log_in(site, password="doan-mo")
    assert "tạm khoá" in answer.text
    assert "tạm khoá" in log_in(site).text


def test_signing_out_ends_the_session_even_for_a_copied_cookie(site):
    log_in(site)
    stolen = site.client.cookies.get(COOKIE)
    site.clock.now += timedelta(minutes=5)
    home = site.client.get("/", follow_redirects=True)
    answer = site.client.post("/logout", data={"csrf": csrf_of(home.text)})
    assert answer.status_code == 303 and answer.headers["location"] == "/login?bye=1"
    assert "đã đăng xuất" in site.client.get("/login?bye=1").text
    site.client.cookies.set(COOKIE, stolen or "")
    assert "Nguyễn Văn Giám" not in site.client.get("/", follow_redirects=True).text


def test_a_session_lasts_twelve_hours(site):
    log_in(site)
    site.clock.now += LIFETIME - timedelta(minutes=1)
    assert "Nguyễn Văn Giám" in site.client.get("/", follow_redirects=True).text
    site.clock.now += timedelta(minutes=2)
    assert "Nguyễn Văn Giám" not in site.client.get("/", follow_redirects=True).text


def test_a_forged_session_cookie_is_nobody(site):
    log_in(site)
    cookie = site.client.cookies.get(COOKIE) or ""
    payload, mac = cookie.split(".")
    site.client.cookies.set(COOKIE, payload + "." + ("0" if mac[0] != "0" else "1") + mac[1:])
    assert "Nguyễn Văn Giám" not in site.client.get("/", follow_redirects=True).text


def test_a_sign_in_link_asks_for_a_click_then_signs_in_once(site):
    with transaction(site.engine) as session:
        token = accounts.issue_link(session, email=VP_COORDINATOR, now=site.clock.now)
    path = f"/login/link/{token}"
    page = site.client.get(path)
    assert page.status_code == 200 and "Trần Thị Điều" in page.text
    assert COOKIE not in page.headers.get("set-cookie", "")  # a GET signs nobody in
    answer = site.client.post(path, data={"csrf": csrf_of(page.text)})
    assert answer.status_code == 303
    assert "Trần Thị Điều" in site.client.get("/", follow_redirects=True).text
    again = site.client.get(path)
    assert again.status_code == 400 and "đã được dùng" in again.text


def test_a_forged_or_expired_sign_in_link_gets_a_clear_page(site):
    forged = site.client.get("/login/link/not-a-real-token")
    assert forged.status_code == 400 and "không hợp lệ, đã hết hạn" in forged.text
    with transaction(site.engine) as session:
        token = accounts.issue_link(session, email=VP_COORDINATOR, now=site.clock.now)
    site.clock.now += accounts.LINK_LIFETIME
    assert site.client.get(f"/login/link/{token}").status_code == 400


def test_a_signed_in_person_opening_the_sign_in_page_goes_home(site):
    log_in(site)
    answer = site.client.get("/login")
    assert answer.status_code == 303 and answer.headers["location"] == "/my"
