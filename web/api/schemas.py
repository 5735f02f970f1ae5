"""The shapes the API answers with (its OpenAPI schema). Field names are those of the
CLI's `--json` output (README, "JSON output"); an inspection record or compliance row
carries only the fields the caller's view has (the inspected unit's view has no plan
fields at all, not even empty ones)."""

from __future__ import annotations

from datetime import date
from datetime import date as Day  # a record has a field named `date`
from typing import Any, Literal

from pydantic import BaseModel

from tasks_catalog.status import DisplayStatus


class Problem(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    detail: str
    errors: list[Problem]


Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {
    404: {"model": ErrorBody, "description": "Không có (hoặc không được xem: như nhau)"}
}
FORBIDDEN: Responses = {403: {"model": ErrorBody, "description": "Không có quyền xem"}}


class Me(BaseModel):
    email: str
    name: str
    agency: str | None
    province: str | None
    roles: list[str]


class TaskItem(BaseModel):
    id: int
    obligation: str
    document: str
    clause: str
    title: str
    kind: str
    agency: str
    agency_name: str
    role: Literal["lead", "cooperating"]
    period: str
    period_start: date
    period_end: date
    due: date
    original_due: date
    status: DisplayStatus
    status_label: str
    inspected_unit: str | None
    completed_on: date | None


class TaskList(BaseModel):
    items: list[TaskItem]
    next: str | None  # pass as `after` for the next page; null on the last page


class DueChange(BaseModel):
    at: str
    old_due: date
    new_due: date
    reason: str
    note: str | None


class TaskDetail(TaskItem):
    due_changes: list[DueChange]


class Contact(BaseModel):
    name: str
    email: str


class PersonItem(BaseModel):
    name: str
    email: str
    position: str | None
    roles: list[str]


class AgencyItem(BaseModel):
    code: str
    name: str
    short_name: str | None
    province: str
    level: str
    kind: str
    parent: str | None
    emails: list[str]
    head: Contact | None
    people: list[PersonItem]


class DocumentItem(BaseModel):
    number: str
    kind: str
    issuer: str
    province: str
    issued: date
    valid_from: date
    valid_until: date | None
    title: str
    obligations: int


class PlanEntry(BaseModel):
    plan_id: int
    plan_version: int
    duty: str
    document: str
    year: int
    agency: str
    unit: str
    unit_name: str
    round: int
    period: str
    planned_on: date | None
    inspector: Contact | None
    state: Literal["planned", "missed", "done", "unplaced"]
    done_on: date | None
    record_id: int | None


class EvidenceItem(BaseModel):
    name: str
    sha256: str
    size: int
    media_type: str | None = None
    description: str | None = None


class InspectionRecordItem(BaseModel):
    id: int
    duty: str
    unit: str
    unit_name: str
    agency: str
    form: str
    form_label: str
    basis: str | None = None
    content: str | None = None
    scope: str | None = None
    date: Day
    place: str | None = None
    leader: dict[str, Any]
    members: list[dict[str, Any]]
    findings: str | None = None
    violations: list[str]
    conclusion: str | None = None
    recommendations: list[str]
    state: str
    state_label: str
    minutes_number: str | None = None
    digital: bool
    evidence: list[EvidenceItem]
    # The inspecting team's and the office's view only:
    logged_at: str | None = None
    logged_by: str | None = None
    history: list[dict[str, Any]] | None = None
    # The inspecting team's view only:
    round: int | None = None
    planned_on: Day | None = None
    warnings: list[Any] | None = None


class ComplianceReport(BaseModel):
    year: int
    as_of: date
    viewer: str
    units: list[dict[str, Any]]
    digital_share: dict[str, Any]
