"""The small catalogue planned for 2025, plus tasks written directly in any state."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import count

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog.models import Agency, AssignmentRole, Obligation, Task, TaskStatus

_keys = count()


def agency(session: Session, code: str) -> Agency:
    return session.scalars(select(Agency).where(Agency.code == code)).one()


def obligation(session: Session, code: str) -> Obligation:
    return session.scalars(select(Obligation).where(Obligation.code == code)).one()


def add_task(
    session: Session,
    *,
    obligation: Obligation,
    agency: Agency,
    due: date,
    status: TaskStatus = TaskStatus.NOT_STARTED,
    completed_on: date | None = None,
    due_at_completion: date | None = None,
    original_due: date | None = None,
) -> Task:
    task = Task(
        obligation=obligation,
        agency=agency,
        role=AssignmentRole.LEAD,
        occurrence_key=f"test-{next(_keys)}",
        period_label=str(due.year),
        period_start=date(due.year, 1, 1),
        period_end=date(due.year, 12, 31),
        original_due_on=original_due or due,
        due_on=due,
        status=status,
        completed_on=completed_on,
        due_at_completion=due_at_completion,
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
    )
    session.add(task)
    session.flush()
    return task
