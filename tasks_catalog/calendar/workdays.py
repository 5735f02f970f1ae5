"""Working days of Vietnamese civil servants (cán bộ, công chức, viên chức).

The statutory holidays come from the ``holidays`` package (country VN, with the lunar
ones). The Prime Minister announces swapped days every year and the package learns them
late, so a table of declared days (``vn_declared_days.yaml``) overrides it both ways.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

import holidays
import yaml

DEFAULT_DECLARED_DAYS = Path(__file__).with_name("vn_declared_days.yaml")

_WEEKEND_NAMES = {5: "Thứ Bảy", 6: "Chủ nhật"}
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class DeclaredDay:
    """A day the government declared as an extra working day or an extra day off.

    ``working=True`` is a make-up working day (often a Saturday); ``working=False`` is
    an extra day off (the weekday swapped away, or a compensatory day).
    """

    day: date
    working: bool
    reason: str


class CalendarDataError(ValueError):
    """The declared-days file is wrong; the message names the file and line."""


@dataclass(frozen=True)
class _YearTable:
    """Every day of one year, precomputed so that each question is an index lookup."""

    jan1: int  # ordinal of 1 January
    working: bytes  # 1 for a working day; index = day of the year - 1
    prefix: tuple[int, ...]  # prefix[i] = working days among the first i days
    reasons: dict[date, str]  # why a day off is off, for days that are not weekends

    @property
    def total(self) -> int:
        return self.prefix[-1]


class WorkCalendar:
    """Answers "is this a working day?" and the deadline arithmetic built on it.

    A day is a working day when it is Monday to Friday, not a public holiday and not a
    declared day off, or when it is a declared working day (even a Saturday).
    """

    def __init__(self, declared: Iterable[DeclaredDay] = ()) -> None:
        self._declared = {d.day: d for d in declared}
        self._tables: dict[int, _YearTable] = {}

    def is_working_day(self, d: date) -> bool:
        """True when civil servants work on ``d``."""
        table = self._table(d.year)
        return table.working[d.toordinal() - table.jan1] == 1

    def day_off_reason(self, d: date) -> str | None:
        """Why ``d`` is a day off, in Vietnamese; None for a working day."""
        if self.is_working_day(d):
            return None
        return self._table(d.year).reasons.get(d) or _WEEKEND_NAMES[d.weekday()]

    def roll_forward(self, d: date) -> date:
        """The deadline after Bộ luật Dân sự 2015, Điều 148: a day off moves to the next
        working day; a working day stays."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after ``d`` (before it when n < 0).

        The start day is not counted, as for the start of an obligation; n == 0 returns d.
        """
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        remaining = abs(n)
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; the negated count of (end, start] if end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        return self._rank(end, start.year) - self._rank(start, start.year)

    def nth_working_day(self, first: date, last: date, n: int) -> date | None:
        """The n-th working day of [first, last] (n >= 1), or counted from the end
        (n <= -1); None when the range has fewer working days."""
        if n == 0:
            raise ValueError("n phải khác 0 (n must be non-zero)")
        if n > 0:
            found = self.add_working_days(first - _ONE_DAY, n)
            return found if found <= last else None
        found = self.add_working_days(last + _ONE_DAY, n)
        return found if found >= first else None

    def _rank(self, d: date, origin_year: int) -> int:
        """Working days from 1 January of ``origin_year`` up to and including ``d``."""
        before = sum(self._table(y).total for y in range(origin_year, d.year))
        table = self._table(d.year)
        return before + table.prefix[d.toordinal() - table.jan1 + 1]

    def _table(self, year: int) -> _YearTable:
        # A year-long replay asks thousands of questions; build each year once.
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self._build_table(year)
        return table

    def _build_table(self, year: int) -> _YearTable:
        reasons = dict(_public_holidays(year))
        declared = {d: v for d, v in self._declared.items() if d.year == year}
        reasons.update({d: v.reason for d, v in declared.items() if not v.working})
        jan1 = date(year, 1, 1)
        length = (date(year, 12, 31) - jan1).days + 1
        days = [jan1 + timedelta(days=i) for i in range(length)]
        flags = bytes(_is_working(d, reasons, declared) for d in days)
        return _YearTable(jan1.toordinal(), flags, (0, *accumulate(flags)), reasons)


@functools.lru_cache(maxsize=64)
def _public_holidays(year: int) -> tuple[tuple[date, str], ...]:
    """The holidays package's days of one year; building them costs ~0.15 s and a
    long-running process asks for the same years at every tick, so once per process."""
    public = holidays.country_holidays("VN", years=year, language="vi")
    return tuple((d, str(name)) for d, name in sorted(public.items()) if d.year == year)


def _is_working(d: date, reasons: dict[date, str], declared: dict[date, DeclaredDay]) -> bool:
    """The rule for one day; declared days win over weekends and the holidays package."""
    if d in declared:
        return declared[d].working
    return d.weekday() < 5 and d not in reasons


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_KEYS = {"date", "working", "reason"}


def load_declared_days(path: Path | None = None) -> list[DeclaredDay]:
    """Read the declared days (default: the shipped ``vn_declared_days.yaml``).

    The file is a YAML list of ``{date: 2025-04-26, working: true, reason: "..."}``.
    It is composed, not loaded, so that every error can name its line.
    """
    path = path or DEFAULT_DECLARED_DAYS
    root = _compose(path)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise _error(path, root, "tệp phải là một danh sách các ngày")
    days = [_declared_day(path, node) for node in root.value]
    _check_unique(path, root.value, days)
    return days


def _compose(path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise CalendarDataError(f"{path.name}:{line}: YAML không hợp lệ: {exc.problem}") from exc


def _declared_day(path: Path, node: yaml.Node) -> DeclaredDay:
    if not isinstance(node, yaml.MappingNode):
        raise _error(path, node, "mỗi mục phải có dạng {date: ..., working: ..., reason: ...}")
    fields = {key.value: value for key, value in node.value}
    unknown = sorted(set(fields) - _KEYS)
    if unknown:
        raise _error(path, node, f"khóa không hợp lệ: {', '.join(unknown)}")
    missing = sorted(_KEYS - set(fields))
    if missing:
        raise _error(path, node, f"thiếu khóa: {', '.join(missing)}")
    return DeclaredDay(
        day=_parse_date(path, fields["date"]),
        working=_parse_bool(path, fields["working"]),
        reason=_parse_reason(path, fields["reason"]),
    )


def _parse_date(path: Path, node: yaml.Node) -> date:
    text = str(node.value)
    try:
        if isinstance(node, yaml.ScalarNode) and _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise _error(path, node, f'ngày "{text}" không hợp lệ (cần dạng YYYY-MM-DD)')


def _parse_bool(path: Path, node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in {"true", "yes", "on"}
    raise _error(path, node, f'working phải là true hoặc false, không phải "{node.value}"')


def _parse_reason(path: Path, node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return node.value.strip()
    raise _error(path, node, "reason (lý do) không được để trống")


def _check_unique(path: Path, nodes: list[yaml.Node], days: list[DeclaredDay]) -> None:
    seen: dict[date, int] = {}
    for node, day in zip(nodes, days, strict=True):
        line = node.start_mark.line + 1
        if day.day in seen:
            message = f"ngày {day.day.isoformat()} đã khai báo ở dòng {seen[day.day]}"
            raise _error(path, node, message)
        seen[day.day] = line


def _error(path: Path, node: yaml.Node, message: str) -> CalendarDataError:
    return CalendarDataError(f"{path.name}:{node.start_mark.line + 1}: {message}")
