from __future__ import annotations

from datetime import date, timedelta

import pytest

from tasks_catalog.calendar import PERIOD_KINDS, periods_in_year, reporting_period


def test_monthly_period_march_2025_runs_from_15_february():
    period = reporting_period("monthly", "2025-03")
    assert (period.start, period.end) == (date(2025, 2, 15), date(2025, 3, 14))


def test_monthly_period_january_starts_in_the_previous_year():
    period = reporting_period("monthly", "2025-01")
    assert (period.start, period.end) == (date(2024, 12, 15), date(2025, 1, 14))


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2025-Q1", date(2024, 12, 15), date(2025, 3, 14)),
        ("2025-Q2", date(2025, 3, 15), date(2025, 6, 14)),
        ("2025-Q3", date(2025, 6, 15), date(2025, 9, 14)),
        ("2025-Q4", date(2025, 9, 15), date(2025, 12, 14)),
    ],
)
def test_quarterly_periods_run_from_the_15th_before_the_quarter(label, start, end):
    period = reporting_period("quarterly", label)
    assert (period.start, period.end) == (start, end)


def test_six_months_period_runs_from_15_december_to_14_june():
    period = reporting_period("six_months", "2025-H1")
    assert (period.start, period.end) == (date(2024, 12, 15), date(2025, 6, 14))


def test_second_six_months_runs_from_15_june_to_14_december():
    period = reporting_period("six_months", "2025-H2")
    assert (period.start, period.end) == (date(2025, 6, 15), date(2025, 12, 14))


def test_nine_months_period_runs_from_15_december_to_14_september():
    period = reporting_period("nine_months", "2025-9M")
    assert (period.start, period.end) == (date(2024, 12, 15), date(2025, 9, 14))


def test_annual_period_runs_from_15_december_to_14_december():
    period = reporting_period("annual", "2025")
    assert (period.start, period.end) == (date(2024, 12, 15), date(2025, 12, 14))
    assert (period.kind, period.label) == ("annual", "2025")


@pytest.mark.parametrize("kind", ["monthly", "quarterly", "six_months"])
def test_periods_of_a_year_tile_it_without_gaps(kind):
    periods = periods_in_year(kind, 2025)
    assert periods[0].start == date(2024, 12, 15)
    assert periods[-1].end == date(2025, 12, 14)
    for before, after in zip(periods, periods[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)


def test_periods_in_year_lists_every_kind():
    counts = {kind: len(periods_in_year(kind, 2026)) for kind in PERIOD_KINDS}
    assert counts == {
        "monthly": 12,
        "quarterly": 4,
        "six_months": 2,
        "nine_months": 1,
        "annual": 1,
    }


def test_unknown_kind_is_refused_in_vietnamese_and_english():
    with pytest.raises(ValueError, match='Loại kỳ báo cáo "weekly" không hợp lệ.*unknown'):
        reporting_period("weekly", "2025-W01")


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("monthly", "2025-13"),
        ("monthly", "2025-3"),
        ("quarterly", "2025-Q5"),
        ("six_months", "2025-H3"),
        ("nine_months", "2025"),
        ("annual", "2025-Q1"),
        ("annual", "0999"),
    ],
)
def test_bad_label_is_refused_with_an_example(kind, label):
    with pytest.raises(ValueError, match=f'Nhãn kỳ báo cáo "{label}" không hợp lệ.*ví dụ'):
        reporting_period(kind, label)
