"""The planner as a pure function, over many secrets, on the Quảng Ninh duty's shape.

The units are read from the seed registry the way the group selects them (every public
service centre and commune one-stop unit: 21 units), two inspections each in 2025, five
inspectors. Every property is checked for every one of `SECRETS` secrets.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from datetime import date, timedelta

import pytest
import yaml

from inspections.compliance import month_end
from inspections.planner import (
    Constraints,
    Fixed,
    PlanningError,
    PlanRequest,
    Slot,
    propose,
    window_of,
)
from tests.inspections.conftest import CAL, SEEDS

SECRETS = [hashlib.sha256(f"secret-{i}".encode()).digest() for i in range(150)]
NOT_BEFORE = date(2025, 1, 3)  # the plan is made on 2 January 2025
GAP = 45  # a quarter of a half-year window (the default)


def qn_units() -> list[str]:
    registry = yaml.safe_load((SEEDS / "agencies" / "quang-ninh.yaml").read_text(encoding="utf-8"))
    kinds = {"public_service_centre", "one_stop_unit"}
    return sorted(a["code"] for a in registry["agencies"] if a["kind"] in kinds)


def qn_inspectors() -> tuple[str, ...]:
    registry = yaml.safe_load((SEEDS / "agencies" / "quang-ninh.yaml").read_text(encoding="utf-8"))
    snv = next(a for a in registry["agencies"] if a["code"] == "QN-SNV")
    return tuple(sorted(p["email"] for p in snv["people"] if "inspector" in p["roles"]))


UNITS = qn_units()
INSPECTORS = qn_inspectors()
SLOTS = tuple(
    Slot(f"2025/{u}/{r}", u, r, 2, date(2025, 1, 1), date(2025, 12, 31))
    for u in UNITS
    for r in (1, 2)
)
WINDOWS = {slot.key: window_of(slot) for slot in SLOTS}


def request(secret: bytes, **changes: object) -> PlanRequest:
    values: dict[str, object] = {
        "secret": secret,
        "context": "QN124-D1.3c-KTDX|QN-SNV|2025|v1|2025-01-03",
        "slots": SLOTS,
        "inspectors": INSPECTORS,
        "not_before": NOT_BEFORE,
    }
    values.update(changes)
    return PlanRequest(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def plans():
    return [propose(request(secret), CAL) for secret in SECRETS]


def test_the_seed_duty_has_21_units_and_5_inspectors():
    assert len(UNITS) == 21 and len(INSPECTORS) == 5


def test_every_unit_gets_two_working_days_in_its_halves_of_the_year(plans):
    for plan in plans:
        assert len(plan) == 42
        by_unit = Counter(p.unit for p in plan)
        assert set(by_unit.values()) == {2}
        for proposal in plan:
            first, last = WINDOWS[proposal.key]
            assert proposal.origin == "drawn" and proposal.day is not None
            assert CAL.is_working_day(proposal.day), proposal
            assert first <= proposal.day <= last and proposal.day >= NOT_BEFORE


def test_the_two_inspections_of_a_unit_are_at_least_the_minimum_gap_apart(plans):
    for plan in plans:
        days = {(p.unit, p.round): p.day for p in plan}
        for unit in UNITS:
            assert (days[(unit, 2)] - days[(unit, 1)]).days >= GAP


def test_inspectors_carry_the_same_load_and_never_two_visits_a_day(plans):
    for plan in plans:
        load = Counter(p.inspector for p in plan)
        assert set(load) == set(INSPECTORS)
        assert max(load.values()) - min(load.values()) <= 1
        assert len({(p.inspector, p.day) for p in plan}) == len(plan)


def test_visits_are_spread_over_the_year_not_bunched_in_a_week(plans):
    spread = []
    for plan in plans:
        weeks = Counter(p.day.isocalendar()[:2] for p in plan)
        assert max(weeks.values()) <= 3  # the even share (two where windows meet), plus one
        first_round = {p.day.isocalendar()[:2] for p in plan if p.round == 1}
        assert len(first_round) >= 11  # 21 first visits, at most 2 a week
        spread.append(len(first_round))
    assert statistics.mean(spread) >= 13


def test_the_same_secret_gives_the_same_plan():
    assert propose(request(SECRETS[0]), CAL) == propose(request(SECRETS[0]), CAL)


def test_different_secrets_give_unrelated_dates(plans):
    # Two independent draws agree on a (unit, round) about once in 120 (working days in a
    # window): about 0.35 of the 42 slots. Anything near a real dependence would be far more.
    same = [
        sum(a.day == b.day for a, b in zip(plans[i], plans[i + 1], strict=True))
        for i in range(len(plans) - 1)
    ]
    assert statistics.mean(same) < 1.5
    assert max(same) <= 6


def test_days_are_uniform_within_their_window(plans):
    """Nobody can guess "early in the window" or "just before 30 June" better than chance."""
    for round_, low, high in ((1, 0.15, 0.25), (2, 0.12, 0.28)):
        fifths: Counter[int] = Counter()
        for plan in plans:
            for proposal in plan:
                if proposal.round != round_:
                    continue
                first, last = WINDOWS[proposal.key]
                position = (proposal.day - first).days / ((last - first).days + 1)
                fifths[min(int(position * 5), 4)] += 1
        total = sum(fifths.values())
        shares = [fifths[i] / total for i in range(5)]
        assert all(low <= share <= high for share in shares), (round_, shares)


def test_a_units_first_date_says_little_about_its_second(plans):
    firsts, seconds = [], []
    for plan in plans:
        days = {(p.unit, p.round): p.day.toordinal() for p in plan}
        for unit in UNITS:
            firsts.append(days[(unit, 1)])
            seconds.append(days[(unit, 2)])
    assert abs(statistics.correlation(firsts, seconds)) < 0.2


def test_the_order_of_units_is_not_the_order_of_dates(plans):
    """No unit is always served first: each unit's rank among round-1 dates varies."""
    ranks: dict[str, list[int]] = {unit: [] for unit in UNITS}
    for plan in plans:
        ordered = sorted((p.day, p.unit) for p in plan if p.round == 1)
        for rank, (_, unit) in enumerate(ordered):
            ranks[unit].append(rank)
    for unit, seen in ranks.items():
        assert statistics.pstdev(seen) > 3, unit


