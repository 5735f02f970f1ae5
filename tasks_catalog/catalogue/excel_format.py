"""The phrases of an Excel task annex, read and written.

Offices write deadlines as "Quý II/2025", "15/12" beside "Hằng năm", or "Báo cáo quý
(NĐ 09)". This module turns such cell values into schedule, target and inspection fields
and back, so that a workbook we write reads back to the same model. Text that cannot be
read raises `CellError` naming its column; nothing is guessed.

Matching folds text to lower-case ASCII one character at a time (`fold`), so a match in
the folded text can be cut out of the original with the same positions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

REPEAT_CHOICES = "Một lần, Hằng năm, 6 tháng, Hằng quý, Hằng tháng, N tháng"
DUE_CHOICES = (
    "31/12/2025, Quý II/2025, Tháng 6/2025, Năm 2025, 15/12 (với Hằng năm), "
    "ngày 20 tháng cuối quý, ngày làm việc thứ 5"
)


class CellError(Exception):
    """A cell that cannot be read; `column` is the field name of its column."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


def nfc(value: Any) -> str:
    """A cell value as stripped NFC text ("" for an empty cell; 12.0 reads "12")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return unicodedata.normalize("NFC", str(value)).strip()


def fold(text: str) -> str:
    """Lower case without diacritics, one character for each character of NFC `text`."""
    return "".join(_fold_char(c) for c in text)


def key(value: Any) -> str:
    """The folded form used to compare words: no diacritics, single spaces."""
    return " ".join(fold(nfc(value)).split())


class Labels:
    """A two-way table between identifiers and the Vietnamese words for them."""

    def __init__(self, labels: dict[str, str], aliases: dict[str, str] | None = None) -> None:
        self.labels = labels
        self._ids = {key(v): k for k, v in labels.items()}
        self._ids |= {key(k): k for k in labels}
        self._ids |= {key(a): k for a, k in (aliases or {}).items()}

    def read(self, value: Any) -> str | None:
        return self._ids.get(key(value))

    def label(self, identifier: str) -> str:
        return self.labels.get(identifier, identifier)

    def choices(self) -> str:
        return ", ".join(self.labels.values())


# ---- dates ---------------------------------------------------------------------------

_DMY = r"([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})"
_ISO = r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"


def _make_date(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _text_date(text: str) -> date | None | str:
    """A date from "31/12/2025" or "2025-12-31"; "bad" if shaped like one but impossible."""
    k = key(text)
    if match := re.fullmatch(_DMY, k):
        return _make_date(match[3], match[2], match[1]) or "bad"
    if match := re.fullmatch(_ISO, k):
        return _make_date(match[1], match[2], match[3]) or "bad"
    return None


def read_date(value: Any, column: str) -> date | None:
    """An Excel date cell or a written date; None for an empty cell."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfc(value)
    if not text:
        return None
    found = _text_date(text)
    if isinstance(found, date):
        return found
    raise CellError(column, f'"{text}" không phải ngày hợp lệ (ghi dạng 31/12/2025)')


def read_year(value: Any, column: str) -> int | None:
    text = key(value)
    if not text:
        return None
    match = re.fullmatch(r"(?:nam )?([0-9]{4})", text)
    if match is None:
        raise CellError(column, f'"{nfc(value)}" không phải năm (ghi dạng 2025)')
    return int(match[1])


