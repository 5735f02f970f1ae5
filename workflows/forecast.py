"""What would be sent when, without sending: offices want to see the schedule first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, joinedload

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.dates import dmy
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
    tasks = _open_tasks(session)
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


def why_nothing(session: Session, *, start: date, end: date, calendar: WorkCalendar) -> str:
    """Why `preview` finds no message from `start` to `end`, in words an office can act on."""
    if session.scalar(select(func.count()).select_from(Obligation)) == 0:
        return (
            "danh mục còn trống: hãy nạp danh mục (`dondoc catalog load`) rồi lập kế hoạch "
            f"năm (`dondoc plan --year {start.year}`)"
        )
    unplanned = [
        year
        for year in range(start.year, end.year + 1)
        if not session.scalar(
            select(
                exists().where(Task.original_due_on.between(date(year, 1, 1), date(year, 12, 31)))
            )
        )
    ]
    if unplanned:
        years = ", ".join(str(y) for y in unplanned)
        return f"năm {years} chưa được lập kế hoạch: chạy `dondoc plan --year {unplanned[0]}`"
    tasks = _open_tasks(session)
    if not tasks:
        return "mọi nhiệm vụ đã hoàn thành, chờ duyệt hoặc đã thu hồi"
    following = [
        (action.at.astimezone(LOCAL_TZ).date(), task.obligation.code)
        for task in tasks
        for action in timeline(task_facts(task), obligation_policy(task.obligation), calendar)
        if action.at.astimezone(LOCAL_TZ).date() > end
    ]
    if not following:
        return f"{len(tasks)} nhiệm vụ đang mở đã qua mọi mốc nhắc và đôn đốc"
    day, code = min(following)
    return (
        f"{len(tasks)} nhiệm vụ đang mở không có mốc nhắc nào trong khoảng này; "
        f"mốc kế tiếp: {dmy(day)} ({code})"
    )


def _open_tasks(session: Session) -> list[Task]:
    return list(
        session.scalars(
            select(Task)
            .where(Task.status.in_(OPEN_STATUSES))
            .options(joinedload(Task.obligation).joinedload(Obligation.document))
        ).unique()
    )
