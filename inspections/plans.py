"""Plans in the database: draw a version, replan, find the current one, verify one.

The planner (`planner.propose`) is pure; this module gathers its inputs from the database
(round tasks, the team, what is done, what other duties already took) and writes its
proposals as a new plan version. Nothing is ever deleted: a replan supersedes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspections.models import InspectionPlan, InspectionRecord, PlannedInspection
from inspections.planner import (
    Constraints,
    Fixed,
    PlanningError,
    PlanRequest,
    Proposal,
    Slot,
    propose,
    secret_id,
)
from inspections.records import counted, round_of
from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.dates import dmy, local_date
from tasks_catalog.models import (
    Agency,
    AssignmentRole,
    InspectionDuty,
    Obligation,
    Person,
    Task,
    TaskStatus,
)


def round_tasks(session: Session, duty: InspectionDuty, agency_id: int, year: int) -> list[Task]:
    """The inspection tasks (unit × round × period) of one lead agency in one year."""
    query = (
        select(Task)
        .where(
            Task.obligation_id == duty.obligation_id,
            Task.agency_id == agency_id,
            Task.role == AssignmentRole.LEAD,
            Task.subject_agency_id.is_not(None),
            Task.status != TaskStatus.RECALLED,
            Task.original_due_on.between(date(year, 1, 1), date(year, 12, 31)),
        )
        .options(selectinload(Task.subject))
        .order_by(Task.period_start, Task.occurrence_key)
    )
    return list(session.scalars(query))


def team_of(session: Session, agency_id: int) -> list[Person]:
    """Who draws inspections: the agency's inspectors; failing any, its inspection leads."""
    people = list(
        session.scalars(
            select(Person)
            .where(Person.agency_id == agency_id, Person.retired_at.is_(None))
            .order_by(Person.email)
        )
    )
    inspectors = [p for p in people if "inspector" in p.roles]
    return inspectors or [p for p in people if "inspection_lead" in p.roles]


def current_plan(
    session: Session, duty_id: int, agency_id: int, year: int
) -> InspectionPlan | None:
    return session.scalars(
        select(InspectionPlan)
        .where(
            InspectionPlan.duty_id == duty_id,
            InspectionPlan.agency_id == agency_id,
            InspectionPlan.year == year,
        )
        .order_by(InspectionPlan.version.desc())
        .limit(1)
    ).first()


def current_plans(session: Session, year: int | None = None) -> list[InspectionPlan]:
    """The latest version of every plan (of one year, or all years)."""
    query = (
        select(InspectionPlan)
        .where(InspectionPlan.superseded_at.is_(None))
        .options(
            selectinload(InspectionPlan.entries).selectinload(PlannedInspection.unit),
            selectinload(InspectionPlan.entries).selectinload(PlannedInspection.inspector),
            selectinload(InspectionPlan.entries).selectinload(PlannedInspection.task),
            selectinload(InspectionPlan.duty)
            .selectinload(InspectionDuty.obligation)
            .selectinload(Obligation.document),
            selectinload(InspectionPlan.agency),
        )
        .order_by(InspectionPlan.year, InspectionPlan.duty_id, InspectionPlan.agency_id)
    )
    if year is not None:
        query = query.where(InspectionPlan.year == year)
    return list(session.scalars(query))


def lead_agencies(duty: InspectionDuty, directory: AgencyDirectory) -> list[Agency]:
    return directory.resolve(duty.obligation.lead)


def duties(session: Session) -> list[InspectionDuty]:
    """Active inspection duties with their obligation and document."""
    query = (
        select(InspectionDuty)
        .join(InspectionDuty.obligation)
        .where(Obligation.retired_at.is_(None))
        .options(selectinload(InspectionDuty.obligation).selectinload(Obligation.document))
        .order_by(Obligation.code)
    )
    return list(session.scalars(query))