def dmy(value: date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


# ---- Lặp lại: the period ---------------------------------------------------------------

_REPEAT_LABELS = {
    "year": "Hằng năm",
    "half_year": "6 tháng",
    "quarter": "Hằng quý",
    "month": "Hằng tháng",
}
_PERIOD_WORDS = {"nam": "year", "nua nam": "half_year", "quy": "quarter", "thang": "month"}
_WHEN = r"([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|(?:nam )?[0-9]{4})"
_FROM = re.compile(rf"\btu (?:ngay )?{_WHEN}")
_UNTIL = re.compile(rf"\b(?:den|toi) (?:het )?(?:ngay )?{_WHEN}")
_REPORT = re.compile(
    r"\(?\s*(?:theo\s+)?(?<![a-z])(?:nd|nghi dinh)\s*(?:so\s*)?0?9(?![0-9])"
    r"(?:\s*/\s*2019)?(?:\s*/\s*nd\s*-?\s*cp)?\s*\)?"
)
_CUTOFF = re.compile(r"(?:\+|\bsau)\s*([0-9]{1,2})\s*ngay lam viec")
_ONCE = re.compile(r"(?:mot lan|1 lan|khong|khong lap lai|once)?")
_PERIOD = re.compile(
    r"(?:(?:bao cao|dinh ky|hang|moi|theo)\s+)*"
    r"(?:(?P<word>nua nam|nam|quy|thang)|(?P<n>[0-9]{1,2}) thang|chu ky (?P<exact>[0-9]{1,2}) thang"
    r"|(?P<id>year|half_year|quarter|month|[0-9]{1,2} months))"
    r"(?:\s*/\s*lan|\s+mot lan)?"
)


@dataclass
class Repeat:
    """What the Lặp lại cell says; `blank` when it says nothing at all."""

    every: str | None = None
    report: bool = False
    after_cutoff: int = 0
    start: date | None = None
    until: date | None = None
    blank: bool = True


def _cut(text: str, match: re.Match[str]) -> str:
    return f"{text[: match.start()]} {text[match.end() :]}"


def _bound(text: str, match: re.Match[str], end_of_year: bool) -> date:
    found = match[1]
    if re.fullmatch(r"(?:nam )?[0-9]{4}", found):
        year = int(found[-4:])
        return date(year, 12, 31) if end_of_year else date(year, 1, 1)
    parsed = _text_date(found)
    if not isinstance(parsed, date):
        raise CellError("repeat", f'ngày "{found}" trong "{text}" không phải ngày hợp lệ')
    return parsed


def read_repeat(value: Any) -> Repeat:
    text = nfc(value)
    rest = key(text)
    if not rest:
        return Repeat()
    repeat = Repeat(blank=False)
    if match := _FROM.search(rest):
        repeat.start = _bound(text, match, end_of_year=False)
        rest = _cut(rest, match)
    if match := _UNTIL.search(rest):
        repeat.until = _bound(text, match, end_of_year=True)
        rest = _cut(rest, match)
    if match := _REPORT.search(rest):
        repeat.report = True
        rest = _cut(rest, match)
    if match := _CUTOFF.search(rest):
        repeat.after_cutoff = int(match[1])
        rest = _cut(rest, match)
    rest = " ".join(re.sub(r"[;,.()]", " ", rest).split())
    if _ONCE.fullmatch(rest):
        return repeat
    match = _PERIOD.fullmatch(rest)
    if match is None:
        raise CellError("repeat", f'không hiểu "{text}"; dùng: {REPEAT_CHOICES}')
    repeat.every = _every(match)
    return repeat


def _every(match: re.Match[str]) -> str:
    if match["word"]:
        return _PERIOD_WORDS[match["word"]]
    if match["n"]:
        n = int(match["n"])
        return "half_year" if n == 6 else f"{n} months"
    if match["exact"]:
        return f"{int(match['exact'])} months"
    return match["id"]


def format_repeat(schedule: Any) -> str:
    """The Lặp lại text of a schedule: "Hằng quý (NĐ 09) +3 ngày làm việc; từ …"."""
    every = schedule.every
    if every is None:
        text = "Một lần"
    elif every in _REPEAT_LABELS:
        text = _REPEAT_LABELS[every]
    elif (n := re.fullmatch(r"([1-9][0-9]?) months", every)) and n[1] != "6":
        text = f"{n[1]} tháng một lần"
    elif n:
        text = "Chu kỳ 6 tháng"
    else:
        text = every  # a spelling only the identifier keeps, such as "06 months"
    if schedule.report:
        text += " (NĐ 09)"
    if schedule.after_cutoff:
        text += f" +{schedule.after_cutoff} ngày làm việc"
    bounds = [f"từ {dmy(schedule.start)}"] if schedule.start else []
    bounds += [f"đến {dmy(schedule.until)}"] if schedule.until else []
    return "; ".join([text, " ".join(bounds)]) if bounds else text
