from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks_catalog.calendar import (
    CalendarDataError,
    DeclaredDay,
    WorkCalendar,
    default_calendar,
    load_declared_days,
)

CAL = default_calendar()


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# --- The real 2025 and 2026 calendars ----------------------------------------------


@pytest.mark.parametrize("d", days(date(2025, 1, 25), date(2025, 2, 2)))
def test_every_day_of_tet_at_ty_25_january_to_2_february_2025_is_off(d):
    assert not CAL.is_working_day(d)


def test_monday_27_january_2025_is_swapped_into_tet():
    assert CAL.day_off_reason(date(2025, 1, 27)) == (
        "Nghỉ Tết Âm lịch (hoán đổi, làm bù thứ Bảy 08/02/2025)"
    )


def test_make_up_saturday_8_february_2025_is_a_working_day():
    assert CAL.is_working_day(date(2025, 2, 8))
    assert CAL.day_off_reason(date(2025, 2, 8)) is None


def test_work_resumes_on_monday_3_february_2025():
    assert CAL.is_working_day(date(2025, 2, 3))


def test_gio_to_hung_vuong_7_april_2025_is_off():
    assert CAL.day_off_reason(date(2025, 4, 7)) == "Ngày Giỗ Tổ Hùng Vương"


def test_make_up_saturday_26_april_2025_is_a_working_day():
    assert CAL.is_working_day(date(2025, 4, 26))


@pytest.mark.parametrize("d", days(date(2025, 4, 30), date(2025, 5, 4)))
def test_30_april_to_4_may_2025_is_off(d):
    assert not CAL.is_working_day(d)


def test_friday_2_may_2025_is_off_for_the_swap():
    assert "làm bù thứ Bảy 26/4/2025" in CAL.day_off_reason(date(2025, 5, 2))


@pytest.mark.parametrize("d", days(date(2025, 8, 30), date(2025, 9, 2)))
def test_quoc_khanh_2025_is_off_from_30_august_to_2_september(d):
    assert not CAL.is_working_day(d)


def test_work_resumes_on_wednesday_3_september_2025():
    assert CAL.is_working_day(date(2025, 9, 3))


@pytest.mark.parametrize("d", days(date(2026, 1, 1), date(2026, 1, 4)))
def test_tet_duong_lich_2026_is_off_from_1_to_4_january(d):
    assert not CAL.is_working_day(d)


def test_make_up_saturday_10_january_2026_is_a_working_day():
    assert CAL.is_working_day(date(2026, 1, 10))


@pytest.mark.parametrize("d", days(date(2026, 2, 14), date(2026, 2, 22)))
def test_every_day_of_tet_binh_ngo_14_to_22_february_2026_is_off(d):
    assert not CAL.is_working_day(d)


def test_work_resumes_on_monday_23_february_2026():
    assert CAL.is_working_day(date(2026, 2, 23))


def test_gio_to_2026_on_sunday_gives_monday_27_april_off():
    assert not CAL.is_working_day(date(2026, 4, 26))
    assert "Nghỉ bù Giỗ Tổ" in CAL.day_off_reason(date(2026, 4, 27))
    assert CAL.is_working_day(date(2026, 4, 28))


@pytest.mark.parametrize("d", [date(2026, 4, 30), date(2026, 5, 1)])
def test_30_april_and_1_may_2026_are_off(d):
    assert not CAL.is_working_day(d)


def test_quoc_khanh_2026_is_off_with_one_adjacent_day():
    assert not CAL.is_working_day(date(2026, 9, 2))
    assert not CAL.is_working_day(date(2026, 9, 1))
    assert CAL.is_working_day(date(2026, 9, 3))


def test_ordinary_weekend_reasons_are_named_in_vietnamese():
    assert CAL.day_off_reason(date(2025, 3, 8)) == "Thứ Bảy"
    assert CAL.day_off_reason(date(2025, 3, 9)) == "Chủ nhật"
    assert CAL.day_off_reason(date(2025, 3, 10)) is None


# --- The declared table overrides the holidays package both ways -------------------


def test_declared_working_day_overrides_a_package_holiday():
    cal = WorkCalendar([DeclaredDay(date(2025, 4, 30), True, "Thử nghiệm")])
    assert cal.is_working_day(date(2025, 4, 30))


def test_declared_day_off_overrides_an_ordinary_weekday():
    cal = WorkCalendar([DeclaredDay(date(2025, 3, 12), False, "Nghỉ đặc biệt")])
    assert cal.day_off_reason(date(2025, 3, 12)) == "Nghỉ đặc biệt"


def test_without_the_table_make_up_saturday_is_just_a_saturday():
    assert not WorkCalendar().is_working_day(date(2025, 4, 26))


# --- Deadline arithmetic ------------------------------------------------------------


def test_deadline_on_tet_moves_to_next_working_day():
    assert CAL.roll_forward(date(2025, 1, 29)) == date(2025, 2, 3)
    assert CAL.roll_forward(date(2026, 2, 17)) == date(2026, 2, 23)


def test_deadline_on_a_working_day_stays():
    assert CAL.roll_forward(date(2025, 3, 14)) == date(2025, 3, 14)


def test_deadline_on_sunday_before_make_up_saturday_is_not_moved_to_it():
    # Sunday 9/2/2025 is after make-up Saturday 8/2: the next working day is Monday.
    assert CAL.roll_forward(date(2025, 2, 9)) == date(2025, 2, 10)


def test_add_working_days_skips_tet():
    # Friday 24/1/2025 + 1 working day: Tết runs to 2/2, so Monday 3/2.
    assert CAL.add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)


