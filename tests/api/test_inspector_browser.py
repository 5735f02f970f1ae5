"""End to end in a real browser: an inspector on a phone logs an inspection with a photo;
the lead's compliance board counts it; the inspected unit reads the record, and no plan.

Set DONDOC_SCREENSHOTS=docs to write the README's screenshot of the form from this run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dondoc.db import transaction
from services import accounts
from tests.api.conftest import NOW
from tests.api.pages import PASSWORD, png
from tests.api.test_inspector_pages import my_rounds
from tests.inspections.conftest import DUTY, INSPECTOR, LEAD, UNIT, UNIT_HEAD
from tests.web.support import Clock
from tests.web.test_browser_flow import CHROMIUM, FLAGS, playwright_api
from web.server import start_in_thread

PHONE = {"width": 390, "height": 844}
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium (apt-get install chromium)"
)


def signed_in(browser, url: str, email: str, **context):  # noqa: ANN001, ANN003, ANN201
    page = browser.new_context(**context).new_page()
    page.goto(f"{url}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def done_at(page, unit: str) -> int:  # noqa: ANN001
    return int(page.get_attribute(f'#compliance tr[data-unit="{unit}"]', "data-done") or -1)


def test_an_inspector_logs_on_a_phone_the_lead_counts_it_the_unit_reads_it(
    recorded, settings, tmp_path
):
    shots = Path(os.environ.get("DONDOC_SCREENSHOTS", tmp_path))
    photo = tmp_path / "anh-hien-truong.png"
    photo.write_bytes(png(64, 48))
    with transaction(recorded) as session:
        for email in (INSPECTOR, LEAD, UNIT_HEAD):
            accounts.set_password(session, email=email, password=PASSWORD, now=NOW)
    planned = {r["planned_on"] for r in my_rounds(recorded, LEAD) if r["unit"] == UNIT}
    with (
        start_in_thread(settings, recorded, port=0, clock=Clock(NOW)) as served,
        playwright_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        lead = signed_in(browser, served.url, LEAD)
        lead.goto(f"{served.url}/inspections/compliance?year=2025")
        before = done_at(lead, UNIT)

        phone = signed_in(
            browser, served.url, INSPECTOR, viewport=PHONE, is_mobile=True, locale="vi-VN"
        )
        assert phone.url.endswith("/inspections/plan")  # an inspector lands on their plan
        assert "MẬT" in phone.inner_text(".kicker")  # text-transform: uppercase
        phone.goto(f"{served.url}/inspections/new?duty={DUTY}&unit={UNIT}")
        phone.fill("#basis", "Quyết định số 22/QĐ-SNV ngày 19/03/2025 của Giám đốc Sở Nội vụ")
        phone.fill("#place", "Bộ phận một cửa, Trung tâm Hành chính công thành phố Hạ Long")
        phone.fill("#content", "Kỷ luật, kỷ cương hành chính; giải quyết thủ tục hành chính")
        phone.fill("#findings", "Cán bộ có mặt đủ; 01 hồ sơ trả kết quả chậm 1 ngày.")
        phone.fill("#violations", "01 hồ sơ trả kết quả chậm không có văn bản xin lỗi")
        phone.fill("#conclusion", "Chấp hành tốt; chấn chỉnh việc xin lỗi khi trễ hạn.")
        phone.fill("#recommendations", "Gửi văn bản xin lỗi trong 03 ngày làm việc")
        phone.fill("#minutes_number", "06/BB-KTĐX")
        phone.select_option("#state", "follow_up")
        phone.set_input_files("#evidence", str(photo))
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        phone.screenshot(path=str(shots / "inspector-form.png"), full_page=True)
        phone.click("form.record-form button[type=submit]")
        phone.wait_for_selector("dl.facts")
        assert "06/BB-KTĐX" in phone.inner_text("dl.facts")
        assert "anh-hien-truong.png" in phone.inner_text("dl.facts")

        lead.reload()
        assert done_at(lead, UNIT) == before + 1

        unit = signed_in(browser, served.url, UNIT_HEAD)
        unit.goto(f"{served.url}/inspections/records")
        listing = unit.inner_text("main")
        assert "06/BB-KTĐX" in listing and "05/BB-KTĐX" in listing
        assert not any(day in listing for day in planned if day not in ("2025-03-12",))
        unit.goto(f"{served.url}/inspections/plan")
        assert "không có quyền" in unit.inner_text("main")
        assert "lượt" not in unit.content()
        browser.close()
