"""The YAML of `dondoc inspections log`: one inspection record, checked with exact lines.

The file's shape is checked here (pydantic, strict: a misspelt key is an error); what it
refers to (the duty, the unit, the inspectors, the evidence files) is checked against the
database in `records.py`. Every problem comes back as `file:line: message`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from inspections.models import STATE_LABELS, InspectionForm, RecordState
from tasks_catalog.catalogue.parsed import Locator, validate_model
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem
from tasks_catalog.catalogue.yaml_source import load_yaml

_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Email = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=_EMAIL)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20000)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

_FORMS = {"unannounced": "unannounced", "đột xuất": "unannounced", "scheduled": "scheduled"}
_FORMS["theo kế hoạch"] = "scheduled"
_STATES = {state.value: state.value for state in RecordState} | {
    label.lower(): state.value for state, label in STATE_LABELS.items()
}


def _form(value: Any) -> Any:
    return _FORMS.get(str(value).strip().lower(), value) if isinstance(value, str) else value


def _state(value: Any) -> Any:
    return _STATES.get(str(value).strip().lower(), value) if isinstance(value, str) else value


def _day(value: Any) -> Any:
    """Accept 2025-03-12 (YAML date) and 12/03/2025 (how offices write it)."""
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", value.strip()):
        try:
            return datetime.strptime(value.strip(), "%d/%m/%Y").date()
        except ValueError:
            return value
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TeamMemberInput(_Strict):
    email: Email
    name: Text | None = None  # defaults to the registry's
    position: Text | None = None
    unit: Text | None = None  # the member's agency, as it should be printed
    duty: Text | None = None  # Trưởng đoàn, Thành viên, Thư ký …


class EvidenceInput(_Strict):
    file: Line  # relative to the YAML file's folder
    description: Text = ""


class RecordInput(_Strict):
    duty: Line  # the obligation code of the inspection duty, e.g. QN124-D1.3c-KTDX
    form: Annotated[Literal["unannounced", "scheduled"], BeforeValidator(_form)]
    basis: Text = ""
    unit: Line  # agency code of the unit inspected
    content: Text = ""
    scope: Text = ""
    date: Annotated[date, BeforeValidator(_day)]
    place: Text = ""
    leader: TeamMemberInput
    members: list[TeamMemberInput] = Field(default_factory=list)
    findings: Text = ""
    violations: list[Line] = Field(default_factory=list)
    conclusion: Text = ""
    recommendations: list[Line] = Field(default_factory=list)
    state: Annotated[
        Literal["draft", "in_progress", "follow_up", "done"], BeforeValidator(_state)
    ] = "in_progress"
    minutes_number: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] | None
    ) = None
    digital: bool | None = None  # None: digital when evidence is attached
    evidence: list[EvidenceInput] = Field(default_factory=list)


# What a record must say before it may enter each state (the flow only moves forward).
REQUIRED_BY_STATE: dict[str, tuple[tuple[str, str], ...]] = {
    "draft": (),
    "in_progress": (("basis", "căn cứ"), ("content", "nội dung kiểm tra")),
    "follow_up": (
        ("basis", "căn cứ"),
        ("content", "nội dung kiểm tra"),
        ("findings", "kết quả kiểm tra"),
        ("conclusion", "kết luận"),
        ("minutes_number", "số biên bản"),
    ),
}
REQUIRED_BY_STATE["done"] = REQUIRED_BY_STATE["follow_up"]


def missing_for_state(values: dict[str, Any], state: str) -> list[str]:
    """The labels of the fields a record lacks to be in `state`."""
    return [label for name, label in REQUIRED_BY_STATE[state] if not values.get(name)]


@dataclass
class ParsedRecord:
    path: Path
    record: RecordInput
    where: Locator

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def form(self) -> InspectionForm:
        return InspectionForm(self.record.form)


def read_record_file(path: Path) -> ParsedRecord:
    """The record in `path`, or CatalogueInvalid with every problem at its line."""
    document = load_yaml(path)
    if not isinstance(document.data, dict):
        raise CatalogueInvalid(
            [Problem(document.where(()), "tệp phải là một mục YAML có các khóa")]
        )
    record = validate_model(RecordInput, document.data, document.where)
    assert isinstance(record, RecordInput)
    missing = missing_for_state(record.model_dump(), record.state)
    if missing:
        label = STATE_LABELS[RecordState(record.state)]
        where = document.where(("state",)) if "state" in document.data else document.where(())
        raise CatalogueInvalid(
            [Problem(where, f'biên bản ở trạng thái "{label}" phải có: {", ".join(missing)}')]
        )
    return ParsedRecord(path=path, record=record, where=document.where)
