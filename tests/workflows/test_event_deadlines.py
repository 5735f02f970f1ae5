"""A deadline counted from an event ("báo cáo kết quả khắc phục trong thời hạn 10 ngày làm
việc kể từ ngày nhận được kết luận kiểm tra"): no task until the event is recorded with
`dondoc tasks event`, then a task with its deadline that the engine follows like any other."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import make_engine, transaction
from notifications.models import Notification
from tasks_catalog.event_deadlines import event_due
from tasks_catalog.models import Task
from tests.helpers import copy_valid, snapshot
from workflows.plan_and_schedule import record_event_and_schedule
from workflows.rules import LOCAL_TZ
from workflows.sweep import sweep

runner = CliRunner()
CODE = "HB99-D3.3-KHACPHUC"
EVENT_OBLIGATION = f"""
  - code: {CODE}
    clause: Điều 3, khoản 3
    quote: >-
      Các sở báo cáo kết quả khắc phục trong thời hạn 10 ngày làm việc kể từ ngày nhận được
      kết luận kiểm tra.
    title: Báo cáo kết quả khắc phục sau kiểm tra
    kind: deliverable
    lead: [HB-CAC-SO]
    cooperating: [HB-VP]
    deliverable: Báo cáo kết quả khắc phục
    schedule: {{after: nhận được kết luận kiểm tra, within: 10, working: true}}
"""


def run(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args))


@pytest.fixture
def loaded(cli_env, tmp_path):
    folder = copy_valid(tmp_path)
    document = folder / "nghi-quyet.yaml"
    document.write_text(document.read_text(encoding="utf-8") + EVENT_OBLIGATION, "utf-8")
    assert run("init").exit_code == 0
    result = run("catalog", "load", str(folder))
    assert result.exit_code == 0, result.output
    assert run("plan", "--year", "2025").exit_code == 0
    engine = make_engine(cli_env)
    yield engine
    engine.dispose()


def event_tasks(engine) -> list[tuple[str, str, date, str]]:  # noqa: ANN001
    with transaction(engine) as session:
        tasks = session.scalars(select(Task).order_by(Task.id)).all()
        return [
            (t.agency.code, t.role.value, t.due_on, t.occurrence_key)
            for t in tasks
            if t.obligation.code == CODE
        ]


def test_the_yearly_plan_gives_an_event_deadline_no_task(loaded):
    assert event_tasks(loaded) == []


def test_recording_the_event_creates_the_task_due_ten_working_days_later(loaded):
    result = run("tasks", "event", CODE, "--date", "02/06/2025", "--agency", "HB-STP")
    assert result.exit_code == 0, result.output
    assert "thời hạn 16/06/2025" in result.output  # 02/06 is a Monday; two weeks of work
    assert event_tasks(loaded) == [
        ("HB-STP", "lead", date(2025, 6, 16), "event/2025-06-02"),
        ("HB-VP", "cooperating", date(2025, 6, 16), "event/2025-06-02"),
    ]


def test_recording_the_same_event_twice_creates_nothing_more(loaded):
    run("tasks", "event", CODE, "--date", "2025-06-02", "--agency", "HB-STP")
    result = run("tasks", "event", CODE, "--date", "2025-06-02", "--agency", "HB-STP")
    assert result.exit_code == 0
    assert "0 nhiệm vụ mới, 2 đã có" in result.output
    assert len(event_tasks(loaded)) == 2


def test_without_an_agency_every_lead_of_the_group_gets_a_task(loaded):
    run("tasks", "event", CODE, "--date", "2025-06-02")
    leads = {code for code, role, _, _ in event_tasks(loaded) if role == "lead"}
    assert leads == {"HB-SNV", "HB-STP"}  # the group "các sở": every department


def test_the_engine_reminds_the_owner_of_an_event_task_then_chases_it(loaded, calendar):
    recorded = datetime(2025, 6, 2, 15, 0, tzinfo=LOCAL_TZ)
    with transaction(loaded) as session:
        report = record_event_and_schedule(
            session,
            obligation_code=CODE,
            happened_on=date(2025, 6, 2),
            calendar=calendar,
            now=recorded,
            agency_code="HB-STP",
        )
        assert report.due == date(2025, 6, 16)
    for day in (5, 11, 13, 16, 17):  # before-7, before-3, before-1, due day, overdue
        with transaction(loaded) as session:
            sweep(session, now=datetime(2025, 6, day, 7, 30, tzinfo=LOCAL_TZ), calendar=calendar)
    assert ("before-7", "giamdoc@stp.hoabinh.example") in steps_of(loaded)
    assert {step for step, _ in steps_of(loaded)} >= {"before-7", "before-3", "before-1"}
    assert any(step.startswith("overdue") for step, _ in steps_of(loaded))


def steps_of(engine) -> set[tuple[str, str]]:  # noqa: ANN001
    with transaction(engine) as session:
        tasks = {t.id: t.obligation.code for t in session.scalars(select(Task))}
        rows = session.scalars(select(Notification)).all()
        return {(n.step, n.recipient) for n in rows if tasks[n.task_id] == CODE}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("NO-SUCH", "--date", "2025-06-02"), 'không có nhiệm vụ mã "NO-SUCH"'),
        (("HB99-D3.1-KEHOACH", "--date", "2025-06-02"), "không có thời hạn tính từ một sự kiện"),
        ((CODE, "--date", "2025-06-02", "--agency", "HB-VP"), 'cơ quan "HB-VP" không chủ trì'),
        ((CODE, "--date", "2031-01-05"), "nằm ngoài thời gian hiệu lực"),
    ],
)
def test_an_event_that_cannot_be_recorded_is_refused_and_changes_nothing(loaded, args, message):
    before = snapshot(loaded)
    result = run("tasks", "event", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(loaded) == before


def test_calendar_days_after_an_event_move_off_a_day_off(calendar):
    schedule = {"after": "nhận được phản ánh", "within": 5}
    assert event_due(schedule, date(2025, 6, 2), calendar) == date(2025, 6, 9)  # Sat → Mon
    assert event_due({**schedule, "working": True}, date(2025, 6, 2), calendar) == date(2025, 6, 9)