def test_a_replan_keeps_what_is_done_and_ahead_and_draws_missed_days_after_the_replan():
    first = propose(request(SECRETS[1]), CAL)
    replan_day = date(2025, 5, 15)
    not_before = CAL.add_working_days(replan_day, 1)
    fixed = []
    for p in first:
        if p.day < replan_day and p.unit in UNITS[:10]:
            fixed.append(Fixed(p.key, p.day, p.inspector, "done"))
        elif p.day >= not_before:
            fixed.append(Fixed(p.key, p.day, p.inspector, "kept"))
    missed = {p.key for p in first} - {f.key for f in fixed}
    assert missed, "the scenario needs missed dates"
    for secret in SECRETS[:40]:
        second = propose(
            request(secret, fixed=tuple(fixed), not_before=not_before, context="v2"), CAL
        )
        by_key = {p.key: p for p in second}
        for kept in fixed:
            assert (by_key[kept.key].day, by_key[kept.key].origin) == (kept.day, kept.origin)
        for key in missed:
            redrawn = by_key[key]
            assert redrawn.origin == "drawn" and redrawn.day >= not_before
            assert CAL.is_working_day(redrawn.day)
        assert len({(p.inspector, p.day) for p in second}) == len(second)


def test_a_slot_with_no_day_left_is_reported_unplaced_never_dropped():
    late = propose(request(SECRETS[2], not_before=date(2026, 1, 5)), CAL)
    assert len(late) == 42
    assert {p.origin for p in late} == {"unplaced"} and {p.day for p in late} == {None}


def test_days_taken_by_another_duty_are_not_double_booked():
    busy = frozenset(
        (i, date(2025, 1, 3) + timedelta(days=d)) for i in INSPECTORS for d in range(0, 360, 2)
    )
    plan = propose(request(SECRETS[3], busy=busy), CAL)
    assert all((p.inspector, p.day) not in busy for p in plan)


def test_a_team_without_inspectors_is_refused():
    with pytest.raises(PlanningError, match="đoàn kiểm tra"):
        propose(request(SECRETS[0], inspectors=()), CAL)


def test_a_short_secret_is_refused():
    with pytest.raises(PlanningError, match="16 byte"):
        propose(request(b"short"), CAL)


def test_the_gap_can_be_set_and_holds():
    plan = propose(request(SECRETS[4], constraints=Constraints(min_gap_days=120)), CAL)
    days = {(p.unit, p.round): p.day for p in plan}
    assert all((days[(u, 2)] - days[(u, 1)]).days >= 120 for u in UNITS)


def test_quarterly_duties_get_one_day_per_quarter():
    slots = tuple(
        Slot(f"2025-Q{q}/U{u}/1", f"U{u}", 1, 1, date(2025, m, 1), month_end(2025, m + 2))
        for q, m in enumerate((1, 4, 7, 10), start=1)
        for u in range(6)
    )
    plan = propose(request(SECRETS[5], slots=slots), CAL)
    assert {p.origin for p in plan} == {"drawn"}
    for proposal, slot in zip(plan, slots, strict=True):
        assert slot.period_start <= proposal.day <= slot.period_end
