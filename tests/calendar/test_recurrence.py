from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks_catalog.calendar import (
    Occurrence,
    Schedule,
    default_calendar,
    first_occurrence,
    occurrences,
    validate_schedule,
)

CAL = default_calendar()
Y2025 = (date(2025, 1, 1), date(2025, 12, 31))
Y2026 = (date(2026, 1, 1), date(2026, 12, 31))


def nominal(schedule: Schedule, window=Y2025) -> list[date]:
    return [o.nominal_due for o in occurrences(schedule, CAL, *window)]


def labels(schedule: Schedule, window=Y2025) -> list[str]:
    return [o.label for o in occurrences(schedule, CAL, *window)]


# --- One-off ------------------------------------------------------------------------


def test_one_off_on_tet_is_due_the_next_working_day():
    found = occurrences(Schedule(once=date(2025, 1, 29)), CAL, *Y2025)
    assert found == [
        Occurrence(
            "once", date(2025, 1, 29), date(2025, 1, 29), date(2025, 1, 29), date(2025, 2, 3)
        )
    ]


def test_one_off_period_starts_at_the_schedule_start():
    found = occurrences(Schedule(once=date(2025, 6, 30), start=date(2025, 1, 1)), CAL, *Y2025)
    assert found[0].period_start == date(2025, 1, 1)


def test_one_off_outside_the_window_does_not_occur():
    assert occurrences(Schedule(once=date(2026, 3, 2)), CAL, *Y2025) == []


# --- Calendar periods ---------------------------------------------------------------


def test_yearly_rule_defaults_to_31_december():
    found = occurrences(Schedule(every="year"), CAL, *Y2025)
    assert [(o.label, o.period_start, o.period_end, o.nominal_due) for o in found] == [
        ("2025", date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31))
    ]


def test_yearly_rule_on_a_given_day_and_month():
    assert nominal(Schedule(every="year", month=6, day=30)) == [date(2025, 6, 30)]


def test_half_yearly_rule_is_due_at_the_end_of_june_and_december():
    schedule = Schedule(every="half_year")
    assert labels(schedule) == ["2025-H1", "2025-H2"]
    assert nominal(schedule) == [date(2025, 6, 30), date(2025, 12, 31)]


def test_quarterly_rule_clamps_day_31_to_the_end_of_short_months():
    schedule = Schedule(every="quarter", month=2, day=31)
    assert labels(schedule) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert nominal(schedule) == [
        date(2025, 2, 28),
        date(2025, 5, 31),
        date(2025, 8, 31),
        date(2025, 11, 30),
    ]


def test_monthly_rule_on_day_31_clamps_to_30_and_28():
    found = nominal(Schedule(every="month", day=31))
    assert found[:4] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)]


def test_monthly_deadline_on_tet_moves_after_tet():
    found = occurrences(Schedule(every="month", day=15), CAL, date(2026, 2, 1), date(2026, 2, 28))
    assert [(o.label, o.nominal_due, o.due) for o in found] == [
        ("2026-02", date(2026, 2, 15), date(2026, 2, 23))
    ]


def test_occurrences_are_filtered_by_nominal_due_not_by_rolled_due():
    # 31/8/2025 is a Sunday; it is due 3/9 but belongs to a window ending in August.
    found = occurrences(Schedule(every="month"), CAL, date(2025, 8, 1), date(2025, 8, 31))
    assert [(o.nominal_due, o.due) for o in found] == [(date(2025, 8, 31), date(2025, 9, 3))]


# --- "N months", start and until ----------------------------------------------------


def test_every_two_months_is_anchored_at_the_start_month():
    schedule = Schedule(every="2 months", start=date(2025, 2, 10))
    found = occurrences(schedule, CAL, *Y2025)
    assert [o.label for o in found] == ["2025-02", "2025-04", "2025-06", "2025-08", "2025-10"]
    assert found[0].period_start == date(2025, 2, 1)
    assert found[0].period_end == date(2025, 3, 31)
    assert found[0].nominal_due == date(2025, 3, 31)


