"""Reading an Excel workbook safely, and the cells that are not about time.

A workbook is opened and bounded in `excel_open.py`, read once
into memory (`Sheet`), and its tables found by their header row (`Sheet.table`). The
columns of each table are declared once (`Column`) for reading and writing alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from tasks_catalog.catalogue.excel_format import (
    CellError,
    Labels,
    cut_out,
    fold,
    key,
    nfc,
    read_year,
)
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem

HEADER_SEARCH_ROWS = 15
_COLUMN_NUMBER = re.compile(r"\(?[0-9]{1,2}\)?")  # the "(1) (2) (3)" row under a header


@dataclass(frozen=True)
class Column:
    """A column of a table sheet: the field it holds and the header that names it."""

    field: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 16


OBLIGATION_COLUMNS = (
    Column("stt", "STT", True, ("tt", "so tt", "so thu tu"), 6),
    Column("code", "Mã", False, ("ma nhiem vu",), 22),
    Column("title", "Nhiệm vụ", True, ("noi dung", "noi dung nhiem vu", "ten nhiem vu"), 40),
    Column("lead", "Cơ quan chủ trì", True, ("chu tri", "don vi chu tri"), 22),
    Column("cooperating", "Cơ quan phối hợp", True, ("phoi hop", "don vi phoi hop"), 22),
    Column("deliverable", "Sản phẩm", True, ("san pham dau ra",), 16),
    Column("due", "Thời hạn", True, ("thoi han hoan thanh", "thoi gian hoan thanh"), 16),
    Column("repeat", "Lặp lại", True, ("chu ky",), 22),
    Column("clause", "Căn cứ", True, (), 18),
    Column("kind", "Loại", False, ("loai nhiem vu",), 14),
    Column("quote", "Trích dẫn", False, (), 40),
    Column("target", "Chỉ tiêu", False, (), 22),
    Column("target_year", "Năm chỉ tiêu", False, (), 10),
    Column("inspection", "Kiểm tra", False, (), 26),
    Column("valid_from", "Hiệu lực từ", False, (), 12),
    Column("valid_until", "Hiệu lực đến", False, (), 12),
    Column("policy", "Chính sách", False, ("chinh sach nhac viec",), 12),
    Column("assumption", "Giả định", False, (), 30),
)
DOCUMENT_ROWS = (
    Column("number", "Số hiệu", aliases=("so ky hieu", "so, ky hieu")),
    Column("kind", "Loại văn bản"),
    Column("issuer", "Cơ quan ban hành"),
    Column("province", "Tỉnh", aliases=("ma tinh",)),
    Column("issued", "Ngày ban hành"),
    Column("valid_from", "Hiệu lực từ"),
    Column("valid_until", "Hiệu lực đến"),
    Column("title", "Trích yếu"),
    Column("source", "Nguồn"),
    Column("assumption", "Giả định"),
)
PROVINCE_ROWS = (Column("province", "Mã tỉnh"), Column("province_name", "Tên tỉnh"))
AGENCY_COLUMNS = (
    Column("code", "Mã", True, ("ma co quan",), 18),
    Column("name", "Tên", True, ("ten co quan",), 40),
    Column("short_name", "Tên viết tắt", False, (), 18),
    Column("aliases", "Tên gọi khác", False, (), 30),
    Column("level", "Cấp", True, (), 8),
    Column("kind", "Loại", True, ("loai co quan",), 24),
    Column("parent", "Cơ quan cấp trên", False, ("cap tren",), 18),
    Column("emails", "Thư điện tử", False, ("email",), 30),
)
PERSON_COLUMNS = (
    Column("name", "Họ tên", True, ("ho va ten",), 24),
    Column("email", "Thư điện tử", True, ("email",), 32),
    Column("position", "Chức vụ", False, (), 24),
    Column("agency", "Cơ quan", True, ("ma co quan",), 18),
    Column("roles", "Vai trò", False, (), 30),
)
GROUP_COLUMNS = (
    Column("code", "Mã", True, ("ma nhom",), 20),
    Column("name", "Tên", True, ("ten nhom",), 40),
    Column("members", "Thành viên", False, (), 30),
    Column("kinds", "Loại cơ quan", False, (), 30),
    Column("levels", "Cấp", False, (), 16),
    Column("within", "Thuộc", False, (), 18),
)


def header_key(value: Any) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", key(value)).split())


def sheet_key(name: str) -> str:
    return header_key(name)


# ---- sheets and tables -----------------------------------------------------------------


@dataclass
class Sheet:
    """One sheet's rows, read into memory, and how to name its cells."""

    file: str
    name: str
    rows: list[tuple[Any, ...]]

    def where(self, row: int | None = None, column: int = 0) -> str:
        if row is None:
            return f"{self.file}!{self.name}"
        return f"{self.file}!{self.name}!{get_column_letter(column + 1)}{row}"

    def labelled(self) -> Iterator[tuple[int, int, Any, Any]]:
        """(row, value column, label, value) of each row written as "label | value"."""
        for number, values in enumerate(self.rows, start=1):
            filled = [i for i, value in enumerate(values) if nfc(value)]
            if filled:
                at = filled[0]
                value = values[at + 1] if at + 1 < len(values) else None
                yield number, at + 1, values[at], value

    def table(self, columns: tuple[Column, ...]) -> Table:
        """The table under the header row found in the first rows (a title may sit above;
        a second header row under merged cells, "Chủ trì | Phối hợp", is read too)."""
        if not any(nfc(value) for values in self.rows for value in values):
            raise CatalogueInvalid([Problem(self.where(), "trang tính trống")])
        best: tuple[int, list[tuple[str, int]]] | None = None
        for number, values in enumerate(self.rows[:HEADER_SEARCH_ROWS], start=1):
            found = _header_cells(values, columns)
            if len({f for f, _ in found}) >= 2 and (best is None or len(found) > len(best[1])):
                best = (number, found)
        if best is None:
            names = ", ".join(c.label for c in columns if c.required)
            raise CatalogueInvalid(
                [Problem(self.where(), f"không tìm thấy hàng tiêu đề ({names}) trong 15 hàng đầu")]
            )
        number, found = best
        if number < len(self.rows) and (below := _sub_header(self.rows[number], found, columns)):
            found, number = found + below, number + 1
        return Table(self, _columns(self, number, found, columns), number + 1)


