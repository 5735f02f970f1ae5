"""The catalogue's tables: documents, agencies, people, obligations, tasks, targets.

SQLAlchemy 2 typed ORM. Every schema change is an Alembic migration in
`dondoc/migrations`; nothing here creates tables by itself. Rows are never deleted by the
catalogue loader: an entry that disappears from its file gets `retired_at`.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tasks_catalog.types import UtcDateTime

# Named constraints so that Alembic migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class TaskStatus(enum.StrEnum):
    """Where the work stands. 'Due soon' and 'overdue' are read from the due date, not stored."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    DONE = "done"
    RECALLED = "recalled"


# Statuses in which a task is still followed up (reminded, escalated, asked for reports).
OPEN_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED)


class AssignmentRole(enum.StrEnum):
    LEAD = "lead"  # chủ trì
    COOPERATING = "cooperating"  # phối hợp


def enum_column(cls: type[enum.Enum], name: str) -> Enum:
    """A column type for a Python enum, stored as its values in a VARCHAR(20).

    Not a native enum: adding a member is then a code change, not a schema migration.
    Every package's models use it, so that all enums are stored the same way.
    """
    return Enum(cls, name=name, native_enum=False, length=20, values_callable=_values)


def _values(cls: type[enum.Enum]) -> list[str]:
    return [member.value for member in cls]


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    issuer: Mapped[str] = mapped_column(String(255))
    province: Mapped[str] = mapped_column(String(20))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(500))
    catalogue_file: Mapped[str] = mapped_column(String(500))
    assumption: Mapped[str | None] = mapped_column(Text)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    obligations: Mapped[list[Obligation]] = relationship(back_populates="document")


class Province(Base):
    """A province whose agency registry has been loaded."""

    __tablename__ = "provinces"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


class Agency(Base):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    province: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(255))
    short_name: Mapped[str | None] = mapped_column(String(120))
    aliases: Mapped[list[str]] = mapped_column(default=list)
    level: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    emails: Mapped[list[str]] = mapped_column(default=list)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    parent: Mapped[Agency | None] = relationship(remote_side=[id])
    people: Mapped[list[Person]] = relationship(back_populates="agency")


class AgencyGroup(Base):
    """A named set of agencies: explicit members plus every agency matching a selector."""

    __tablename__ = "agency_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    province: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(255))
    members: Mapped[list[str]] = mapped_column(default=list)
    kinds: Mapped[list[str]] = mapped_column(default=list)
    levels: Mapped[list[str]] = mapped_column(default=list)
    within: Mapped[str | None] = mapped_column(String(80))
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    position: Mapped[str | None] = mapped_column(String(255))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    roles: Mapped[list[str]] = mapped_column(default=list)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    agency: Mapped[Agency] = relationship(back_populates="people")


class Obligation(Base):
    __tablename__ = "obligations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    clause: Mapped[str] = mapped_column(String(255))
    quote: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    lead: Mapped[list[str]] = mapped_column(default=list)  # agency or group codes
    cooperating: Mapped[list[str]] = mapped_column(default=list)
    deliverable: Mapped[str | None] = mapped_column(Text)
    schedule: Mapped[dict[str, Any]] = mapped_column(default=dict)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    policy: Mapped[str] = mapped_column(String(80), default="default")
    # The policy's overrides of the follow-up defaults, as written in the catalogue.
    follow_up: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    assumption: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in its file
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    document: Mapped[Document] = relationship(back_populates="obligations")
    inspection: Mapped[InspectionDuty | None] = relationship(back_populates="obligation")
    target: Mapped[Target | None] = relationship(back_populates="obligation")


class InspectionDuty(Base):
    __tablename__ = "inspection_duties"

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligations.id"), unique=True)
    count: Mapped[int] = mapped_column(Integer)
    per: Mapped[str] = mapped_column(String(20))
    units: Mapped[str] = mapped_column(String(80))  # group code
    unannounced: Mapped[bool] = mapped_column(Boolean)

    obligation: Mapped[Obligation] = relationship(back_populates="inspection")


class Target(Base):
    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligations.id"), unique=True)
    indicator: Mapped[str] = mapped_column(Text)
    comparator: Mapped[str] = mapped_column(String(2))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    baseline_year: Mapped[int | None] = mapped_column(Integer)

    obligation: Mapped[Obligation] = relationship(back_populates="target")


class Task(Base):
    """One occurrence of an obligation for one agency: one owner, one period, one due date."""

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("obligation_id", "agency_id", "occurrence_key"),
        Index("ix_tasks_agency_due", "agency_id", "due_on"),
        # The dashboard's counts read this index alone (reports/filters.py): every column a
        # filter or the status of `tasks_catalog.status_sql` needs, the planned due date first.
        Index(
            "ix_tasks_dashboard",
            "original_due_on",
            "agency_id",
            "obligation_id",
            "status",
            "due_on",
            "completed_on",
            "due_at_completion",
            "subject_agency_id",
        ),
        Index("ix_tasks_status_due", "status", "due_on"),  # overdue / due-this-week lists
        # On time by month: covering too (the viewer's filter reads agency and obligation).
        Index(
            "ix_tasks_status_completed",
            "status",
            "completed_on",
            "due_on",
            "due_at_completion",
            "agency_id",
            "obligation_id",
            "subject_agency_id",
        ),
        CheckConstraint("extension_count >= 0 AND extension_count <= 2", name="extensions"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligations.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    role: Mapped[AssignmentRole] = mapped_column(enum_column(AssignmentRole, "assignment_role"))
    # Stable identity of the occurrence: period label, plus unit and round for inspections.
    occurrence_key: Mapped[str] = mapped_column(String(160))
    period_label: Mapped[str] = mapped_column(String(40))
    subject_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    original_due_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[TaskStatus] = mapped_column(
        enum_column(TaskStatus, "task_status"), default=TaskStatus.NOT_STARTED, index=True
    )
    completed_on: Mapped[date | None] = mapped_column(Date)
    due_at_completion: Mapped[date | None] = mapped_column(Date)
    # When the follow-up engine should look at this task next (indexed for the sweep).
    next_action_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    obligation: Mapped[Obligation] = relationship()
    agency: Mapped[Agency] = relationship(foreign_keys=[agency_id])
    subject: Mapped[Agency | None] = relationship(foreign_keys=[subject_agency_id])
    due_changes: Mapped[list[TaskDueChange]] = relationship(
        back_populates="task", order_by="TaskDueChange.id"
    )


class TaskDueChange(Base):
    """History of a task's due date: replanning, extension (gia hạn)."""

    __tablename__ = "task_due_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    old_due_on: Mapped[date] = mapped_column(Date)
    new_due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(40))  # replanned | extension
    note: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime())

    task: Mapped[Task] = relationship(back_populates="due_changes")


class CalendarDay(Base):
    """A declared swap: an extra day off or an extra working day, overriding `holidays`."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(255))