def unplanned(session: Session, *, year: int) -> list[tuple[InspectionDuty, Agency]]:
    """Every duty × lead agency that has round tasks in `year` but no plan yet."""
    directory = AgencyDirectory(session)
    return [
        (duty, agency)
        for duty in duties(session)
        for agency in lead_agencies(duty, directory)
        if current_plan(session, duty.id, agency.id, year) is None
        and round_tasks(session, duty, agency.id, year)
    ]


def make_plan(
    session: Session,
    *,
    duty: InspectionDuty,
    agency: Agency,
    year: int,
    secret: bytes,
    calendar: WorkCalendar,
    now: datetime,
    made_by: str,
    note: str | None = None,
    constraints: Constraints | None = None,
) -> InspectionPlan:
    """Draw a new version: done rounds stay, future dates stay, the rest is drawn anew."""
    tasks = round_tasks(session, duty, agency.id, year)
    if not tasks:
        raise PlanningError(
            f"năm {year} chưa có nhiệm vụ kiểm tra của {agency.code} cho "
            f"{duty.obligation.code}; hãy chạy `dondoc plan --year {year}` trước"
        )
    team = team_of(session, agency.id)
    previous = current_plan(session, duty.id, agency.id, year)
    version = previous.version + 1 if previous else 1
    not_before = calendar.add_working_days(local_date(now), 1)
    request = _request(
        session,
        duty=duty,
        agency=agency,
        year=year,
        tasks=tasks,
        team=team,
        previous=previous,
        secret=secret,
        not_before=not_before,
        version=version,
        constraints=constraints or Constraints(),
    )
    proposals = propose(request, calendar)
    if previous is not None:
        previous.superseded_at = now
    plan = InspectionPlan(
        duty_id=duty.id,
        agency_id=agency.id,
        year=year,
        version=version,
        reason="replan" if previous else "initial",
        note=note,
        not_before=not_before,
        made_at=now,
        made_by=made_by,
        secret_id=secret_id(secret),
        inputs=request_json(request),
    )
    session.add(plan)
    by_key = {task.occurrence_key: task for task in tasks}
    people = {p.email: p.id for p in session.scalars(select(Person))}
    for proposal in proposals:
        task = by_key[proposal.key]
        plan.entries.append(
            PlannedInspection(
                task_id=task.id,
                unit_id=task.subject_agency_id,
                round=round_of(task),
                planned_on=proposal.day,
                inspector_id=people.get(proposal.inspector) if proposal.inspector else None,
                origin=proposal.origin,
            )
        )
    session.flush()
    return plan


def _request(
    session: Session,
    *,
    duty: InspectionDuty,
    agency: Agency,
    year: int,
    tasks: list[Task],
    team: list[Person],
    previous: InspectionPlan | None,
    secret: bytes,
    not_before: date,
    version: int,
    constraints: Constraints,
) -> PlanRequest:
    slots = tuple(
        Slot(
            key=task.occurrence_key,
            unit=task.subject.code if task.subject else str(task.subject_agency_id),
            round=round_of(task),
            count=duty.count,
            period_start=task.period_start,
            period_end=task.period_end,
        )
        for task in tasks
    )
    fixed = _done(session, tasks)
    done_keys = {f.key for f in fixed}
    emails = {p.email for p in team}
    if previous is not None:
        for entry in previous.entries:
            key = entry.task.occurrence_key
            inspector = entry.inspector.email if entry.inspector else None
            planned = entry.planned_on
            if planned is None or planned < not_before:
                continue
            if key not in done_keys and inspector in emails:
                fixed.append(Fixed(key, planned, inspector, "kept"))
    busy, load = _elsewhere(session, duty.id, agency.id, year)
    return PlanRequest(
        secret=secret,
        context=f"{duty.obligation.code}|{agency.code}|{year}|v{version}|{not_before}",
        slots=slots,
        inspectors=tuple(sorted(emails)),
        not_before=not_before,
        fixed=tuple(fixed),
        busy=frozenset(busy),
        load=dict(load),
        constraints=constraints,
    )


