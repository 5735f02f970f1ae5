"""/dashboard over HTTP: who may open it, what each one sees, the self-refreshing part, and
the monthly report and scorecard downloads of the same filters."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from dondoc.db import transaction
from services import accounts
from tests.lifecycle.world import SNV_HEAD, SNV_STAFF, VP_COORDINATOR
from tests.web.support import csrf_of

PASSWORD = "mat-khau-thu-nghiem"
LEADER = "chutich@hoabinh.example"


@pytest.fixture
def site(web):  # noqa: ANN001, ANN201
    with transaction(web.engine) as session:
        for email in (SNV_HEAD, SNV_STAFF, VP_COORDINATOR, LEADER):
            accounts.set_password(session, email=email, password=PASSWORD, now=web.clock.now)
    return web


def sign_in(web, email: str):  # noqa: ANN001, ANN201
    web.client.cookies.clear()
    form = web.client.get("/login")
    fields = {"csrf": csrf_of(form.text), "email": email, "password": PASSWORD, "next": ""}
    answer = web.client.post("/login", data=fields)
    assert answer.status_code == 303, answer.text
    return answer


def test_signed_out_the_dashboard_asks_to_sign_in_first(site):
    answer = site.client.get("/dashboard?kind=deliverable")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=/dashboard")
    assert site.client.get("/dashboard/report.xlsx").status_code == 303


def test_a_leader_lands_on_the_dashboard_and_sees_every_agency(site):
    assert sign_in(site, LEADER).headers["location"] == "/dashboard"
    page = site.client.get("/dashboard")
    assert page.status_code == 200
    assert "Tình hình thực hiện nhiệm vụ được giao" in page.text
    for code in ("HB-SNV", "HB-STP", "HB-VP"):
        assert f'data-key="{code}"' in page.text
    assert '<script src="/static/htmx.min.js" defer></script>' in page.text
    assert 'hx-get="/dashboard/figures?' in page.text and "<svg" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe" not in page.headers["content-security-policy"]
    assert "Đăng xuất" in page.text


def test_a_head_sees_their_own_agency_whatever_the_address_says(site):
    sign_in(site, SNV_HEAD)
    page = site.client.get("/dashboard?agency=HB-STP")
    assert page.status_code == 200
    assert 'data-key="HB-SNV"' in page.text and 'data-key="HB-STP"' not in page.text
    assert '<a href="/dashboard">Bảng theo dõi</a>' in site.client.get("/my").text
    book = load_workbook(BytesIO(site.client.get("/dashboard/report.xlsx?agency=HB-STP").content))
    names = [row[1] for row in book["Tổng hợp"].iter_rows(min_row=5, values_only=True)]
    assert names == ["Sở Nội vụ", "Tổng cộng"]


def test_staff_are_refused_in_vietnamese(site):
    sign_in(site, SNV_STAFF)
    for path in ("/dashboard", "/dashboard/figures", "/dashboard/report.xlsx"):
        answer = site.client.get(path)
        assert answer.status_code == 403, path
        assert "Bảng theo dõi dành cho" in answer.text


def test_the_figures_part_refreshes_with_the_same_filters(site):
    sign_in(site, VP_COORDINATOR)
    part = site.client.get("/dashboard/figures?kind=recurring_report&refresh=3")
    assert part.status_code == 200
    assert part.text.startswith('<section id="figures"')
    assert 'hx-trigger="every 3s"' in part.text
    assert "kind=recurring_report" in part.text and "<html" not in part.text


def test_downloads_are_the_monthly_report_and_the_scorecard(site):
    sign_in(site, VP_COORDINATOR)
    page = site.client.get("/dashboard")
    total = int(page.text.split('data-figure="overdue"><span class="n">')[1].split("<")[0])
    excel = site.client.get("/dashboard/report.xlsx")
    assert excel.status_code == 200
    assert excel.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in excel.headers["content-disposition"]
    summary = load_workbook(BytesIO(excel.content))["Tổng hợp"]
    last = list(summary.iter_rows(min_row=5, values_only=True))[-1]
    assert last[1] == "Tổng cộng" and last[7] == total
    word = WordDocument(BytesIO(site.client.get("/dashboard/report.docx").content))
    assert word.tables[0].rows[-1].cells[1].text == "Tổng cộng"
    ranking = load_workbook(BytesIO(site.client.get("/dashboard/scorecard.xlsx").content))
    assert ranking.sheetnames == ["Xếp hạng", "Chỉ tiêu"]
    assert site.client.get("/dashboard/report.pdf").status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2025-02-30", "không phải ngày hợp lệ"),
        ("from=2025-05-01&to=2025-01-01", "phải trước"),
        ("kind=hop", "không có trong danh sách"),
        ("refresh=1", "không hợp lệ"),
    ],
)
def test_bad_filters_get_a_vietnamese_400(site, query, message):
    sign_in(site, VP_COORDINATOR)
    answer = site.client.get(f"/dashboard?{query}")
    assert answer.status_code == 400
    assert message in answer.text and "Traceback" not in answer.text
