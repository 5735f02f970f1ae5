"""An extension to 31/12/9999 (a typing slip that would silence a task for good) is refused."""

from __future__ import annotations

from datetime import date

import pytest

from tasks_catalog.lifecycle import TransitionRefused
from tests.lifecycle.test_lifecycle_extensions import ask, grant, pending_request
from tests.lifecycle.world import PLAN, find_task


def test_an_extension_to_the_year_9999_is_refused_with_the_latest_date_allowed(session):
    task = find_task(session, PLAN)
    with pytest.raises(TransitionRefused, match=r"31/12/9999.*(hết hiệu lực|tối đa 2 năm)"):
        ask(session, task, date(9999, 12, 31))
    assert task.extension_count == 0


def test_an_extension_past_the_obligations_validity_is_refused(session):
    task = find_task(session, PLAN)
    until = task.obligation.valid_until
    assert until is not None
    with pytest.raises(TransitionRefused, match="hết hiệu lực"):
        ask(session, task, date(until.year + 1, 1, 5))


def test_an_approval_cannot_grant_what_a_request_could_not_ask(session, calendar):
    task = find_task(session, PLAN)
    request = pending_request(task, date(9999, 12, 31), "Chờ")
    session.add(request)
    session.flush()
    with pytest.raises(TransitionRefused, match="31/12/9999"):
        grant(session, request, calendar)
    assert task.due_on == date(2025, 3, 31)
