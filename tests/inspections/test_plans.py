"""Plans in the database: drawn by the engine on 2 January, versioned, replanned, verifiable."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from sqlalchemy import func, select

from dondoc.db import transaction
from inspections.access import ADMIN
from inspections.evidence import EvidenceStore
from inspections.models import InspectionPlan, PlannedInspection
from inspections.planner import secret_id, window_of
from inspections.plans import current_plan, make_plan, verify_plan
from inspections.record_input import read_record_file
from inspections.records import log_record
from tasks_catalog.dates import LOCAL_TZ
from tasks_catalog.models import Agency, Obligation, Person
from tests.inspections.conftest import CAL, DUTY, SECRET, START, write_record
from workflows.inspections import check_inspections


def duty_plan(session, version: int | None = None) -> InspectionPlan:  # noqa: ANN001
    obligation = session.scalars(select(Obligation).where(Obligation.code == DUTY)).one()
    snv = session.scalars(select(Agency).where(Agency.code == "QN-SNV")).one()
    if version is None:
        return current_plan(session, obligation.inspection.id, snv.id, 2025)
    return session.scalars(
        select(InspectionPlan).where(
            InspectionPlan.duty_id == obligation.inspection.id, InspectionPlan.version == version
        )
    ).one()


def test_the_engine_drew_two_secret_days_for_every_unit_of_the_quang_ninh_duty(world):
    with transaction(world) as session:
        plan = duty_plan(session)
        entries = plan.entries
        assert (plan.version, plan.reason, plan.made_by) == (1, "initial", "engine")
        assert plan.secret_id == secret_id(SECRET) and SECRET.hex() not in str(plan.inputs)
        per_unit = Counter(e.unit.code for e in entries)
        assert len(per_unit) == 21 and set(per_unit.values()) == {2}
        inspectors = {p.id for p in session.scalars(select(Person)) if "inspector" in p.roles}
        for entry in entries:
            assert entry.planned_on is not None and CAL.is_working_day(entry.planned_on)
            assert entry.planned_on > START.date() and entry.inspector_id in inspectors
        days = {(e.unit_id, e.round): e.planned_on for e in entries}
        assert all((days[(u, 2)] - days[(u, 1)]).days >= 45 for u, _ in days)
        load = Counter(e.inspector_id for e in entries)
        assert max(load.values()) - min(load.values()) <= 1


def test_the_two_duties_of_one_team_never_send_an_inspector_twice_a_day(world):
    with transaction(world) as session:
        rows = session.execute(
            select(PlannedInspection.inspector_id, PlannedInspection.planned_on)
            .join(PlannedInspection.plan)
            .where(InspectionPlan.superseded_at.is_(None))
        ).all()
    assert len(rows) == 42 + 12  # both Quảng Ninh duties
    assert len(set(rows)) == len(rows)


def test_a_second_check_draws_nothing_new(world):
    with transaction(world) as session:
        report = check_inspections(session, now=START, calendar=CAL, secret=SECRET)
        assert report.plans == [] and session.scalar(select(func.count(InspectionPlan.id))) == 2


def test_a_stored_plan_is_rederived_from_its_secret_and_refused_with_another(world):
    with transaction(world) as session:
        plan = duty_plan(session)
        assert verify_plan(plan, SECRET, CAL) == []
        assert verify_plan(plan, b"another-secret-of-enough-length!", CAL) != []


def test_replanning_keeps_done_and_future_days_redraws_missed_ones_and_deletes_nothing(
    world, tmp_path
):
    with transaction(world) as session:
        first = {
            (e.unit.code, e.round): (e.planned_on, e.inspector.email)
            for e in duty_plan(session).entries
        }
    replan_at = datetime(2025, 5, 20, 9, 0, tzinfo=LOCAL_TZ)
    done_unit = "QN-HALONG-TTHCC"
    day, leader = first[(done_unit, 1)]
    if day >= replan_at.date():  # make sure the inspection happened before the replan
        day = date(2025, 5, 6)
    path = write_record(tmp_path, date=day.isoformat(), leader={"email": leader}, members=[])
    with transaction(world) as session:
        log_record(
            session,
            parsed=read_record_file(path),
            store=EvidenceStore(tmp_path / "store"),
            calendar=CAL,
            now=replan_at,
            viewer=ADMIN,
        )
        obligation = session.scalars(select(Obligation).where(Obligation.code == DUTY)).one()
        snv = session.scalars(select(Agency).where(Agency.code == "QN-SNV")).one()
        plan = make_plan(
            session,
            duty=obligation.inspection,
            agency=snv,
            year=2025,
            secret=SECRET,
            calendar=CAL,
            now=replan_at,
            made_by="chanhthanhtra@snv.quangninh.example",
        )
        second = {(e.unit.code, e.round): (e.planned_on, e.origin) for e in plan.entries}
        assert plan.version == 2 and plan.reason == "replan"
        assert duty_plan(session, 1).superseded_at is not None  # kept, marked superseded
        assert len(duty_plan(session, 1).entries) == 42
        assert verify_plan(plan, SECRET, CAL) == []
    not_before = CAL.add_working_days(replan_at.date(), 1)
    assert second[(done_unit, 1)] == (day, "done")
    for key, (old_day, _) in first.items():
        if key == (done_unit, 1):
            continue
        new_day, origin = second[key]
        if old_day >= not_before:
            assert (new_day, origin) == (old_day, "kept")
        else:
            assert origin == "drawn" and new_day >= not_before
    assert any(origin == "drawn" for _, origin in second.values())


def test_each_drawn_day_lies_in_its_round_window(world):
    from inspections.planner import Slot

    with transaction(world) as session:
        for entry in duty_plan(session).entries:
            task = entry.task
            slot = Slot(
                task.occurrence_key,
                entry.unit.code,
                entry.round,
                2,
                task.period_start,
                task.period_end,
            )
            first, last = window_of(slot)
            assert first <= entry.planned_on <= last
