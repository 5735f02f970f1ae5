"""Measurable targets ("đạt từ 99% trở lên", "tối thiểu 90%", "giảm 10% … so với năm
2021", "nhóm 03 địa phương dẫn đầu", "ít nhất 10.000 doanh nghiệp", "mỗi hộ gia đình có
địa chỉ số") and inspection counts ("ít nhất 02 cuộc/năm").

A sentence often carries several targets ("90% … cấp tỉnh; 80% … cấp huyện và 60% … cấp
xã"). Each value gets its own clause: the text from the connector before it (";", ",",
"và", "trong đó") to the connector before the next value, so that each target has its own
quote and indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.counts import read_count
from extraction.text import Span, fold, squeeze, strip_markup, trim
from extraction.timing import baseline_year

_NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?)"
_QUALIFIER = (
    r"(?:(?:giam|tang|cat giam)\s+(?:(?:toi thieu|it nhat|binh quan|tu)\s+)?|"
    r"(?:dat\s+)?(?:toi thieu|it nhat|khong duoi|khong thap hon|tren|hon|duoi|toi da|"
    r"khong qua|khong vuot qua|tu)\s+(?:dat\s+)?(?:tu\s+)?|dat\s+(?:tu\s+)?)?"
)
_PERCENT = re.compile(
    _QUALIFIER + _NUMBER + r"\s*%(?:\s*[-–]\s*" + _NUMBER + r"\s*%|\s+den\s+" + _NUMBER + r"\s*%)?"
)
_UNITS = (
    "doanh nghiep cong nghe so", "doanh nghiep", "ty usd", "trieu usd", "ty dong",
    "co so du lieu", "don vi cap huyen", "don vi", "xa", "ho gia dinh", "nguoi",
    "san pham", "diem", "ngay lam viec", "ngay", "bac",
)  # fmt: skip
_AMOUNT = re.compile(
    r"(?:toi thieu|it nhat|co|dat|tren|quy tu duoc|hoan thanh|them|thu hut|khong qua|toi da|"
    r"tang(?:\s+(?:it nhat|toi thieu))?)\s+(?:duoc\s+)?"
    + r"(?:(\d+)/\d+|"
    + _NUMBER
    + r")\s+("
    + "|".join(u.replace(" ", r"\s+") for u in _UNITS)
    + r")\b"
)
_RANK = re.compile(
    r"nhom\s+(\d{1,2})\s+(?:cac\s+)?(?:tinh|dia\s+phuong)[^.;]{0,40}?(?:dan\s+dau|dung\s+dau)"
)
_EACH = re.compile(
    r"\bmoi\s+(?:nguoi|ho|hoc sinh|co so|benh vien|tram|tuyen|di san|ca nhan|gia dinh|"
    r"cong dan|co quan|don vi|truong)"
)


@dataclass
class TargetValue:
    clause: Span  # the words that belong to this value: the quote
    value_at: int  # where the number starts
    comparator: str
    value: float
    unit: str
    indicator: str
    baseline_year: int | None
    confidence: float


def _number(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text.replace(",", "."))


@dataclass
class _Raw:
    start: int  # of the value expression (qualifier included), in the window
    end: int
    comparator: str
    value: float
    unit: str
    confidence: float
    prefix: str = ""  # "Mức giảm", "Số", "Thứ hạng"


def find_targets(text: str, folded: str, span: Span) -> list[TargetValue]:
    """Every target value in a sentence, each with its own clause and indicator.

    1. Find the value expressions: percentages, amounts with a unit, ranks ("nhóm 03 …
       dẫn đầu"), and "mỗi X đều …" (100%).
    2. Cut the sentence between consecutive values at the strongest connector between
       them (";" or "trong đó", else the last "," or "và"); the first value's clause starts
       at the sentence start, the last one's ends at the sentence end.
    3. The indicator is the clause without its value expression.
    """
    window = folded[span.start : span.end]
    raw = sorted(_values(text, window, span.start), key=lambda r: r.start)
    starts = sorted({r.start for r in raw})
    ends = {start: max(r.end for r in raw if r.start == start) for start in starts}
    values: list[TargetValue] = []
    for item in raw:
        i = starts.index(item.start)
        begin = (
            _cut(window, ends[starts[i - 1]], item.start)
            if i
            else window.rfind(";", 0, item.start) + 1
        )
        finish = (
            _cut(window, ends[item.start], starts[i + 1]) if i + 1 < len(starts) else len(window)
        )
        clause = _clause(text, Span(span.start + begin, span.start + finish))
        if len(clause) < 8:
            continue
        before = text[clause.start : span.start + item.start]
        after = text[span.start + item.end : clause.end]
        indicator = _indicator(before, after, item.prefix)
        baseline = baseline_year(folded[clause.start : clause.end])
        values.append(
            TargetValue(
                clause, span.start + item.start, item.comparator, item.value, item.unit,
                indicator, baseline, item.confidence,
            )
        )  # fmt: skip
    return values


def _values(text: str, window: str, offset: int) -> list[_Raw]:
    found = _percentages(window) + _amounts(window)
    for m in _RANK.finditer(window):
        rank = _Raw(m.start(), m.end(), "<=", float(m.group(1)), "thứ hạng", 0.6, "Thứ hạng")
        found += _per_index(text, window, offset, rank)
    for m in _GRADE.finditer(window):
        grade = _GRADES[re.sub(r"\s+", " ", m.group(1))]
        group = _Raw(m.start(), m.end(), "<=", grade, "nhóm xếp hạng", 0.5, "Nhóm xếp hạng")
        found += _per_index(text, window, offset, group)
    return found + _each(text, window, offset)


def _percentages(window: str) -> list[_Raw]:
    found = []
    for m in _PERCENT.finditer(window):
        prefix = "Mức giảm" if re.match(r"(?:cat\s+)?giam", m.group(0)) else ""
        value = _number(m.group(1))
        found.append(_Raw(m.start(), m.end(), _comparator(window, m), value, "%", 0.8, prefix))
    return found


def _amounts(window: str) -> list[_Raw]:
    """ "ít nhất 10.000 doanh nghiệp", "trên 5 tỷ USD", "6/13 đơn vị cấp huyện"."""
    found = []
    for m in _AMOUNT.finditer(window):
        if "%" in window[m.start() : m.end()]:
            continue
        unit = _unit(m.group(3))
        measures = ("tỷ USD", "triệu USD", "tỷ đồng", "điểm", "ngày làm việc", "ngày", "bậc")
        counted = unit not in measures
        comparator = _comparator(window, m)
        end = m.start(3) if counted else m.end()
        prefix = "Số" if counted else f"({unit})"
        if m.group(0).startswith("tang"):
            prefix = "Mức tăng"
        value = _number(m.group(1) or m.group(2))
        found.append(_Raw(m.start(), end, comparator, value, unit, 0.6, prefix))
    return found


def _each(text: str, window: str, offset: int) -> list[_Raw]:
    """ "Mỗi hộ gia đình có địa chỉ số, có khả năng truy cập …": 100%, once per "có"."""
    found = []
    for m in _EACH.finditer(window):
        if text[offset + m.start() : offset + m.start() + 3].lower() != "mỗi":
            continue  # "môi trường" folds to the same letters
        if _LIMIT.match(window, m.end()):
            continue  # "mỗi đơn vị không quá 01 lần/năm": a limit on inspections, not a goal
        found.append(_Raw(m.start(), m.start(), ">=", 100.0, "%", 0.5, ""))
        also = re.search(r",\s+co\s", window[m.end() :])
        if also and ";" not in window[m.end() : m.end() + also.start()]:
            at = m.end() + also.start() + 1
            found.append(_Raw(at, at, ">=", 100.0, "%", 0.5, ""))
    return found


# "mỗi đơn vị không quá 01 lần/năm", "mỗi cơ quan 01 lần trong năm": how often each unit is
# inspected, not a goal for every unit
_LIMIT = re.compile(
    r"[^.;]{0,30}?(?:khong qua|toi da|duoc kiem tra|"
    r"\d+\s*(?:lan|cuoc|dot)\s*(?:/|(?:trong|moi|mot|tren)\s+(?:1\s+|01\s+)?(?:nam|quy|6 thang)))"
)

_GRADES = {"rat tot": 1.0, "tot": 2.0, "kha": 3.0, "trung binh": 4.0}
_GRADE = re.compile(
    r"thuoc\s+nhom\s+(?:cac\s+tinh,?\s+thanh\s+pho\s+)?co\s+chat\s+luong\s+dieu\s+hanh\s+(rat\s+tot|tot|kha|trung\s+binh)"
)
_INDEX = re.compile(r"\b(PAR\s+INDEX|PAR\s+Index|ICT\s+Index|[A-Z]{3,6})\b")


def _per_index(text: str, window: str, offset: int, raw: _Raw) -> list[_Raw]:
    """ "Chỉ số PAR INDEX và PAPI thuộc nhóm 20 …": one target for each index named."""
    start = max(window.rfind(";", 0, raw.start), window.rfind(".", 0, raw.start), 0)
    names = _INDEX.findall(text[offset + start : offset + raw.start])
    if not names:
        return [raw]
    return [
        _Raw(
            raw.start,
            raw.end,
            raw.comparator,
            raw.value,
            raw.unit,
            raw.confidence,
            f"{raw.prefix} chỉ số {name}",
        )
        for name in dict.fromkeys(names)
    ]


def _cut(window: str, low: int, high: int) -> int:
    """Where the clause of the next value starts, between two values."""
    strong = [
        m.end()
        for m in re.finditer(r";|\btrong\s+(?:so\s+)?do\b,?", window[:high])
        if m.start() >= low
    ]
    if strong:
        return strong[-1]
    weak = [m.end() for m in re.finditer(r",|\s+va\s+", window[:high]) if m.start() >= low]
    return weak[-1] if weak else high


_MARKER = re.compile(r"[\s,;:.\-–]*(?:\*?\([ivx\d]{1,4}\)\*?[\s,:]*)+")


def _clause(text: str, span: Span) -> Span:
    """A value's clause without an enumeration marker such as "(2)" in front."""
    span = trim(text, span, " \t\r\n,;:-–")
    marker = _MARKER.match(text, span.start, span.end)
    if marker:
        span = Span(marker.end(), span.end)
    tail = _CLAUSE_TAIL.search(fold(span.of(text)))
    if tail:
        span = trim(text, Span(span.start, span.start + tail.start()), " \t\r\n,;:-–")
    return span


_CLAUSE_TAIL = re.compile(r"(?:\s+va|,?\s*trong\s+(?:so\s+)?do)[\s,]*$")


def _comparator(window: str, match: re.Match[str]) -> str:
    said = match.group(0)
    if re.match(r"(?:dat\s+)?(?:tren|hon)\s", said):
        return ">"
    if re.match(r"(?:dat\s+)?duoi\s", said):
        return "<"
    if re.match(r"(?:dat\s+)?(?:toi da|khong qua|khong vuot qua)\s", said):
        return "<="
    return ">="


def _unit(folded_unit: str) -> str:
    units = {
        "doanh nghiep cong nghe so": "doanh nghiệp", "doanh nghiep": "doanh nghiệp",
        "ty usd": "tỷ USD", "trieu usd": "triệu USD", "ty dong": "tỷ đồng",
        "co so du lieu": "cơ sở dữ liệu", "don vi cap huyen": "đơn vị cấp huyện",
        "don vi": "đơn vị", "xa": "xã", "ho gia dinh": "hộ gia đình", "nguoi": "người",
        "san pham": "sản phẩm", "diem": "điểm", "ngay lam viec": "ngày làm việc",
        "ngay": "ngày", "bac": "bậc",
    }  # fmt: skip
    return units.get(re.sub(r"\s+", " ", folded_unit), folded_unit)


_FILLER = re.compile(
    r"^(?:(?:trong\s+(?:so\s+)?do|phan dau|dong thoi|cu the|theo do|tiep tuc|muc tieu|"
    r"(?:dinh huong\s+)?den\s+nam\s+20\d\d|tu\s+nam\s+20\d\d|het\s+nam\s+20\d\d|nam\s+20\d\d|co(?!\s+quan)|dat)"
    r"\s*[,:]?\s+)+"
)
_TAIL_WORDS = re.compile(
    r"(?:\s+(?:dat|dat tu|tu|tro len|toi thieu|it nhat|tren|luon dat ty le|va|la|co|them|duoc))+$"
)


def _indicator(before: str, after: str, prefix: str) -> str:
    """What is measured: the clause's words around the value, tidied."""
    before = _strip(before.rstrip(), _TAIL_WORDS, leading=False)
    after = re.sub(r"^\s*(?:tro len|trở lên)\b", "", after)
    if prefix.startswith(("Thứ hạng", "Nhóm xếp hạng")):
        return prefix + (
            "" if "chỉ số" in prefix else " " + squeeze(strip_markup(after.split(",")[0]))
        )
    words = squeeze(strip_markup(f"{before} {after}")).strip(" ,;:.")
    words = _strip(words, _FILLER, leading=True).strip(" ,;:.")
    words = re.sub(r"^(mỗi|Mỗi)\s+", "", words)
    if not words:
        return "Chỉ tiêu"
    if prefix.startswith("("):
        words = f"{words[0].upper()}{words[1:]} {prefix}"
    elif prefix:
        words = f"{prefix} {words[0].lower()}{words[1:]}"
    elif not re.match(
        r"(tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|mức|chỉ số|số|thứ hạng|tổng)", words, re.IGNORECASE
    ):
        words = f"Tỷ lệ {words[0].lower()}{words[1:]}"
    else:
        words = words[0].upper() + words[1:]
    return (words[:157] + "…") if len(words) > 160 else words


def _strip(words: str, pattern: re.Pattern[str], *, leading: bool) -> str:
    """Remove a folded pattern from one end of the original words (same length)."""
    match = pattern.search(fold(words))
    if not match:
        return words
    return words[match.end() :] if leading else words[: match.start()]


@dataclass
class InspectionCount:
    count: int
    per: str  # year | quarter | half_year
    confidence: float


def find_count(folded: str) -> InspectionCount | None:
    """The inspection count a duty gives (extraction.counts), in a catalogue's periods."""
    count = read_count(folded)
    if count is None:
        return None
    times, per = count.catalogue()
    return InspectionCount(times, per, 0.9 if count.period_stated else 0.6)
