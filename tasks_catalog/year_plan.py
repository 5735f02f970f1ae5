"""Planning a year: the task occurrences of every obligation valid in that year.

1. Take every active obligation of an active document whose validity overlaps the year.
2. Expand its schedule (or the target / inspection default) into occurrences whose
   nominal due date falls in the year and in the obligation's window.
3. For each occurrence, one task per lead agency (an inspection duty: one per lead,
   inspected unit and required round) and one per cooperating agency.
4. Insert what is missing. A task whose due date moved because the catalogue changed is
   updated and the change recorded, unless it is finished or recalled. Running the plan
   twice creates nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.calendar import Occurrence, WorkCalendar, occurrences
from tasks_catalog.models import (
    AssignmentRole,
    Document,
    Obligation,
    Task,
    TaskDueChange,
    TaskStatus,
)
from tasks_catalog.obligation_schedule import (
    effective_schedule,
    obligation_window,
    waits_for_event,
)

FINISHED = {TaskStatus.DONE, TaskStatus.RECALLED}


@dataclass(frozen=True)
class PlannedTask:
    """A task the plan wants to exist, before it is matched against the database."""

    obligation_id: int
    agency_id: int
    role: AssignmentRole
    occurrence_key: str
    occurrence: Occurrence
    subject_agency_id: int | None = None


@dataclass
class PlanReport:
    year: int
    created: Counter[str] = field(default_factory=Counter)  # per document number
    moved: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    # For the follow-up engine: new tasks start from their first action, moved ones from now.
    new_tasks: list[Task] = field(default_factory=list)
    moved_tasks: list[Task] = field(default_factory=list)


def plan_year(session: Session, *, year: int, calendar: WorkCalendar, now: datetime) -> PlanReport:
    directory = AgencyDirectory(session)
    report = PlanReport(year=year)
    obligations = _obligations_valid_in(session, year)
    existing = _existing_tasks(session, [o.id for o in obligations])
    for obligation in obligations:
        number = obligation.document.number
        for planned in planned_tasks(obligation, year, calendar, directory):
            key = (planned.obligation_id, planned.agency_id, planned.occurrence_key)
            task = existing.get(key)
            if task is None:
                task = _new_task(planned, now)
                session.add(task)
                existing[key] = task
                report.created[number] += 1
                report.new_tasks.append(task)
            elif _move_due(task, planned.occurrence.due, now):
                report.moved[number] += 1
                report.moved_tasks.append(task)
            else:
                report.unchanged[number] += 1
    session.flush()
    return report


def plan_obligation(
    session: Session, obligation: Obligation, *, year: int, calendar: WorkCalendar, now: datetime
) -> list[Task]:
    """The missing tasks of one obligation in `year` (an ad-hoc assignment plans itself
    this way, so that the yearly plan later finds its tasks and adds none)."""
    directory = AgencyDirectory(session)
    existing = _existing_tasks(session, [obligation.id])
    created = []
    for planned in planned_tasks(obligation, year, calendar, directory):
        key = (planned.obligation_id, planned.agency_id, planned.occurrence_key)
        if key not in existing:
            task = _new_task(planned, now)
            session.add(task)
            existing[key] = task
            created.append(task)
    session.flush()
    return created


def _obligations_valid_in(session: Session, year: int) -> list[Obligation]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    query = (
        select(Obligation)
        .join(Document)
        .where(Obligation.retired_at.is_(None), Document.retired_at.is_(None))
        .where(Obligation.valid_from <= last)
        .where((Obligation.valid_until.is_(None)) | (Obligation.valid_until >= first))
        .options(selectinload(Obligation.inspection), selectinload(Obligation.target))
        .order_by(Document.number, Obligation.position)
    )
    return list(session.scalars(query))


def _existing_tasks(
    session: Session, obligation_ids: list[int]
) -> dict[tuple[int, int, str], Task]:
    """Every task of these obligations, whatever its year: a moved date keeps its task."""
    tasks: dict[tuple[int, int, str], Task] = {}
    for chunk in range(0, len(obligation_ids), 500):  # stay under bind-parameter limits
        query = select(Task).where(Task.obligation_id.in_(obligation_ids[chunk : chunk + 500]))
        for task in session.scalars(query):
            tasks[(task.obligation_id, task.agency_id, task.occurrence_key)] = task
    return tasks


def planned_tasks(
    obligation: Obligation, year: int, calendar: WorkCalendar, directory: AgencyDirectory
) -> list[PlannedTask]:
    window = obligation_window(obligation.valid_from, obligation.valid_until)
    span = window.clip(date(year, 1, 1), date(year, 12, 31))
    if span is None or waits_for_event(obligation.schedule):
        return []  # an event-relative deadline gets no task from the yearly plan
    schedule = effective_schedule(
        kind=obligation.kind,
        stored=obligation.schedule,
        target_year=obligation.target.year if obligation.target else None,
        inspection_per=obligation.inspection.per if obligation.inspection else None,
    )
    leads = directory.resolve(obligation.lead)
    cooperating = [a for a in directory.resolve(obligation.cooperating) if a not in leads]
    planned: list[PlannedTask] = []
    for occurrence in occurrences(schedule, calendar, span.start, span.end):
        key = occurrence.label
        for agency in leads:
            planned += _lead_tasks(obligation, agency.id, occurrence, directory)
        planned += [
            PlannedTask(obligation.id, a.id, AssignmentRole.COOPERATING, key, occurrence)
            for a in cooperating
        ]
    return planned


def _lead_tasks(
    obligation: Obligation, agency_id: int, occurrence: Occurrence, directory: AgencyDirectory
) -> list[PlannedTask]:
    duty = obligation.inspection
    if duty is None:
        return [
            PlannedTask(obligation.id, agency_id, AssignmentRole.LEAD, occurrence.label, occurrence)
        ]
    group = directory.groups.get(duty.units)
    units = directory.members(group) if group else []
    return [
        PlannedTask(
            obligation.id,
            agency_id,
            AssignmentRole.LEAD,
            f"{occurrence.label}/{unit.code}/{round_}",
            occurrence,
            subject_agency_id=unit.id,
        )
        for unit in units
        for round_ in range(1, duty.count + 1)
    ]


def _new_task(planned: PlannedTask, now: datetime) -> Task:
    occurrence = planned.occurrence
    return Task(
        obligation_id=planned.obligation_id,
        agency_id=planned.agency_id,
        role=planned.role,
        occurrence_key=planned.occurrence_key,
        period_label=occurrence.label,
        subject_agency_id=planned.subject_agency_id,
        period_start=occurrence.period_start,
        period_end=occurrence.period_end,
        original_due_on=occurrence.due,
        due_on=occurrence.due,
        status=TaskStatus.NOT_STARTED,
        created_at=now,
    )


def _move_due(task: Task, due: date, now: datetime) -> bool:
    """Follow a catalogue change of the due date; never touch an extended or finished task.

    `original_due_on` stays as first planned: the change is in the task's due-date history.
    """
    if task.due_on == due or task.status in FINISHED or task.extension_count:
        return False
    task.due_changes.append(
        TaskDueChange(old_due_on=task.due_on, new_due_on=due, reason="replanned", changed_at=now)
    )
    task.due_on = due
    return True
