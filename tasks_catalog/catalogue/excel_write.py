"""Writing catalogue models as Excel workbooks an office can edit and send back.

The workbook is the format `excel.parse_excel_file` reads: parsing what is written here
gives back an equal model. Agencies are written as codes; schedules in the Vietnamese
phrases of `excel_format`. A file is written whole or not at all (temp file + rename).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from tasks_catalog.catalogue import schema
from tasks_catalog.catalogue.excel_format import format_due, format_repeat
from tasks_catalog.catalogue.excel_policies import POLICY_COLUMNS, policy_rows
from tasks_catalog.catalogue.excel_policies import SHEET_TITLE as POLICY_SHEET_TITLE
from tasks_catalog.catalogue.excel_read import (
    AGENCY_COLUMNS,
    AGENCY_KINDS,
    DOCUMENT_KINDS,
    DOCUMENT_ROWS,
    GROUP_COLUMNS,
    LEVELS,
    OBLIGATION_COLUMNS,
    OBLIGATION_KINDS,
    PER_LABELS,
    PERSON_COLUMNS,
    PROVINCE_ROWS,
    ROLES,
    Column,
)

DATE_FORMAT = "DD/MM/YYYY"
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_document_workbook(
    catalogue: schema.DocumentCatalogue, output: Path, session: Any = None
) -> None:
    """Sheets "Văn bản" and "Nhiệm vụ"; with a session, also "Tra cứu mã" listing the
    codes of the province's agencies and groups, to help whoever edits the file."""
    workbook = Workbook()
    document = catalogue.document
    _label_sheet(workbook.active, "Văn bản", DOCUMENT_ROWS, _document_values(document))
    rows = [_obligation_values(i, o) for i, o in enumerate(catalogue.obligations, start=1)]
    sheet = _table_sheet(workbook.create_sheet("Nhiệm vụ"), OBLIGATION_COLUMNS, rows)
    _choice_list(sheet, OBLIGATION_COLUMNS, "kind", OBLIGATION_KINDS.labels.values())
    if catalogue.policies:
        policies = workbook.create_sheet(POLICY_SHEET_TITLE)
        _table_sheet(policies, POLICY_COLUMNS, policy_rows(catalogue.policies))
    if session is not None:
        _lookup_sheet(workbook.create_sheet("Tra cứu mã"), session, document.province)
    save_atomically(workbook, output)


def write_agency_workbook(registry: schema.AgencyRegistry, output: Path) -> None:
    """Sheets "Tỉnh", "Cơ quan", "Người" (one row a person, under an agency code), "Nhóm"."""
    workbook = Workbook()
    values = {"province": registry.province, "province_name": registry.province_name}
    _label_sheet(workbook.active, "Tỉnh", PROVINCE_ROWS, values)
    agencies = [_agency_values(a) for a in registry.agencies]
    sheet = _table_sheet(workbook.create_sheet("Cơ quan"), AGENCY_COLUMNS, agencies)
    _choice_list(sheet, AGENCY_COLUMNS, "level", LEVELS.labels.values())
    people = [_person_values(a.code, p) for a in registry.agencies for p in a.people]
    _table_sheet(workbook.create_sheet("Người"), PERSON_COLUMNS, people)
    groups = [_group_values(g) for g in registry.groups]
    _table_sheet(workbook.create_sheet("Nhóm"), GROUP_COLUMNS, groups)
    save_atomically(workbook, output)


