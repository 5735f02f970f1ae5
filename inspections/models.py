"""The tables of inspections: secret plans (versioned, never deleted) and inspection records.

A plan is one version of the proposed dates of one inspection duty, for one inspecting
(lead) agency and one year. Replanning writes a new version with every entry again (done,
kept or drawn anew) and marks the old one superseded: the history stays readable.

An inspection record (biên bản kiểm tra) is what the inspector logs; it fulfils the round
tasks that planning created (one task per lead agency × unit × round × period), in date
order. Evidence files live in a content-addressed store; the table keeps their checksums.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tasks_catalog.models import Agency, Base, InspectionDuty, Person, Task, enum_column
from tasks_catalog.types import UtcDateTime


class RecordState(enum.StrEnum):
    """The follow-up flow of a record, in order."""

    DRAFT = "draft"  # Lưu nháp
    IN_PROGRESS = "in_progress"  # Đang kiểm tra
    FOLLOW_UP = "follow_up"  # Theo dõi xử lý sau kiểm tra
    DONE = "done"  # Hoàn thành


STATE_LABELS = {
    RecordState.DRAFT: "Lưu nháp",
    RecordState.IN_PROGRESS: "Đang kiểm tra",
    RecordState.FOLLOW_UP: "Theo dõi xử lý sau kiểm tra",
    RecordState.DONE: "Hoàn thành",
}
STATE_ORDER = tuple(RecordState)


class InspectionForm(enum.StrEnum):
    UNANNOUNCED = "unannounced"  # đột xuất
    SCHEDULED = "scheduled"  # theo kế hoạch


FORM_LABELS = {InspectionForm.UNANNOUNCED: "Đột xuất", InspectionForm.SCHEDULED: "Theo kế hoạch"}


class InspectionPlan(Base):
    """One version of the secret plan of a duty, for one inspecting agency and year."""

    __tablename__ = "inspection_plans"
    __table_args__ = (UniqueConstraint("duty_id", "agency_id", "year", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("inspection_duties.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))  # who inspects
    year: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))  # initial | replan
    note: Mapped[str | None] = mapped_column(Text)
    not_before: Mapped[date] = mapped_column(Date)  # no date drawn before this day
    made_at: Mapped[datetime] = mapped_column(UtcDateTime())
    made_by: Mapped[str] = mapped_column(String(254))  # e-mail, or "admin" (the CLI)
    # Which secret drew it (HMAC fingerprint, never the secret): a plan can be re-derived
    # and checked by whoever holds the same secret and the stored inputs.
    secret_id: Mapped[str] = mapped_column(String(32))
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    superseded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    duty: Mapped[InspectionDuty] = relationship()
    agency: Mapped[Agency] = relationship()
    entries: Mapped[list[PlannedInspection]] = relationship(
        back_populates="plan", order_by="PlannedInspection.id"
    )


class PlannedInspection(Base):
    """One proposed inspection: a unit, a round, a day, an inspector (all secret)."""

    __tablename__ = "planned_inspections"
    __table_args__ = (UniqueConstraint("plan_id", "task_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("inspection_plans.id"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    planned_on: Mapped[date | None] = mapped_column(Date)  # None: no day could be found
    inspector_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    origin: Mapped[str] = mapped_column(String(10))  # drawn | kept | done | unplaced

    plan: Mapped[InspectionPlan] = relationship(back_populates="entries")
    task: Mapped[Task] = relationship()
    unit: Mapped[Agency] = relationship()
    inspector: Mapped[Person | None] = relationship()


class InspectionRecord(Base):
    """A biên bản kiểm tra: who inspected which unit, when, what was found, what follows."""

    __tablename__ = "inspection_records"
    __table_args__ = (
        # Logged twice is refused by the database too, not only by the check before it.
        UniqueConstraint("unit_id", "inspected_on", "leader_id"),
        UniqueConstraint("agency_id", "minutes_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("inspection_duties.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))  # the inspecting agency
    unit_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    # The round task this record fulfils (records fill rounds in date order).
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"))
    form: Mapped[InspectionForm] = mapped_column(enum_column(InspectionForm, "inspection_form"))
    basis: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text, default="")
    inspected_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(Text, default="")
    leader_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    # Leader and members as logged: [{name, email, position, unit, duty}], leader first.
    team: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    findings: Mapped[str] = mapped_column(Text, default="")
    violations: Mapped[list[str]] = mapped_column(JSON, default=list)
    conclusion: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[RecordState] = mapped_column(enum_column(RecordState, "record_state"))
    minutes_number: Mapped[str | None] = mapped_column(String(80))
    digital: Mapped[bool] = mapped_column(Boolean, default=False)
    # Recorded warnings (late against the plan, logged late …): [{code, message}].
    warnings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    source_file: Mapped[str | None] = mapped_column(String(500))
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime())
    logged_by: Mapped[str] = mapped_column(String(254))

    unit: Mapped[Agency] = relationship(foreign_keys=[unit_id])
    agency: Mapped[Agency] = relationship(foreign_keys=[agency_id])
    leader: Mapped[Person] = relationship()
    duty: Mapped[InspectionDuty] = relationship()
    task: Mapped[Task | None] = relationship()
    evidence: Mapped[list[EvidenceFile]] = relationship(
        back_populates="record", order_by="EvidenceFile.id"
    )
    changes: Mapped[list[RecordStateChange]] = relationship(
        back_populates="record", order_by="RecordStateChange.id"
    )


class EvidenceFile(Base):
    """A file attached to a record, stored once by its SHA-256 in the evidence store."""

    __tablename__ = "inspection_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("inspection_records.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))  # the file name as given
    media_type: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    stored_at: Mapped[datetime] = mapped_column(UtcDateTime())

    record: Mapped[InspectionRecord] = relationship(back_populates="evidence")


class RecordStateChange(Base):
    """History of a record's follow-up state (the first row is its creation)."""

    __tablename__ = "inspection_record_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("inspection_records.id"), index=True)
    old_state: Mapped[str | None] = mapped_column(String(20))
    new_state: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    changed_by: Mapped[str] = mapped_column(String(254))
    note: Mapped[str | None] = mapped_column(Text)

    record: Mapped[InspectionRecord] = relationship(back_populates="changes")
