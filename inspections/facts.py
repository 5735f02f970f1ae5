"""From the database to the compliance rules' facts: one `UnitPeriod` per unit and period."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspections.compliance import TargetFacts, UnitPeriod
from inspections.models import InspectionPlan, InspectionRecord, PlannedInspection
from inspections.records import counted, round_of
from tasks_catalog.models import (
    AssignmentRole,
    InspectionDuty,
    Obligation,
    Target,
    Task,
    TaskStatus,
)


def unit_periods(session: Session, *, first: date, last: date) -> list[UnitPeriod]:
    """Every unit × period of every inspection duty whose period overlaps [first, last]."""
    active = (
        select(InspectionDuty)
        .join(InspectionDuty.obligation)
        .where(Obligation.retired_at.is_(None))
    )
    duty_of = {d.obligation_id: d.id for d in session.scalars(active)}
    tasks = session.scalars(
        select(Task)
        .where(
            Task.obligation_id.in_(duty_of),
            Task.role == AssignmentRole.LEAD,
            Task.subject_agency_id.is_not(None),
            Task.status != TaskStatus.RECALLED,
            Task.period_start <= last,
            Task.period_end >= first,
        )
        .order_by(Task.period_start, Task.id)
    )
    groups: dict[tuple[int, int, int, date, date, str], list[Task]] = defaultdict(list)
    for task in tasks:
        assert task.subject_agency_id is not None
        key = (
            duty_of[task.obligation_id],
            task.agency_id,
            task.subject_agency_id,
            task.period_start,
            task.period_end,
            task.period_label,
        )
        groups[key].append(task)
    if not groups:
        return []
    span = (min(k[3] for k in groups), max(k[4] for k in groups))
    records = _records(session, *span)
    planned = planned_days(session, [t.id for tasks in groups.values() for t in tasks])
    facts = []
    for (duty_id, agency_id, unit_id, start, end, label), rounds in groups.items():
        rounds.sort(key=round_of)
        days = [
            r.inspected_on
            for r in records[(duty_id, agency_id, unit_id)]
            if start <= r.inspected_on <= end
        ]
        done_tasks = {r.task_id for r in records[(duty_id, agency_id, unit_id)]}
        facts.append(
            UnitPeriod(
                duty_id=duty_id,
                agency_id=agency_id,
                unit_id=unit_id,
                period=label,
                start=start,
                end=end,
                required=len(rounds),
                done_on=tuple(sorted(days)),
                planned_on=tuple(
                    planned.get(t.id) for t in rounds if t.id not in done_tasks and t.id in planned
                ),
                task_ids=tuple(t.id for t in rounds),
            )
        )
    return facts


def _records(
    session: Session, first: date, last: date
) -> dict[tuple[int, int, int], list[InspectionRecord]]:
    found: dict[tuple[int, int, int], list[InspectionRecord]] = defaultdict(list)
    query = (
        select(InspectionRecord)
        .where(counted(), InspectionRecord.inspected_on.between(first, last))
        .order_by(InspectionRecord.inspected_on, InspectionRecord.id)
    )
    for record in session.scalars(query):
        found[(record.duty_id, record.agency_id, record.unit_id)].append(record)
    return found


def planned_days(session: Session, task_ids: list[int]) -> dict[int, date | None]:
    planned: dict[int, date | None] = {}
    for chunk in range(0, len(task_ids), 500):
        query = (
            select(PlannedInspection)
            .join(PlannedInspection.plan)
            .where(
                InspectionPlan.superseded_at.is_(None),
                PlannedInspection.task_id.in_(task_ids[chunk : chunk + 500]),
            )
        )
        for entry in session.scalars(query):
            planned[entry.task_id] = entry.planned_on
    return planned


def digital_target(session: Session, year: int, code: str | None = None) -> TargetFacts | None:
    """The target the share of digital inspections is read against.

    By default the Tuyên Quang scheme's indicator ("tỷ lệ hoạt động kiểm tra … thực hiện
    thông qua môi trường số", 50% by 2025, 70% by 2030): the first such target due in
    `year` or later, else the latest. `code` names another obligation instead.
    """
    query = select(Target).options(
        selectinload(Target.obligation).selectinload(Obligation.document)
    )
    targets = [t for t in session.scalars(query) if t.obligation.retired_at is None]
    if code is not None:
        chosen = [t for t in targets if t.obligation.code == code]
    else:
        chosen = [t for t in targets if _is_digital_inspection(t.indicator)]
    if not chosen:
        return None
    ahead = sorted((t for t in chosen if t.year >= year), key=lambda t: t.year)
    target = ahead[0] if ahead else max(chosen, key=lambda t: t.year)
    return TargetFacts(
        code=target.obligation.code,
        document=target.obligation.document.number,
        indicator=target.indicator,
        comparator=target.comparator,
        value=target.value,
        year=target.year,
    )


def _is_digital_inspection(indicator: str) -> bool:
    text = " ".join(unicodedata.normalize("NFC", indicator).casefold().split())
    return "hoạt động kiểm tra" in text and "môi trường số" in text
