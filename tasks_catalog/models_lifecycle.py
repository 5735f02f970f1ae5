"""What happens to a task after it is planned: events, extension requests, used links.

`task_events` is the task's diary (progress notes, submission, approval, return, recall,
extension requests and decisions): who, when, what they wrote. `extension_requests` are
the owner's requests for a later due date, decided by the assigner; at most one is
pending per task (a partial unique index). `used_links` holds the SHA-256 of every
single-use action link that was honoured, under a unique constraint, written in the same
transaction as the action: a link can act once, even when two clicks race.
`task_audit` is the audit trail: one row per decision (who, in which role, through which
door, the status and due date before and after). `task_attachments` are the files sent
with a progress report, kept in the evidence store under their SHA-256.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tasks_catalog.models import Base, Task, enum_column
from tasks_catalog.types import UtcDateTime


class EventKind(enum.StrEnum):
    PROGRESS = "progress"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    RECALLED = "recalled"
    EXTENSION_REQUESTED = "extension_requested"
    EXTENSION_APPROVED = "extension_approved"
    EXTENSION_REFUSED = "extension_refused"
    ASSIGNED = "assigned"  # given by the office outside a catalogue's plan (ad hoc)
    REASSIGNED = "reassigned"  # recalled from this agency, given to another
    REOPENED = "reopened"  # a finished or recalled task opened again


class ExtensionState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    CANCELLED = "cancelled"  # the task was submitted or recalled before a decision


class TaskEvent(Base):
    __tablename__ = "task_events"
    __table_args__ = (
        CheckConstraint("percent IS NULL OR (percent >= 0 AND percent <= 100)", name="percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "task_event_kind"))
    actor: Mapped[str] = mapped_column(String(254))  # e-mail address of who acted
    note: Mapped[str | None] = mapped_column(Text)
    percent: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime())

    task: Mapped[Task] = relationship()


class ExtensionRequest(Base):
    __tablename__ = "extension_requests"
    __table_args__ = (
        # One open request per task, enforced by the database on SQLite and PostgreSQL.
        Index(
            "uq_extension_requests_pending",
            "task_id",
            unique=True,
            sqlite_where=text("state = 'pending'"),
            postgresql_where=text("state = 'pending'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    requested_by: Mapped[str] = mapped_column(String(254))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime())
    due_when_requested: Mapped[date] = mapped_column(Date)
    proposed_due: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[ExtensionState] = mapped_column(
        enum_column(ExtensionState, "extension_state"), default=ExtensionState.PENDING
    )
    decided_by: Mapped[str | None] = mapped_column(String(254))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    decision_note: Mapped[str | None] = mapped_column(Text)
    granted_due: Mapped[date | None] = mapped_column(Date)

    task: Mapped[Task] = relationship()


class UsedLink(Base):
    __tablename__ = "used_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256, hex
    purpose: Mapped[str] = mapped_column(String(30))
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    used_at: Mapped[datetime] = mapped_column(UtcDateTime())


class TaskAudit(Base):
    """One decision on a task, written in the transaction that made it (services.decisions)."""

    __tablename__ = "task_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(254))  # e-mail address
    actor_role: Mapped[str] = mapped_column(String(20))  # services.actors.Role
    action: Mapped[str] = mapped_column(String(30))  # services.permissions.Action, or assign
    via: Mapped[str] = mapped_column(String(20))  # web | link | cli | api | scenario
    status_before: Mapped[str | None] = mapped_column(String(20))
    status_after: Mapped[str] = mapped_column(String(20))
    due_before: Mapped[date | None] = mapped_column(Date)
    due_after: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class TaskAttachment(Base):
    """A file sent with a progress report (or a submission)."""

    __tablename__ = "task_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("task_events.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120))
    added_by: Mapped[str] = mapped_column(String(254))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())
