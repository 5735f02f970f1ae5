"""What one digest e-mail says: the typed payload between the sweep and delivery.

The sweep (and the inspection check) builds one `DigestItem` per action as codes and dates
(kind, step, the task's stored status, the due date, the report's cut-off and sending
deadline) and stores it as JSON in the outbox; delivery reads it back with
`DigestItem.from_payload`. Nothing here is worded for a person: what the reader sees
(labels, days late or left, section, subject) is decided in `emails.py`, from the one
`now` of the run that writes the e-mail. One person gets one digest per run, however many
tasks concern them (design principle 5).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from tasks_catalog.dates import parse_day

KINDS = (
    "reminder",  # nhắc việc, before the due date
    "overdue",  # quá hạn
    "escalation",  # đôn đốc: the next level up is told
    "status_request",  # đề nghị gửi báo cáo (định kỳ, or a long task's progress)
    "status_chase",  # nhắc lại đề nghị báo cáo
    "status_missing",  # quá hạn gửi báo cáo
    # Inspections (workflows/inspections.py): never a planned date, only the public checkpoint
    # as `due` and how many inspections the unit has had, in the title.
    "inspection_behind",  # a unit short of the checkpoint's count: to the inspection lead
    "inspection_escalation",  # a unit short at the period's end: to the coordination office
    # The office's decisions (services/decisions.py), sent even when the task is finished:
    "awaiting_decision",  # to the office: an extension request or a result waits
    "decision",  # to the owner: assigned, approved, returned, extension decided, recalled …
)
# Told once, when a person decides: delivery never cancels them because the task is closed.
DECISION_KINDS = ("awaiting_decision", "decision")
ROLES = ("lead", "cooperating")
# A task's stored status (tasks_catalog.models.TaskStatus values), or, for an inspection
# warning, "behind" (inspections.compliance).
STATUSES = ("not_started", "in_progress", "submitted", "returned", "done", "recalled", "behind")
_DATES = ("due", "original_due", "report_cutoff", "report_due", "completed_on")
_OPTIONAL = (
    "copy_reason",
    "province",
    "report_period",
    "report_cutoff",
    "report_due",
    "note",
    "completed_on",
)


@dataclass(frozen=True)
class DigestItem:
    kind: str
    step: str  # "before-7", "due-day", "overdue-1", "missing-3", "progress-2025-Q1", ...
    task_id: int
    document: str  # "124/NQ-HĐND"
    clause: str  # "Điều 3, khoản 1"
    obligation_code: str
    title: str
    agency_name: str
    role: str  # "lead" (chủ trì) | "cooperating" (phối hợp)
    period: str  # the task's period as stored: "2025-Q1", "2025", "once" or ""
    due: date  # the due date in force (a report's: the day to send it)
    original_due: date  # equals `due` unless the task was extended
    status: str  # stored status code (STATUSES); the label is read at rendering
    copy_reason: str | None = None  # why this person gets it: "Thủ trưởng cơ quan chủ trì"
    province: str = ""  # the owning agency's province, as its registry names it: "Quảng Ninh"
    # Status items: the report asked for, which may not be the task's own period (a task
    # due at year end is asked for its progress each quarter): its period code ("2025-Q1"),
    # the day its figures stop (Nghị định 09 cut-off) and the day to send it by.
    report_period: str = ""
    report_cutoff: date | None = None
    report_due: date | None = None
    note: str = ""  # decisions: what was decided, and why ("Trả lại: thiếu số liệu quý II")
    completed_on: date | None = None  # a task done: the day its work counts as done

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown digest item kind {self.kind!r}; expected one of {KINDS}")
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; expected one of {ROLES}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; expected one of {STATUSES}")

    def to_payload(self) -> dict[str, Any]:
        """JSON for the outbox (dates as ISO text), the fields in their order.

        Every field is a plain value: read as it is, not through `asdict`, whose deep
        copies cost a sweep more than the rest of its rows."""
        values = {name: getattr(self, name) for name in _FIELDS}
        for name in _DATES:
            if values[name] is not None:
                values[name] = values[name].isoformat()
        return values

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> DigestItem:
        """The item an outbox row carries; keys it does not know (a recipient's reason) are
        ignored. Rows queued before the status code existed count as in progress."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in payload.items() if k in known}
        values.setdefault("status", "behind" if _is_inspection(values) else "in_progress")
        missing = sorted(
            f.name for f in fields(cls) if f.name in _REQUIRED and f.name not in values
        )
        if missing:
            raise ValueError(f"notification payload lacks {', '.join(missing)}")
        for name in _DATES:
            if values.get(name):
                values[name] = parse_day(values[name])
            else:
                values[name] = None
        return cls(**values)


_REQUIRED = frozenset(f.name for f in fields(DigestItem)) - set(_OPTIONAL)


def _is_inspection(values: dict[str, Any]) -> bool:
    return str(values.get("kind", "")).startswith("inspection_")


@dataclass(frozen=True)
class Digest:
    recipient_name: str
    recipient_email: str
    items: tuple[DigestItem, ...]
    cc: tuple[str, ...]
    generated_at: datetime  # aware
    base_url: str  # "https://dondoc.quangninh.gov.vn"

    def __post_init__(self) -> None:
        if not self.items:
            raise ValueError(f"a digest needs at least one item ({self.recipient_email})")
        if self.generated_at.utcoffset() is None:
            raise ValueError("Digest.generated_at must be timezone-aware")


_FIELDS = tuple(f.name for f in fields(DigestItem))
