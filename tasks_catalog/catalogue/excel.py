"""Excel catalogue workbooks, the "Phụ lục nhiệm vụ" offices write, read into the models.

A document workbook has the sheets "Văn bản" (label | value rows) and "Nhiệm vụ" (one
obligation a row, under a header row that may sit below a title); an agency workbook has
"Tỉnh", "Cơ quan", "Người" and "Nhóm". Cells become the same data a YAML file holds and go
through pydantic the same way, every problem located at a cell: `file!Nhiệm vụ!G12`.
Writing is in `excel_write`; what a cell may say is in `excel_format` and `excel_read`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tasks_catalog.catalogue import schema
from tasks_catalog.catalogue.excel_format import (
    CellError,
    Labels,
    fold,
    key,
    nfc,
    read_date,
    read_schedule,
)
from tasks_catalog.catalogue.excel_open import read_sheets
from tasks_catalog.catalogue.excel_policies import SHEET_KEY as POLICY_SHEET
from tasks_catalog.catalogue.excel_policies import read_policies
from tasks_catalog.catalogue.excel_read import (
    AGENCY_COLUMNS,
    AGENCY_KINDS,
    DOCUMENT_KINDS,
    DOCUMENT_ROWS,
    GROUP_COLUMNS,
    LEVELS,
    OBLIGATION_COLUMNS,
    OBLIGATION_KINDS,
    PERSON_COLUMNS,
    PROVINCE_ROWS,
    ROLES,
    Column,
    Sheet,
    Table,
    header_key,
    read_inspection,
    read_target,
    split_agencies,
    split_list,
)
from tasks_catalog.catalogue.excel_write import write_agency_workbook, write_document_workbook
from tasks_catalog.catalogue.parsed import (
    CatalogueFile,
    DocumentFile,
    Locator,
    RegistryFile,
    validate_model,
)
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem

__all__ = ["parse_excel_file", "write_agency_workbook", "write_document_workbook"]

SHEETS = {"van ban", "nhiem vu", "tinh", "co quan", "nguoi", "nhom", POLICY_SHEET}
_HEADING = re.compile(r"(?:[IVXLC]+|[A-Z])\.?")  # "II" or "B." over a group of tasks
_SCHEDULE_REPEAT = {"every", "report", "after_cutoff", "from", "start", "until"}


def parse_excel_file(path: Path) -> CatalogueFile:
    """A validated document or agency registry from an .xlsx file, or CatalogueInvalid."""
    sheets = read_sheets(path, SHEETS)
    if "co quan" in sheets and "nhiem vu" in sheets:
        reason = 'có cả trang "Nhiệm vụ" và "Cơ quan": để danh mục cơ quan ở một tệp riêng'
        raise CatalogueInvalid([Problem(str(path), reason)])
    if "co quan" in sheets:
        return _registry_file(path, sheets)
    missing = [
        name for k, name in (("van ban", "Văn bản"), ("nhiem vu", "Nhiệm vụ")) if k not in sheets
    ]
    if len(missing) == 2:
        reason = 'không có trang tính "Văn bản" và "Nhiệm vụ" (văn bản) hay "Cơ quan" (cơ quan)'
        raise CatalogueInvalid([Problem(str(path), reason)])
    if missing:
        raise CatalogueInvalid([Problem(str(path), f'thiếu trang tính "{missing[0]}"')])
    return _document_file(path, sheets)


def _validated(
    model: type[Any], data: dict[str, Any], where: Locator, problems: list[Problem], quiet: set[str]
) -> Any:
    """The model, or CatalogueInvalid with the cells' problems and pydantic's together;
    pydantic's at a place in `quiet` only repeat what a cell's problem already says."""
    try:
        result = validate_model(model, data, where)
    except CatalogueInvalid as exc:
        news = [p for p in exc.problems if p.where not in quiet]
        raise CatalogueInvalid(problems + news if problems else exc.problems) from None
    if problems:
        raise CatalogueInvalid(problems)
    return result


def _text(value: Any) -> str | None:
    """A cell as text, as written (a number or date as the office sees it)."""
    text = value.strip() if isinstance(value, str) else nfc(value)
    return text or None


def _labelled(
    sheet: Sheet, rows: tuple[Column, ...], problems: list[Problem]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Values and cells of a "label | value" sheet, by field."""
    names = {header_key(c.label): c.field for c in rows}
    names |= {header_key(alias): c.field for c in rows for alias in c.aliases}
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    for row, column, label, value in sheet.labelled():
        field = names.get(header_key(label))
        if field is None or field in values:
            if nfc(value) and header_key(label) not in {"thong tin", "muc", "noi dung"}:
                reason = "bị lặp lại" if field else f"không có trong mẫu; dùng: {_choices(rows)}"
                problems.append(Problem(sheet.where(row, column - 1), f'mục "{label}" {reason}'))
            continue
        values[field] = value
        cells[field] = sheet.where(row, column)
    return values, cells