def test_every_three_months_without_start_is_anchored_at_january():
    schedule = Schedule(every="3 months", day=10, month=1)
    assert labels(schedule) == ["2025-01", "2025-04", "2025-07", "2025-10"]
    assert nominal(schedule)[1] == date(2025, 4, 10)


def test_every_five_months_crosses_the_year_from_its_start():
    schedule = Schedule(every="5 months", start=date(2024, 11, 1), month=1, day=5)
    assert labels(schedule) == ["2025-04", "2025-09"]


def test_nothing_is_due_before_start():
    schedule = Schedule(every="month", day=15, start=date(2025, 3, 20))
    assert nominal(schedule)[0] == date(2025, 4, 15)


def test_nothing_is_due_after_until():
    schedule = Schedule(every="month", day=10, until=date(2025, 6, 9))
    assert labels(schedule) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]


# --- Working-day rules ---------------------------------------------------------------


def test_first_working_day_of_the_month_skips_holidays():
    found = nominal(Schedule(every="month", working_day=1))
    assert found[:3] == [date(2025, 1, 2), date(2025, 2, 3), date(2025, 3, 3)]


def test_last_working_day_of_april_2025_is_29_april():
    schedule = Schedule(every="month", working_day=-1)
    found = occurrences(schedule, CAL, date(2025, 4, 1), date(2025, 4, 30))
    assert [(o.nominal_due, o.due) for o in found] == [(date(2025, 4, 29), date(2025, 4, 29))]


def test_second_working_day_of_the_quarter_counts_the_make_up_saturday():
    # 2026-Q1: 1–4/1 off, 5/1 is the first working day, 6/1 the second.
    found = nominal(Schedule(every="quarter", working_day=2), Y2026)
    assert found[0] == date(2026, 1, 6)


def test_a_working_day_rule_that_never_fires_has_no_first_occurrence():
    assert first_occurrence(Schedule(every="month", working_day=25), CAL, *Y2025) is None


# --- Nghị định 09 report mode -------------------------------------------------------


def test_quarterly_report_is_due_on_the_cut_off_day():
    found = occurrences(Schedule(every="quarter", report=True), CAL, *Y2025)
    first = found[0]
    assert (first.label, first.period_start, first.period_end) == (
        "2025-Q1",
        date(2024, 12, 15),
        date(2025, 3, 14),
    )
    assert first.nominal_due == date(2025, 3, 14)


def test_monthly_report_after_cut_off_skips_tet_2026():
    schedule = Schedule(every="month", report=True, after_cutoff=3)
    found = occurrences(schedule, CAL, date(2026, 2, 1), date(2026, 2, 28))
    assert [(o.label, o.nominal_due) for o in found] == [("2026-02", date(2026, 2, 25))]


def test_annual_report_may_fall_due_in_the_next_year():
    schedule = Schedule(every="year", report=True, after_cutoff=20)
    found = occurrences(schedule, CAL, *Y2026)
    assert [(o.label, o.nominal_due) for o in found][0] == ("2025", date(2026, 1, 12))


def test_six_months_report_uses_nd09_periods():
    found = occurrences(Schedule(every="half_year", report=True, after_cutoff=2), CAL, *Y2025)
    assert [(o.label, o.period_start, o.nominal_due) for o in found] == [
        ("2025-H1", date(2024, 12, 15), date(2025, 6, 17)),
        ("2025-H2", date(2025, 6, 15), date(2025, 12, 16)),
    ]


def test_report_with_a_day_is_due_that_day_of_the_last_month():
    schedule = Schedule(every="quarter", report=True, day=20)
    found = occurrences(schedule, CAL, *Y2025)
    assert (found[0].period_end, found[0].nominal_due) == (date(2025, 3, 14), date(2025, 3, 20))


