"""Expansion of a schedule ("every quarter, by the 20th of its last month") into dated
occurrences, each with its period and its due date.

Every recurring rule is a grid of periods of N calendar months: a year is 12 months
from January, a half-year 6, a quarter 3, a month 1, and "N months" is N months from
the month of ``start``. The due date is then picked inside the period (``day`` of the
``month``-th month, or the ``working_day``-th working day) or, in report mode, after the
cut-off day of the matching Nghị định 09/2019 reporting period.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from tasks_catalog.calendar.periods import reporting_period
from tasks_catalog.calendar.workdays import WorkCalendar

_NAMED_EVERY = {"year": 12, "half_year": 6, "quarter": 3, "month": 1}
_N_MONTHS = re.compile(r"(\d+) months?")
# Report mode maps a calendar period to the Nghị định 09 period of the same label.
_REPORT_KIND = {12: "annual", 6: "six_months", 3: "quarterly", 1: "monthly"}


@dataclass(frozen=True)
class Schedule:
    """When an obligation falls due, as written in a catalogue.

    Either ``once`` (a single date) or ``every`` (``year``, ``half_year``, ``quarter``,
    ``month`` or ``"N months"``). For a recurring rule the due date is ``day`` of the
    ``month``-th month of the period (defaults: last day, last month; a day past the
    month's end clamps to it), or the ``working_day``-th working day of the period
    (negative counts from its end). With ``report`` the period is the Nghị định 09
    reporting period and, unless ``day``/``month`` are given, the due date is the
    cut-off day plus ``after_cutoff`` working days.
    """

    once: date | None = None
    every: str | None = None
    day: int | None = None
    month: int | None = None
    working_day: int | None = None
    report: bool = False
    after_cutoff: int = 0
    start: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a schedule; ``due`` is ``nominal_due`` moved off days off."""

    label: str
    period_start: date
    period_end: date
    nominal_due: date
    due: date


def validate_schedule(schedule: Schedule) -> list[str]:
    """Everything impossible or ambiguous in ``schedule``, in Vietnamese; [] if sound."""
    once, every = schedule.once, schedule.every
    if once is not None and every is not None:
        return ["Chỉ dùng một trong hai: once (một lần) hoặc every (định kỳ)"]
    problems = _bounds_problems(schedule)
    if once is not None:
        return problems + _once_problems(schedule, once)
    if every is not None:
        return problems + _every_problems(schedule, every)
    return ["Thiếu thời hạn: cần once (một lần) hoặc every (định kỳ)"]


def occurrences(
    schedule: Schedule, calendar: WorkCalendar, window_start: date, window_end: date
) -> list[Occurrence]:
    """Every occurrence whose nominal due date lies in [window_start, window_end] and
    in [start, until]. Raises ValueError if the schedule is not valid."""
    return list(_iter_occurrences(schedule, calendar, window_start, window_end))


def first_occurrence(
    schedule: Schedule, calendar: WorkCalendar, window_start: date, window_end: date
) -> Occurrence | None:
    """The earliest occurrence in the window, or None when the rule never fires there."""
    return next(_iter_occurrences(schedule, calendar, window_start, window_end), None)


def months_per_period(every: str) -> int | None:
    """12 for ``year``, 3 for ``quarter``, N for ``"N months"``; None if not understood."""
    if every in _NAMED_EVERY:
        return _NAMED_EVERY[every]
    match = _N_MONTHS.fullmatch(every.strip())
    return int(match[1]) if match else None


def _bounds_problems(schedule: Schedule) -> list[str]:
    start, until = schedule.start, schedule.until
    if start is not None and until is not None and until < start:
        return [f"Ngày kết thúc (until {until:%d/%m/%Y}) trước ngày bắt đầu ({start:%d/%m/%Y})"]
    return []


def _once_problems(schedule: Schedule, once: date) -> list[str]:
    problems = []
    if any(v is not None for v in (schedule.day, schedule.month, schedule.working_day)):
        problems.append("Thời hạn một lần (once) không dùng cùng day, month, working_day")
    if schedule.report or schedule.after_cutoff:
        problems.append("Thời hạn một lần (once) không dùng cùng report, after_cutoff")
    start, until = schedule.start, schedule.until
    if (start is not None and once < start) or (until is not None and once > until):
        problems.append(f"Thời hạn {once:%d/%m/%Y} nằm ngoài khoảng start – until")
    return problems


def _every_problems(schedule: Schedule, every: str) -> list[str]:
    months = months_per_period(every)
    if months is None:
        return [
            f'Chu kỳ "{schedule.every}" không hợp lệ: dùng year, half_year, quarter, '
            'month hoặc "N months" (ví dụ "2 months")'
        ]
    if not 1 <= months <= 12:
        return [f'Chu kỳ "{schedule.every}": số tháng phải từ 1 đến 12']
    return _anchor_problems(schedule, months) + _due_problems(schedule, months)


def _anchor_problems(schedule: Schedule, months: int) -> list[str]:
    # A grid of 12/N periods a year starts in January whatever the year; any other N
    # drifts from year to year, so only `start` can say where it begins.
    if 12 % months and schedule.start is None:
        return [f'Chu kỳ "{schedule.every}" cần ngày bắt đầu (start) để xác định kỳ đầu tiên']
    return []


def _due_problems(schedule: Schedule, months: int) -> list[str]:
    problems = []
    day, month, working_day = schedule.day, schedule.month, schedule.working_day
    if day is not None and not 1 <= day <= 31:
        problems.append(f"Ngày trong tháng (day = {day}) phải từ 1 đến 31")
    if month is not None and not 1 <= month <= months:
        problems.append(f"Tháng trong kỳ (month = {month}) phải từ 1 đến {months}")
    if working_day == 0:
        problems.append("working_day đếm từ 1 (đầu kỳ) hoặc từ -1 (cuối kỳ), không có 0")
    if working_day is not None and (day is not None or month is not None):
        problems.append("working_day không dùng cùng day, month")
    return problems + _report_problems(schedule, months)


def _report_problems(schedule: Schedule, months: int) -> list[str]:
    problems = []
    if schedule.after_cutoff < 0:
        problems.append(f"after_cutoff = {schedule.after_cutoff} phải lớn hơn hoặc bằng 0")
    if not schedule.report:
        if schedule.after_cutoff:
            problems.append("after_cutoff chỉ dùng với chế độ báo cáo (report)")
        return problems
    if schedule.every not in _NAMED_EVERY:
        problems.append(
            "Chế độ báo cáo (report) chỉ dùng với every = year, half_year, quarter, month"
        )
    if schedule.working_day is not None:
        problems.append("Chế độ báo cáo (report) không dùng cùng working_day")
    if schedule.after_cutoff and (schedule.day is not None or schedule.month is not None):
        problems.append("after_cutoff không dùng cùng day, month")
    return problems


def _iter_occurrences(
    schedule: Schedule, calendar: WorkCalendar, window_start: date, window_end: date
) -> Iterator[Occurrence]:
    """Occurrences in order of due date.

    1. Refuse an invalid schedule.
    2. Narrow the window to [start, until].
    3. A one-off yields its single date if it falls inside.
    4. A recurring rule walks its grid of periods from a few periods before the window
       (a report may fall due after its calendar period ends) until a period starts
       after the window, and yields each nominal due date that falls inside.
    """
    problems = validate_schedule(schedule)
    if problems:
        raise ValueError("; ".join(problems))
    low = max(window_start, schedule.start or window_start)
    high = min(window_end, schedule.until or window_end)
    if schedule.once is not None:
        yield from _once(schedule, schedule.once, calendar, low, high)
        return
    every = schedule.every or ""
    months = months_per_period(every)
    if months is None:  # validate_schedule has refused it already
        raise ValueError(f"Chu kỳ {every!r} không hợp lệ")
    anchor = _anchor(schedule)
    index = (_month_index(low) - anchor) // months - _lookback(schedule, months)
    while (first_month := anchor + index * months) <= _month_index(high):
        occurrence = _occurrence(schedule, every, calendar, first_month, months)
        if occurrence is not None and low <= occurrence.nominal_due <= high:
            yield occurrence
        index += 1


def _once(
    schedule: Schedule, once: date, calendar: WorkCalendar, low: date, high: date
) -> Iterator[Occurrence]:
    if low <= once <= high:
        start = schedule.start if schedule.start is not None else once
        yield Occurrence("once", start, once, once, calendar.roll_forward(once))


def _anchor(schedule: Schedule) -> int:
    """Month index where the grid of periods starts.

    Calendar periods start in January; "N months" starts at the month of ``start``.
    Without ``start``, N divides 12 (see validate_schedule), so January of any year gives
    the same grid: month index 0 is January of year 0.
    """
    if schedule.every in _NAMED_EVERY or schedule.start is None:
        return 0
    return _month_index(schedule.start)


def _lookback(schedule: Schedule, months: int) -> int:
    """How many periods before the window's first one may still fall due inside it.

    Only report mode with after_cutoff can fall due after its calendar period: the
    cut-off is the 14th, and n working days span at most ~1.5 n + 10 days (Tết).
    """
    if not schedule.report:
        return 0
    return 1 + (schedule.after_cutoff * 3 // 2 + 10) // (28 * months)


def _occurrence(
    schedule: Schedule, every: str, calendar: WorkCalendar, first_month: int, months: int
) -> Occurrence | None:
    """The occurrence of the period starting at month index ``first_month``."""
    label = _label(every, first_month)
    start, end = _month_start(first_month), _month_end(first_month + months - 1)
    if schedule.report:
        period = reporting_period(_REPORT_KIND[months], label)
        start, end = period.start, period.end
    nominal = _nominal_due(schedule, calendar, first_month, months, start, end)
    if nominal is None:
        return None
    return Occurrence(label, start, end, nominal, calendar.roll_forward(nominal))


def _nominal_due(
    schedule: Schedule,
    calendar: WorkCalendar,
    first_month: int,
    months: int,
    start: date,
    end: date,
) -> date | None:
    if schedule.working_day is not None:
        return calendar.nth_working_day(start, end, schedule.working_day)
    if schedule.report and schedule.day is None and schedule.month is None:
        return calendar.add_working_days(end, schedule.after_cutoff)
    due_month = first_month + (schedule.month or months) - 1
    last_day = _month_end(due_month)
    return last_day.replace(day=min(schedule.day or last_day.day, last_day.day))


def _label(every: str, first_month: int) -> str:
    first = _month_start(first_month)
    if every == "year":
        return str(first.year)
    if every == "half_year":
        return f"{first.year}-H{(first.month - 1) // 6 + 1}"
    if every == "quarter":
        return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    return f"{first.year}-{first.month:02d}"


def _month_index(d: date) -> int:
    """Months since year 0, so that month arithmetic is integer arithmetic."""
    return d.year * 12 + d.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _month_end(index: int) -> date:
    year, month = index // 12, index % 12 + 1
    return date(year, month, monthrange(year, month)[1])
