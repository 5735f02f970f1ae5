"""Delivery through a real SMTP server on loopback: once, to the right person, or parked."""

from __future__ import annotations

import socket
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select, update

from dondoc.db import session_factory
from notifications.delivery import DeliverySettings, claim, deliver
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.models import Notification, NotificationState
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.models import Task, TaskStatus
from tests.notifications.conftest import MORNING
from tests.notifications.smtp_servers import Recorder

SETTINGS = DeliverySettings(
    sender="Dondoc <dondoc@hoabinh.example>",
    base_url="https://dondoc.hoabinh.example",
    signer=LinkSigner(b"k" * 32),
    worker="test-worker",
    lease=timedelta(minutes=10),
)


@pytest.fixture
def queued(swept):  # noqa: ANN001, ANN201
    """Sessions on the database swept on the morning of 20/3 (see conftest)."""
    return session_factory(swept)


@pytest.fixture
def catcher(tmp_path):
    with MailCatcher(tmp_path / "mail") as running:
        yield running


def transport_to(url: str):  # noqa: ANN201
    return lambda: SmtpTransport(SmtpSettings.from_url(url))


def states(sessions) -> dict[str, int]:  # noqa: ANN001
    with sessions() as session:
        rows = session.scalars(select(Notification)).all()
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.state.value] = counts.get(row.state.value, 0) + 1
        return counts


def test_each_person_gets_one_digest_with_all_their_items(queued, catcher):
    with queued() as session:
        people = {n.recipient for n in session.scalars(select(Notification))}
        total = len(session.scalars(select(Notification)).all())
    report = deliver(
        queued, now=MORNING, settings=SETTINGS, email_transport=transport_to(catcher.url)
    )
    mails = list_messages(catcher.directory)
    assert report.messages == len(mails) == len(people)
    assert report.notifications == total and states(queued) == {"sent": total}
    assert sorted(r for m in mails for r in m.recipients) == sorted(people)
    head = next(m for m in mails if m.recipients == ("giamdoc@snv.hoabinh.example",))
    message = read_message(catcher.directory, head.id)
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "99/NQ-HĐND" in text and "Điều 3, khoản 1" in text and "31/03/2025" in text
    # The quarterly report due 19/03, caught up on 20/03: a day late, said as such.
    assert message["Subject"] == "[Quá hạn] 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn"
    assert "Thời hạn:   19/03/2025, quá hạn 1 ngày làm việc" in text


def test_a_progress_request_says_which_quarter_to_report_and_by_when(queued, catcher):
    # VP's head: the 2025 target's progress request at the cut-off of 14/3, swept on 20/3.
    deliver(queued, now=MORNING, settings=SETTINGS, email_transport=transport_to(catcher.url))
    mail = next(
        m
        for m in list_messages(catcher.directory)
        if m.recipients == ("chanhvp@vp.hoabinh.example",)
    )
    message = read_message(catcher.directory, mail.id)
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for body in (text, html):
        assert "Báo cáo tiến độ Quý I/2025: số liệu tính đến 14/03/2025, hạn gửi 21/03/2025" in body
    assert message["Subject"].startswith("[Nhắc việc]")  # the reminder is the more urgent


def test_rows_queued_before_report_periods_existed_are_still_delivered(queued, catcher):
    with queued.begin() as session:
        for row in session.scalars(select(Notification)):
            row.payload = {
                k: v for k, v in row.payload.items() if k not in ("report_period", "report_due")
            }
    report = deliver(
        queued, now=MORNING, settings=SETTINGS, email_transport=transport_to(catcher.url)
    )
    assert report.failed == 0 and states(queued) == {"sent": report.notifications}
    assert report.messages == len(list_messages(catcher.directory)) > 0


def test_a_second_delivery_sends_nothing(queued, catcher):
    deliver(queued, now=MORNING, settings=SETTINGS, email_transport=transport_to(catcher.url))
    again = deliver(
        queued,
        now=MORNING + timedelta(minutes=5),
        settings=SETTINGS,
        email_transport=transport_to(catcher.url),
    )
    assert again.messages == 0


