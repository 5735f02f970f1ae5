"""The sweep queues what is due, once, for the right people."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from dondoc.db import transaction
from notifications.models import Notification
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Task, TaskStatus
from tests.conftest import NOW
from tests.helpers import copy_valid, edit
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ
from workflows.sweep import sweep


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


@pytest.fixture
def planned(engine, calendar, tmp_path):
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)
    return engine


def run_sweep(engine, calendar, when: datetime):  # noqa: ANN001, ANN201
    with transaction(engine) as session:
        return sweep(session, now=when, calendar=calendar)


def queued(engine, code: str | None = None) -> list[tuple[str, str, str]]:
    with transaction(engine) as session:
        query = select(Notification).order_by(Notification.id)
        rows = session.scalars(query).all()
        tasks = {t.id: t for t in session.scalars(select(Task))}
        return [
            (n.step, n.recipient, tasks[n.task_id].obligation.code)
            for n in rows
            if code is None or tasks[n.task_id].obligation.code == code
        ]


def test_the_first_reminder_goes_to_the_lead_and_the_cooperating_agency(planned, calendar):
    run_sweep(planned, calendar, local("2025-03-20T07:30"))
    assert sorted(queued(planned, "HB99-D3.1-KEHOACH")) == [
        (
            "before-7",
            "chanhvp@vp.hoabinh.example",
            "HB99-D3.1-KEHOACH",
        ),  # VP has no assignee: its head
        ("before-7", "chuyenvien@snv.hoabinh.example", "HB99-D3.1-KEHOACH"),
        ("before-7", "giamdoc@snv.hoabinh.example", "HB99-D3.1-KEHOACH"),
    ]


def test_a_second_sweep_at_the_same_moment_queues_nothing_new(planned, calendar):
    first = run_sweep(planned, calendar, local("2025-03-20T07:30"))
    second = run_sweep(planned, calendar, local("2025-03-20T07:35"))
    assert first.queued > 0 and second.queued == 0 and second.tasks == 0


def test_nothing_is_due_before_the_morning(planned, calendar):
    report = run_sweep(planned, calendar, local("2025-03-20T07:29"))
    assert queued(planned, "HB99-D3.1-KEHOACH") == []
    assert report.queued == len(queued(planned))  # only other obligations' earlier steps


def test_after_a_week_of_downtime_a_task_gets_one_message_saying_where_it_stands(planned, calendar):
    run_sweep(planned, calendar, local("2025-03-20T07:30"))  # before-7
    run_sweep(planned, calendar, local("2025-04-10T09:00"))  # system was off since
    steps = [
        step for step, recipient, _ in queued(planned, "HB99-D3.1-KEHOACH") if "snv" in recipient
    ]
    # 31/3 + 7 working days = 9/4: the escalation to leadership is where it stands.
    assert steps.count("before-7") == 2 and [s for s in steps if s != "before-7"] == [
        "overdue-7"
    ] * len([s for s in steps if s != "before-7"])
    assert {r for s, r, _ in queued(planned, "HB99-D3.1-KEHOACH") if s == "overdue-7"} == {
        "chanhvp@vp.hoabinh.example",  # leadership (Chánh Văn phòng)
        "giamdoc@snv.hoabinh.example",  # head, in copy
        "dieuphoi@vp.hoabinh.example",  # assigner, in copy
    }


def test_a_completed_task_is_not_followed_any_more(planned, calendar):
    with transaction(planned) as session:
        for task in session.scalars(
            select(Task).where(Task.obligation.has(code="HB99-D3.1-KEHOACH"))
        ):
            task.status = TaskStatus.DONE
    run_sweep(planned, calendar, local("2025-04-10T09:00"))
    assert queued(planned, "HB99-D3.1-KEHOACH") == []


def test_a_progress_request_row_names_the_quarter_asked_about(planned, calendar):
    # The 2025 target is a once-off due 31/12: its own period names no quarter.
    run_sweep(planned, calendar, local("2025-03-14T07:30"))
    with transaction(planned) as session:
        rows = session.scalars(select(Notification).where(Notification.step == "progress-2025-Q1"))
        payloads = [row.payload for row in rows]
    assert payloads and all(
        (p["period"], p["report_period"], p["report_cutoff"], p["report_due"])
        == ("once", "2025-Q1", "2025-03-14", "2025-03-21")
        for p in payloads
    )


def test_sweep_times_are_compared_in_utc_on_every_database(planned, calendar):
    # 07:30 in Hà Nội is 00:30 UTC: the same instant, written two ways.
    run_sweep(planned, calendar, datetime(2025, 3, 20, 0, 30, tzinfo=UTC))
    assert len(queued(planned, "HB99-D3.1-KEHOACH")) == 3


def test_a_catalogue_policy_changes_when_an_obligation_is_reminded(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    edit(
        folder / "nghi-quyet.yaml",
        "obligations:\n",
        "policies:\n  gap: {reminder_days: [10], remind_on_due_day: false}\nobligations:\n",
    )
    edit(
        folder / "nghi-quyet.yaml",
        "    deliverable: Kế hoạch\n",
        "    deliverable: Kế hoạch\n    policy: gap\n",
    )
    with transaction(engine) as session:
        load_paths(session, [folder], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)
    run_sweep(engine, calendar, local("2025-03-17T07:30"))  # 10 working days before 31/3
    assert {step for step, _, _ in queued(engine, "HB99-D3.1-KEHOACH")} == {"before-10"}
    run_sweep(engine, calendar, local("2025-03-31T07:30"))
    assert {step for step, _, _ in queued(engine, "HB99-D3.1-KEHOACH")} == {"before-10"}