def _choices(rows: tuple[Column, ...]) -> str:
    return ", ".join(c.label for c in rows)


def _table(sheet: Sheet, columns: tuple[Column, ...], problems: list[Problem]) -> Table | None:
    try:
        return sheet.table(columns)
    except CatalogueInvalid as exc:
        problems.extend(exc.problems)
        return None


def _attempt(errors: list[CellError], read: Callable[..., Any], *args: Any) -> Any:
    try:
        return read(*args)
    except CellError as exc:
        errors.append(exc)
        return None


def _present(data: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in data.items() if value not in (None, [])}


# ---- document workbooks -----------------------------------------------------------------


def _document_file(path: Path, sheets: dict[str, Sheet]) -> DocumentFile:
    problems: list[Problem] = []
    values, cells = _labelled(sheets["van ban"], DOCUMENT_ROWS, problems)
    errors: list[CellError] = []
    document = _document(values, errors)
    problems += [Problem(cells[e.column], e.message) for e in errors]
    table = _table(sheets["nhiem vu"], OBLIGATION_COLUMNS, problems)
    if table is None:
        raise CatalogueInvalid(problems)
    obligations, rows, dropped = _obligations(table, document.get("number"), problems)
    if not obligations and not dropped:
        problems.append(Problem(table.sheet.where(), "không có nhiệm vụ nào dưới hàng tiêu đề"))
    where = _document_locator(sheets["van ban"], cells, table, rows)
    data = {"document": document, "obligations": obligations}
    if POLICY_SHEET in sheets:
        try:
            data["policies"] = read_policies(sheets[POLICY_SHEET])
        except CatalogueInvalid as exc:
            problems += exc.problems
    # A row we could not read is left out; the list it leaves short is not news.
    quiet = {p.where for p in problems} | ({table.sheet.where()} if dropped else set())
    catalogue = _validated(schema.DocumentCatalogue, data, where, problems, quiet)
    return DocumentFile(path, catalogue, where)


def _document(values: dict[str, Any], errors: list[CellError]) -> dict[str, Any]:
    document: dict[str, Any] = {
        f: _text(values.get(f)) for f in ("number", "issuer", "province", "title", "source")
    }
    kind = _text(values.get("kind"))
    if kind is not None:
        document["kind"] = DOCUMENT_KINDS.read(kind)
        if document["kind"] is None:
            errors.append(
                CellError("kind", f'không hiểu loại "{kind}"; dùng: {DOCUMENT_KINDS.choices()}')
            )
    for field in ("issued", "valid_from", "valid_until"):
        document[field] = _attempt(errors, read_date, values.get(field), field)
    assumption = _text(values.get("assumption"))
    if assumption:
        document |= {"assumed": True, "assumption": assumption}
    return _present(document)


def _obligations(
    table: Table, number: str | None, problems: list[Problem]
) -> tuple[list[dict[str, Any]], list[int], bool]:
    """Obligations with the row of each; whether a row was left out for its problems."""
    obligations: list[dict[str, Any]] = []
    rows: list[int] = []
    dropped = False
    for row, cells in table.rows():
        filled = [field for field, value in cells.items() if nfc(value) and field != "stt"]
        if not filled or (filled == ["title"] and _HEADING.fullmatch(nfc(cells["stt"]))):
            continue  # a row with only STT (a section title across the row), or a heading
        errors: list[CellError] = []
        obligation = _obligation(cells, number, errors)
        problems += [Problem(table.where(row, e.column), e.message) for e in errors]
        if errors:
            dropped = True
        else:
            obligations.append(obligation)
            rows.append(row)
    return obligations, rows, dropped


def _obligation(
    cells: dict[str, Any], number: str | None, errors: list[CellError]
) -> dict[str, Any]:
    text = _text(cells.get("title"))
    if text is None:
        errors.append(CellError("title", "thiếu nội dung nhiệm vụ (cột Nhiệm vụ trống)"))
        return {}
    quote = _text(cells.get("quote"))
    title = text if quote else _first_sentence(text)
    schedule = _attempt(errors, read_schedule, cells.get("due"), cells.get("repeat"))
    target = _attempt(errors, read_target, cells.get("target"), cells.get("target_year"), title)
    inspection = _attempt(errors, read_inspection, cells.get("inspection"))
    obligation = {
        "code": _text(cells.get("code")) or _attempt(errors, _code, number, cells["stt"]),
        "clause": _text(cells.get("clause")),
        "quote": quote or text,
        "title": title,
        "kind": _attempt(errors, _kind, cells.get("kind"), schedule, target, inspection),
        "lead": split_agencies(cells.get("lead")),
        "cooperating": split_agencies(cells.get("cooperating")),
        "deliverable": _text(cells.get("deliverable")),
        "schedule": schedule,
        "valid_from": _attempt(errors, read_date, cells.get("valid_from"), "valid_from"),
        "valid_until": _attempt(errors, read_date, cells.get("valid_until"), "valid_until"),
        "policy": _text(cells.get("policy")),
        "inspection": inspection,
        "target": target,
    }
    assumption = _text(cells.get("assumption"))
    if assumption:
        obligation |= {"assumed": True, "assumption": assumption}
    return _present(obligation)


