"""Compliance per unit and period: checkpoints, standing, the digital share against its target."""

from __future__ import annotations

from datetime import date, datetime

from dondoc.db import transaction
from inspections.access import ADMIN, viewer_for
from inspections.compliance import (
    AT_RISK,
    BEHIND,
    DONE,
    ON_TRACK,
    Checkpoint,
    TargetFacts,
    UnitPeriod,
    checkpoints,
    digital_share,
    standing,
)
from inspections.evidence import EvidenceStore
from inspections.record_input import read_record_file
from inspections.records import log_record
from inspections.views import Reading, compliance_report
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.dates import LOCAL_TZ
from tests.inspections.conftest import CAL, COORDINATOR, LEAD, START, TQ, UNIT, write_record

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def facts(done=(), planned=(), required=2) -> UnitPeriod:  # noqa: ANN001
    return UnitPeriod(1, 1, 1, "2025", *YEAR, required, tuple(done), tuple(planned), (10, 11))


def test_a_year_of_two_inspections_checks_30_june_31_october_and_31_december():
    assert checkpoints(*YEAR, 2) == [
        Checkpoint("mid", date(2025, 6, 30), 1),
        Checkpoint("late", date(2025, 10, 31), 2),
        Checkpoint("end", date(2025, 12, 31), 2),
    ]


def test_one_inspection_a_year_has_no_mid_year_checkpoint():
    assert [c.name for c in checkpoints(*YEAR, 1)] == ["late", "end"]


def test_no_inspection_by_30_june_is_behind_from_1_july():
    assert standing(facts(), date(2025, 6, 30), with_plan=False).status == ON_TRACK
    behind = standing(facts(), date(2025, 7, 1), with_plan=False)
    assert behind.status == BEHIND and behind.behind.name == "mid" and behind.at_risk


def test_one_inspection_by_31_october_is_behind_in_november():
    one = facts(done=[date(2025, 3, 5)])
    assert standing(one, date(2025, 10, 31), with_plan=False).status == ON_TRACK
    assert standing(one, date(2025, 11, 1), with_plan=False).behind.name == "late"


def test_two_inspections_are_done_for_the_year():
    two = facts(done=[date(2025, 3, 5), date(2025, 9, 9)])
    result = standing(two, date(2025, 12, 31), with_plan=True)
    assert (result.status, result.done, result.remaining, result.at_risk) == (DONE, 2, 0, False)


def test_the_team_sees_a_missed_planned_day_as_a_risk_the_office_does_not():
    missed = facts(planned=[date(2025, 3, 3), date(2025, 9, 1)])
    team = standing(missed, date(2025, 4, 1), with_plan=True)
    office = standing(missed, date(2025, 4, 1), with_plan=False)
    assert (team.status, team.missed, team.planned) == (AT_RISK, 1, 1)
    assert (office.status, office.missed, office.planned) == (ON_TRACK, 0, 0)


def test_the_digital_share_is_read_against_its_target():
    target = TargetFacts("TQ-DA-MT6-2025-KIEMTRASO", "ĐA", "Tỷ lệ …", ">=", 50, 2025)
    assert digital_share(4, 2, target)["met"] is True
    assert (
        digital_share(4, 1, target)["share"] == 25.0 and digital_share(4, 1, target)["met"] is False
    )
    assert digital_share(0, 0, target)["share"] is None


def test_the_report_counts_units_and_reads_the_tuyen_quang_targets(world, tmp_path):
    with transaction(world) as session:
        load_paths(session, TQ, CAL, START)
    store = EvidenceStore(tmp_path / "store")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bb.pdf").write_bytes(b"%PDF-1.7 minutes")
    digital = write_record(tmp_path / "a", evidence=[{"file": "bb.pdf"}])
    paper = write_record(
        tmp_path / "b", unit="QN-TTPVHCC", minutes_number="07/BB", date="2025-03-13"
    )
    with transaction(world) as session:
        for path in (digital, paper):
            log_record(
                session,
                parsed=read_record_file(path),
                store=store,
                calendar=CAL,
                now=datetime(2025, 3, 14, 9, tzinfo=LOCAL_TZ),
                viewer=ADMIN,
            )
    with transaction(world) as session:
        admin = compliance_report(Reading.of(session, ADMIN, date(2025, 7, 2)), year=2025)
        later = compliance_report(Reading.of(session, ADMIN, date(2030, 1, 1)), year=2030)
        office = compliance_report(
            Reading.of(session, viewer_for(session, COORDINATOR), date(2025, 7, 2)), year=2025
        )
        team = compliance_report(
            Reading.of(session, viewer_for(session, LEAD), date(2025, 7, 2)), year=2025
        )
    rows = {(r["duty"], r["unit"]): r for r in admin["units"]}
    assert len([r for r in admin["units"] if r["duty"] == "QN124-D1.3c-KTDX"]) == 21
    unit = rows[("QN124-D1.3c-KTDX", UNIT)]
    assert (unit["required"], unit["done"], unit["status"]) == (2, 1, "on_track")
    assert rows[("QN124-D1.3c-KTDX", "QN-HALONG-HAKHANH-1C")]["status"] == "behind"
    share = admin["digital_share"]
    assert (share["recorded"], share["digital"], share["share"], share["met"]) == (2, 1, 50.0, True)
    assert share["target"]["code"] == "TQ-DA-MT6-2025-KIEMTRASO"
    assert later["digital_share"]["target"]["value"] == 70  # the 2030 target
    assert all("planned" in r for r in team["units"])
    assert all("planned" not in r and "missed" not in r for r in office["units"])
    assert office["digital_share"]["recorded"] == 2
