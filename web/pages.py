"""What a task page shows, as plain data (dates already in the reader's format)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload, selectinload

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.dates import LOCAL_TZ, dmy
from tasks_catalog.lifecycle import pending_extension, task_events
from tasks_catalog.models import Obligation, Task
from tasks_catalog.models_lifecycle import EventKind
from tasks_catalog.status import LABELS, display_status
from tasks_catalog.vocabulary import ROLE_LABELS

EVENT_LABELS = {
    EventKind.PROGRESS: "Báo cáo tiến độ",
    EventKind.SUBMITTED: "Báo cáo hoàn thành (chờ duyệt)",
    EventKind.APPROVED: "Duyệt hoàn thành",
    EventKind.RETURNED: "Trả lại để bổ sung",
    EventKind.RECALLED: "Thu hồi nhiệm vụ",
    EventKind.EXTENSION_REQUESTED: "Đề nghị gia hạn",
    EventKind.EXTENSION_APPROVED: "Đồng ý gia hạn",
    EventKind.EXTENSION_REFUSED: "Không đồng ý gia hạn",
    "assigned": "Giao nhiệm vụ",
    "reassigned": "Chuyển giao cơ quan khác",
    "reopened": "Mở lại nhiệm vụ",
}
DUE_CHANGE_LABELS = {"extension": "Gia hạn", "replanned": "Điều chỉnh kế hoạch"}


@dataclass(frozen=True)
class DueChangeRow:
    at: str
    old_due: str
    new_due: str
    reason: str
    note: str | None


@dataclass(frozen=True)
class EventRow:
    at: str
    label: str
    actor: str
    note: str | None
    percent: int | None
    id: int = 0


@dataclass(frozen=True)
class TaskPage:
    task_id: int
    title: str
    document_number: str
    document_title: str
    clause: str
    quote: str
    deliverable: str | None
    agency_name: str
    role_label: str  # "chủ trì" / "phối hợp", as the e-mails say it
    period: str
    period_span: str
    due: str
    original_due: str | None  # shown when the due date in force differs
    extension_count: int
    status_key: str
    status_label: str
    status_colour: str
    completed_on: str | None
    inspected_unit: str | None
    pending_extension: str | None
    due_changes: tuple[DueChangeRow, ...]
    events: tuple[EventRow, ...]


def load_task(*, session: Session, task_id: int, for_update: bool = False) -> Task | None:
    """A task with what its page needs; locked for the transaction when acting on it.

    The lock is taken by a no-op UPDATE before anything is read: on PostgreSQL it locks
    the row like FOR UPDATE; on SQLite (whose driver begins a transaction only at the
    first write) it takes the database's write lock, so what is read next cannot be
    changed by a concurrent action before this one commits.
    """
    if for_update:
        session.execute(
            update(Task)
            .where(Task.id == task_id)
            .values(extension_count=Task.extension_count)
            .execution_options(synchronize_session=False)
        )
    query = (
        select(Task)
        .where(Task.id == task_id)
        .options(
            joinedload(Task.obligation).joinedload(Obligation.document),
            joinedload(Task.agency),
            joinedload(Task.subject),
            selectinload(Task.due_changes),
        )
    )
    if for_update:
        query = query.with_for_update(of=Task).execution_options(populate_existing=True)
    return session.scalars(query).unique().first()


def task_page(*, session: Session, task: Task, today: date, calendar: WorkCalendar) -> TaskPage:
    obligation = task.obligation
    status = display_status(task, today, calendar)
    label = LABELS[status]
    pending = pending_extension(session=session, task=task)
    return TaskPage(
        task_id=task.id,
        title=obligation.title,
        document_number=obligation.document.number,
        document_title=obligation.document.title,
        clause=obligation.clause,
        quote=obligation.quote,
        deliverable=obligation.deliverable,
        agency_name=task.agency.name,
        role_label=ROLE_LABELS[task.role.value],
        period="Một lần" if task.period_label == "once" else task.period_label,
        period_span=f"{dmy(task.period_start)} – {dmy(task.period_end)}",
        due=dmy(task.due_on),
        original_due=dmy(task.original_due_on) if task.original_due_on != task.due_on else None,
        extension_count=task.extension_count,
        status_key=status.value,
        status_label=label.label,
        status_colour=label.colour,
        completed_on=dmy(task.completed_on) if task.completed_on else None,
        inspected_unit=task.subject.name if task.subject else None,
        pending_extension=(
            f"đến {dmy(pending.proposed_due)}, lý do: {pending.reason}" if pending else None
        ),
        due_changes=tuple(
            DueChangeRow(
                at=local_text(c.changed_at),
                old_due=dmy(c.old_due_on),
                new_due=dmy(c.new_due_on),
                reason=DUE_CHANGE_LABELS.get(c.reason, c.reason),
                note=c.note,
            )
            for c in task.due_changes
        ),
        events=tuple(
            EventRow(
                local_text(e.at),
                EVENT_LABELS.get(e.kind, e.kind),
                e.actor,
                e.note,
                e.percent,
                e.id,
            )  # fmt: skip
            for e in task_events(session=session, task=task)
        ),
    )


def local_text(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y")
