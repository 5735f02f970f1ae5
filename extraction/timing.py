"""Deadlines and recurrences as resolutions write them, read into catalogue schedules.

| written | read as |
|---|---|
| "trước ngày 15/12/2023", "chậm nhất ngày 15 tháng 12 năm 2023" | once 2023-12-15 |
| "trước ngày 15/12 hằng năm" | every year, month 12, day 15 |
| "trong quý I/2023", "quý II năm 2023" | once at the quarter's end |
| "trong tháng 6/2023" | once at the month's end |
| "hết năm 2023", "trong năm 2023", "đến năm 2025" | once 31/12 of that year |
| "hằng năm", "hàng quý", "6 tháng", "hằng tháng", "N tháng một lần" | every … |
| "định kỳ", "thường xuyên", "từng thời kỳ" (no period) | every year, marked as a guess |
| "định kỳ báo cáo Ban Thường vụ Tỉnh ủy" (no period) | every six months, a guess |
| a year in the title of a cited document ("… số 749/QĐ-TTg … về … đến năm 2025") | nothing |
| "từ năm 2024", "giai đoạn 2022 - 2025" with a recurrence | from / until |
| "trong thời hạn 30 ngày kể từ ngày …", "chậm nhất 30 ngày kể từ …" | once, that many days after the issue date |
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(20\d\d)"
_DATE = re.compile(
    r"(?:truoc|cham nhat|han|den|hoan thanh|xong)\s+(?:(?:ngay|het ngay)\s+)?"
    r"(\d{1,2})\s*(?:/|-|\.|\s+thang\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+nam\s+)\s*" + _YEAR
)
_ANNUAL = re.compile(
    r"(?:truoc|cham nhat|han|vao)\s+(?:ngay\s+)?(\d{1,2})\s*(?:/|\s+thang\s+)\s*(\d{1,2})"
    r"(?!\d|\s*(?:/|-|nam)\s*\d)"
)
# "trước ngày 05 của tháng sau", "hằng tháng, trước ngày 25": the day of a monthly report.
_DAY_OF_MONTH = re.compile(
    r"(?:truoc|cham nhat|han|vao)\s+(?:ngay\s+)?(\d{1,2})(?:\s+(?:cua\s+)?thang\s+(?:sau|tiep\s+theo|ke\s+tiep))?"
    r"(?!\s*(?:/|-|\.\d|thang\s+\d|nam|\d))"
)
_DAY_OF_QUARTER = re.compile(
    r"(?:truoc|cham nhat|han|vao)\s+(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?thang\s+cuoi\s+quy"
)
_QUARTER = re.compile(r"quy\s+(iv|iii|ii|i|[1-4])\s*(?:/|nam|-)\s*" + _YEAR)
_MONTH = re.compile(
    r"(?:trong|truoc|het|cuoi|hop|ky|phien)[^.;\d]{0,25}?\bthang\s+(\d{1,2})\s*(?:/|nam)\s*" + _YEAR
)
_YEAR_END = re.compile(r"(?:het|trong|cuoi|truoc|den|den het|nam)\s+nam\s+" + _YEAR)
_ONLY_YEAR = re.compile(r"(?:het|trong|cuoi|den het|vao)\s+nam\s+" + _YEAR)
_BY_YEAR = re.compile(r"(?:den|truoc)\s+nam\s+" + _YEAR)
_FROM_YEAR = re.compile(r"tu\s+nam\s+" + _YEAR)
_PERIOD = re.compile(r"giai\s+doan\s+" + _YEAR + r"\s*[-–]\s*" + _YEAR)
_WITHIN_DAYS = re.compile(
    r"(?:trong\s+(?:thoi\s+han\s+|vong\s+)?|cham\s+nhat\s+(?:la\s+)?(?:sau\s+)?|khong\s+qua\s+)"
    r"(\d{1,3})\s+ngay(\s+lam\s+viec)?\s+(?:ke\s+)?tu\s+(?:ngay\s+)?"
    r"(?P<event>[^.;,()]{3,80})"
)
# "… kể từ ngày nhận được Thông báo này / ký ban hành": the event is this document's issue.
_THIS_DOCUMENT = re.compile(
    r"\b(?:nay(?:\s+co\s+hieu\s+luc(?:\s+thi\s+hanh)?)?|ky(?:\s+ban\s+hanh)?|ban\s+hanh)\s*$|"
    r"^(?:ky|ban\s+hanh)\b"
)
_EVERY = (
    (re.compile(r"(\d{1,2})\s+thang\s+(?:mot|1)\s+lan"), None),
    (re.compile(r"(?:hang|moi|dinh ky)\s+(?:6|sau)\s+thang|(?:6|sau)\s+thang\s+(?:mot|1)\s+lan|"
                r"bao cao\s+(?:dinh ky\s+)?6\s+thang|6\s+thang\s+dau\s+nam"), "half_year"),
    (re.compile(r"(?:hang|moi)\s+quy\b(?!\s+(?:trinh|dinh|che|hoach|mo|chuan|tac|luat))|"
                r"quy\s+(?:mot|1)\s+lan|dinh ky\s+quy\b"), "quarter"),
    (re.compile(r"(?:hang|moi)\s+thang\b|thang\s+(?:mot|1)\s+lan"), "month"),
    (re.compile(r"(?:hang|moi)\s+nam\b|nam\s+(?:mot|1)\s+lan|thuong\s+nien"), "year"),
)  # fmt: skip
_VAGUE = re.compile(
    r"\bdinh\s+ky\b|(?<!chi\s)\bthuong\s+xuyen\b|\bhang\s+ky\b|\btung\s+(?:thoi\s+gian|thoi\s+ky)\b"
)
# "định kỳ báo cáo Ban Thường vụ Tỉnh ủy": Party committees take reports every six months
# and at the year's end (sơ kết 6 tháng, tổng kết năm), so a vague period there is half-yearly.
_PARTY_REPORT = re.compile(
    r"\bbao\s+cao\s+(?:len\s+)?(?:ban\s+thuong\s+vu|thuong\s+truc|ban\s+chap\s+hanh|cap\s+uy|"
    r"(?:tinh|huyen|thanh|thi|dang)\s+uy)\b"
)
# "… Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về … đến năm 2030": a year in the
# title of a cited document is that document's, not a deadline of this one.
_CITED = re.compile(r"\bso\s+\d+/[a-z0-9/\-]+")
_OWN_TIME = re.compile(r"hoan\s+thanh|xong|cham\s+nhat|truoc\s+ngay|trong\s+(?:quy|thang)|;")


@dataclass
class Timing:
    """What a passage says about time; `schedule` is the catalogue form, or None."""

    schedule: dict[str, object] | None = None
    confidence: float = 0.0
    guess: str | None = None  # why a part was guessed, for `assumption`
    year: int | None = None  # "đến năm 2025": a target's year
    recurring: bool = False


def quarter_end(quarter: int, year: int) -> date:
    month = quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_timing(folded: str, issued: date) -> Timing:
    """The schedule a passage states (folded text); guesses are flagged, not hidden."""
    recurrence = _recurrence(folded)
    if recurrence is not None:
        return _recurring(folded, recurrence)
    relative = _relative_days(folded, issued)
    if relative is not None:
        return relative
    for read in (_explicit_date, _quarter, _month):
        found = read(folded, issued)
        if found is not None:
            return Timing({"once": found}, 0.9, year=found.year)
    match = next(
        (
            m
            for pattern in (_ONLY_YEAR, _BY_YEAR)
            for m in pattern.finditer(folded)
            if not in_cited_title(folded, m.start())
        ),
        None,
    )
    if match:
        year = int(match.group(1))
        return Timing({"once": date(year, 12, 31)}, 0.8, year=year)
    if _VAGUE.search(folded):
        if _PARTY_REPORT.search(folded):
            guess = (
                "văn bản chỉ nói “định kỳ”, không nêu chu kỳ; báo cáo cấp ủy thường theo kỳ "
                "6 tháng và năm: tạm lấy 6 tháng"
            )
            return Timing({"every": "half_year"}, 0.4, guess, recurring=True)
        guess = "văn bản chỉ nói “định kỳ”/“thường xuyên”, không nêu chu kỳ; tạm lấy hằng năm"
        return Timing({"every": "year"}, 0.4, guess, recurring=True)
    return Timing()


def in_cited_title(folded: str, at: int) -> bool:
    """Whether position `at` lies in the title of a document the passage cites ("Quyết định
    số 749/QĐ-TTg … về phê duyệt Chương trình … đến năm 2025"): after a number and "về",
    with no word of a deadline of this passage's own in between."""
    found = list(_CITED.finditer(folded, max(0, at - 250), at))
    if not found:
        return False
    cited = found[-1]
    between = folded[cited.end() : at]
    return bool(re.search(r"\bve\b", between)) and not _OWN_TIME.search(between)


def _recurrence(folded: str) -> str | None:
    for pattern, every in _EVERY:
        match = pattern.search(folded)
        if match:
            if every is None:
                months = int(match.group(1))
                return {1: "month", 3: "quarter", 6: "half_year", 12: "year"}.get(
                    months, f"{months} months"
                )
            return every
    return None


def _recurring(folded: str, every: str) -> Timing:
    schedule: dict[str, object] = {"every": every}
    confidence = 0.8
    guess = None
    annual = _ANNUAL.search(folded)
    if annual and every == "year":
        day, month = int(annual.group(1)), int(annual.group(2))
        if _safe_date(2024, month, day):
            schedule.update(month=month, day=day)
            confidence = 0.9
    elif every == "quarter" and _DAY_OF_QUARTER.search(folded):
        schedule["day"] = int(_DAY_OF_QUARTER.search(folded).group(1))  # type: ignore[union-attr]
        confidence = 0.9
    elif every == "month" and _DAY_OF_MONTH.search(folded):
        schedule["day"] = int(_DAY_OF_MONTH.search(folded).group(1))  # type: ignore[union-attr]
        confidence = 0.9
    elif re.match(r"\d+ months", every) or every == "month":
        confidence = 0.7
    start = _FROM_YEAR.search(folded)
    period = _PERIOD.search(folded)
    if start:
        schedule["from"] = date(int(start.group(1)), 1, 1)
    elif period:
        schedule["from"] = date(int(period.group(1)), 1, 1)
    if period:
        schedule["until"] = date(int(period.group(2)), 12, 31)
    if every == "year" and "month" not in schedule:
        guess = "văn bản nêu chu kỳ năm nhưng không nêu ngày; tạm lấy ngày 31/12"
    year = int(start.group(1)) if start else None
    return Timing(schedule, confidence, guess, year=year, recurring=True)


def _explicit_date(folded: str, issued: date) -> date | None:
    match = _DATE.search(folded)
    if not match:
        return None
    return _safe_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))


