"""The sheet "Chính sách đôn đốc": a document's named follow-up policies in Excel."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from tasks_catalog.catalogue import schema
from tasks_catalog.catalogue.excel_format import nfc
from tasks_catalog.catalogue.excel_read import Column, Sheet
from tasks_catalog.catalogue.messages import describe_error
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem
from tasks_catalog.follow_up_policy import POLICY_FIELDS

SHEET_TITLE = "Chính sách đôn đốc"
SHEET_KEY = "chinh sach don doc"
POLICY_COLUMNS = (
    Column("name", "Tên chính sách", True, ("ten",), 18),
    *(Column(f.name, f.metadata["label"], False, (), 14) for f in POLICY_FIELDS),
)
_YES = {"có", "co", "x", "true", "1", "yes"}
_NO = {"không", "khong", "false", "0", "no"}
_BOOLS = {f.name for f in POLICY_FIELDS if f.type in ("bool", bool)}


def read_policies(sheet: Sheet) -> dict[str, dict[str, Any]]:
    """{name: overrides}; CatalogueInvalid naming the cell of every bad value."""
    table = sheet.table(POLICY_COLUMNS)
    policies: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for number, cells in table.rows():
        name = nfc(cells.get("name"))
        if not name:
            problems.append(Problem(table.where(number, "name"), "thiếu tên chính sách"))
            continue
        values = {f: _value(f, v) for f, v in cells.items() if f != "name" and nfc(v)}
        try:
            policies[name] = schema.FollowUpSpec.model_validate(values).model_dump(
                exclude_none=True
            )
        except ValidationError as exc:
            for error in exc.errors():
                field = next((str(p) for p in error["loc"] if str(p) in table.columns), "name")
                problems.append(Problem(table.where(number, field), describe_error(error)))
    if problems:
        raise CatalogueInvalid(problems)
    return policies


def _value(field: str, value: Any) -> Any:
    text = nfc(value).lower()
    if field in _BOOLS and isinstance(value, str):
        return True if text in _YES else False if text in _NO else value
    if field == "reminder_days":
        return [
            int(p) if p.strip().isdigit() else p for p in str(value).replace(",", ";").split(";")
        ]
    if field == "send_at" and hasattr(value, "strftime"):
        return value.strftime("%H:%M")
    return value


def policy_rows(policies: dict[str, schema.FollowUpSpec]) -> list[dict[str, Any]]:
    rows = []
    for name, spec in policies.items():
        values: dict[str, Any] = {"name": name, **spec.model_dump(exclude_none=True)}
        if "reminder_days" in values:
            values["reminder_days"] = "; ".join(str(d) for d in values["reminder_days"])
        for field in _BOOLS & values.keys():
            values[field] = "Có" if values[field] else "Không"
        rows.append(values)
    return rows
