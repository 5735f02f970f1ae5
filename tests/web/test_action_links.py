"""Action links: GET asks, POST acts once, with CSRF, for the owner only."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dondoc.db import session_factory, transaction
from notifications.delivery import DeliverySettings, deliver
from notifications.links import CONFIRM_DONE, REPORT_PROGRESS, REQUEST_EXTENSION, VIEW
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.models import Notification
from notifications.outbox import enqueue
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog import lifecycle
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.models import AssignmentRole, Task, TaskStatus
from tasks_catalog.models_lifecycle import ExtensionRequest, ExtensionState, UsedLink
from tests.helpers import snapshot
from tests.lifecycle.world import PLAN, SNV_HEAD, SNV_STAFF, VP_CHIEF, VP_COORDINATOR, local
from tests.web.support import csrf_of
from web.actions import token_hash
from workflows.followup import reschedule
from workflows.sweep import sweep

USED = "Liên kết đã được dùng"


def task_row(web, task_id: int) -> Task:  # noqa: ANN001
    with transaction(web.engine) as session:
        task = session.get(Task, task_id)
        session.expunge(task)
        return task


def approve_pending(web, task_id: int) -> None:  # noqa: ANN001
    """What the coordination office will do from its dashboard: grant the request."""
    with transaction(web.engine) as session:
        request = session.scalars(
            select(ExtensionRequest).where(
                ExtensionRequest.task_id == task_id,
                ExtensionRequest.state == ExtensionState.PENDING,
            )
        ).one()
        calendar = load_calendar(session)
        lifecycle.approve_extension(
            session=session, request=request, actor=VP_COORDINATOR, now=web.clock.now,
            calendar=calendar,
        )  # fmt: skip
        reschedule(session=session, tasks=[request.task], calendar=calendar, now=web.clock.now)


# --- GET never acts -----------------------------------------------------------------------


def test_opening_an_action_link_shows_a_form_and_changes_nothing(web):
    path = web.link(CONFIRM_DONE, web.task_id(), SNV_STAFF)
    before = snapshot(web.engine)
    for _ in range(3):  # a mail scanner, Safe Links, then the person
        response = web.client.get(path)
        assert response.status_code == 200
    assert snapshot(web.engine) == before
    assert '<form method="post"' in response.text and "Xác nhận hoàn thành" in response.text
    assert "<script" not in response.text
    cookie = response.headers["set-cookie"]
    assert "dondoc_csrf=" in cookie and "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower() and "Path=/a/" in cookie
    assert response.headers["cache-control"] == "no-store"


# --- CSRF ---------------------------------------------------------------------------------


def test_a_post_without_the_csrf_field_is_refused_and_the_link_still_works(web):
    task_id = web.task_id()
    path = web.link(CONFIRM_DONE, task_id, SNV_STAFF)
    web.client.get(path)
    before = snapshot(web.engine)
    response = web.client.post(path, data={"note": "Xong"})
    assert response.status_code == 403 and "Biểu mẫu đã hết hạn hoặc không hợp lệ" in response.text
    assert snapshot(web.engine) == before
    assert web.submit(path).status_code == 200  # the link was not spent


def test_a_csrf_token_from_another_link_is_refused(web):
    task_id = web.task_id()
    progress = web.link(REPORT_PROGRESS, task_id, SNV_STAFF)
    done = web.link(CONFIRM_DONE, task_id, SNV_STAFF)
    other = web.open_form(progress)
    web.client.get(done)
    assert web.client.post(done, data={"csrf": other}).status_code == 403
    assert task_row(web, task_id).status == TaskStatus.NOT_STARTED


def test_a_csrf_token_without_its_cookie_is_refused(web):
    path = web.link(CONFIRM_DONE, web.task_id(), SNV_STAFF)
    token = web.open_form(path)
    stranger = TestClient(web.client.app)  # another browser: no cookie
    assert stranger.post(path, data={"csrf": token}).status_code == 403


@pytest.mark.parametrize("mangle", ["tail", "time", "garbage"])
def test_a_forged_or_stale_csrf_token_is_refused(web, mangle):
    path = web.link(CONFIRM_DONE, web.task_id(), SNV_STAFF)
    token = web.open_form(path)
    issued, mac = token.split(".")
    forged = {
        "tail": f"{issued}.{mac[:-1]}{'0' if mac[-1] != '0' else '1'}",
        "time": f"{int(issued) + 60}.{mac}",
        "garbage": "not-a-token",
    }[mangle]
    assert web.client.post(path, data={"csrf": forged}).status_code == 403


def test_a_form_left_open_more_than_twelve_hours_is_refused(web):
    path = web.link(CONFIRM_DONE, web.task_id(), SNV_STAFF)
    token = web.open_form(path)
    web.clock.now += timedelta(hours=13)
    assert web.client.post(path, data={"csrf": token}).status_code == 403


# --- confirm done, single use ---------------------------------------------------------------


def test_confirming_done_submits_the_task_and_stops_the_reminders(web):
    task_id = web.task_id()
    assert task_row(web, task_id).next_action_at is not None
    response = web.submit(web.link(CONFIRM_DONE, task_id, SNV_STAFF), note="Kế hoạch 12/KH-SNV")
    assert response.status_code == 200
    assert "Đã ghi nhận báo cáo hoàn thành" in response.text and "Chờ duyệt" in response.text
    task = task_row(web, task_id)
    assert task.status == TaskStatus.SUBMITTED and task.next_action_at is None
    view = web.client.get(response.text.split('<a href="')[1].split('"')[0].replace("&amp;", "&"))
    assert view.status_code == 200 and "Kế hoạch 12/KH-SNV" in view.text


def test_an_action_link_works_once(web):
    task_id = web.task_id()
    path = web.link(REPORT_PROGRESS, task_id, SNV_STAFF)
    csrf = web.open_form(path)
    assert web.client.post(path, data={"csrf": csrf, "note": "Lần 1"}).status_code == 200
    again = web.client.post(path, data={"csrf": csrf, "note": "Lần 2"})
    assert again.status_code == 409 and USED in again.text
    reopened = web.client.get(path)
    assert reopened.status_code == 409 and USED in reopened.text
    with transaction(web.engine) as session:
        used = session.scalars(select(UsedLink)).all()
        assert [(u.purpose, u.task_id, u.recipient) for u in used] == [
            (REPORT_PROGRESS, task_id, SNV_STAFF)
        ]
        assert used[0].token_hash == token_hash(path.rsplit("/", 1)[1])


def progress_link_emailed(web, directory: Path, task_id: int, now: datetime) -> str:  # noqa: ANN001
    """Deliver what is queued over SMTP; the "Báo cáo tiến độ" link of the task to SNV_STAFF."""
    settings = DeliverySettings("Dondoc <d@hoabinh.example>", "http://testserver", web.signer, "t")
    with MailCatcher(directory) as catcher:
        smtp = SmtpSettings.from_url(catcher.url)
        deliver(
            session_factory(web.engine), now=now, settings=settings,
            email_transport=lambda: SmtpTransport(smtp),
        )  # fmt: skip
    [mail] = [m for m in list_messages(directory) if m.recipients == (SNV_STAFF,)]
    body = read_message(directory, mail.id).get_body(("html",)).get_content()
    links = [html.unescape(u) for u in re.findall(r'href="([^"]+/a/report_progress/[^"]+)"', body)]
    token = {u: u.rsplit("/", 1)[1] for u in links}
    return next(
        u for u, t in token.items() if web.signer.verify(t, REPORT_PROGRESS, now).task_id == task_id
    )


def queue_another_step(web, task_id: int, step: str, now: datetime) -> None:  # noqa: ANN001
    """A second notification about the task for SNV_STAFF, as a later run the same day makes."""
    with transaction(web.engine) as session:
        first = session.scalars(
            select(Notification).where(
                Notification.task_id == task_id, Notification.recipient == SNV_STAFF
            )
        ).first()
        enqueue(
            session,
            [
                {
                    "key": f"{first.key}/{step}", "task_id": task_id, "channel": first.channel,
                    "recipient": SNV_STAFF, "recipient_name": first.recipient_name,
                    "kind": "status_request", "step": step, "created_at": now,
                    "payload": {**first.payload, "kind": "status_request", "step": step},
                    "next_attempt_at": now,
                }
            ],
        )  # fmt: skip


def test_two_e_mails_the_same_day_carry_links_each_used_once(web, calendar, tmp_path):
    task_id = web.task_id()
    with transaction(web.engine) as session:
        sweep(session, now=local("2025-03-20T07:30"), calendar=calendar)
    morning = progress_link_emailed(web, tmp_path / "morning", task_id, local("2025-03-20T07:31"))
    queue_another_step(web, task_id, "progress-2025-Q1", local("2025-03-20T14:00"))
    afternoon = progress_link_emailed(web, tmp_path / "later", task_id, local("2025-03-20T14:01"))

    assert web.submit(morning, note="Đã lấy ý kiến các sở").status_code == 200
    opened = web.client.get(afternoon)  # the other e-mail's link is not spent
    assert opened.status_code == 200, opened.text
    assert web.submit(afternoon, note="Đã trình dự thảo").status_code == 200
    for spent in (morning, afternoon):
        again = web.client.get(spent)
        assert again.status_code == 409 and USED in again.text


def test_the_database_refuses_to_record_a_link_twice(web):
    task_id = web.task_id()
    with pytest.raises(IntegrityError), transaction(web.engine) as session:
        for _ in range(2):
            session.add(
                UsedLink(
                    token_hash="0" * 64, purpose=CONFIRM_DONE, task_id=task_id,
                    recipient=SNV_STAFF, used_at=web.clock.now,
                )
            )  # fmt: skip
            session.flush()


# --- progress -------------------------------------------------------------------------------


def test_a_progress_report_is_kept_and_shown_on_the_task_page(web):
    task_id = web.task_id()
    response = web.submit(
        web.link(REPORT_PROGRESS, task_id, SNV_STAFF), note="Đã xin ý kiến các sở", percent="60"
    )
    assert response.status_code == 200 and "Đã ghi nhận báo cáo tiến độ" in response.text
    assert task_row(web, task_id).status == TaskStatus.IN_PROGRESS
    page = web.view(task_id, VP_COORDINATOR).text
    assert "Đã xin ý kiến các sở" in page and "(60%)" in page and SNV_STAFF in page


def test_a_mistake_in_the_form_is_shown_and_the_link_is_not_spent(web):
    task_id = web.task_id()
    path = web.link(REPORT_PROGRESS, task_id, SNV_STAFF)
    csrf = web.open_form(path)
    bad = web.client.post(path, data={"csrf": csrf, "note": "Ổn", "percent": "120"})
    assert bad.status_code == 422 and "Tỷ lệ hoàn thành phải từ 0 đến 100%." in bad.text
    assert 'value="120"' in bad.text  # what was typed is kept
    good = web.client.post(path, data={"csrf": csrf_of(bad.text), "note": "Ổn", "percent": "100"})
    assert good.status_code == 200


def test_a_cooperating_agency_may_report_progress_but_not_confirm_done(web):
    task_id = web.task_id(PLAN, "HB-VP", AssignmentRole.COOPERATING)
    confirm = web.client.get(web.link(CONFIRM_DONE, task_id, VP_CHIEF))
    assert confirm.status_code == 403 and "Chỉ cơ quan chủ trì" in confirm.text
    extension = web.client.get(web.link(REQUEST_EXTENSION, task_id, VP_CHIEF))
    assert extension.status_code == 403
    progress = web.submit(web.link(REPORT_PROGRESS, task_id, VP_CHIEF), note="Đã góp ý dự thảo")
    assert progress.status_code == 200
    assert task_row(web, task_id).status == TaskStatus.IN_PROGRESS


def test_someone_told_in_copy_cannot_act_on_another_agencys_task(web):
    path = web.link(CONFIRM_DONE, web.task_id(), VP_COORDINATOR)
    response = web.client.get(path)
    assert response.status_code == 403
    assert "Chỉ cán bộ của cơ quan được giao nhiệm vụ" in response.text


# --- extensions -------------------------------------------------------------------------------


def test_an_extension_request_waits_and_once_granted_moves_the_due_date(web):
    task_id = web.task_id()
    before = task_row(web, task_id).next_action_at
    response = web.submit(
        web.link(REQUEST_EXTENSION, task_id, SNV_HEAD),
        proposed_due="2025-04-15",
        reason="Chờ ý kiến Bộ Nội vụ",
    )
    assert response.status_code == 200 and "Đã gửi đề nghị gia hạn đến 15/04/2025" in response.text
    assert task_row(web, task_id).due_on == date(2025, 3, 31)
    assert "Đang chờ duyệt: đến 15/04/2025" in web.view(task_id, SNV_HEAD).text

    approve_pending(web, task_id)
    task = task_row(web, task_id)
    assert (task.due_on, task.original_due_on, task.extension_count) == (
        date(2025, 4, 15),
        date(2025, 3, 31),
        1,
    )
    # Reminders restart from the new due date: 7 working days before 15/4 (7/4 is Giỗ Tổ).
    assert task.next_action_at == local("2025-04-03T07:30") and task.next_action_at > before
    page = web.view(task_id, SNV_HEAD).text
    assert "thời hạn ban đầu 31/03/2025; đã gia hạn 1 lần" in page
    assert "<td>Gia hạn</td><td>31/03/2025</td><td>15/04/2025</td>" in page
    assert "Chờ ý kiến Bộ Nội vụ" in page


def test_a_third_extension_is_refused_on_the_form(web):
    task_id = web.task_id()
    for due in ("2025-04-15", "2025-05-15"):
        ok = web.submit(
            web.link(REQUEST_EXTENSION, task_id, SNV_HEAD), proposed_due=due, reason="Lý do"
        )
        assert ok.status_code == 200
        approve_pending(web, task_id)
    third = web.submit(
        web.link(REQUEST_EXTENSION, task_id, SNV_HEAD), proposed_due="2025-06-16", reason="Lý do"
    )
    assert third.status_code == 422
    assert "Nhiệm vụ đã được gia hạn 2 lần, không thể gia hạn thêm." in third.text
    task = task_row(web, task_id)
    assert (task.due_on, task.original_due_on, task.extension_count) == (
        date(2025, 5, 15),
        date(2025, 3, 31),
        2,
    )


@pytest.mark.parametrize(
    ("proposed", "message"),
    [
        ("2025-03-28", "Thời hạn đề nghị phải sau thời hạn hiện tại (31/03/2025)."),
        ("ngày mai", "Xin nhập thời hạn đề nghị là một ngày hợp lệ"),
    ],
)
def test_an_extension_needs_a_later_valid_date(web, proposed, message):
    path = web.link(REQUEST_EXTENSION, web.task_id(), SNV_HEAD)
    response = web.submit(path, proposed_due=proposed, reason="Lý do")
    assert response.status_code == 422 and message in response.text
    again = web.submit(path, proposed_due="15/04/2025", reason="Lý do")  # DD/MM/YYYY works too
    assert again.status_code == 200


# --- bad links --------------------------------------------------------------------------------


def test_an_expired_action_link_is_refused_on_get_and_post(web):
    path = web.link(
        CONFIRM_DONE, web.task_id(), SNV_STAFF, expires_at=web.clock.now - timedelta(seconds=1)
    )
    for response in (web.client.get(path), web.client.post(path, data={"csrf": "x"})):
        assert response.status_code == 400 and "Liên kết đã hết hạn" in response.text


def test_a_tampered_action_link_is_refused(web):
    path = web.link(CONFIRM_DONE, web.task_id(), SNV_STAFF)
    tampered = path[:-2] + ("AA" if not path.endswith("AA") else "BB")
    response = web.client.get(tampered)
    assert response.status_code == 400 and "không hợp lệ hoặc đã bị thay đổi" in response.text


def test_a_progress_link_cannot_confirm_done(web):
    task_id = web.task_id()
    token = web.link(REPORT_PROGRESS, task_id, SNV_STAFF).rsplit("/", 1)[1]
    response = web.client.get(f"/a/{CONFIRM_DONE}/{token}")
    assert response.status_code == 400 and "không dùng cho thao tác này" in response.text
    response = web.client.post(f"/a/{CONFIRM_DONE}/{token}", data={"csrf": "x"})
    assert response.status_code == 400
    assert task_row(web, task_id).status == TaskStatus.NOT_STARTED


def test_view_is_not_an_action(web):
    token = web.link(VIEW, web.task_id(), SNV_STAFF).split("?t=")[1]
    assert web.client.get(f"/a/{VIEW}/{token}").status_code == 404
    assert web.client.get(f"/a/delete/{token}").status_code == 404