def _first_sentence(text: str) -> str:
    """A long task's title is its first sentence; a short one is kept whole."""
    match = re.match(r"(.{10,}?[.;!?])\s", text, re.DOTALL)
    return match[1].rstrip(".;") if len(text) > 150 and match else text


def _code(number: str | None, stt: Any) -> str:
    """A stable code from the document number and STT: 124/NQ-HĐND, 12 → 124-NQ-HDND-12."""
    position = re.sub(r"[^A-Z0-9.]+", "-", fold(nfc(stt)).upper()).strip("-.")
    if not position:
        raise CellError("stt", "thiếu STT hoặc Mã để đặt mã nhiệm vụ")
    prefix = re.sub(r"[^A-Z0-9]+", "-", fold(number or "NV").upper()).strip("-")
    return f"{prefix}-{position}"


def _kind(value: Any, schedule: Any, target: Any, inspection: Any) -> str:
    text = nfc(value)
    if text:
        kind = OBLIGATION_KINDS.read(text)
        if kind is None:
            raise CellError("kind", f'không hiểu loại "{text}"; dùng: {OBLIGATION_KINDS.choices()}')
        return kind
    if target and inspection:
        raise CellError("kind", "hàng có cả Chỉ tiêu và Kiểm tra: ghi rõ Loại")
    if inspection:
        return "inspection_duty"
    if target:
        return "target"
    return "recurring_report" if schedule and schedule.get("every") else "deliverable"


def _document_locator(
    sheet: Sheet, cells: dict[str, str], table: Table, rows: list[int]
) -> Locator:
    def where(loc: tuple[str | int, ...]) -> str:
        if loc[:1] == ("document",):
            field = str(loc[1]) if len(loc) > 1 else ""
            return cells.get("assumption" if field == "assumed" else field, sheet.where())
        index = loc[1] if loc[:1] == ("obligations",) and len(loc) > 1 else None
        if isinstance(index, int) and index < len(rows):
            return table.where(rows[index], _obligation_column(loc[2:], table.columns))
        return table.sheet.where()

    return where


def _obligation_column(rest: tuple[str | int, ...], columns: dict[str, int]) -> str | None:
    """The column holding the field at `rest` of an obligation's pydantic location."""
    field = str(rest[0]) if rest else ""
    if field == "schedule":
        return "repeat" if rest[1:2] and rest[1] in _SCHEDULE_REPEAT else "due"
    if field == "target":
        return "target_year" if rest[1:2] == ("year",) else "target"
    if field == "code" and "code" not in columns:
        return "stt"
    if field == "quote" and "quote" not in columns:
        return "title"
    return "assumption" if field == "assumed" else field or None


# ---- agency workbooks -------------------------------------------------------------------


def _registry_file(path: Path, sheets: dict[str, Sheet]) -> RegistryFile:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    if "tinh" in sheets:
        values, cells = _labelled(sheets["tinh"], PROVINCE_ROWS, problems)
        cells = dict.fromkeys(("province", "province_name"), sheets["tinh"].where()) | cells
    else:
        problems.append(Problem(str(path), 'thiếu trang tính "Tỉnh" (Mã tỉnh, Tên tỉnh)'))
    agency_table = _table(sheets["co quan"], AGENCY_COLUMNS, problems)
    people_table = _table(sheets["nguoi"], PERSON_COLUMNS, problems) if "nguoi" in sheets else None
    group_table = _table(sheets["nhom"], GROUP_COLUMNS, problems) if "nhom" in sheets else None
    if agency_table is None:
        raise CatalogueInvalid(problems)
    places: dict[tuple[str | int, ...], tuple[Table, int]] = {}
    agencies = _rows(agency_table, _agency, "agencies", places, problems)
    if not agencies:
        problems.append(
            Problem(agency_table.sheet.where(), "không có cơ quan nào dưới hàng tiêu đề")
        )
    if people_table:
        _attach_people(people_table, agencies, places, problems)
    groups = _rows(group_table, _group, "groups", places, problems) if group_table else []
    data = {
        "province": _text(values.get("province")),
        "province_name": _text(values.get("province_name")),
        "agencies": agencies,
        "groups": groups,
    }
    where = _placed_locator(places, cells, agency_table.sheet.where())
    quiet = {p.where for p in problems}
    model = _validated(schema.AgencyRegistry, _present(data), where, problems, quiet)
    return RegistryFile(path, model, where)


