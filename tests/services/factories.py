"""Small helpers for the service tests: who acts, one decision per transaction, what it left."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from dondoc.db import transaction
from notifications.models import Notification
from services.actors import Actor, actor_for_email
from services.decisions import Decided
from tasks_catalog.models import AssignmentRole, Task
from tasks_catalog.models_lifecycle import TaskAudit, TaskEvent
from tests.lifecycle.world import PLAN, find_task, local

SNV_HEAD = "giamdoc@snv.hoabinh.example"
SNV_STAFF = "chuyenvien@snv.hoabinh.example"
COORDINATOR = "dieuphoi@vp.hoabinh.example"
CHIEF = "chanhvp@vp.hoabinh.example"
LEADER = "chutich@hoabinh.example"
STP_HEAD = "giamdoc@stp.hoabinh.example"
MARCH = local("2025-03-10T09:00")


def actor(engine: Engine, email: str) -> Actor:
    with transaction(engine) as session:
        found = actor_for_email(session, email)
    assert found is not None, email
    return found


def plan_task_id(
    engine: Engine,
    code: str = PLAN,
    agency: str = "HB-SNV",
    role: AssignmentRole = AssignmentRole.LEAD,
) -> int:
    with transaction(engine) as session:
        return find_task(session, code, agency, role).id


def decide(
    engine: Engine, decision: Callable[..., Decided], who: str, task_id: int, **kwargs: Any
) -> Decided:
    """One decision in its own transaction, as every edge makes it."""
    kwargs.setdefault("now", MARCH)
    with transaction(engine) as session:
        decided = decision(session, actor(engine, who), task_id, **kwargs)
        session.expunge_all()
        return decided


def footprint(engine: Engine, task_id: int) -> tuple[Any, ...]:
    """Everything a decision may write about a task: status, dates, diary, audit, outbox."""
    with transaction(engine) as session:
        task = session.get(Task, task_id)
        assert task is not None
        counts = [
            session.scalar(select(func.count()).select_from(model).where(model.task_id == task_id))
            for model in (TaskEvent, TaskAudit, Notification)
        ]
        return (
            task.status, task.due_on, task.original_due_on, task.extension_count,
            task.next_action_at, *counts,
        )  # fmt: skip


def outbox(engine: Engine, task_id: int) -> list[tuple[str, str, str, str]]:
    """(kind, step, recipient, note) of every notification about the task, oldest first."""
    with transaction(engine) as session:
        rows = session.scalars(
            select(Notification).where(Notification.task_id == task_id).order_by(Notification.id)
        )
        return [(n.kind, n.step, n.recipient, n.payload.get("note", "")) for n in rows]


def audit_trail(engine: Engine, task_id: int) -> list[tuple[str, str, str | None, str]]:
    with transaction(engine) as session:
        rows = session.scalars(
            select(TaskAudit).where(TaskAudit.task_id == task_id).order_by(TaskAudit.id)
        )
        return [(a.action, a.actor_role, a.status_before, a.status_after) for a in rows]


def at(text: str) -> datetime:
    return local(text)