# --- Validation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schedule", "fragment"),
    [
        (Schedule(once=date(2025, 1, 1), every="year"), "Chỉ dùng một trong hai"),
        (Schedule(), "Thiếu thời hạn"),
        (Schedule(every="fortnight"), 'Chu kỳ "fortnight" không hợp lệ'),
        (Schedule(every="0 months"), "số tháng phải từ 1 đến 12"),
        (Schedule(every="13 months"), "số tháng phải từ 1 đến 12"),
        (Schedule(every="month", day=32), "day = 32"),
        (Schedule(every="month", day=0), "day = 0"),
        (Schedule(every="quarter", month=4), "month = 4) phải từ 1 đến 3"),
        (Schedule(every="month", working_day=0), "không có 0"),
        (Schedule(every="month", working_day=1, day=5), "working_day không dùng cùng day"),
        (Schedule(every="2 months", report=True), "report) chỉ dùng với every"),
        (Schedule(every="month", report=True, working_day=1), "không dùng cùng working_day"),
        (Schedule(every="month", after_cutoff=3), "after_cutoff chỉ dùng với"),
        (Schedule(every="month", report=True, after_cutoff=-1), "after_cutoff = -1"),
        (Schedule(every="month", report=True, after_cutoff=2, day=5), "after_cutoff không dùng"),
        (Schedule(every="5 months"), "cần ngày bắt đầu (start)"),
        (Schedule(once=date(2025, 1, 1), day=5), "once) không dùng cùng day"),
        (Schedule(once=date(2024, 1, 1), start=date(2025, 1, 1)), "nằm ngoài khoảng"),
        (
            Schedule(every="year", start=date(2025, 1, 1), until=date(2024, 1, 1)),
            "until 01/01/2024) trước ngày bắt đầu",
        ),
    ],
)
def test_impossible_schedules_are_explained(schedule, fragment):
    assert any(fragment in problem for problem in validate_schedule(schedule))


@pytest.mark.parametrize(
    "schedule",
    [
        Schedule(once=date(2025, 6, 30)),
        Schedule(every="year", month=12, day=31),
        Schedule(every="2 months", start=date(2025, 2, 1)),
        Schedule(every="quarter", report=True, after_cutoff=5),
        Schedule(every="month", working_day=-1, until=date(2030, 12, 31)),
    ],
)
def test_sound_schedules_have_no_problems(schedule):
    assert validate_schedule(schedule) == []


def test_occurrences_of_an_invalid_schedule_raise_with_the_problems():
    with pytest.raises(ValueError, match="day = 40"):
        occurrences(Schedule(every="month", day=40), CAL, *Y2025)


# --- Properties ---------------------------------------------------------------------

schedules = st.builds(
    Schedule,
    every=st.sampled_from(["year", "half_year", "quarter", "month", "2 months", "4 months"]),
    day=st.none() | st.integers(1, 31),
)
windows = st.dates(date(2024, 1, 1), date(2027, 6, 30)).flatmap(
    lambda start: st.tuples(st.just(start), st.dates(start, date(2027, 12, 31)))
)


@settings(max_examples=60)
@given(schedules, windows)
def test_occurrences_fall_in_the_window_in_order_and_are_due_on_working_days(schedule, window):
    found = occurrences(schedule, CAL, *window)
    dues = [o.nominal_due for o in found]
    assert dues == sorted(dues)
    assert len({o.label for o in found}) == len(found)
    for o in found:
        assert window[0] <= o.nominal_due <= window[1]
        assert o.period_start <= o.nominal_due <= o.period_end
        assert o.due == CAL.roll_forward(o.nominal_due)


@settings(max_examples=40)
@given(schedules, windows)
def test_first_occurrence_is_the_first_of_occurrences(schedule, window):
    found = occurrences(schedule, CAL, *window)
    assert first_occurrence(schedule, CAL, *window) == (found[0] if found else None)
