"""The outbox: every notification, under a unique deterministic key.

A row is written in the same transaction as the state change that caused it (the sweep
advancing a task's `next_action_at`). Delivery claims rows, sends, then marks them sent;
a retry after a crash carries the same Message-ID / Idempotency-Key.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tasks_catalog.models import Base, enum_column
from tasks_catalog.types import UtcDateTime


class NotificationState(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by a deliverer until claimed_until
    SENT = "sent"
    FAILED = "failed"  # kept failing, or failed for good: a person must look
    CANCELLED = "cancelled"  # the task was finished before the message went out


class Channel(enum.StrEnum):
    EMAIL = "email"
    WEBHOOK = "webhook"


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_state_next_attempt_at", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # task / step / due date / channel / recipient: the same event can never be queued twice
    key: Mapped[str] = mapped_column(String(400), unique=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    recipient: Mapped[str] = mapped_column(String(500))  # e-mail address or webhook URL
    recipient_name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(30))
    step: Mapped[str] = mapped_column(String(60))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[NotificationState] = mapped_column(
        enum_column(NotificationState, "notification_state"), default=NotificationState.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    message_id: Mapped[str | None] = mapped_column(String(255), index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)


class Lease(Base):
    """Who runs a periodic job now (the embedded scheduler's sweep): one holder at a time.

    Correctness rests on the outbox's unique keys, not on this; the lease only saves work.
    """

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SigningKeyRecord(Base):
    """The fingerprint of the key this database's links are signed with (one row).

    A process holding another key is refused (dondoc/signing_key.py) instead of sending
    links that the web would then refuse as "không hợp lệ".
    """

    __tablename__ = "signing_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    fingerprint: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class MailOutage(Base):
    """A stretch of time in which no e-mail went out (the server unreachable or deferring).

    Opened by the first delivery whose every e-mail failed transiently, closed by the
    first e-mail that goes out; the office is warned once per row (`warned_at`), and the
    open row is what screens show as "mail is not going out since …".
    """

    __tablename__ = "mail_outages"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    warned_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    failures: Mapped[int] = mapped_column(Integer, default=0)  # deliveries that failed
    last_error: Mapped[str] = mapped_column(Text, default="")
