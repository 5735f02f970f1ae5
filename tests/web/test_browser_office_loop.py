"""The office's loop in a real browser (Debian's Chromium driven by Playwright), with real
e-mail: the reminder and every decision go out over SMTP to the mail catcher and are read
back with `email`.

1. The Sở Nội vụ's head opens the "Đề nghị gia hạn" link of the morning reminder and asks
   for an extension.
2. The coordinator signs in, sees one decision waiting, opens it and approves.
3. The head gets the decision by e-mail; later signs in and submits the result.
4. The coordinator returns it with a reason; the head (told by e-mail) submits again;
   the coordinator approves: the task ends done on time (the extended due date counts),
   and its page tells the whole story.

Set DONDOC_SCREENSHOTS=folder to keep the pages' pictures (README's screenshots).
"""

from __future__ import annotations

import html
import os
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from dondoc.db import session_factory, transaction
from notifications.delivery import DeliverySettings, deliver
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.smtp import SmtpSettings, SmtpTransport
from services import accounts
from tasks_catalog.models import Task, TaskStatus
from tests.lifecycle.world import SNV_HEAD, VP_COORDINATOR, local
from tests.web.signing import PASSWORD
from web.server import start_in_thread
from workflows.sweep import sweep

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and shutil.which("chromium") is None,
    reason="no Chromium at /usr/bin/chromium (apt-get install chromium)",
)
PHONE = {"width": 390, "height": 844}


class Mailbox:
    """The mail catcher's folder, read as a person reads their inbox."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.seen: set[str] = set()

    def new_for(self, recipient: str) -> list:  # noqa: ANN401
        fresh = []
        for mail in list_messages(self.directory):
            if mail.id in self.seen or recipient not in mail.recipients:
                continue
            self.seen.add(mail.id)
            fresh.append(read_message(self.directory, mail.id))
        return fresh


def body(message) -> str:  # noqa: ANN001
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message, purpose: str, task_id: int, signer: LinkSigner, now) -> str:  # noqa: ANN001
    text = message.get_body(preferencelist=("html",)).get_content()
    for url in (html.unescape(u) for u in re.findall(r'href="([^"]+)"', text)):
        if f"/a/{purpose}/" in url:
            token = url.rsplit("/", 1)[1]
            if signer.verify(token, purpose, now).task_id == task_id:
                return url
    raise AssertionError(f"no {purpose} link for task {task_id}")


def sign_in(page, base: str, email: str, then: str) -> None:  # noqa: ANN001
    """Sign in on the sign-in page (sessions last 12 hours: days pass in this story)."""
    page.goto(f"{base}/login?next={then}")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(f"**{then}")


def unfold(page, anchor: str) -> None:  # noqa: ANN001
    """Open a decision's fold on the task page, as a person taps its title."""
    if page.get_attribute(f"#{anchor}", "open") is None:
        page.click(f"#{anchor} summary")


