"""Deadlines counted from an event: "báo cáo kết quả khắc phục trong thời hạn 10 ngày làm
việc kể từ ngày nhận được kết luận kiểm tra".

Such an obligation (`schedule: {after: …, within: 10, working: true}`) gets no task from
the yearly plan: nobody knows its date until the event happens. Recording the event
(`dondoc tasks event CODE --date …`) creates its tasks:

1. Find the obligation by code; refuse one that is retired, not counted from an event,
   or whose validity does not hold the event's date.
2. The due date is the event's date plus `within` days (working days when `working`;
   the event's own day is not counted), moved off a day off (Bộ luật Dân sự 2015,
   Điều 148).
3. One task per lead agency (only the one named when the event concerns a single agency
   of a group, e.g. the unit that received the conclusion) and per cooperating agency,
   keyed by the event's date: recording the same event again creates nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Agency, AssignmentRole, Obligation, Task, TaskStatus
from tasks_catalog.obligation_schedule import obligation_window, waits_for_event

PERIOD_LABEL = "once"


class EventRefused(Exception):
    """The event cannot be recorded; the message says why, in Vietnamese."""


@dataclass
class EventReport:
    obligation: str
    event: str
    happened_on: date
    due: date
    created: list[Task] = field(default_factory=list)
    unchanged: list[Task] = field(default_factory=list)


def event_due(schedule: dict[str, object], happened_on: date, calendar: WorkCalendar) -> date:
    """The due date of a deadline counted from an event that happened on `happened_on`."""
    within = int(str(schedule["within"]))
    if schedule.get("working"):
        return calendar.add_working_days(happened_on, within)
    return calendar.roll_forward(happened_on + timedelta(days=within))


def record_event(
    session: Session,
    *,
    obligation_code: str,
    happened_on: date,
    calendar: WorkCalendar,
    now: datetime,
    agency_code: str | None = None,
) -> EventReport:
    obligation = _event_obligation(session, obligation_code, happened_on)
    due = event_due(obligation.schedule, happened_on, calendar)
    report = EventReport(obligation.code, str(obligation.schedule["after"]), happened_on, due)
    key = f"event/{happened_on.isoformat()}"
    for agency, role in _assignees(session, obligation, agency_code):
        existing = session.scalar(
            select(Task).where(
                Task.obligation_id == obligation.id,
                Task.agency_id == agency.id,
                Task.occurrence_key == key,
            )
        )
        if existing is not None:
            report.unchanged.append(existing)
            continue
        task = Task(
            obligation_id=obligation.id,
            agency_id=agency.id,
            role=role,
            occurrence_key=key,
            period_label=PERIOD_LABEL,
            period_start=happened_on,
            period_end=due,
            original_due_on=due,
            due_on=due,
            status=TaskStatus.NOT_STARTED,
            created_at=now,
        )
        session.add(task)
        report.created.append(task)
    session.flush()
    return report


def _event_obligation(session: Session, code: str, happened_on: date) -> Obligation:
    obligation = session.scalar(select(Obligation).where(Obligation.code == code))
    if obligation is None:
        raise EventRefused(f'không có nhiệm vụ mã "{code}" trong danh mục')
    if obligation.retired_at is not None:
        raise EventRefused(f'nhiệm vụ "{code}" đã bị gỡ khỏi danh mục')
    if not waits_for_event(obligation.schedule):
        raise EventRefused(
            f'nhiệm vụ "{code}" không có thời hạn tính từ một sự kiện '
            "(schedule không có after); nhiệm vụ của nó được lập bằng `dondoc plan`"
        )
    window = obligation_window(obligation.valid_from, obligation.valid_until)
    if not window.start <= happened_on <= window.end:
        raise EventRefused(
            f"ngày {happened_on:%d/%m/%Y} nằm ngoài thời gian hiệu lực của nhiệm vụ "
            f'"{code}" ({window.start:%d/%m/%Y} – {window.end:%d/%m/%Y})'
        )
    return obligation


def _assignees(
    session: Session, obligation: Obligation, agency_code: str | None
) -> list[tuple[Agency, AssignmentRole]]:
    directory = AgencyDirectory(session)
    leads = directory.resolve(obligation.lead)
    if agency_code is not None:
        chosen = [a for a in leads if a.code == agency_code]
        if not chosen:
            names = ", ".join(a.code for a in leads) or "không có"
            raise EventRefused(
                f'cơ quan "{agency_code}" không chủ trì nhiệm vụ "{obligation.code}" '
                f"(cơ quan chủ trì: {names})"
            )
        leads = chosen
    cooperating = [a for a in directory.resolve(obligation.cooperating) if a not in leads]
    return [(a, AssignmentRole.LEAD) for a in leads] + [
        (a, AssignmentRole.COOPERATING) for a in cooperating
    ]