def test_add_working_days_counts_the_make_up_saturday():
    assert CAL.add_working_days(date(2025, 2, 7), 1) == date(2025, 2, 8)


def test_add_working_days_does_not_count_the_start_day():
    assert CAL.add_working_days(date(2025, 3, 10), 5) == date(2025, 3, 17)


def test_add_negative_working_days_skips_30_april_backwards():
    assert CAL.add_working_days(date(2025, 5, 5), -1) == date(2025, 4, 29)
    assert CAL.add_working_days(date(2025, 5, 5), -3) == date(2025, 4, 26)


def test_add_zero_working_days_returns_the_same_day():
    assert CAL.add_working_days(date(2025, 2, 1), 0) == date(2025, 2, 1)


def test_working_days_between_across_tet_2025():
    # (24/1, 7/2]: none from 25/1 to 2/2, then 3–7/2.
    assert CAL.working_days_between(date(2025, 1, 24), date(2025, 2, 7)) == 5
    assert CAL.working_days_between(date(2025, 2, 7), date(2025, 1, 24)) == -5


def test_working_days_between_across_new_year():
    # (31/12/2025, 12/1/2026]: 5, 6, 7, 8, 9 and make-up 10, then 12 January.
    assert CAL.working_days_between(date(2025, 12, 31), date(2026, 1, 12)) == 7


def test_nth_working_day_from_start_and_end_of_a_range():
    first, last = date(2025, 4, 1), date(2025, 4, 30)
    assert CAL.nth_working_day(first, last, 1) == date(2025, 4, 1)
    assert CAL.nth_working_day(first, last, -1) == date(2025, 4, 29)
    assert CAL.nth_working_day(first, last, -2) == date(2025, 4, 28)


def test_nth_working_day_is_none_when_the_range_is_too_short():
    assert CAL.nth_working_day(date(2025, 1, 25), date(2025, 2, 2), 1) is None
    assert CAL.nth_working_day(date(2025, 5, 1), date(2025, 5, 9), 6) is None


def test_nth_working_day_zero_is_refused():
    with pytest.raises(ValueError):
        CAL.nth_working_day(date(2025, 5, 1), date(2025, 5, 9), 0)


# --- Properties ---------------------------------------------------------------------

any_day = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
any_n = st.integers(min_value=-120, max_value=120)


@given(any_day, any_n.filter(bool))
def test_add_working_days_always_lands_on_a_working_day(d, n):
    assert CAL.is_working_day(CAL.add_working_days(d, n))


@given(any_day)
def test_roll_forward_is_idempotent_and_never_earlier(d):
    rolled = CAL.roll_forward(d)
    assert rolled >= d
    assert CAL.is_working_day(rolled)
    assert CAL.roll_forward(rolled) == rolled


@given(any_day, st.integers(min_value=0, max_value=120))
def test_working_days_between_undoes_add_working_days(d, n):
    assert CAL.working_days_between(d, CAL.add_working_days(d, n)) == n


@given(any_day, st.integers(min_value=-120, max_value=-1))
def test_working_days_between_undoes_going_back_from_a_working_day(d, n):
    d = CAL.roll_forward(d)
    assert CAL.working_days_between(d, CAL.add_working_days(d, n)) == n


@given(any_day, any_day)
def test_working_days_between_matches_a_day_by_day_count(a, b):
    low, high = sorted((a, b))
    count = sum(CAL.is_working_day(d) for d in days(low + timedelta(days=1), high))
    assert CAL.working_days_between(low, high) == count


# --- Loading the declared table -----------------------------------------------------


def test_shipped_table_loads_and_has_both_kinds_of_day():
    declared = load_declared_days()
    assert DeclaredDay(date(2025, 4, 26), True, "Làm bù cho thứ Sáu 02/5/2025") in declared
    assert any(not d.working for d in declared)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vn_declared_days.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_date_names_file_and_line(tmp_path):
    path = write(
        tmp_path,
        "- date: 2025-04-26\n  working: true\n  reason: ok\n"
        "- date: 2025-13-01\n  working: false\n  reason: sai\n",
    )
    with pytest.raises(CalendarDataError, match=r'vn_declared_days.yaml:4: ngày "2025-13-01"'):
        load_declared_days(path)


def test_working_must_be_a_boolean(tmp_path):
    path = write(tmp_path, "- date: 2025-04-26\n  working: maybe\n  reason: ok\n")
    with pytest.raises(CalendarDataError, match=r":2: working phải là true hoặc false"):
        load_declared_days(path)


def test_missing_reason_and_unknown_keys_are_reported(tmp_path):
    with pytest.raises(CalendarDataError, match="thiếu khóa: reason"):
        load_declared_days(write(tmp_path, "- {date: 2025-04-26, working: true}\n"))
    text = "- {date: 2025-04-26, working: true, reason: x, note: y}\n"
    with pytest.raises(CalendarDataError, match="khóa không hợp lệ: note"):
        load_declared_days(write(tmp_path, text))


def test_a_date_declared_twice_is_refused(tmp_path):
    text = "- {date: 2025-04-26, working: true, reason: a}\n" * 2
    with pytest.raises(CalendarDataError, match=":2: ngày 2025-04-26 đã khai báo ở dòng 1"):
        load_declared_days(write(tmp_path, text))


def test_broken_yaml_names_its_line(tmp_path):
    text = "- {date: 2025-04-26, working: true, reason: a}\n- {date: [\n"
    with pytest.raises(CalendarDataError, match=r"vn_declared_days.yaml:\d+: YAML không hợp lệ"):
        load_declared_days(write(tmp_path, text))


def test_empty_file_declares_nothing(tmp_path):
    assert load_declared_days(write(tmp_path, "# không có ngày nào\n")) == []