def _header_cells(values: tuple[Any, ...], columns: tuple[Column, ...]) -> list[tuple[str, int]]:
    names = {header_key(c.label): c.field for c in columns}
    names |= {header_key(alias): c.field for c in columns for alias in c.aliases}
    return [(names[k], i) for i, v in enumerate(values) if (k := header_key(v)) in names]


def _sub_header(
    values: tuple[Any, ...], found: list[tuple[str, int]], columns: tuple[Column, ...]
) -> list[tuple[str, int]]:
    """Headers of a second header row: every filled cell is a header not yet found (a
    task whose Loại is "Kiểm tra" is a row of data, not a header)."""
    seen = {field for field, _ in found}
    below = _header_cells(values, columns)
    filled = sum(1 for value in values if nfc(value))
    if below and len(below) == filled and not seen & {field for field, _ in below}:
        return below
    return []


def _columns(
    sheet: Sheet, row: int, found: list[tuple[str, int]], columns: tuple[Column, ...]
) -> dict[str, int]:
    problems: list[Problem] = []
    at: dict[str, int] = {}
    labels = {c.field: c.label for c in columns}
    for field, index in sorted(found, key=lambda pair: pair[1]):
        if field in at:
            problems.append(Problem(sheet.where(row, index), f'cột "{labels[field]}" bị lặp lại'))
        at.setdefault(field, index)
    missing = [c.label for c in columns if c.required and c.field not in at]
    if missing:
        problems.append(Problem(sheet.where(), f"thiếu cột: {', '.join(missing)}"))
    if problems:
        raise CatalogueInvalid(problems)
    return at