def _quarter(folded: str, issued: date) -> date | None:
    match = _QUARTER.search(folded)
    return quarter_end(_ROMAN[match.group(1)], int(match.group(2))) if match else None


def _month(folded: str, issued: date) -> date | None:
    match = _MONTH.search(folded)
    if not match or not 1 <= int(match.group(1)) <= 12:
        return None
    year, month = int(match.group(2)), int(match.group(1))
    return date(year, month, calendar.monthrange(year, month)[1])


def _relative_days(folded: str, issued: date) -> Timing | None:
    """ "trong thời hạn 10 ngày làm việc kể từ ngày nhận được kết luận kiểm tra": due that
    many days after an event, dated when the event is recorded. When the event is this
    document's own issue ("… nhận được Thông báo này"), the date is known now."""
    match = _WITHIN_DAYS.search(folded)
    if not match:
        return None
    days, working = int(match.group(1)), bool(match.group(2))
    event = " ".join(match.group("event").split())
    if _THIS_DOCUMENT.search(event):
        when = issued + timedelta(days=days if not working else days * 7 // 5)
        guess = None if not working else "ngày làm việc quy đổi gần đúng; hãy kiểm tra lại"
        return Timing({"once": when}, 0.8, guess, year=when.year)
    return Timing({"after": event, "within": days, "working": working}, 0.8)


_DEADLINES = (
    re.compile(
        r"(?:trong|truoc|het|cuoi|hop|ky|phien|va)[^.;\d]{0,25}?\bthang\s+(\d{1,2})\s*/\s*" + _YEAR
    ),
    _DATE,
)


def deadlines(folded: str) -> list[date]:
    """Every one-off deadline a passage gives ("tháng 7/2024 và tháng 12/2024"), in order."""
    found: list[tuple[int, date]] = []
    for pattern in _DEADLINES:
        for match in pattern.finditer(folded):
            if pattern is _DATE:
                day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
            else:
                day, month, year = 0, int(match.group(1)), int(match.group(2))
            if not 1 <= month <= 12:
                continue
            day = day or calendar.monthrange(year, month)[1]
            when = _safe_date(year, month, day)
            if when is not None:
                found.append((match.start(), when))
    return [when for _, when in sorted(found)]


def year_mentions(folded: str) -> list[tuple[int, int]]:
    """(position, year) of every "đến/hết/trước/từ năm YYYY" that sets a target's year,
    leaving out baselines ("so với năm 2021") and periods ("giai đoạn 2021 - 2025")."""
    found = []
    for match in re.finditer(r"(?:den|het|truoc|tu|trong|cuoi)\s+nam\s+" + _YEAR, folded):
        found.append((match.start(), int(match.group(1))))
    for match in re.finditer(r"^\W*nam\s+" + _YEAR + r"\s*,", folded):
        found.append((match.start(), int(match.group(1))))  # "Năm 2025, tỷ lệ … đạt …"
    for match in re.finditer(r"^\W*giai\s+doan\s+" + _YEAR + r"\s*[-–]\s*" + _YEAR, folded):
        found.append((match.start(), int(match.group(2))))  # "Giai đoạn 2022 - 2026, tinh giản …"
    return sorted(found)


def baseline_year(folded: str) -> int | None:
    match = re.search(r"so\s+voi\s+(?:cung\s+ky\s+)?nam\s+" + _YEAR, folded)
    return int(match.group(1)) if match else None
