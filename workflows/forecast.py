"""What would be sent when, without sending: offices want to see the schedule first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import OPEN_STATUSES, Obligation, Task
from workflows.recipients import RecipientDirectory
from workflows.rules import LOCAL_TZ, timeline
from workflows.sweep import obligation_policy, task_facts


@dataclass(frozen=True)
class PlannedMessage:
    at: str  # local ISO datetime
    kind: str
    step: str
    recipient: str
    name: str
    copy: bool
    task_id: int
    obligation: str
    document: str
    due: str


def preview(
    session: Session, *, start: date, end: date, calendar: WorkCalendar
) -> list[PlannedMessage]:
    directory = RecipientDirectory(session)
    tasks = session.scalars(
        select(Task)
        .where(Task.status.in_(OPEN_STATUSES))
        .options(joinedload(Task.obligation).joinedload(Obligation.document))
    ).unique()
    planned: list[PlannedMessage] = []
    for task in tasks:
        for action in timeline(task_facts(task), obligation_policy(task.obligation), calendar):
            day = action.at.astimezone(LOCAL_TZ).date()
            if not start <= day <= end:
                continue
            for audiences, copy in ((action.to, False), (action.cc, True)):
                for audience in audiences:
                    for person in directory.resolve(task.agency_id, audience):
                        planned.append(
                            PlannedMessage(
                                at=action.at.astimezone(LOCAL_TZ).isoformat(timespec="minutes"),
                                kind=action.kind.value,
                                step=action.step,
                                recipient=person.email,
                                name=person.name,
                                copy=copy,
                                task_id=task.id,
                                obligation=task.obligation.code,
                                document=task.obligation.document.number,
                                due=task.due_on.isoformat(),
                            )
                        )
    return sorted(planned, key=lambda p: (p.at, p.recipient, p.task_id, p.step))
