"""Planning a year turns obligations into tasks, idempotently."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from dondoc.db import transaction
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Task, TaskStatus
from tasks_catalog.year_plan import plan_year
from tests.conftest import NOW
from tests.helpers import copy_valid, edit, snapshot


@pytest.fixture
def folder(tmp_path):
    return copy_valid(tmp_path)


def load_and_plan(engine, calendar, folder, year=2025):  # noqa: ANN001, ANN201
    with transaction(engine) as session:
        load_paths(session, [folder], calendar, NOW)
        return plan_year(session, year=year, calendar=calendar, now=NOW)


def tasks_of(engine, code):  # noqa: ANN001, ANN201
    with transaction(engine) as session:
        query = select(Task).join(Task.obligation).where(Task.obligation.has(code=code))
        rows = [
            (t.agency.code, t.role.value, t.occurrence_key, t.due_on)
            for t in session.scalars(query)
        ]
    return sorted(rows, key=lambda r: (r[3], r[1] != "lead", r[2], r[0]))


def test_a_one_off_deliverable_gives_the_lead_and_each_cooperating_agency_a_task(
    engine, calendar, folder
):
    load_and_plan(engine, calendar, folder)
    assert tasks_of(engine, "HB99-D3.1-KEHOACH") == [
        ("HB-SNV", "lead", "once", date(2025, 3, 31)),
        ("HB-VP", "cooperating", "once", date(2025, 3, 31)),
    ]


def test_a_quarterly_report_falls_due_working_days_after_the_decree_09_cut_off(
    engine, calendar, folder
):
    load_and_plan(engine, calendar, folder)
    dues = sorted({due for _, _, _, due in tasks_of(engine, "HB99-D3.2-BAOCAO")})
    # cut-offs 14/3, 14/6 (Sat), 14/9 (Sun), 14/12 (Sun) + 3 working days
    assert dues == [date(2025, 3, 19), date(2025, 6, 18), date(2025, 9, 17), date(2025, 12, 17)]
    owners = Counter(agency for agency, *_ in tasks_of(engine, "HB99-D3.2-BAOCAO"))
    assert owners == {"HB-SNV": 4, "HB-STP": 4}  # the group "các sở" expands to departments


def test_an_inspection_duty_gives_one_task_per_unit_and_round(engine, calendar, folder):
    load_and_plan(engine, calendar, folder)
    keys = [key for _, _, key, _ in tasks_of(engine, "HB99-D1.3-KTDX")]
    assert keys == [
        "2025/HB-LS-MOTCUA/1",
        "2025/HB-LS-MOTCUA/2",
        "2025/HB-TTHCC/1",
        "2025/HB-TTHCC/2",
    ]


def test_a_target_falls_due_at_the_end_of_its_year_only(engine, calendar, folder):
    load_and_plan(engine, calendar, folder)
    assert tasks_of(engine, "HB99-D1.2-MT2025") == [("HB-VP", "lead", "once", date(2025, 12, 31))]
    with transaction(engine) as session:
        report = plan_year(session, year=2026, calendar=calendar, now=NOW)
    assert len(tasks_of(engine, "HB99-D1.2-MT2025")) == 1
    assert sum(report.created.values()) == 2 * 4 + 4  # quarterly reports and inspections


def test_a_deadline_on_the_reunification_holidays_moves_to_the_next_working_day(
    engine, calendar, folder
):
    edit(folder / "nghi-quyet.yaml", "{once: 2025-03-31}", "{once: 2025-04-30}")
    load_and_plan(engine, calendar, folder)
    # 30/4 and 1/5 are holidays, 2/5 is swapped off, 3–4/5 is a weekend.
    assert tasks_of(engine, "HB99-D3.1-KEHOACH")[0][3] == date(2025, 5, 5)


def test_planning_the_same_year_twice_changes_nothing(engine, calendar, folder):
    load_and_plan(engine, calendar, folder)
    before = snapshot(engine)
    with transaction(engine) as session:
        report = plan_year(session, year=2025, calendar=calendar, now=NOW)
    assert sum(report.created.values()) == 0 and sum(report.unchanged.values()) == 15
    assert snapshot(engine) == before


def test_a_changed_deadline_moves_open_tasks_and_keeps_the_history(engine, calendar, folder):
    load_and_plan(engine, calendar, folder)
    edit(folder / "nghi-quyet.yaml", "{once: 2025-03-31}", "{once: 2025-06-30}")
    report = load_and_plan(engine, calendar, folder)
    assert report.moved["99/NQ-HĐND"] == 2
    with transaction(engine) as session:
        task = session.scalar(select(Task).where(Task.obligation.has(code="HB99-D3.1-KEHOACH")))
        assert task.due_on == date(2025, 6, 30)
        assert task.original_due_on == date(2025, 3, 31)  # as first planned
        assert [(c.old_due_on, c.new_due_on, c.reason) for c in task.due_changes] == [
            (date(2025, 3, 31), date(2025, 6, 30), "replanned")
        ]


def test_a_finished_task_keeps_its_due_date_when_the_catalogue_changes(engine, calendar, folder):
    load_and_plan(engine, calendar, folder)
    with transaction(engine) as session:
        for task in session.scalars(
            select(Task).where(Task.obligation.has(code="HB99-D3.1-KEHOACH"))
        ):
            task.status = TaskStatus.DONE
            task.completed_on = date(2025, 3, 20)
    edit(folder / "nghi-quyet.yaml", "{once: 2025-03-31}", "{once: 2025-06-30}")
    load_and_plan(engine, calendar, folder)
    assert {due for *_, due in tasks_of(engine, "HB99-D3.1-KEHOACH")} == {date(2025, 3, 31)}


def test_nothing_is_planned_outside_the_documents_validity(engine, calendar, folder):
    load_and_plan(engine, calendar, folder)
    with transaction(engine) as session:
        report = plan_year(session, year=2027, calendar=calendar, now=NOW)
    assert sum(report.created.values()) == 0


def test_a_retired_obligation_is_not_planned(engine, calendar, folder):
    document = folder / "nghi-quyet.yaml"
    text = document.read_text(encoding="utf-8")
    document.write_text(text[: text.index("  - code: HB99-D3.2-BAOCAO")], encoding="utf-8")
    with transaction(engine) as session:
        load_paths(session, [folder], calendar, NOW)
    document.write_text(text, encoding="utf-8")
    load_and_plan(engine, calendar, folder)  # all four exist
    document.write_text(text[: text.index("  - code: HB99-D3.2-BAOCAO")], encoding="utf-8")
    with transaction(engine) as session:
        load_paths(session, [folder], calendar, NOW)
        report = plan_year(session, year=2026, calendar=calendar, now=NOW)
    assert sum(report.created.values()) == 0
