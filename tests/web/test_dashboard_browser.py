"""End to end in a real browser: a leader watches the dashboard while a department submits
its report in another browser; the figures change without a reload; the monthly Excel the
leader downloads says what `dondoc tasks list --json` says.

Set DONDOC_SCREENSHOTS=docs to write the README's screenshots from this run.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import transaction
from notifications.links import CONFIRM_DONE
from services import accounts
from tasks_catalog.models import TaskStatus
from tests.lifecycle.world import SNV_STAFF
from tests.reports.world import add_task, agency, obligation
from tests.web.test_browser_flow import CHROMIUM, FLAGS, playwright_api
from web.server import start_in_thread

LEADER = "chutich@hoabinh.example"
PASSWORD = "mat-khau-lanh-dao-thu-nghiem"
TODAY = date(2025, 3, 20)  # the web's clock (tests/web/support.py MORNING)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium (apt-get install chromium)"
)


def listed_by_agency(monkeypatch: pytest.MonkeyPatch) -> dict[str, Counter[str]]:
    """`dondoc tasks list --json` on the same day, per agency name (secret inspection tasks
    left out: no report shows them)."""
    monkeypatch.setattr("dondoc.cli_tasks.local_today", lambda: TODAY)
    result = CliRunner().invoke(app, ["tasks", "list", "--json", "--year", "2025"])
    assert result.exit_code == 0, result.output
    out: dict[str, Counter[str]] = {}
    for row in json.loads(result.stdout):
        if row["kind"] != "inspection_duty" and row["inspected_unit"] is None:
            out.setdefault(row["agency_name"], Counter())[row["status"]] += 1
    return out


def work_done_last_year(session) -> None:  # noqa: ANN001
    """Tasks of 2024 done on time or late, so that the chart of the last 12 months has bars."""
    plan = obligation(session, "HB99-D3.1-KEHOACH")
    for code, due, done in [
        ("HB-STP", date(2024, 6, 14), date(2024, 6, 10)),
        ("HB-STP", date(2024, 9, 13), date(2024, 9, 20)),
        ("HB-VP", date(2024, 9, 13), date(2024, 9, 12)),
        ("HB-SNV", date(2024, 12, 13), date(2024, 12, 11)),
        ("HB-VP", date(2024, 12, 13), date(2024, 12, 13)),
        ("HB-STP", date(2024, 12, 13), date(2025, 1, 8)),
        ("HB-SNV", date(2025, 2, 14), date(2025, 2, 12)),
    ]:
        add_task(
            session,
            obligation=plan,
            agency=agency(session, code),
            due=due,
            status=TaskStatus.DONE,
            completed_on=done,
        )


def figure(page, name: str) -> str:  # noqa: ANN001
    return page.inner_text(f'[data-figure="{name}"] .n')


def test_the_leaders_dashboard_follows_a_report_sent_from_another_browser(
    web, settings, cli_env, monkeypatch, tmp_path
):
    shots = Path(os.environ.get("DONDOC_SCREENSHOTS", tmp_path))
    with transaction(web.engine) as session:
        accounts.set_password(session, email=LEADER, password=PASSWORD, now=web.clock.now)
        work_done_last_year(session)
    report_task = web.task_id("HB99-D3.2-BAOCAO")  # Q1 report of Sở Nội vụ, due 19/03/2025
    with (
        start_in_thread(settings, web.engine, port=0, clock=web.clock) as served,
        playwright_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        leader = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        leader.goto(f"{served.url}/dashboard?refresh=2")
        assert "/login" in leader.url  # signed out: asked to sign in first
        leader.fill("#email", LEADER)
        leader.fill("#password", PASSWORD)
        leader.click("button[type=submit]")
        leader.wait_for_selector("#figures")
        assert leader.url.startswith(f"{served.url}/dashboard?refresh=2")
        assert figure(leader, "overdue") == "2"  # both agencies' Q1 reports are late
        september = leader.locator('svg.chart g[data-month="09/24"] rect')
        assert float(september.first.get_attribute("height") or 0) > 0  # done on time
        assert float(september.nth(1).get_attribute("height") or 0) > 0  # done late
        leader.evaluate("window.sameDocument = true")
        leader.screenshot(path=str(shots / "dashboard.png"), full_page=True)

        department = browser.new_context().new_page()
        department.goto(served.url + web.link(CONFIRM_DONE, report_task, SNV_STAFF))
        department.fill("#note", "Báo cáo quý I số 15/BC-SNV")
        department.click("button[type=submit]")
        department.wait_for_selector(".notice")

        # The leader's page polls its figures (htmx): no reload, the same document.
        overdue = leader.locator('[data-figure="overdue"] .n')
        playwright_api.expect(overdue).to_have_text("1", timeout=20_000)
        assert leader.evaluate("window.sameDocument") is True
        assert figure(leader, "in_time") != "0"

        with leader.expect_download() as download:
            leader.click("text=Tải báo cáo tháng (Excel)")
        excel = tmp_path / download.value.suggested_filename
        download.value.save_as(excel)

        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        small = phone.new_page()
        small.goto(f"{served.url}/login")
        small.fill("#email", LEADER)
        small.fill("#password", PASSWORD)
        small.click("button[type=submit]")
        small.wait_for_selector("#figures")
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, "the page itself fits a phone; wide tables scroll inside"
        small.screenshot(path=str(shots / "dashboard-phone.png"))
        browser.close()

    assert excel.name == "bao-cao-nhiem-vu-2025-03-20.xlsx"
    rows = list(load_workbook(excel)["Tổng hợp"].iter_rows(min_row=5, values_only=True))
    by_name = {row[1]: row for row in rows[:-1]}
    listed = listed_by_agency(monkeypatch)
    assert set(by_name) == set(listed)
    for name, row in by_name.items():
        seen = listed[name]
        total = sum(seen.values()) - seen["recalled"]
        in_time = total - seen["done_on_time"] - seen["done_late"] - seen["overdue"]
        assert row[2:8] == (
            total,
            seen["done_on_time"],
            seen["done_late"],
            in_time,
            seen["due_soon"],
            seen["overdue"],
        ), name
    assert rows[-1][7] == 1  # the total overdue the leader saw after the report
