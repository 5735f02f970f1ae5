"""What one digest e-mail says: the input of rendering, filled from the database elsewhere.

One person gets one digest per run, however many tasks concern them (design principle 5).
These are plain values: no database, no clock, no Jinja. They refuse values that would
otherwise surface later as a wrong or half-rendered e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

KINDS = (
    "reminder",  # nhắc việc, before the due date (days = working days left)
    "overdue",  # quá hạn (days = working days late)
    "escalation",  # đôn đốc: the next level up is told (days = working days late)
    "status_request",  # đề nghị gửi báo cáo định kỳ
    "status_chase",  # nhắc lại đề nghị báo cáo
    "status_missing",  # quá hạn gửi báo cáo (days = working days late)
    # Inspections (workflows/inspections.py): never a planned date, only the public checkpoint
    # as `due` and how many inspections the unit has had, in the title.
    "inspection_behind",  # a unit short of the checkpoint's count: to the inspection lead
    "inspection_escalation",  # a unit short at the period's end: to the coordination office
    # The office's decisions (services/decisions.py), sent even when the task is finished:
    "awaiting_decision",  # to the office: an extension request or a result waits (days = 0)
    "decision",  # to the owner: assigned, approved, returned, extension decided, recalled …
)
# Told once, when a person decides: delivery never cancels them because the task is closed.
DECISION_KINDS = ("awaiting_decision", "decision")
ROLES = ("lead", "cooperating")


@dataclass(frozen=True)
class DigestItem:
    kind: str
    step: str  # "before-7", "due-day", "overdue-1", "overdue-3", "weekly-2", "request", ...
    task_id: int
    document: str  # "124/NQ-HĐND"
    clause: str  # "Điều 3, khoản 1"
    obligation_code: str
    title: str
    agency_name: str
    role: str  # "lead" (chủ trì) | "cooperating" (phối hợp)
    period: str  # "Quý I/2025", "Năm 2025"; empty for one-off tasks
    due: date  # the due date in force
    original_due: date  # equals `due` unless the task was extended
    status_label: str  # one of tasks_catalog.status.LABELS
    days: int  # working days before due (reminders) or after due (overdue)
    copy_reason: str | None = None  # why this person gets it: "Thủ trưởng cơ quan chủ trì"
    # Status items: the report asked for, which may not be the task's own period (a task
    # due at year end is asked for its progress each quarter): "Quý I/2025", and by when.
    report_period: str = ""
    report_due: date | None = None
    note: str = ""  # decisions: what was decided, and why ("Trả lại: thiếu số liệu quý II")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown digest item kind {self.kind!r}; expected one of {KINDS}")
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; expected one of {ROLES}")
        if self.days < 0:
            raise ValueError(f"days must be >= 0, got {self.days} (task {self.task_id})")


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