def _placed_locator(
    places: dict[tuple[str | int, ...], tuple[Table, int]], cells: dict[str, str], fallback: str
) -> Locator:
    """The cell of the row whose location is the longest start of `loc`, in the column
    of the field that follows it; a labelled value; or the fallback sheet."""

    def where(loc: tuple[str | int, ...]) -> str:
        for cut in range(len(loc), 0, -1):
            if place := places.get(loc[:cut]):
                table, row = place
                return table.where(row, str(loc[cut]) if cut < len(loc) else None)
        return cells.get(str(loc[0]) if loc else "", fallback)

    return where


def _rows(
    table: Table,
    read: Callable[[dict[str, Any], list[CellError]], dict[str, Any]],
    name: str,
    places: dict[tuple[str | int, ...], tuple[Table, int]],
    problems: list[Problem],
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for row, cells in table.rows():
        errors: list[CellError] = []
        places[(name, len(items))] = (table, row)
        items.append(read(cells, errors))
        problems += [Problem(table.where(row, e.column), e.message) for e in errors]
    return items


def _agency(cells: dict[str, Any], errors: list[CellError]) -> dict[str, Any]:
    emails = split_list(cells.get("emails"), commas=True)
    return _present(
        {
            "code": _text(cells.get("code")),
            "name": _text(cells.get("name")),
            "short_name": _text(cells.get("short_name")),
            "aliases": split_list(cells.get("aliases"), commas=False),
            "level": _attempt(errors, _label, LEVELS, cells.get("level"), "level"),
            "kind": _attempt(errors, _label, AGENCY_KINDS, cells.get("kind"), "kind"),
            "parent": _text(cells.get("parent")),
            "emails": [email for item in emails for email in item.split()],
        }
    )


def _group(cells: dict[str, Any], errors: list[CellError]) -> dict[str, Any]:
    kinds = split_list(cells.get("kinds"), commas=False)
    levels = split_list(cells.get("levels"), commas=True)
    return _present(
        {
            "code": _text(cells.get("code")),
            "name": _text(cells.get("name")),
            "members": split_list(cells.get("members"), commas=True),
            "kinds": _labels(AGENCY_KINDS, kinds, "kinds", errors),
            "levels": _labels(LEVELS, levels, "levels", errors),
            "within": _text(cells.get("within")),
        }
    )


def _person(cells: dict[str, Any], errors: list[CellError]) -> dict[str, Any]:
    roles = split_list(cells.get("roles"), commas=True)
    return _present(
        {
            "name": _text(cells.get("name")),
            "email": _text(cells.get("email")),
            "position": _text(cells.get("position")),
            "roles": _labels(ROLES, roles, "roles", errors),
        }
    )


def _attach_people(
    table: Table,
    agencies: list[dict[str, Any]],
    places: dict[tuple[str | int, ...], tuple[Table, int]],
    problems: list[Problem],
) -> None:
    """Put each person under the agency named by its code or its name."""
    names = {key(a[f]): i for i, a in enumerate(agencies) for f in ("short_name", "name") if f in a}
    codes = {a["code"]: i for i, a in enumerate(agencies) if "code" in a}
    for row, cells in table.rows():
        errors: list[CellError] = []
        person = _person(cells, errors)
        agency = _text(cells.get("agency"))
        index = codes.get(agency, names.get(key(agency))) if agency else None
        if agency and index is None:
            errors.append(CellError("agency", f'cơ quan "{agency}" không có trong trang Cơ quan'))
        elif index is None:
            errors.append(CellError("agency", "thiếu cơ quan của người này"))
        problems += [Problem(table.where(row, e.column), e.message) for e in errors]
        if index is not None:
            people = agencies[index].setdefault("people", [])
            places[("agencies", index, "people", len(people))] = (table, row)
            people.append(person)


def _label(labels: Labels, value: Any, column: str) -> str | None:
    text = nfc(value)
    if not text:
        return None
    found = labels.read(text)
    if found is None:
        raise CellError(column, f'không hiểu "{text}"; dùng: {labels.choices()}')
    return found


def _labels(labels: Labels, texts: list[str], column: str, errors: list[CellError]) -> list[str]:
    found = [_attempt(errors, _label, labels, text, column) for text in texts]
    return [identifier for identifier in found if identifier]
