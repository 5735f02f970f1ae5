"""End to end in a real browser: the morning e-mail's "Xác nhận hoàn thành" link, clicked.

The sweep queues the reminder, delivery sends it over SMTP to the mail catcher with links
to the running web, and headless Chromium (the system's, driven by Playwright) opens the
link, confirms, and sees the task waiting for approval.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from dondoc.db import session_factory, transaction
from notifications.delivery import DeliverySettings, deliver
from notifications.links import CONFIRM_DONE, LinkSigner
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.models import Task, TaskStatus
from tests.lifecycle.world import SNV_STAFF, local
from web.server import start_in_thread
from workflows.sweep import sweep

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright (PyPI) is not installed: pip install playwright"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and shutil.which("chromium") is None,
    reason="no Chromium at /usr/bin/chromium (apt-get install chromium)",
)


def emailed_link(web, directory: Path, recipient: str, task_id: int) -> str:  # noqa: ANN001
    """The "Xác nhận hoàn thành" link of this task in the person's e-mail."""
    mail = next(m for m in list_messages(directory) if m.recipients == (recipient,))
    body = read_message(directory, mail.id).get_body(preferencelist=("html",)).get_content()
    urls = [html.unescape(u) for u in re.findall(r'href="([^"]+)"', body)]
    confirm = [u for u in urls if "/a/confirm_done/" in u]
    tokens = {u: u.rsplit("/", 1)[1] for u in confirm}
    return next(
        u
        for u, t in tokens.items()
        if web.signer.verify(t, CONFIRM_DONE, web.clock.now).task_id == task_id
    )


def test_a_person_confirms_done_from_the_email_in_a_browser(web, settings, calendar, tmp_path):
    with transaction(web.engine) as session:
        sweep(session, now=local("2025-03-20T07:30"), calendar=calendar)
    with (
        start_in_thread(settings, web.engine, port=0, clock=web.clock) as served,
        MailCatcher(tmp_path / "mail") as catcher,
    ):
        delivery = DeliverySettings(
            sender="Dondoc <dondoc@hoabinh.example>",
            base_url=served.url,
            signer=LinkSigner(settings.signing_key()),
            worker="browser-test",
        )
        deliver(
            session_factory(web.engine),
            now=local("2025-03-20T07:31"),
            settings=delivery,
            email_transport=lambda: SmtpTransport(SmtpSettings.from_url(catcher.url)),
        )
        link = emailed_link(web, catcher.directory, SNV_STAFF, web.task_id())
        assert link.startswith(f"{served.url}/a/confirm_done/")

        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            page = browser.new_page()
            page.goto(link)
            assert "Chưa triển khai" in page.inner_text(".status")
            page.fill("#note", "Đã ban hành Kế hoạch số 12/KH-SNV")
            page.click("button[type=submit]")
            page.wait_for_selector(".notice")
            assert "Đã ghi nhận báo cáo hoàn thành" in page.inner_text(".notice")
            assert page.inner_text(".status") == "Chờ duyệt"
            page.click("text=Xem nhiệm vụ và diễn biến")
            page.wait_for_selector("ol.events")
            assert "Đã ban hành Kế hoạch số 12/KH-SNV" in page.inner_text("ol.events")
            page.screenshot(path=str(tmp_path / "task.png"), full_page=True)
            page.goto(link)  # the same e-mail link again
            assert "Liên kết đã được dùng" in page.inner_text(".error")
            browser.close()

    with transaction(web.engine) as session:
        task = session.get(Task, web.task_id())
        assert task.status == TaskStatus.SUBMITTED and task.next_action_at is None
