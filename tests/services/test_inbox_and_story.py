"""The office's inbox (oldest first, only what the actor decides) and a task's story."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from dondoc.db import transaction
from services import decisions
from services.inbox import count_waiting, waiting
from services.story import task_story
from tasks_catalog.calendar import WorkCalendar
from tests.lifecycle.world import PLAN
from tests.services.factories import (
    CHIEF,
    COORDINATOR,
    LEADER,
    SNV_HEAD,
    STP_HEAD,
    actor,
    at,
    decide,
    plan_task_id,
)

REPORT = "HB99-D3.2-BAOCAO"  # quarterly; Sở Tư pháp among the leads


def test_the_inbox_lists_what_waits_oldest_first(world: Engine) -> None:
    plan = plan_task_id(world)
    report = plan_task_id(world, REPORT, "HB-STP")
    decide(world, decisions.submit, STP_HEAD, report, now=at("2025-03-05T09:00"))
    decide(
        world, decisions.request_extension, SNV_HEAD, plan, now=at("2025-03-03T09:00"),
        proposed_due=date(2025, 4, 25), reason="Chờ số liệu",
    )  # fmt: skip
    with transaction(world) as session:
        found = waiting(session, actor(world, COORDINATOR))
        assert [(w.task.id, w.what) for w in found] == [(plan, "extension"), (report, "submitted")]
        assert count_waiting(session, actor(world, CHIEF)) == 2
        assert count_waiting(session, actor(world, SNV_HEAD)) == 0
        assert count_waiting(session, actor(world, LEADER)) == 0
    decide(world, decisions.approve, COORDINATOR, report, now=at("2025-03-06T09:00"))
    with transaction(world) as session:
        assert [w.what for w in waiting(session, actor(world, COORDINATOR))] == ["extension"]


def test_the_story_tells_status_due_history_reports_mail_and_audit(
    world: Engine, calendar: WorkCalendar
) -> None:
    task_id = plan_task_id(world, PLAN)
    decide(world, decisions.report_progress, SNV_HEAD, task_id, note="Đã có dự thảo", percent=50)
    decide(
        world, decisions.request_extension, SNV_HEAD, task_id,
        proposed_due=date(2025, 4, 25), reason="Chờ số liệu",
    )  # fmt: skip
    decide(world, decisions.approve_extension, COORDINATOR, task_id)
    with transaction(world) as session:
        story = task_story(
            session, actor(world, SNV_HEAD), task_id, today=date(2025, 3, 10), calendar=calendar
        )
        with pytest.raises(decisions.NotPermitted):
            task_story(
                session, actor(world, STP_HEAD), task_id, today=date(2025, 3, 10),
                calendar=calendar,
            )  # fmt: skip
    assert (story["due"], story["original_due"], story["extension_count"]) == (
        "2025-04-25", "2025-03-31", 1,
    )  # fmt: skip
    assert [r["kind"] for r in story["reports"]] == [
        "progress", "extension_requested", "extension_approved",
    ]  # fmt: skip
    assert story["reports"][0]["percent"] == 50
    assert story["extension_requests"][0]["state"] == "approved"
    assert [a["action"] for a in story["audit"]] == [
        "report_progress", "request_extension", "approve_extension",
    ]  # fmt: skip
    assert {n["step"] for n in story["notifications"]} == {
        "extension_requested", "extension_approved",
    }  # fmt: skip
    assert story["due_history"][0]["reason"] == "extension"
