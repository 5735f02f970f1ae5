"""A mail outage never parks the outbox: rows wait, the office is told once, all go after.

A real SMTP server (aiosmtpd on loopback) is stopped for a simulated week of hourly
deliveries, then started again on the same port: every notification is delivered, none
is `failed`, and the log carries exactly one warning that mail is not going out.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from dondoc.cli import app
from notifications.delivery import backoff, deliver
from notifications.models import MailOutage, Notification, NotificationState
from tests.notifications.conftest import MORNING
from tests.notifications.smtp_servers import Recorder, free_port
from tests.notifications.test_delivery import SETTINGS, queued, states, transport_to  # noqa: F401

NOT_GOING_OUT = "mail is not going out"


def _hourly(sessions, url: str, start, hours: int) -> None:  # noqa: ANN001
    for hour in range(hours):
        deliver(
            sessions,
            now=start + timedelta(hours=hour),
            settings=SETTINGS,
            email_transport=transport_to(url),
        )


def test_a_week_without_the_mail_server_loses_nothing_and_warns_once(
    queued,  # noqa: F811
    servers,
    caplog,
) -> None:
    port = free_port()
    url = f"smtp://127.0.0.1:{port}"
    first = servers.start(Recorder(), port=port)
    servers.stop(first)  # the server goes away before the morning's delivery
    caplog.set_level(logging.WARNING, logger="dondoc.mail")
    week = 7 * 24
    _hourly(queued, url, MORNING, week)
    assert states(queued) == {"pending": 7}
    with queued() as session:
        [outage] = session.scalars(select(MailOutage)).all()
        assert outage.ended_at is None and outage.failures == week
        attempts = {n.attempts for n in session.scalars(select(Notification))}
        assert max(attempts) <= week and min(attempts) > 8  # tried on, never parked
    recorder = Recorder()
    servers.start(recorder, port=port)
    _hourly(queued, url, MORNING + timedelta(hours=week), 2)
    assert states(queued) == {"sent": 7}
    with queued() as session:
        people = {n.recipient for n in session.scalars(select(Notification))}
        assert session.scalars(select(MailOutage)).one().ended_at is not None
    assert {r for _, rcpts, _ in recorder.envelopes for r in rcpts} == people
    warnings = [r for r in caplog.records if NOT_GOING_OUT in r.getMessage()]
    assert len(warnings) == 1


def test_a_server_answering_451_for_a_day_defers_but_never_parks(queued, servers) -> None:  # noqa: F811
    port = free_port()
    url = f"smtp://127.0.0.1:{port}"
    busy = servers.start(Recorder(mail_reply="451 4.3.0 try again later"), port=port)
    _hourly(queued, url, MORNING, 24)
    assert states(queued) == {"pending": 7}
    servers.stop(busy)
    servers.start(Recorder(), port=port)
    _hourly(queued, url, MORNING + timedelta(hours=24), 2)
    assert states(queued) == {"sent": 7}


def test_a_permanent_refusal_of_the_recipient_still_parks(queued, servers) -> None:  # noqa: F811
    with queued() as session:
        people = sorted({n.recipient for n in session.scalars(select(Notification))})
    refused = {people[0]: "550 5.1.1 no such user"}
    server = servers.start(Recorder(refuse=refused))
    _hourly(queued, f"smtp://127.0.0.1:{server.port}", MORNING, 1)
    with queued() as session:
        rows = session.scalars(select(Notification)).all()
        assert {n.state for n in rows if n.recipient == people[0]} == {NotificationState.FAILED}
        assert {n.state for n in rows if n.recipient != people[0]} == {NotificationState.SENT}


def test_backoff_stops_at_its_ceiling() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert backoff(10) == backoff(10_000) == timedelta(hours=1)


@pytest.fixture
def failed_in_cli(queued, monkeypatch):  # noqa: ANN001, ANN201, F811
    engine = queued.kw["bind"]
    monkeypatch.setenv("DONDOC_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    with queued.begin() as session:
        session.execute(update(Notification).values(state=NotificationState.FAILED, attempts=8))
    return queued


def test_outbox_retry_all_takes_now(failed_in_cli) -> None:
    result = CliRunner().invoke(
        app, ["outbox", "retry", "--all", "--state", "failed", "--now", "2025-03-21T08:00"]
    )
    assert result.exit_code == 0, result.output
    assert "7 thông báo" in result.output
    with failed_in_cli() as session:
        rows = session.scalars(select(Notification)).all()
        assert {n.state for n in rows} == {NotificationState.PENDING}
        assert {n.next_attempt_at.isoformat() for n in rows} == {"2025-03-21T01:00:00+00:00"}


def test_outbox_retry_of_one_key_takes_now(failed_in_cli) -> None:
    with failed_in_cli() as session:
        key = session.scalars(select(Notification.key)).first()
    result = CliRunner().invoke(app, ["outbox", "retry", key, "--now", "2025-03-21T08:00"])
    assert result.exit_code == 0, result.output
    with failed_in_cli() as session:
        row = session.scalars(select(Notification).where(Notification.key == key)).one()
        assert row.state == NotificationState.PENDING
        assert row.next_attempt_at.isoformat() == "2025-03-21T01:00:00+00:00"