def test_an_unreachable_server_loses_nothing_and_retries_with_backoff(queued, tmp_path):
    catcher = MailCatcher(tmp_path / "later")
    port = catcher.start()
    catcher.stop()  # nothing listens on this port now
    down = deliver(
        queued,
        now=MORNING,
        settings=SETTINGS,
        email_transport=transport_to(f"smtp://127.0.0.1:{port}?timeout=1"),
    )
    assert down.messages == 0 and down.retrying > 0 and set(states(queued)) == {"pending"}
    with queued() as session:
        row = session.scalars(select(Notification)).first()
        assert row.attempts == 1 and row.next_attempt_at == MORNING + timedelta(minutes=1)
        assert "127.0.0.1" in row.last_error
    too_early = deliver(
        queued,
        now=MORNING + timedelta(seconds=30),
        settings=SETTINGS,
        email_transport=transport_to(f"smtp://127.0.0.1:{port}"),
    )
    assert too_early.messages == 0
    with MailCatcher(tmp_path / "later", port=port) as back:
        later = deliver(
            queued,
            now=MORNING + timedelta(minutes=2),
            settings=SETTINGS,
            email_transport=transport_to(back.url),
        )
    assert later.messages > 0 and set(states(queued)) == {"sent"}


class Rejecting:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001, ANN201, N802
        return "550 5.1.1 Người nhận không tồn tại"


@contextmanager
def rejecting_server():  # noqa: ANN201
    with socket.socket() as probe:  # aiosmtpd needs a real port to check it is up
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Rejecting(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()


def test_a_rejected_address_is_parked_as_failed_with_its_error(queued):
    with rejecting_server() as url:
        report = deliver(queued, now=MORNING, settings=SETTINGS, email_transport=transport_to(url))
    assert report.failed > 0 and set(states(queued)) == {"failed"}
    with queued() as session:
        row = session.scalars(select(Notification)).first()
        assert "550" in row.last_error


def test_a_task_finished_before_delivery_sends_nothing(queued, catcher):
    with queued.begin() as session:
        session.execute(update(Task).values(status=TaskStatus.DONE))
    report = deliver(
        queued, now=MORNING, settings=SETTINGS, email_transport=transport_to(catcher.url)
    )
    assert report.messages == 0 and set(states(queued)) == {"cancelled"}


def test_a_claim_abandoned_by_a_dead_deliverer_is_sent_later_with_the_same_message_id(
    queued, catcher
):
    dead = DeliverySettings(**{**SETTINGS.__dict__, "worker": "dead-worker"})
    with queued.begin() as session:
        claimed = claim(session, now=MORNING, settings=dead)
    first_ids = {c.message_id for c in claimed}
    report = deliver(
        queued,
        now=MORNING + timedelta(minutes=1),
        settings=SETTINGS,
        email_transport=transport_to(catcher.url),
    )
    assert report.messages == 0  # the claim is still someone else's
    report = deliver(
        queued,
        now=MORNING + timedelta(minutes=11),
        settings=SETTINGS,
        email_transport=transport_to(catcher.url),
    )
    assert report.messages == len(first_ids)
    assert {m.message_id for m in list_messages(catcher.directory)} == first_ids


def test_a_message_that_cannot_be_built_is_parked_not_lost(queued, catcher):
    with queued.begin() as session:
        session.execute(update(Notification).values(payload={"kind": "reminder"}))
    report = deliver(
        queued, now=MORNING, settings=SETTINGS, email_transport=transport_to(catcher.url)
    )
    assert report.messages == 0 and set(states(queued)) == {"failed"}
    with queued() as session:
        assert "không tạo được thư" in session.scalars(select(Notification)).first().last_error
    assert list_messages(catcher.directory) == []


def test_the_morning_sweep_queued_one_row_per_person_and_item(queued):
    # KEHOACH before-7: SNV's assignee and head, VP's head (cooperating, no assignee);
    # the quarterly report (first seen now, so only its latest step, due-day 19/3): SNV's
    # two people and STP's one; the 2025 target's progress request (14/3) to VP's head.
    assert states(queued) == {NotificationState.PENDING.value: 7}


def test_several_connections_share_the_people_and_each_gets_one_digest(queued, servers):
    recorder = Recorder()
    server = servers.start(recorder)
    url = f"smtp://127.0.0.1:{server.port}?connections=3"
    with queued() as session:
        people = {n.recipient for n in session.scalars(select(Notification))}
        total = len(session.scalars(select(Notification)).all())
    settings = replace(SETTINGS, connections=SmtpSettings.from_url(url).connections)

    report = deliver(queued, now=MORNING, settings=settings, email_transport=transport_to(url))

    assert len(set(recorder.ehlo_peers)) == 3  # three connections, one EHLO each
    envelopes = sorted(rcpt for _, rcpts, _ in recorder.envelopes for rcpt in rcpts)
    assert envelopes == sorted(people) and report.messages == len(people)
    assert states(queued) == {"sent": total}
