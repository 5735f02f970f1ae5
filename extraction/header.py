"""The document's own particulars: number, kind, issuer, date, title, validity.

Read from the first lines ("Số: 124/NQ-HĐND", "Quảng Ninh, ngày 04 tháng 11 năm 2022",
"NGHỊ QUYẾT", the title line) and from "Thời gian thực hiện: … đến hết ngày 31 tháng 12
năm 2030". What cannot be read is guessed and said so in `assumption`, so the reviewer
sees it first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extraction.text import fold, squeeze

_KINDS = (
    ("nghi quyet", "resolution", "Nghị quyết"),
    ("chuong trinh hanh dong", "programme", "Chương trình hành động"),
    ("chuong trinh", "programme", "Chương trình"),
    ("ke hoach", "plan", "Kế hoạch"),
    ("de an", "scheme", "Đề án"),
    ("quyet dinh", "decision", "Quyết định"),
    ("chi thi", "directive", "Chỉ thị"),
    ("thong bao ket luan", "directive", "Thông báo kết luận"),
    ("ket luan", "directive", "Kết luận"),
    ("bao cao", "report", "Báo cáo"),
)
_NUMBER = re.compile(r"(?m)^\s*so\s*[:.]?\s*(\d[\w./\-–]*)")  # on folded text
_PLACE_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(20\d\d|19\d\d)")
_POSTED = re.compile(r"ngay\s+dang\s*:?\s*(\d{1,2})[-/.](\d{1,2})[-/.](20\d\d)")
_VALID_UNTIL = re.compile(
    r"den\s+het\s+ngay\s+(\d{1,2})\s*(?:/|\s+thang\s+)\s*(\d{1,2})\s*(?:/|\s+nam\s+)\s*(20\d\d)"
)
_PERIOD = re.compile(r"giai\s+doan\s+(20\d\d)\s*[-–]\s*(20\d\d)")
_HORIZON = re.compile(r"(?:den|dinh huong den)\s+nam\s+(20\d\d)")
_ISSUERS = (
    ("hoi dong nhan dan tinh", "HĐND tỉnh"),
    ("uy ban nhan dan tinh", "UBND tỉnh"),
    ("ban thuong vu tinh uy", "Ban Thường vụ Tỉnh ủy"),
    ("tinh uy", "Tỉnh ủy"),
)
_BY_NUMBER = (
    ("-hdnd", "HĐND tỉnh"),
    ("-ubnd", "UBND tỉnh"),
    ("/tu", "Tỉnh ủy"),
    ("-tu", "Tỉnh ủy"),
)


@dataclass
class Header:
    number: str
    kind: str
    issuer: str
    issued: date
    title: str
    valid_until: date | None
    guesses: list[str] = field(default_factory=list)
    province_name: str | None = None


def read_header(text: str, path: Path, today: date, province_name: str | None) -> Header:
    """1. The number from "Số: …" (else "… số N/…" early in the text).
    2. The kind from the first capitalised kind word ("NGHỊ QUYẾT"), else from the text.
    3. The issue date from "…, ngày DD tháng MM năm YYYY", else "Ngày đăng", else today.
    4. The title: the line after the kind word, else the first line.
    5. Validity: "đến hết ngày …", else the last year of "giai đoạn …" / "đến năm …" in
       the title.
    """
    head = text[:3000]
    folded = fold(head)
    guesses: list[str] = []
    number = _number(head)
    if number is None:
        number = f"Chưa rõ số ({path.stem})"
        guesses.append("văn bản không ghi số, ký hiệu")
    kind, kind_line = _kind(head)
    title = _title(head, kind_line)
    issued = _issued(folded)
    if issued is None:
        issued = _undated_issue(fold(title), fold(text), today)
        guesses.append(f"không đọc được ngày ban hành; tạm lấy {issued:%d/%m/%Y}")
    province_name = province_name or _province_name(head)
    issuer = _issuer(folded, number, province_name) or _signature(text, province_name)
    if issuer is None:
        issuer = f"UBND tỉnh {province_name}" if province_name else "UBND tỉnh"
        guesses.append("không đọc được cơ quan ban hành")
    return Header(
        number, kind, issuer, issued, title, _valid_until(text, title), guesses, province_name
    )


def _undated_issue(title: str, text: str, today: date) -> date:
    """A document that does not give its date: the day the office reads it (`today`), when
    that fits the period in its title (a 2021 - 2025 programme is issued late in 2020 or
    during 2021); else the first day of that period. Without a period in the title, today,
    unless the text sets goals "đến năm Y" for a year already past: it is older than that,
    and is dated the first day of the earliest period it names that reaches that year
    (else of that year)."""
    period = _PERIOD.search(title)
    if period is not None:
        start = int(period.group(1))
        return today if start - 1 <= today.year <= start else date(start, 1, 1)
    horizons = [int(m.group(1)) for m in _HORIZON.finditer(text)]
    if not horizons or min(horizons) >= today.year:
        return today
    goal = min(horizons)
    periods = [(int(m.group(1)), int(m.group(2))) for m in _PERIOD.finditer(text)]
    starts = [start for start, end in periods if start <= goal <= end]
    return date(min(starts, default=goal), 1, 1)


def _number(head: str) -> str | None:
    """Only the document's own "Số: …" line: numbers quoted in the text are other documents'."""
    match = _NUMBER.search(fold(head))
    return head[match.start(1) : match.end(1)].rstrip(".,;") if match else None


def _kind(head: str) -> tuple[str, int | None]:
    lines = head.split("\n")
    for i, line in enumerate(lines[:40]):
        stripped = line.strip()
        if stripped.isupper() and len(stripped) < 60:
            folded = fold(stripped)
            for cue, kind, _ in _KINDS:
                if folded.startswith(cue):
                    return kind, i
    folded = fold(head[:1500])
    for cue, kind, _ in _KINDS:
        if re.search(rf"\b{cue}\b", folded):
            return kind, None
    return "report", None


def _issued(folded: str) -> date | None:
    for pattern in (_PLACE_DATE, _POSTED):
        match = pattern.search(folded)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


# Lines after a title that are not part of it: the place and date, the legal bases.
_NOT_TITLE = re.compile(r"ngay\s+\d{1,2}\s+thang|^(?:can cu|so\s*:|kinh gui|xet\b)")


def _title(head: str, kind_line: int | None) -> str:
    lines = [line.strip() for line in head.split("\n")]
    if kind_line is not None:
        following = lines[kind_line + 1 :]
        while following and not following[0]:
            following.pop(0)
        if following:
            # A title wrapped over lines runs to the blank line (or the issuer's capitals).
            parts = [following[0]]
            for line in following[1:]:
                if not line or line.isupper() or len(parts) >= 4 or _NOT_TITLE.search(fold(line)):
                    break
                parts.append(line)
            title = squeeze(" ".join(parts))[:300]
            return title[0].upper() + title[1:]
    first = next((line for line in lines if len(line) > 10), "Văn bản chưa rõ tên")
    return squeeze(first)[:300]


def _issuer(folded: str, number: str, province_name: str | None) -> str | None:
    lines = folded.split("\n")[:25]
    for line in lines:
        for cue, name in _ISSUERS:
            if line.strip().startswith(cue):
                return _with_province(name, province_name)
    number_folded = fold(number)
    for cue, name in _BY_NUMBER:
        if cue in number_folded:
            return _with_province(name, province_name)
    return None


_SIGNATURE = (
    ("t/m tinh uy", "Tỉnh ủy"), ("t/m ban thuong vu", "Ban Thường vụ Tỉnh ủy"),
    ("t/m hoi dong nhan dan", "HĐND tỉnh"), ("tm. hoi dong nhan dan", "HĐND tỉnh"),
    ("t/m uy ban nhan dan", "UBND tỉnh"), ("tm. uy ban nhan dan", "UBND tỉnh"), ("tm. ubnd", "UBND tỉnh"),
)  # fmt: skip


def _signature(text: str, province_name: str | None) -> str | None:
    """ "T/M TỈNH ỦY" above the signature at the end says who issued the document."""
    tail = fold(text[-1500:])
    for cue, name in _SIGNATURE:
        if cue in tail:
            return _with_province(name, province_name)
    return None


def _province_name(head: str) -> str | None:
    """ "TỈNH NGHỆ AN" in the heading block, or "tỉnh Quảng Ninh" early in the text."""
    match = re.search(r"(?m)^\s*TINH\s+([A-Z][A-Z ]+?)\s*$", fold(head).upper())
    if match:
        return head[match.start(1) : match.end(1)].title()
    match = re.search(r"\btỉnh\s+([A-ZĐ][\wÀ-ỹ]+(?:\s+[A-ZĐ][\wÀ-ỹ]+)?)", head)
    return match.group(1) if match else None


def _with_province(name: str, province_name: str | None) -> str:
    return f"{name} {province_name}" if province_name else name


def _valid_until(text: str, title: str) -> date | None:
    match = _VALID_UNTIL.search(fold(text))
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    folded = fold(title)
    single = re.search(r"\bnam\s+(20\d\d)\s*$", folded)  # "Kế hoạch … năm 2024"
    if single:
        return date(int(single.group(1)), 12, 31)
    years = [int(m.group(2)) for m in _PERIOD.finditer(folded)]
    years += [int(m.group(1)) for m in _HORIZON.finditer(folded)]
    return date(max(years), 12, 31) if years else None