def test_extension_return_and_approval_in_a_browser_with_real_mail(
    web, settings, calendar, tmp_path
):  # noqa: E501
    shots = Path(os.environ.get("DONDOC_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    task_id = web.task_id()
    with transaction(web.engine) as session:
        for email in (SNV_HEAD, VP_COORDINATOR):
            accounts.set_password(session, email=email, password=PASSWORD, now=web.clock.now)
        sweep(session, now=local("2025-03-20T07:30"), calendar=calendar)
    with (
        start_in_thread(settings, web.engine, port=0, clock=web.clock) as served,
        MailCatcher(tmp_path / "mail") as catcher,
        playwright_api.sync_playwright() as playwright,
    ):
        delivery = DeliverySettings(
            sender="Dondoc <dondoc@hoabinh.example>", base_url=served.url,
            signer=web.signer, worker="browser-test",
        )  # fmt: skip

        def send_mail() -> None:
            deliver(
                session_factory(web.engine), now=web.clock.now, settings=delivery,
                email_transport=lambda: SmtpTransport(SmtpSettings.from_url(catcher.url)),
            )  # fmt: skip

        mailbox = Mailbox(catcher.directory)
        web.clock.now = local("2025-03-20T07:31")
        send_mail()
        (reminder,) = mailbox.new_for(SNV_HEAD)
        assert f"{served.url}/login" in body(reminder)  # "xin đăng nhập" names the real page
        ask = link_in(reminder, "request_extension", task_id, web.signer, web.clock.now)

        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        head = browser.new_context(viewport=PHONE).new_page()
        office = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()

        # 1. The head asks for an extension from the e-mail, without signing in.
        web.clock.now = local("2025-03-24T09:00")
        head.goto(ask)
        head.fill("#proposed_due", "2025-04-25")
        head.fill("#reason", "Chờ ý kiến góp ý của các sở")
        head.click("button[type=submit]")
        assert "Đã gửi đề nghị gia hạn" in head.inner_text(".notice")

        # 2. The coordinator signs in, sees it waiting, approves.
        web.clock.now = local("2025-03-24T10:00")
        office.goto(f"{served.url}/tasks/{task_id}")
        assert "/login" in office.url  # sent to sign in, and back afterwards
        office.screenshot(path=str(shots / "login.png"))
        office.fill("#email", VP_COORDINATOR)
        office.fill("#password", PASSWORD)
        office.click("form[action='/login'] button[type=submit]")
        office.wait_for_url(f"**/tasks/{task_id}")
        office.goto(f"{served.url}/inbox")
        assert office.inner_text("#waiting-count") == "1"
        assert "Chờ ý kiến góp ý của các sở" in office.inner_text("ul.cards")
        office.screenshot(path=str(shots / "inbox.png"), full_page=True)
        office.click("text=Xem và quyết định")
        unfold(office, "approve-extension")
        office.fill("#approve-extension-note", "Đồng ý, đề nghị hoàn thành đúng hạn mới")
        office.click("#approve-extension button[type=submit]")
        assert "Đã đồng ý gia hạn" in office.inner_text(".notice")

        # 3. The head is told by e-mail, and later submits, signed in.
        send_mail()
        (decision,) = mailbox.new_for(SNV_HEAD)
        assert "25/04/2025" in body(decision) and "gia hạn" in body(decision)
        web.clock.now = local("2025-04-10T08:00")
        sign_in(head, served.url, SNV_HEAD, "/my")
        head.screenshot(path=str(shots / "my.png"), full_page=True)
        head.click(f"#task-{task_id} >> text=Báo cáo hoàn thành")
        unfold(head, "submit")
        head.fill("#submit-note", "Kế hoạch số 12/KH-SNV ngày 09/4/2025")
        head.click("#submit button[type=submit]")
        assert "chờ Văn phòng UBND tỉnh duyệt" in head.inner_text(".notice")

        # 4. Returned with a reason, submitted again, approved.
        web.clock.now = local("2025-04-11T09:00")
        sign_in(office, served.url, VP_COORDINATOR, f"/tasks/{task_id}")
        unfold(office, "return")
        office.fill("#return-reason", "Thiếu phụ lục phân công nhiệm vụ")
        office.click("#return button[type=submit]")
        send_mail()
        (returned,) = mailbox.new_for(SNV_HEAD)
        assert "Thiếu phụ lục phân công nhiệm vụ" in body(returned)
        web.clock.now = local("2025-04-15T08:30")
        sign_in(head, served.url, SNV_HEAD, f"/tasks/{task_id}")
        unfold(head, "submit")
        head.fill("#submit-note", "Bổ sung phụ lục phân công")
        head.click("#submit button[type=submit]")
        web.clock.now = local("2025-04-16T09:00")
        sign_in(office, served.url, VP_COORDINATOR, f"/tasks/{task_id}")
        unfold(office, "approve")
        office.click("#approve button[type=submit]")
        assert "Đã duyệt kết quả" in office.inner_text(".notice")
        assert office.inner_text(".status") == "Hoàn thành đúng hạn"
        story = office.inner_text("main")
        for line in ("Chờ ý kiến góp ý của các sở", "Thiếu phụ lục phân công nhiệm vụ",
                     "Bổ sung phụ lục phân công", "31/03/2025", "25/04/2025", "Duyệt kết quả"):  # fmt: skip
            assert line in story, line
        office.screenshot(path=str(shots / "task.png"), full_page=True)
        send_mail()
        (approved,) = mailbox.new_for(SNV_HEAD)
        assert "hoàn thành đúng hạn" in body(approved)
        office.goto(f"{served.url}/login?next=/inbox")
        browser.close()

    with transaction(web.engine) as session:
        task = session.get(Task, task_id)
        assert task is not None and task.status == TaskStatus.DONE
        assert task.completed_on is not None and task.completed_on <= task.due_on
        assert task.original_due_on.isoformat() == "2025-03-31"
    assert timedelta(0) <= web.clock.now - local("2025-04-16T09:00")
