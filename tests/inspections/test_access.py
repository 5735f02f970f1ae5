"""Who reads what: the plan, records, compliance, tasks and feeds, role by role."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dondoc.db import transaction
from inspections.access import ADMIN, AccessDenied, Scope, viewer_for
from inspections.evidence import EvidenceStore
from inspections.feed import feed
from inspections.models import InspectionDuty
from inspections.record_input import read_record_file
from inspections.records import log_record
from inspections.views import (
    Reading,
    compliance_report,
    plan_rows,
    record_rows,
    task_rows,
)
from tasks_catalog.dates import LOCAL_TZ
from tasks_catalog.queries import TaskFilter
from tests.inspections.conftest import (
    CAL,
    COORDINATOR,
    INSPECTOR,
    LEAD,
    OFFICE_LEADER,
    SNV_HEAD,
    UNIT,
    UNIT_HEAD,
    write_record,
)

TODAY = date(2025, 3, 20)
DISTRICT_HEAD = "chutich@halong.quangninh.example"  # above the Hạ Long centre
PROVINCE_CHAIR = "chutich@ubnd.quangninh.example"  # above everyone, the inspectors too


_OPEN: list[Session] = []


def read(world, email):  # noqa: ANN001, ANN201
    """What `email` reads today (a read-only session, closed after the test)."""
    session = Session(world)
    _OPEN.append(session)
    viewer = ADMIN if email is None else viewer_for(session, email)
    return Reading.of(session, viewer, TODAY)


@pytest.fixture(autouse=True)
def _close_sessions(world):  # noqa: ANN001 - after the world: closed before it is dropped
    yield
    while _OPEN:
        _OPEN.pop().close()


@pytest.fixture
def logged(world, tmp_path):
    draft = write_record(
        tmp_path / "d",
        unit="QN-TTPVHCC",
        state="draft",
        minutes_number=None,
        findings=None,
        conclusion=None,
    )
    done = write_record(tmp_path / "f")
    with transaction(world) as session:
        for path in (done, draft):
            log_record(
                session,
                parsed=read_record_file(path),
                store=EvidenceStore(tmp_path / "s"),
                calendar=CAL,
                now=datetime(2025, 3, 14, 9, tzinfo=LOCAL_TZ),
                viewer=ADMIN,
            )
    return world


def test_the_inspection_lead_sees_the_whole_plan_an_inspector_only_their_visits(world):
    everything = plan_rows(read(world, LEAD), year=2025)
    mine = plan_rows(read(world, INSPECTOR), year=2025)
    assert len(everything) == 54 and len(plan_rows(read(world, None), year=2025)) == 54
    assert 0 < len(mine) < 20 and {r["inspector"]["email"] for r in mine} == {INSPECTOR}


@pytest.mark.parametrize(
    "email", [UNIT_HEAD, DISTRICT_HEAD, COORDINATOR, OFFICE_LEADER, SNV_HEAD, PROVINCE_CHAIR]
)
def test_nobody_outside_the_team_sees_an_unannounced_plan_whatever_their_rank(world, email):
    with pytest.raises(AccessDenied) as refused:
        plan_rows(read(world, email), year=2025)
    assert refused.value.reason == "ông/bà không có quyền xem nội dung này"


def test_records_are_read_in_full_by_the_team_without_plan_links_by_the_office(logged):
    [team_draft, team_done] = sorted(record_rows(read(logged, LEAD)), key=lambda r: r["state"])
    assert team_draft["state"] == "draft"
    assert team_done["round"] == 1 and "planned_on" in team_done and "warnings" in team_done
    office = record_rows(read(logged, COORDINATOR))
    assert len(office) == 2 and all(
        "planned_on" not in r and "warnings" not in r and "round" not in r for r in office
    )
    assert len(record_rows(read(logged, SNV_HEAD))) == 2


def test_the_unit_and_its_district_see_their_own_records_after_the_fact_never_drafts(logged):
    for email in (UNIT_HEAD, DISTRICT_HEAD):
        [own] = record_rows(read(logged, email))
        assert own["unit"] == UNIT and set(own) >= {"findings", "conclusion", "recommendations"}
        assert not {"planned_on", "warnings", "round", "logged_by"} & set(own)
    assert record_rows(read(logged, "giamdoc@ttpvhcc.quangninh.example")) == []  # its draft
    assert record_rows(read(logged, "giamdoc@stp.quangninh.example")) == []  # another agency


def test_compliance_is_for_the_team_and_the_office_never_about_ones_own_unit(world):
    assert all("planned" in r for r in compliance_report(read(world, LEAD), year=2025)["units"])
    office = compliance_report(read(world, COORDINATOR), year=2025)["units"]
    assert office and all("planned" not in r for r in office)
    chair = compliance_report(read(world, PROVINCE_CHAIR), year=2025)["units"]
    assert len(chair) == len(office)  # above the inspectors too: not the units' side
    with pytest.raises(AccessDenied):
        compliance_report(read(world, UNIT_HEAD), year=2025)
    with pytest.raises(AccessDenied):
        compliance_report(read(world, DISTRICT_HEAD), year=2025)


def test_inspection_tasks_are_the_teams_alone(world):
    def inspection_rows(email: str | None) -> list[dict]:
        rows = task_rows(read(world, email), filters=TaskFilter(year=2025), calendar=CAL)
        return [r for r in rows if r["kind"] == "inspection_duty"]

    assert len(inspection_rows(LEAD)) == 54
    assert inspection_rows(COORDINATOR) == inspection_rows(UNIT_HEAD) == []
    assert inspection_rows("chuyenvien.cchc@snv.quangninh.example") == []  # SNV, not an inspector
    own = task_rows(
        read(world, "chuyenvien@ttpvhcc.quangninh.example"), filters=TaskFilter(), calendar=CAL
    )
    assert own and {r["agency"] for r in own} == {"QN-TTPVHCC"}


def test_the_feed_of_an_inspector_holds_their_days_a_units_only_its_past_inspections(logged):
    inspector_feed = feed(read(logged, INSPECTOR))
    planned = [r for r in plan_rows(read(logged, INSPECTOR), year=2025) if r["state"] == "planned"]
    assert planned and all(
        f"DTSTART;VALUE=DATE:{r['planned_on'].replace('-', '')}" in inspector_feed for r in planned
    )
    assert "CLASS:CONFIDENTIAL" in inspector_feed
    unit_feed = feed(read(logged, UNIT_HEAD))
    assert unit_feed.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:20250312" in unit_feed
    assert "CONFIDENTIAL" not in unit_feed
    assert all(len(line.encode()) <= 75 for line in unit_feed.split("\r\n"))


def test_an_announced_duty_shows_the_unit_its_own_date(world):
    with transaction(world) as session:
        duty = session.scalars(select(InspectionDuty)).first()
        duty.unannounced = False  # a scheduled (theo kế hoạch) duty is published to its units
        code = duty.obligation.code
    rows = plan_rows(read(world, UNIT_HEAD), year=2025)
    assert rows and {r["unit"] for r in rows} == {UNIT} and {r["duty"] for r in rows} == {code}


def test_an_unknown_person_is_refused(world):
    with transaction(world) as session, pytest.raises(AccessDenied, match="không có người dùng"):
        viewer_for(session, "nobody@example.org")


def test_the_unit_side_excludes_parents_shared_with_the_inspectors(world):
    with transaction(world) as session:
        scope = Scope(session)
        chair, district = viewer_for(session, PROVINCE_CHAIR), viewer_for(session, DISTRICT_HEAD)
        unit = next(a.id for a in scope.agencies.values() if a.code == UNIT)
        snv = next(a.id for a in scope.agencies.values() if a.code == "QN-SNV")
        assert scope.on_unit_side(district, unit, snv) and not scope.on_unit_side(chair, unit, snv)
