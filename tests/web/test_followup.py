"""After a change, the follow-up engine looks at the task again at the right moment."""

from __future__ import annotations

import pytest

from dondoc.db import transaction
from tasks_catalog import lifecycle
from tests.lifecycle.world import PLAN, SNV_STAFF, VP_COORDINATOR, find_task, local, plan_world
from web.followup import reschedule


@pytest.fixture
def session(engine, calendar, tmp_path):
    plan_world(engine, calendar, tmp_path)
    with transaction(engine) as session:
        yield session


def test_a_returned_task_is_followed_again_from_now_on_not_from_the_past(session, calendar):
    task = find_task(session, PLAN)
    now = local("2025-03-26T10:00")  # after the reminders of 20/3 and 26/3 07:30
    lifecycle.confirm_done(session=session, task=task, actor=SNV_STAFF, note=None, now=now)
    reschedule(session=session, task=task, calendar=calendar, now=now)
    assert task.next_action_at is None  # submitted: no reminders
    lifecycle.return_for_rework(
        session=session, task=task, actor=VP_COORDINATOR, reason="Thiếu phụ lục", now=now
    )
    reschedule(session=session, task=task, calendar=calendar, now=now)
    assert task.next_action_at == local("2025-03-28T07:30")  # 1 working day before 31/3


def test_a_reminder_due_a_moment_ago_but_not_yet_swept_is_still_sent(session, calendar):
    task = find_task(session, PLAN)
    task.next_action_at = local("2025-03-20T07:30")  # the sweep has not run since 07:30
    now = local("2025-03-20T07:32")
    lifecycle.record_progress(
        session=session, task=task, actor=SNV_STAFF, note="Đang làm", percent=None, now=now
    )
    reschedule(session=session, task=task, calendar=calendar, now=now)
    assert task.next_action_at == local("2025-03-20T07:30")
