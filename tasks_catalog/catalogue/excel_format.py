"""Cell text, and the phrases of time in an annex: Thời hạn and Lặp lại, read and written.

Offices write deadlines as "Quý II/2025", "15/12" beside "Hằng năm", or "Báo cáo quý
(NĐ 09)". `read_schedule` turns the two cells into schedule fields and `format_due` /
`format_repeat` write them back, so that a workbook we write reads back to the same
model. Text that cannot be read raises `CellError` naming its column; nothing is guessed.

Matching folds text to lower-case ASCII one character at a time (`fold`), so a match in
the folded text can be cut out of the original with the same positions.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
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
        return dmy(value)
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
_ONCE = re.compile(r"(?:mot lan|0?1 lan|khong|khong lap lai|once)?")
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


def cut_out(text: str, match: re.Match[str]) -> str:
    return f"{text[: match.start()]} {text[match.end() :]}"


def _bound(text: str, match: re.Match[str], end_of_year: bool) -> date:
    found = match[1]
    parsed: date | str | None
    if re.fullmatch(r"(?:nam )?[0-9]{4}", found):
        year = found[-4:]
        parsed = _make_date(year, 12, 31) if end_of_year else _make_date(year, 1, 1)
    else:
        parsed = _text_date(found)
    if not isinstance(parsed, date):
        raise CellError("repeat", f'"{text}" có ngày không hợp lệ (ghi dạng 01/01/2024)')
    return parsed


def read_repeat(value: Any) -> Repeat:
    text = nfc(value)
    rest = key(text)
    if not rest:
        return Repeat()
    repeat = Repeat(blank=False)
    if match := _FROM.search(rest):
        repeat.start = _bound(text, match, end_of_year=False)
        rest = cut_out(rest, match)
    if match := _UNTIL.search(rest):
        repeat.until = _bound(text, match, end_of_year=True)
        rest = cut_out(rest, match)
    if match := _REPORT.search(rest):
        repeat.report = True
        rest = cut_out(rest, match)
    if match := _CUTOFF.search(rest):
        repeat.after_cutoff = int(match[1])
        rest = cut_out(rest, match)
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


# ---- Thời hạn: the due date ------------------------------------------------------------

_NOUN = r"(ky|quy|nua nam|6 thang|nam|thang)"
_NOUNS = {"quy": "quarter", "nam": "year", "nua nam": "half_year", "6 thang": "half_year"}
_NOUNS |= {"thang": "month"}
_DUE_PERIOD = re.compile(r"\s*\b(?:hang|moi) (6 thang|nua nam|nam|quy|thang)\b")
_DUE_FILLER = re.compile(
    r"^(?:(?:hoan thanh|cham nhat|thoi han|han chot|han|truoc|trong|vao|den|het|dinh ky)(?:\s+|$))+"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


class _Impossible(Exception):
    """A due date shaped right but not on the calendar (31/13/2025)."""


def _on(year: str | int, month: str | int, day: str | int) -> date:
    found = _make_date(year, month, day)
    if found is None:
        raise _Impossible
    return found


def _last_day(year: int, month: int) -> date:
    if not 1 <= month <= 12:
        raise _Impossible
    return date(year, month, monthrange(year, month)[1])


def _day_month(day: str, month: str) -> dict[str, Any]:
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        raise _Impossible
    return {"day": int(day), "month": int(month)}


def _quarter_end(match: re.Match[str]) -> dict[str, Any]:
    quarter = _ROMAN.get(match[1]) or int(match[1])
    return {"once": _last_day(int(match[2]), quarter * 3)}


def _noun(word: str | None) -> dict[str, Any]:
    return {"noun": _NOUNS.get(word)} if word else {}


_DUE_FORMS = [
    (rf"(?:ngay )?{_DMY}", lambda m: {"once": _on(m[3], m[2], m[1])}),
    (_ISO, lambda m: {"once": _on(m[1], m[2], m[3])}),
    (
        r"ngay ([0-9]{1,2}) thang ([0-9]{1,2}) nam ([0-9]{4})",
        lambda m: {"once": _on(m[3], m[2], m[1])},
    ),
    (r"(?:cuoi )?quy (iv|i{1,3}|[1-4])(?:\s*/\s*|\s+nam\s+)([0-9]{4})", _quarter_end),
    (
        r"6 thang (dau|cuoi) nam ([0-9]{4})",
        lambda m: {"once": _last_day(int(m[2]), 6 if m[1] == "dau" else 12)},
    ),
    (
        r"(?:cuoi )?thang ([0-9]{1,2})(?:\s*/\s*|\s+nam\s+)([0-9]{4})",
        lambda m: {"once": _last_day(int(m[2]), int(m[1]))},
    ),
    (r"(?:cuoi )?nam ([0-9]{4})", lambda m: {"once": date(int(m[1]), 12, 31)}),
    (r"(?:ngay )?([0-9]{1,2})\s*/\s*([0-9]{1,2})", lambda m: _day_month(m[1], m[2])),
    (r"ngay ([0-9]{1,2}) thang ([0-9]{1,2})", lambda m: _day_month(m[1], m[2])),
    (
        rf"ngay ([0-9]{{1,2}}) (?:cua )?thang cuoi {_NOUN}",
        lambda m: {"day": int(m[1])} | _noun(m[2]),
    ),
    (
        rf"ngay ([0-9]{{1,2}}) (?:cua )?thang thu ([0-9]{{1,2}})(?: cua {_NOUN})?",
        lambda m: {"day": int(m[1]), "month": int(m[2])} | _noun(m[3]),
    ),
    (
        rf"(?:cuoi )?thang thu ([0-9]{{1,2}})(?: cua {_NOUN})?",
        lambda m: {"month": int(m[1])} | _noun(m[2]),
    ),
    (r"(?:cuoi )?thang ([0-9]{1,2})", lambda m: {"month": int(m[1])}),
    (
        rf"ngay lam viec thu ([0-9]{{1,3}})(?: (?:tinh )?tu cuoi {_NOUN})?",
        lambda m: {"working_day": -int(m[1]) if m[2] else int(m[1])} | _noun(m[2]),
    ),
    (rf"ngay lam viec cuoi cung(?: cua {_NOUN})?", lambda m: {"working_day": -1} | _noun(m[1])),
    (r"ngay ([0-9]{1,2})", lambda m: {"day": int(m[1])}),
    (rf"cuoi {_NOUN}", lambda m: _noun(m[1])),
]
_DUE_PATTERNS = [(re.compile(pattern), build) for pattern, build in _DUE_FORMS]


@dataclass
class Due:
    """What the Thời hạn cell says; `period` and `noun` are what it says of the period."""

    text: str = ""
    once: date | None = None
    day: int | None = None
    month: int | None = None
    working_day: int | None = None
    period: str | None = None
    noun: str | None = None


def read_due(value: Any) -> Due:
    if isinstance(value, date):
        return Due(text=nfc(value), once=value.date() if isinstance(value, datetime) else value)
    due = Due(text=nfc(value))
    for part in re.split(r"[;\n]", due.text):
        for name, found in _due_part(key(part), due.text).items():
            if getattr(due, name) is not None and getattr(due, name) != found:
                raise CellError("due", f'thời hạn "{due.text}" ghi hai lần cùng một ý')
            setattr(due, name, found)
    return due


def _due_part(text: str, whole: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if match := _DUE_PERIOD.search(text):
        fields["period"] = _NOUNS[match[1]]
        text = cut_out(text, match)
    text = text.strip(" .,")
    rest = _DUE_FILLER.sub("", text).strip(" .,")
    if not rest and (fields or not text):
        return fields  # "hằng quý", or an empty part
    text = rest
    for pattern, build in _DUE_PATTERNS:
        if match := pattern.fullmatch(text):
            try:
                return fields | build(match)
            except (_Impossible, ValueError):
                raise CellError("due", f'thời hạn "{whole}" không phải ngày hợp lệ') from None
    raise CellError("due", f'không hiểu thời hạn "{whole}"; dùng: {DUE_CHOICES}')


def read_schedule(due_value: Any, repeat_value: Any) -> dict[str, Any] | None:
    """The schedule fields written in Thời hạn and Lặp lại; None when both say nothing."""
    repeat = read_repeat(repeat_value)
    due = read_due(due_value)
    every = _agreed_every(due, repeat, nfc(repeat_value))
    if due.once is not None and every is not None:
        raise CellError(
            "due",
            f'thời hạn "{due.text}" là một ngày cụ thể nhưng Lặp lại là "{nfc(repeat_value)}"; '
            'với việc định kỳ ghi ngày trong kỳ, ví dụ "15/12" hoặc "ngày 20 tháng cuối quý"',
        )
    fields = {
        "once": due.once,
        "every": every,
        "day": due.day,
        "month": due.month,
        "working_day": due.working_day,
        "from": repeat.start,
        "until": repeat.until,
    }
    fields = {name: value for name, value in fields.items() if value is not None}
    fields |= {"report": True} if repeat.report else {}
    fields |= {"after_cutoff": repeat.after_cutoff} if repeat.after_cutoff else {}
    if fields and due.once is None and every is None:
        if due.text:
            raise CellError(
                "due",
                f'thời hạn "{due.text}" không có năm; ghi ngày đầy đủ (ví dụ 15/12/2025) '
                "hoặc ghi chu kỳ ở cột Lặp lại (ví dụ Hằng năm)",
            )
        raise CellError("due", "thiếu thời hạn: ghi ngày ở cột Thời hạn")
    return fields or None


def _agreed_every(due: Due, repeat: Repeat, repeat_text: str) -> str | None:
    every = repeat.every
    if due.period is not None:
        if repeat.blank:
            every = due.period
        elif due.period != repeat.every:
            raise CellError(
                "due",
                f'thời hạn "{due.text}" ghi {_REPEAT_LABELS[due.period].lower()} '
                f'nhưng Lặp lại là "{repeat_text}"',
            )
    if due.noun is not None and every is not None and due.noun != every:
        raise CellError("due", f'thời hạn "{due.text}" không khớp với Lặp lại "{repeat_text}"')
    return every


def format_due(schedule: Any) -> date | str | None:
    """The Thời hạn cell of a schedule: a date, "15/12", "ngày 20 tháng cuối quý" …"""
    parts: list[str] = []
    if schedule.working_day is not None:
        nth = f"ngày làm việc thứ {abs(schedule.working_day)}"
        parts.append(nth + (" tính từ cuối kỳ" if schedule.working_day < 0 else ""))
    if schedule.day is not None or schedule.month is not None:
        parts.append(_format_day(schedule.every, schedule.day, schedule.month))
    if schedule.once is not None:
        if not parts:
            return schedule.once
        parts.insert(0, dmy(schedule.once))
    return "; ".join(parts) or None


def _format_day(every: str | None, day: int | None, month: int | None) -> str:
    if every == "year":
        if day is not None and month is not None:
            return f"{day}/{month}"
        return f"ngày {day} tháng cuối năm" if month is None else f"cuối tháng {month}"
    if every == "month" and month is None:
        return f"ngày {day} hằng tháng"
    noun = "quý" if every == "quarter" else "kỳ"
    if month is None:
        return f"ngày {day} tháng cuối {noun}"
    if day is None:
        return f"cuối tháng thứ {month} của {noun}"
    return f"ngày {day} tháng thứ {month} của {noun}"