def save_atomically(workbook: Workbook, output: Path) -> None:
    """Save beside `output` under a temporary name, then rename: never half a file."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{output.name}.", suffix=".tmp", dir=output.parent
    )
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# ---- one model, one row ---------------------------------------------------------------


def _document_values(document: schema.Document) -> dict[str, Any]:
    return document.model_dump(exclude={"kind", "assumed", "assumption"}) | {
        "kind": DOCUMENT_KINDS.label(document.kind),
        "assumption": document.assumption if document.assumed else None,
    }


def _obligation_values(position: int, obligation: schema.Obligation) -> dict[str, Any]:
    schedule, target = obligation.schedule, obligation.target
    return {
        "stt": position,
        "code": obligation.code,
        "title": obligation.title,
        "lead": "; ".join(obligation.lead),
        "cooperating": "; ".join(obligation.cooperating),
        "deliverable": obligation.deliverable,
        "due": format_due(schedule) if schedule else None,
        "repeat": format_repeat(schedule) if schedule else None,
        "clause": obligation.clause,
        "kind": OBLIGATION_KINDS.label(obligation.kind),
        "quote": obligation.quote,
        "target": format_target(target, obligation.title) if target else None,
        "target_year": target.year if target else None,
        "inspection": format_inspection(obligation.inspection) if obligation.inspection else None,
        "valid_from": obligation.valid_from,
        "valid_until": obligation.valid_until,
        "policy": obligation.policy,
        "assumption": obligation.assumption if obligation.assumed else None,
    }


def format_target(target: schema.TargetRule, title: str) -> str:
    """ ">= 90%", "<= 3 thứ hạng (so với năm 2021)"; prefixed "indicator: " unless it is
    the title. A decimal is written with a comma, as offices do (90,5%)."""
    value = target.value
    number = str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    text = f"{target.comparator} {number}{'' if target.unit == '%' else ' '}{target.unit}"
    if target.baseline_year is not None:
        text += f" (so với năm {target.baseline_year})"
    return text if target.indicator == title else f"{target.indicator}: {text}"


def format_inspection(rule: schema.InspectionRule) -> str:
    announced = "đột xuất" if rule.unannounced else "có báo trước"
    return f"{rule.count} cuộc/{PER_LABELS[rule.per]}; nhóm {rule.units}; {announced}"


def _agency_values(agency: schema.Agency) -> dict[str, Any]:
    return agency.model_dump(exclude={"people"}) | {
        "aliases": "; ".join(agency.aliases),
        "level": LEVELS.label(agency.level),
        "kind": AGENCY_KINDS.label(agency.kind),
        "emails": "; ".join(agency.emails),
    }


def _person_values(agency: str, person: schema.Person) -> dict[str, Any]:
    roles = "; ".join(ROLES.label(role) for role in person.roles)
    return person.model_dump() | {"agency": agency, "roles": roles}


def _group_values(group: schema.AgencyGroup) -> dict[str, Any]:
    return group.model_dump() | {
        "members": "; ".join(group.members),
        "kinds": "; ".join(AGENCY_KINDS.label(kind) for kind in group.kinds),
        "levels": "; ".join(LEVELS.label(level) for level in group.levels),
    }


# ---- sheets ------------------------------------------------------------------------------


def _put(cell: Cell, value: Any) -> None:
    if value is None or value == "":
        return
    cell.value = value
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # "= 5 ngày" is a target, not a formula
    cell.alignment = _WRAP


def _label_sheet(
    sheet: Worksheet, title: str, rows: tuple[Column, ...], values: dict[str, Any]
) -> None:
    sheet.title = title
    for number, column in enumerate(rows, start=1):
        sheet.cell(number, 1, column.label).font = _BOLD
        _put(sheet.cell(number, 2), values.get(column.field))
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 70


def _table_sheet(
    sheet: Worksheet, columns: tuple[Column, ...], rows: list[dict[str, Any]]
) -> Worksheet:
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(1, index, column.label)
        cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for number, values in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            _put(sheet.cell(number, index), values.get(column.field))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 2)}"
    return sheet


def _choice_list(
    sheet: Worksheet, columns: tuple[Column, ...], field: str, choices: Iterable[str]
) -> None:
    """A drop-down of the labels, in a column the office may extend by 500 rows."""
    letter = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.field == field))
    validation = DataValidation(type="list", formula1=f'"{",".join(choices)}"', allow_blank=True)
    validation.showErrorMessage = False  # a variant spelling is still read
    sheet.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{sheet.max_row + 500}")


def _lookup_sheet(sheet: Worksheet, session: Any, province: str) -> None:
    from sqlalchemy import select

    from tasks_catalog import models

    rows: list[dict[str, Any]] = []
    for model, kind in ((models.Agency, "Cơ quan"), (models.AgencyGroup, "Nhóm")):
        query = select(model.code, model.name).where(
            model.province == province, model.retired_at.is_(None)
        )
        rows += [
            {"code": code, "name": name, "kind": kind}
            for code, name in session.execute(query.order_by(model.code))
        ]
    columns = (Column("code", "Mã", width=22), Column("name", "Tên", width=50))
    _table_sheet(sheet, (*columns, Column("kind", "Loại", width=10)), rows)