@dataclass
class Table:
    """The rows under a header row, each as {field: cell value}."""

    sheet: Sheet
    columns: dict[str, int]
    first_row: int

    def rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Rows with something in a known column, skipping a row of column numbers."""
        for number in range(self.first_row, len(self.sheet.rows) + 1):
            values = self.sheet.rows[number - 1]
            cells = {f: values[i] if i < len(values) else None for f, i in self.columns.items()}
            filled = [nfc(value) for value in cells.values() if nfc(value)]
            numbering = len(filled) >= 3 and all(_COLUMN_NUMBER.fullmatch(v) for v in filled)
            if filled and not numbering:
                yield number, cells

    def where(self, row: int, field: str | None = None) -> str:
        return self.sheet.where(row, self.columns.get(field, 0) if field else 0)


# ---- Chỉ tiêu and Kiểm tra ---------------------------------------------------------------

_COMPARATOR_WORDS = {
    ">=": ">=", "≥": ">=", "=>": ">=", "toi thieu": ">=", "it nhat": ">=", "khong duoi": ">=",
    "dat": ">=", "dat toi thieu": ">=", "dat it nhat": ">=",
    "<=": "<=", "≤": "<=", "=<": "<=", "toi da": "<=", "khong qua": "<=",
    "khong vuot qua": "<=", "dat toi da": "<=",
    ">": ">", "tren": ">", "<": "<", "duoi": "<", "=": "=", "bang": "=",
}  # fmt: skip
_COMPARATOR = "|".join(re.escape(w) for w in sorted(_COMPARATOR_WORDS, key=len, reverse=True))
_TARGET = re.compile(
    rf"\s*(?P<cmp>{_COMPARATOR})?\s*(?P<value>-?[0-9]+(?:[.,][0-9]+)?(?:e[+-]?[0-9]+)?)"
    r"\s*(?P<unit>.*?)\s*"
)
_OR_MORE = re.compile(r"\s*\btro (len|xuong)\s*$")
_OR_MORE_WORDS = {"len": ">=", "xuong": "<="}
_BASELINE = re.compile(r"\(?\s*so voi (?:nam )?([0-9]{4})\s*\)?")
TARGET_HINT = 'viết như ">= 90%", "tối thiểu 90%", "<= 3 thứ hạng"'


def read_target(value: Any, year_value: Any, title: str) -> dict[str, Any] | None:
    """Chỉ tiêu ("Tỷ lệ …: >= 90% (so với năm 2021)") and Năm chỉ tiêu, as target fields."""
    text = nfc(value)
    year = read_year(year_value, "target_year")
    if not text:
        if year is not None:
            raise CellError("target", f"thiếu chỉ tiêu cho năm {year} ({TARGET_HINT})")
        return None
    indicator, _, rest = text.rpartition(":")
    folded = fold(rest)
    target: dict[str, Any] = {"indicator": indicator.strip() or title}
    if match := _BASELINE.search(folded):
        target["baseline_year"] = int(match[1])
        rest, folded = cut_out(rest, match), cut_out(folded, match)
    match = _TARGET.fullmatch(folded)
    if match is None or re.search(r"\.[0-9]{3}(?![0-9])", match["value"]):
        raise CellError("target", f'không hiểu chỉ tiêu "{text}"; {TARGET_HINT}')
    words = match["cmp"]
    comparator = _COMPARATOR_WORDS[" ".join(words.split())] if words else None
    unit_start, unit_end = match.span("unit")
    if suffix := _OR_MORE.search(folded, unit_start, unit_end):  # "90% trở lên"
        unit_end = suffix.start()
        if comparator not in (None, _OR_MORE_WORDS[suffix[1]]):
            raise CellError("target", f'chỉ tiêu "{text}" tự mâu thuẫn; {TARGET_HINT}')
        comparator = _OR_MORE_WORDS[suffix[1]]
    unit = rest[unit_start:unit_end].strip()
    if not unit:
        raise CellError("target", f'chỉ tiêu "{text}" thiếu đơn vị; {TARGET_HINT}')
    if year is None:
        raise CellError("target_year", "thiếu năm của chỉ tiêu (ví dụ 2025)")
    value_text = match["value"].replace(",", ".")
    return target | {
        "comparator": comparator or ">=",
        "value": float(value_text),
        "unit": unit,
        "year": year,
    }


_PER = {"nam": "year", "6 thang": "half_year", "nua nam": "half_year", "quy": "quarter"}
PER_LABELS = {"year": "năm", "half_year": "6 tháng", "quarter": "quý"}
_COUNT = re.compile(
    r"(?:it nhat |toi thieu )?([0-9]{1,2}) (?:cuoc|lan)(?: kiem tra)?"
    r"\s*(?:/|moi|mot|trong|tren)\s*(nam|6 thang|nua nam|quy)"
)
_UNITS = re.compile(r"(?:nhom|don vi)\s+([A-Za-z0-9][A-Za-z0-9._-]*)")
_ANNOUNCED = {"dot xuat": True, "khong bao truoc": True, "kiem tra dot xuat": True}
_ANNOUNCED |= {"co bao truoc": False, "bao truoc": False, "theo ke hoach": False}
INSPECTION_HINT = 'viết như "2 cuộc/năm; nhóm QN-DIEM-TIEP-NHAN; đột xuất"'


def read_inspection(value: Any) -> dict[str, Any] | None:
    """Kiểm tra ("2 cuộc/năm; nhóm QN-DIEM-TIEP-NHAN; đột xuất") as inspection fields."""
    text = nfc(value)
    if not text:
        return None
    rule: dict[str, Any] = {"unannounced": False}
    for part in (p.strip(" .,") for p in re.split(r"[;\n]", text)):
        folded = " ".join(fold(part).split())
        if match := _COUNT.fullmatch(folded):
            rule |= {"count": int(match[1]), "per": _PER[match[2]]}
        elif match := _UNITS.fullmatch(folded):
            rule["units"] = part[len(part) - len(match[1]) :]
        elif folded in _ANNOUNCED:
            rule["unannounced"] = _ANNOUNCED[folded]
        elif part:
            raise CellError("inspection", f'không hiểu "{part}" trong "{text}"; {INSPECTION_HINT}')
    if "count" not in rule or "units" not in rule:
        raise CellError("inspection", f'"{text}" thiếu số cuộc hoặc nhóm; {INSPECTION_HINT}')
    return rule


# ---- lists of agencies, codes and labels -----------------------------------------------

_AGENCY_HEADS = (
    "so ban ubnd uy ban van phong thanh tra trung tam bo phan cong an bo chi huy tinh uy "
    "huyen uy thanh uy thi uy dang uy hdnd hoi dong mat tran mttq ubmttq doan tinh doan hoi "
    "lien doan cuc chi cuc kho bac ngan hang dai bao truong benh vien vien bao hiem cac "
    "co quan cong ty ban quan ly bo chi nhanh"
)
_HEAD = re.compile(rf"(?:{'|'.join(sorted(set(_AGENCY_HEADS.split()), key=len, reverse=True))})\b")
_LOOKS_LIKE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _is_code(text: str) -> bool:
    return bool(_LOOKS_LIKE_CODE.fullmatch(text)) and (
        text.isupper() or any(c.isdigit() or c == "-" for c in text)
    )


def _starts_agency(text: str) -> bool:
    return _is_code(text) or (text[:1].isupper() and bool(_HEAD.match(key(text))))


def split_agencies(value: Any) -> list[str]:
    """Agencies as written, split on ";" and line breaks, and on a comma only where a new
    agency starts ("Sở Văn hóa, Thể thao và Du lịch" and "các sở, ban, ngành" stay whole).
    """
    entries: list[str] = []
    for chunk in re.split(r"[;\n]", nfc(value)):
        pieces = chunk.split(",")
        current = pieces[0]
        for piece in pieces[1:]:
            if _starts_agency(piece.strip()) or _is_code(current.strip()):
                entries.append(current)
                current = piece
            else:
                current += "," + piece
        entries.append(current)
    return [entry.strip() for entry in entries if entry.strip()]


def split_list(value: Any, commas: bool) -> list[str]:
    """Items split on ";" and line breaks, and on commas when `commas`."""
    separators = r"[;\n,]" if commas else r"[;\n]"
    return [item.strip() for item in re.split(separators, nfc(value)) if item.strip()]


# ---- Vietnamese labels of the identifiers ----------------------------------------------

DOCUMENT_KINDS = Labels(
    {
        "resolution": "Nghị quyết",
        "programme": "Chương trình",
        "plan": "Kế hoạch",
        "scheme": "Đề án",
        "decision": "Quyết định",
        "directive": "Chỉ thị",
        "report": "Báo cáo",
    },
    {"Kết luận": "directive", "Thông báo kết luận": "directive", "Chỉ đạo": "directive"},
)
OBLIGATION_KINDS = Labels(
    {
        "deliverable": "Nhiệm vụ",
        "recurring_report": "Báo cáo định kỳ",
        "inspection_duty": "Kiểm tra",
        "target": "Chỉ tiêu",
    },
    {"Sản phẩm": "deliverable", "Kiểm tra đột xuất": "inspection_duty"},
)
LEVELS = Labels(
    {"province": "tỉnh", "district": "huyện", "commune": "xã"},
    {"cấp tỉnh": "province", "cấp huyện": "district", "cấp xã": "commune"},
)
AGENCY_KINDS = Labels(
    {
        "party_committee": "Cấp ủy đảng",
        "party_body": "Ban cán sự đảng, đảng đoàn",
        "council": "Hội đồng nhân dân",
        "council_body": "Cơ quan của HĐND",
        "peoples_committee": "Ủy ban nhân dân",
        "office": "Văn phòng",
        "department": "Sở, ban, ngành",
        "inspectorate": "Thanh tra",
        "public_service_centre": "Trung tâm phục vụ hành chính công",
        "one_stop_unit": "Bộ phận một cửa",
        "front": "Mặt trận, đoàn thể",
        "other": "Khác",
    },
    {
        "Tỉnh ủy, huyện ủy": "party_committee",
        "HĐND": "council",
        "Thường trực, ban HĐND": "council_body",
        "UBND": "peoples_committee",
        "Sở": "department",
        "Trung tâm hành chính công": "public_service_centre",
        "Bộ phận tiếp nhận và trả kết quả": "one_stop_unit",
        "MTTQ": "front",
    },
)
ROLES = Labels(
    {
        "assignee": "Chủ trì/đầu mối",
        "head": "Thủ trưởng",
        "coordinator": "Văn phòng điều phối",
        "coordination_leader": "Chánh Văn phòng",
        "inspector": "Thanh tra viên",
        "inspection_lead": "Trưởng đoàn kiểm tra",
        "leader": "Lãnh đạo",
    },
    {"Đầu mối": "assignee", "Chuyên viên đầu mối": "assignee", "Điều phối": "coordinator"},
)
