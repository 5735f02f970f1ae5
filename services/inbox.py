"""The office's inbox: what waits for a decision (results to approve, extensions asked),
oldest first, among the tasks the actor may decide on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.actors import Actor
from services.permissions import Action, refusal, task_visible_to
from tasks_catalog.models import Task, TaskStatus
from tasks_catalog.models_lifecycle import EventKind, ExtensionRequest, ExtensionState, TaskEvent


@dataclass(frozen=True)
class Waiting:
    task: Task
    what: str  # "submitted" (a result to approve) | "extension" (a request to decide)
    since: datetime


def waiting(session: Session, actor: Actor) -> list[Waiting]:
    """Results and extension requests `actor` may decide on, oldest first."""
    visible = task_visible_to(actor)
    submitted_at = (
        select(func.max(TaskEvent.at))
        .where(TaskEvent.task_id == Task.id, TaskEvent.kind == EventKind.SUBMITTED)
        .scalar_subquery()
    )
    results = session.execute(
        select(Task, submitted_at).where(visible, Task.status == TaskStatus.SUBMITTED)
    ).all()
    requests = session.execute(
        select(Task, ExtensionRequest.requested_at)
        .join(ExtensionRequest, ExtensionRequest.task_id == Task.id)
        .where(visible, ExtensionRequest.state == ExtensionState.PENDING)
    ).all()
    found = [Waiting(task, "submitted", at) for task, at in results if at is not None]
    found += [Waiting(task, "extension", at) for task, at in requests]
    action = {"submitted": Action.APPROVE, "extension": Action.APPROVE_EXTENSION}
    mine = [w for w in found if refusal(actor, action[w.what], w.task) is None]
    return sorted(mine, key=lambda w: (w.since, w.task.id))


def count_waiting(session: Session, actor: Actor) -> int:
    """How many decisions wait for `actor` (shown on every page of the office)."""
    return len(waiting(session, actor))