def _done(session: Session, tasks: list[Task]) -> list[Fixed]:
    ids = [task.id for task in tasks]
    records = session.scalars(
        select(InspectionRecord)
        .where(InspectionRecord.task_id.in_(ids), counted())
        .options(selectinload(InspectionRecord.leader), selectinload(InspectionRecord.task))
    )
    return [
        Fixed(r.task.occurrence_key, r.inspected_on, r.leader.email, "done")
        for r in records
        if r.task is not None
    ]


def _elsewhere(
    session: Session, duty_id: int, agency_id: int, year: int
) -> tuple[set[tuple[str, date]], Counter[str]]:
    """The team's days and loads in its other duties' current plans this year."""
    busy: set[tuple[str, date]] = set()
    load: Counter[str] = Counter()
    others = session.scalars(
        select(PlannedInspection)
        .join(PlannedInspection.plan)
        .where(
            InspectionPlan.agency_id == agency_id,
            InspectionPlan.year == year,
            InspectionPlan.duty_id != duty_id,
            InspectionPlan.superseded_at.is_(None),
        )
        .options(selectinload(PlannedInspection.inspector))
    )
    for entry in others:
        if entry.inspector is not None and entry.planned_on is not None:
            busy.add((entry.inspector.email, entry.planned_on))
            load[entry.inspector.email] += 1
    return busy, load


def request_json(request: PlanRequest) -> dict[str, Any]:
    """The planner's inputs, minus the secret: enough to re-derive and check the plan."""
    return {
        "context": request.context,
        "slots": [
            {**asdict(s), "period_start": str(s.period_start), "period_end": str(s.period_end)}
            for s in request.slots
        ],
        "inspectors": list(request.inspectors),
        "not_before": request.not_before.isoformat(),
        "fixed": [{**asdict(f), "day": f.day.isoformat()} for f in request.fixed],
        "busy": sorted([i, d.isoformat()] for i, d in request.busy),
        "load": dict(sorted(request.load.items())),
        "constraints": asdict(request.constraints),
    }


def request_from_json(data: dict[str, Any], secret: bytes) -> PlanRequest:
    return PlanRequest(
        secret=secret,
        context=data["context"],
        slots=tuple(
            Slot(
                key=s["key"],
                unit=s["unit"],
                round=s["round"],
                count=s["count"],
                period_start=date.fromisoformat(s["period_start"]),
                period_end=date.fromisoformat(s["period_end"]),
            )
            for s in data["slots"]
        ),
        inspectors=tuple(data["inspectors"]),
        not_before=date.fromisoformat(data["not_before"]),
        fixed=tuple(
            Fixed(f["key"], date.fromisoformat(f["day"]), f["inspector"], f["origin"])
            for f in data["fixed"]
        ),
        busy=frozenset((i, date.fromisoformat(d)) for i, d in data["busy"]),
        load=data["load"],
        constraints=Constraints(**data["constraints"]),
    )


def verify_plan(plan: InspectionPlan, secret: bytes, calendar: WorkCalendar) -> list[str]:
    """Re-derive a stored plan from its inputs and `secret`; the differences, if any."""
    if plan.secret_id != secret_id(secret):
        return ["kế hoạch được lập bằng một bí mật khác (DONDOC_INSPECTION_SECRET)"]
    proposals: list[Proposal] = propose(request_from_json(plan.inputs, secret), calendar)
    stored = {
        e.task.occurrence_key: (e.planned_on, e.inspector.email if e.inspector else None)
        for e in plan.entries
    }
    return [
        f"{p.key}: đã lưu {_shown(stored.get(p.key))}, tính lại {_shown((p.day, p.inspector))}"
        for p in proposals
        if stored.get(p.key) != (p.day, p.inspector)
    ]


def _shown(entry: tuple[date | None, str | None] | None) -> str:
    """A plan entry as the verify report prints it: "05/03/2025, a@b" (admin only)."""
    if entry is None:
        return "không có"
    day, inspector = entry
    return f"{dmy(day) if day else 'chưa xếp ngày'}, {inspector or 'chưa phân công'}"
