"""An inspection record from the web form (a phone on site), checked like the YAML of
`dondoc inspections log`: the same `RecordInput`, the same checks in `records.py`.

The form's fields carry the YAML's names; lists (violations, recommendations, members)
come one per line. Uploaded files are written by the caller into a fresh folder and named
here as the record's evidence, so `check_record` reads them as it reads files next to a
YAML file. Problems name the form's field in Vietnamese instead of `file:line`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspections.models import STATE_LABELS, RecordState
from inspections.record_input import ParsedRecord, RecordInput, missing_for_state
from tasks_catalog.catalogue.parsed import validate_model
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem

FIELD_LABELS = {
    "duty": "Nhiệm vụ kiểm tra",
    "form": "Hình thức",
    "basis": "Căn cứ",
    "unit": "Đơn vị được kiểm tra",
    "content": "Nội dung kiểm tra",
    "scope": "Phạm vi",
    "date": "Ngày kiểm tra",
    "place": "Địa điểm",
    "leader": "Trưởng đoàn",
    "members": "Thành viên đoàn",
    "findings": "Kết quả kiểm tra",
    "violations": "Vi phạm",
    "conclusion": "Kết luận",
    "recommendations": "Kiến nghị",
    "state": "Trạng thái",
    "minutes_number": "Số biên bản",
    "evidence": "Ảnh, tệp minh chứng",
}
TEXT_FIELDS = (
    "duty", "form", "basis", "unit", "content", "scope", "date", "place", "findings",
    "conclusion", "state", "minutes_number",
)  # fmt: skip
LIST_FIELDS = ("violations", "recommendations")
MAX_FILES = 20


@dataclass(frozen=True)
class Upload:
    """A file saved from the form into the record's folder."""

    name: str  # as stored in the folder (safe)
    description: str = ""


def field_of(location: tuple[str | int, ...]) -> str:
    """The form field a problem is about: its first name in the location."""
    return str(location[0]) if location else "form"


def where(location: tuple[str | int, ...]) -> str:
    """A problem's place, for a person: the field's label (and which line of a list)."""
    label = FIELD_LABELS.get(field_of(location), "Biểu mẫu")
    rest = [p for p in location[1:] if isinstance(p, int)]
    return f"{label} (dòng {rest[0] + 1})" if rest and location[0] != "evidence" else label


def read_record_form(
    fields: Mapping[str, str], uploads: list[Upload], *, folder: Path, leader: str
) -> ParsedRecord:
    """The record the form describes, or CatalogueInvalid naming each field at fault."""
    data: dict[str, Any] = {
        name: fields[name].strip() for name in TEXT_FIELDS if fields.get(name, "").strip()
    }
    for name in LIST_FIELDS:
        data[name] = _lines(fields.get(name, ""))
    data["leader"] = {"email": fields.get("leader", "").strip() or leader, "duty": "Trưởng đoàn"}
    data["members"] = [
        {"email": email, "duty": "Thành viên"} for email in _lines(fields.get("members", ""))
    ]
    if len(uploads) > MAX_FILES:
        raise CatalogueInvalid(
            [Problem(where(("evidence",)), f"mỗi biên bản nhận tối đa {MAX_FILES} tệp")]
        )
    data["evidence"] = [{"file": u.name, "description": u.description} for u in uploads]
    record = validate_model(RecordInput, data, where)
    assert isinstance(record, RecordInput)
    missing = missing_for_state(record.model_dump(), record.state)
    if missing:
        label = STATE_LABELS[RecordState(record.state)]
        raise CatalogueInvalid(
            [Problem(where(("state",)), f'biên bản "{label}" phải có: {", ".join(missing)}')]
        )
    return ParsedRecord(path=folder / "web-form", record=record, where=where)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
