"""How often something is to be done, as offices write it: "ít nhất 02 lần/năm", "mỗi năm
ít nhất hai lần", "không ít hơn hai lần trong một năm", "định kỳ 6 tháng một lần", "hằng
quý … ít nhất 01 lần", "01 lần trong mỗi quý", "Hằng năm, … ít nhất 04 đợt kiểm tra".

A count is a number (in figures, "01", or in words, "hai") followed by its unit (lần,
cuộc, đợt); its period is read after it ("/năm", "trong mỗi quý", "một năm") or, failing
that, before it in the same clause ("mỗi năm", "hằng quý", "định kỳ 6 tháng", "3 tháng").
A bound before the number says whether it is a floor ("ít nhất", "tối thiểu", "không ít
hơn", "không dưới") or a limit ("không quá", "tối đa"): a limit caps how often a unit may
be inspected and is not a duty's count. Every count is also given as times a year, and in
the periods a catalogue knows (year, half_year, quarter).

Works on folded text (extraction.text.fold: lower case, no diacritics, same length).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "năm" is both five and the year; it is a number only where a count stands
_WORD_NUMBERS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
}  # fmt: skip
_NUMBER = r"(\d{1,2}|muoi\s+(?:mot|hai)|muoi|mot|hai|ba|bon|nam|sau|bay|tam|chin)"
_UNIT = r"(?:lan|cuoc|dot)"
# "từ 02 đến 03 lần", "02 - 03 lần": the lower figure is the floor
_RANGE = r"(?:tu\s+)?" + _NUMBER + r"\s*(?:-|–|den)\s*"
_COUNT = re.compile(r"(?<![\w/])(?:" + _RANGE + r")?" + _NUMBER + r"\s+" + _UNIT + r"\b")

_FLOOR = re.compile(
    r"(?:it\s+nhat|toi\s+thieu|khong\s+it\s+hon|khong\s+duoi|khong\s+thap\s+hon|tu)\s*$"
)
_LIMIT = re.compile(
    r"(?:khong\s+qua|toi\s+da|khong\s+vuot\s+qua|nhieu\s+nhat|khong\s+\w+(?:\s+\w+){0,3}\s+qua)\s*$"
)

# a period of N months, written in figures or words ("6 tháng", "sáu tháng", "nửa năm")
_MONTHS = r"(?:(\d{1,2}|mot|hai|ba|bon|sau|muoi\s+hai)\s+thang|(nua\s+nam))"
_PERIOD_WORD = r"(?:" + _MONTHS + r"|(nam|quy|thang))"
# after the count: "/năm", "/6 tháng", "trong mỗi quý", "mỗi năm", "một năm", "trên 01 năm"
_AFTER = re.compile(
    r"\s*(?:kiem\s+tra\s*)?(?:/|(?:(?:trong|tren|cho|vao)\s+)?(?:moi|mot|1|01|hang)\s+|"
    r"trong\s+(?:(?:mot|1|01)\s+)?)\s*" + _PERIOD_WORD + r"\b"
)
# before the count, in its clause: "mỗi năm", "hằng quý", "định kỳ 6 tháng", "1 năm", and
# "6 tháng" of "6 tháng một lần"; not "quý/" ("quý/lần" is read by _ONCE_PER)
_BEFORE = re.compile(
    r"\b(?:(?:moi|hang|trong\s+moi|dinh\s+ky(?:\s+hang)?|mot|1|01)\s+"
    + _PERIOD_WORD
    + r"|"
    + _MONTHS
    + r")\b(?!\s*/)"
)
_PERIOD_AT_END = re.compile(_PERIOD_WORD + r"$")
# "6 tháng/lần", "quý/lần", "năm/01 lần": once in each period
_ONCE_PER = re.compile(r"\b" + _PERIOD_WORD + r"\s*/\s*(?:0?1\s+|mot\s+)?lan\b")
# how far before the count a period word is still its period (same clause)
_BEFORE_REACH = 160
_YEARS_BEFORE = re.compile(r"\b(?:[2-9]|0[2-9]|hai|ba|bon|nam)\s+nam\s*$")
_YEAR_BEFORE = re.compile(r"\b(?:moi|hang|trong|mot|cac|nhung|ca)\s+$")


@dataclass(frozen=True)
class Count:
    times: int  # how many in each period
    months: int  # the period, in months (12: a year, 6, 3, 1)
    floor: bool  # "ít nhất …": at least so many
    limit: bool  # "không quá …": a cap, not a duty
    start: int  # where the count's words start in the folded text
    end: int
    period_stated: bool = True  # False: no period written; a year is assumed

    @property
    def per_year(self) -> float:
        return self.times * 12 / self.months

    def catalogue(self) -> tuple[int, str]:
        """(count, per) in the periods a catalogue knows: a monthly count becomes so many a
        quarter (hằng tháng 01 lần → 03 a quarter), keeping the visits spread out."""
        months = self.months
        if months in (12, 6, 3):
            return self.times, {12: "year", 6: "half_year", 3: "quarter"}[months]
        for span, per in ((3, "quarter"), (6, "half_year"), (12, "year")):
            if span % months == 0:
                return self.times * span // months, per
        return round(self.per_year), "year"


def _number(word: str) -> int:
    word = re.sub(r"\s+", " ", word)
    return int(word) if word.isdigit() else _WORD_NUMBERS[word]


def _months(match: re.Match[str], first: int) -> int | None:
    """The period a _PERIOD_WORD match names, in months (None: more than a year)."""
    number, half, word = match.group(first), match.group(first + 1), match.group(first + 2)
    if half:
        return 6
    if number:
        months = _number(number)
        return months if 1 <= months <= 12 else None
    return {"nam": 12, "quy": 3, "thang": 1}[word]


def _clause_start(folded: str, at: int) -> int:
    """Where the clause holding `at` starts: after the last ";" or sentence end."""
    stops = [folded.rfind(stop, 0, at) for stop in (";", ". ", ".\n", ":")]
    return max(max(stops) + 1, at - _BEFORE_REACH, 0)


def _period_before(folded: str, at: int) -> int | None:
    """The months of the period word nearest before `at` in its clause."""
    found = None
    for match in _BEFORE.finditer(folded, _clause_start(folded, at), at):
        word = _PERIOD_AT_END.search(match.group(0))
        months = _months(word, 1) if word else None
        if months is not None:
            found = months  # the nearest one wins
    return found


def _parse(folded: str, match: re.Match[str]) -> Count | None:
    low, figure = match.group(1), match.group(2)
    if figure == "nam" and _YEAR_BEFORE.search(folded, max(0, match.start(2) - 12), match.start(2)):
        return None  # "mỗi năm lần …": the year, not five
    times = _number(low or figure)
    if not 1 <= times <= 52:
        return None
    before = folded[max(0, match.start() - 40) : match.start()]
    floor = bool(_FLOOR.search(before)) or low is not None
    limit = bool(_LIMIT.search(before)) and not floor
    if _YEARS_BEFORE.search(folded, max(0, match.start() - 16), match.start()):
        return None  # "hai năm một lần": longer than a catalogue's year
    after = _AFTER.match(folded, match.end())
    months = _months(after, 1) if after else None
    stated = True
    if after is None:
        months = _period_before(folded, match.start())
        if months is None:
            months, stated = 12, False
    elif months is None:
        return None  # "hai năm một lần": longer than a catalogue's year
    return Count(times, months, floor, limit, match.start(), match.end(), stated)


def read_counts(folded: str) -> list[Count]:
    """Every count the words give, limits included, in order."""
    found = [c for m in _COUNT.finditer(folded) if (c := _parse(folded, m)) is not None]
    for once in _ONCE_PER.finditer(folded):
        if any(c.start <= once.start() < c.end + 3 for c in found):
            continue
        months = _months(once, 1)
        if months is not None:
            found.append(Count(1, months, False, False, once.start(), once.end()))
    return sorted(found, key=lambda c: c.start)


def read_count(folded: str) -> Count | None:
    """The count a duty gives (limits are not), the first with its period written; else the
    first without."""
    duties = [c for c in read_counts(folded) if not c.limit]
    stated = [c for c in duties if c.period_stated]
    chosen = stated or duties
    return chosen[0] if chosen else None


# a period with no count, where the inspecting is regular: "kiểm tra định kỳ hằng quý",
# "hằng quý tự kiểm tra" → once in each
_REGULAR = re.compile(
    r"\b(?:dinh\s+ky\s+)?(?:hang|moi)\s+(nam|quy|thang)\b|\bdinh\s+ky\s+(6|sau)\s+thang\b|"
    r"\b(6|sau)\s+thang\s+mot\s+lan\b"
)


def implied_count(folded: str) -> Count | None:
    """Once in each period, when a regular period is written and no count is."""
    match = _REGULAR.search(folded)
    if match is None:
        return None
    months = {"nam": 12, "quy": 3, "thang": 1}.get(match.group(1) or "", 6)
    return Count(1, months, False, False, match.start(), match.end(), True)
