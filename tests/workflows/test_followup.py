"""After a change, the follow-up engine looks at the task again from now on, never back.

The tests run the engine's mornings (sweep, then delivery over SMTP to the mail catcher)
and read what was e-mailed about the task from each message's `X-Dondoc-Items`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from dondoc.db import session_factory, transaction
from notifications.delivery import DeliverySettings, deliver
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog import lifecycle
from tasks_catalog.catalogue.service import load_paths
from tests.helpers import edit
from tests.lifecycle.world import (
    PLAN,
    SNV_HEAD,
    SNV_STAFF,
    VP_COORDINATOR,
    find_task,
    local,
    plan_world,
)
from workflows.followup import reschedule
from workflows.plan_and_schedule import plan_and_schedule
from workflows.sweep import sweep

SETTINGS = DeliverySettings(
    "Dondoc <d@hoabinh.example>", "http://x.example", LinkSigner(b"k" * 32), "followup-test"
)


@pytest.fixture
def world(engine, calendar, tmp_path):  # noqa: ANN001, ANN201
    return plan_world(engine, calendar, tmp_path)


@pytest.fixture
def session(world):  # noqa: ANN001, ANN201
    with transaction(world) as session:
        yield session


@pytest.fixture
def catcher(tmp_path) -> Iterator[MailCatcher]:  # noqa: ANN001
    with MailCatcher(tmp_path / "mail") as catcher:
        yield catcher


def mornings(engine, catcher, calendar, first: date, last: date) -> None:  # noqa: ANN001
    """What the scheduler does at 07:30 every day: sweep, then deliver."""
    smtp = SmtpSettings.from_url(catcher.url)
    day = first
    while day <= last:
        at = local(f"{day.isoformat()}T07:30")
        with transaction(engine) as session:
            sweep(session, now=at, calendar=calendar)
        deliver(
            session_factory(engine), now=at, settings=SETTINGS,
            email_transport=lambda: SmtpTransport(smtp),
        )  # fmt: skip
        day += timedelta(days=1)


def emailed_steps(catcher: MailCatcher, task_id: int) -> list[tuple[str, str]]:
    """(day, step) of every e-mail that carried the task, in the order they were sent."""
    seen = []
    for mail in list_messages(catcher.directory):
        message = read_message(catcher.directory, mail.id)
        day = message["Date"].datetime.strftime("%d/%m")
        for item in message["X-Dondoc-Items"].split(", "):
            task, step = item.split(":")
            if int(task) == task_id and (day, step) not in seen:
                seen.append((day, step))
    return seen


def test_an_extension_mid_life_restarts_the_reminders_without_going_back(world, catcher, calendar):
    mornings(world, catcher, calendar, date(2025, 3, 20), date(2025, 3, 27))
    with transaction(world) as session:
        task = find_task(session, PLAN)
        now = local("2025-03-27T14:00")
        request = lifecycle.request_extension(
            session=session, task=task, actor=SNV_HEAD, proposed_due=date(2025, 4, 15),
            reason="Chờ ý kiến Bộ Nội vụ", now=now,
        )  # fmt: skip
        lifecycle.approve_extension(
            session=session, request=request, actor=VP_COORDINATOR, now=now, calendar=calendar
        )
        reschedule(session=session, tasks=[task], calendar=calendar, now=now)
        task_id = task.id
    mornings(world, catcher, calendar, date(2025, 3, 28), date(2025, 4, 3))
    # Not the progress request of the cut-off 14/3, which the new due date brings into the
    # timeline: 7 working days before 15/4 (7/4 is Giỗ Tổ) comes next.
    assert emailed_steps(catcher, task_id) == [
        ("20/03", "before-7"),
        ("26/03", "before-3"),
        ("03/04", "before-7"),
    ]


def test_a_due_date_moved_by_the_catalogue_mid_life_sends_nothing_from_before(
    world, catcher, calendar, tmp_path
):
    mornings(world, catcher, calendar, date(2025, 3, 20), date(2025, 3, 27))
    catalogue = tmp_path / "catalogue"
    edit(catalogue / "nghi-quyet.yaml", "{once: 2025-03-31}", "{once: 2025-06-30}")
    with transaction(world) as session:
        now = local("2025-03-27T10:00")
        load_paths(session, [catalogue], calendar, now)
        report = plan_and_schedule(session, year=2025, calendar=calendar, now=now)
        assert report.moved["99/NQ-HĐND"] == 2
        task_id = find_task(session, PLAN).id
    mornings(world, catcher, calendar, date(2025, 3, 28), date(2025, 4, 30))
    assert emailed_steps(catcher, task_id) == [("20/03", "before-7"), ("26/03", "before-3")]


def test_a_returned_task_is_followed_again_from_now_on_not_from_the_past(session, calendar):
    task = find_task(session, PLAN)
    now = local("2025-03-26T10:00")  # after the reminders of 20/3 and 26/3 07:30
    lifecycle.confirm_done(session=session, task=task, actor=SNV_STAFF, note=None, now=now)
    reschedule(session=session, tasks=[task], calendar=calendar, now=now)
    assert task.next_action_at is None  # submitted: no reminders
    lifecycle.return_for_rework(
        session=session, task=task, actor=VP_COORDINATOR, reason="Thiếu phụ lục", now=now
    )
    reschedule(session=session, tasks=[task], calendar=calendar, now=now)
    assert task.next_action_at == local("2025-03-28T07:30")  # 1 working day before 31/3


def test_a_reminder_due_a_moment_ago_but_not_yet_swept_is_still_sent(session, calendar):
    task = find_task(session, PLAN)
    task.next_action_at = local("2025-03-20T07:30")  # the sweep has not run since 07:30
    now = local("2025-03-20T07:32")
    lifecycle.record_progress(
        session=session, task=task, actor=SNV_STAFF, note="Đang làm", percent=None, now=now
    )
    reschedule(session=session, tasks=[task], calendar=calendar, now=now)
    assert task.next_action_at == local("2025-03-20T07:30")
