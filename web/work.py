"""What the signed-in pages list, as plain data: "Việc của tôi" and the office's inbox
(whose content and count are `services.inbox`'s).

Every list is cut by `services.permissions.task_visible_to` in SQL, and every action
offered is one `services.permissions.refusal` allows, so a page never shows a task or a
button its reader could not open or press.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from services.actors import INSPECTION_ROLES, OFFICE_ROLES, Actor, Role
from services.inbox import count_waiting, waiting
from services.permissions import Action, refusal, task_visible_to
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.dates import LOCAL_TZ, dmy
from tasks_catalog.lifecycle import pending_extension
from tasks_catalog.models import Agency, Obligation, Task, TaskStatus
from tasks_catalog.models_lifecycle import EventKind, TaskEvent
from tasks_catalog.status import LABELS, DisplayStatus, display_status
from tasks_catalog.vocabulary import ROLE_LABELS

INBOX_ROLES = frozenset(OFFICE_ROLES | {Role.INSPECTION_LEAD})  # who decides
WORK_ROLES = frozenset({Role.HEAD, Role.STAFF} | INSPECTION_ROLES | OFFICE_ROLES)
MY_LIMIT = 300
# Most urgent first; ties by due date.
URGENCY = {
    DisplayStatus.OVERDUE: 0,
    DisplayStatus.RETURNED: 1,
    DisplayStatus.DUE_SOON: 2,
    DisplayStatus.IN_PROGRESS: 3,
    DisplayStatus.NOT_STARTED: 3,
    DisplayStatus.SUBMITTED: 4,
}
OWNER_BUTTONS = (
    (Action.REPORT_PROGRESS, "Báo cáo tiến độ", "progress"),
    (Action.SUBMIT, "Báo cáo hoàn thành", "submit"),
    (Action.REQUEST_EXTENSION, "Đề nghị gia hạn", "extension"),
)


@dataclass(frozen=True)
class Button:
    label: str
    href: str


@dataclass(frozen=True)
class WorkRow:
    task_id: int
    title: str
    document_number: str
    clause: str
    agency_name: str
    role_label: str
    due: str
    original_due: str | None
    status_key: str
    status_label: str
    status_colour: str
    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class InboxRow:
    kind: str  # "extension" | "submission"
    kind_label: str
    task_id: int
    title: str
    document_number: str
    agency_name: str
    since: str
    waited_days: int
    due: str
    detail: str


def my_work(
    session: Session, actor: Actor, *, today: date, calendar: WorkCalendar
) -> list[WorkRow]:
    """The open tasks of the reader's agency that the reader may see, most urgent first."""
    if actor.agency_code is None:
        return []
    query = (
        select(Task)
        .join(Agency, Task.agency_id == Agency.id)
        .where(Agency.code == actor.agency_code, task_visible_to(actor))
        .where(Task.status.not_in([TaskStatus.DONE, TaskStatus.RECALLED]))
        .options(joinedload(Task.obligation).joinedload(Obligation.document))
        .options(joinedload(Task.agency))
        .order_by(Task.due_on, Task.id)
        .limit(MY_LIMIT)
    )
    rows = []
    for task in session.scalars(query).unique():
        status = display_status(task, today, calendar)
        rows.append((URGENCY.get(status, 5), task.due_on, task.id, _work_row(actor, task, status)))
    rows.sort(key=lambda r: r[:3])
    return [row for *_, row in rows]


def _work_row(actor: Actor, task: Task, status: DisplayStatus) -> WorkRow:
    label = LABELS[status]
    buttons = tuple(
        Button(text, f"/tasks/{task.id}#{anchor}")
        for action, text, anchor in OWNER_BUTTONS
        if refusal(actor, action, task) is None
    )
    return WorkRow(
        task_id=task.id,
        title=task.obligation.title,
        document_number=task.obligation.document.number,
        clause=task.obligation.clause,
        agency_name=task.agency.name,
        role_label=ROLE_LABELS[task.role.value],
        due=dmy(task.due_on),
        original_due=dmy(task.original_due_on) if task.original_due_on != task.due_on else None,
        status_key=status.value,
        status_label=label.label,
        status_colour=label.colour,
        buttons=buttons,
    )


def inbox(session: Session, actor: Actor, *, now: datetime) -> list[InboxRow]:
    """Extension requests and results waiting for this reader's decision, oldest first."""
    if actor.role not in INBOX_ROLES:
        return []
    rows = []
    for item in waiting(session, actor):
        task = item.task
        if item.what == "extension":
            request = pending_extension(session=session, task=task)
            detail = (
                f"Đề nghị gia hạn từ {dmy(task.due_on)} đến {dmy(request.proposed_due)}: "
                f"{request.reason}"
                if request
                else "Đề nghị gia hạn."
            )
        else:
            note = _submission_note(session, task.id)
            detail = "Báo cáo hoàn thành" + (f": {note}" if note else ".")
        rows.append(_inbox_row(item.what, task, item.since, now, detail))
    return rows


def waiting_count(session: Session, actor: Actor) -> int | None:
    """How many decisions wait for this reader (None: the reader decides nothing)."""
    return count_waiting(session, actor) if actor.role in INBOX_ROLES else None


def _submission_note(session: Session, task_id: int) -> str | None:
    return session.scalars(
        select(TaskEvent.note)
        .where(TaskEvent.task_id == task_id, TaskEvent.kind == EventKind.SUBMITTED)
        .order_by(TaskEvent.at.desc(), TaskEvent.id.desc())
        .limit(1)
    ).first()


def _inbox_row(kind: str, task: Task, since: datetime, now: datetime, detail: str) -> InboxRow:
    return InboxRow(
        kind="extension" if kind == "extension" else "submission",
        kind_label="Đề nghị gia hạn" if kind == "extension" else "Chờ duyệt kết quả",
        task_id=task.id,
        title=task.obligation.title,
        document_number=task.obligation.document.number,
        agency_name=task.agency.name,
        since=since.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y"),
        waited_days=max(0, (now - since).days),
        due=dmy(task.due_on),
        detail=detail,
    )
