"""What a viewer reads of inspections, as plain dicts with stable field names.

Every read goes through `access.Scope`: these dicts are the JSON the CLI prints (with
`--as`) and the web will return. Fields that come from the plan (`round`, `planned_on`,
`warnings`, `planned`, `missed`, `unplaced`) are present only in the team's view; other
viewers get dicts without those keys at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspections.access import (
    TASK_COORDINATION_ROLES,
    TEAM_ROLES,
    AccessDenied,
    Scope,
    View,
    Viewer,
)
from inspections.compliance import STATUS_LABELS, digital_share, standing
from inspections.facts import digital_target, planned_days, unit_periods
from inspections.models import (
    FORM_LABELS,
    STATE_LABELS,
    InspectionRecord,
    RecordState,
)
from inspections.plans import current_plans
from inspections.records import counted, round_of
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.queries import TaskFilter, iter_tasks


@dataclass(frozen=True)
class Reading:
    """One read: who, at which day (the edges pass it), and the loaded scope."""

    session: Session
    viewer: Viewer
    today: date
    scope: Scope

    @classmethod
    def of(cls, session: Session, viewer: Viewer, today: date) -> Reading:
        return cls(session, viewer, today, Scope(session))


# --- plans --------------------------------------------------------------------------------


def plan_rows(reading: Reading, *, year: int, duty: str | None = None) -> list[dict[str, Any]]:
    """The plan entries the viewer may see; refused outright to anyone outside every team."""
    viewer, scope = reading.viewer, reading.scope
    if not scope.may_see_some_plan(viewer):
        raise AccessDenied()
    rows = []
    done = _records_by_task(reading.session)
    for plan in current_plans(reading.session, year):
        code = plan.duty.obligation.code
        if duty is not None and code != duty:
            continue
        for entry in sorted(
            plan.entries, key=lambda e: (e.planned_on or date.max, e.unit.code, e.round)
        ):
            if not scope.may_see_entry(
                viewer,
                duty_id=plan.duty_id,
                agency_id=plan.agency_id,
                unit_id=entry.unit_id,
                inspector_id=entry.inspector_id,
            ):
                continue
            record = done.get(entry.task_id)
            if record is not None and record.inspected_on > reading.today:
                record = None  # read as of `today`: a later inspection is not done yet
            rows.append(
                {
                    "plan_id": plan.id,
                    "plan_version": plan.version,
                    "duty": code,
                    "document": plan.duty.obligation.document.number,
                    "year": plan.year,
                    "agency": plan.agency.code,
                    "unit": entry.unit.code,
                    "unit_name": entry.unit.name,
                    "round": entry.round,
                    "period": entry.task.period_label,
                    "planned_on": entry.planned_on.isoformat() if entry.planned_on else None,
                    "inspector": {"name": entry.inspector.name, "email": entry.inspector.email}
                    if entry.inspector
                    else None,
                    "state": _entry_state(entry.planned_on, record, reading.today),
                    "done_on": record.inspected_on.isoformat() if record else None,
                    "record_id": record.id if record else None,
                }
            )
    if not rows and not _maybe_team(viewer):
        raise AccessDenied()
    return sorted(rows, key=lambda r: (r["planned_on"] or "9999", r["unit"], r["round"]))


def _entry_state(planned_on: date | None, record: InspectionRecord | None, today: date) -> str:
    if record is not None:
        return "done"
    if planned_on is None:
        return "unplaced"
    return "planned" if planned_on >= today else "missed"


def _records_by_task(session: Session) -> dict[int, InspectionRecord]:
    query = select(InspectionRecord).where(counted(), InspectionRecord.task_id.is_not(None))
    return {r.task_id: r for r in session.scalars(query) if r.task_id is not None}


# --- records ------------------------------------------------------------------------------


def record_rows(
    reading: Reading, *, year: int | None = None, unit: str | None = None
) -> list[dict[str, Any]]:
    """The records the viewer may see, each shaped for the viewer (never an error)."""
    query = (
        select(InspectionRecord)
        .options(
            selectinload(InspectionRecord.unit),
            selectinload(InspectionRecord.agency),
            selectinload(InspectionRecord.evidence),
            selectinload(InspectionRecord.task),
            selectinload(InspectionRecord.changes),
        )
        .order_by(InspectionRecord.inspected_on, InspectionRecord.id)
    )
    if year is not None:
        query = query.where(
            InspectionRecord.inspected_on.between(date(year, 1, 1), date(year, 12, 31))
        )
    limited = reading.scope.own_side(reading.viewer)
    if limited is not None:  # ask the database for no more than the viewer could see
        query = query.where(InspectionRecord.unit_id.in_(limited))
    planned = _planned_days(reading.session) if _maybe_team(reading.viewer) else {}
    rows = []
    for record in reading.session.scalars(query):
        if unit is not None and record.unit.code != unit:
            continue
        view = reading.scope.record_view(
            reading.viewer,
            agency_id=record.agency_id,
            unit_id=record.unit_id,
            is_draft=record.state == RecordState.DRAFT,
        )
        if view is not None:
            duty = reading.scope.duties.get(record.duty_id)
            rows.append(record_json(record, view, duty.code if duty else "", planned))
    return rows


def _maybe_team(viewer: Viewer) -> bool:
    return viewer.is_admin or bool(viewer.roles & TEAM_ROLES)


def _planned_days(session: Session) -> dict[int, date | None]:
    ids = [r for r in session.scalars(select(InspectionRecord.task_id)) if r is not None]
    return planned_days(session, ids)


def record_json(
    record: InspectionRecord, view: View, duty: str, planned: dict[int, date | None]
) -> dict[str, Any]:
    leader, *members = record.team or [{}]
    row: dict[str, Any] = {
        "id": record.id,
        "duty": duty,
        "unit": record.unit.code,
        "unit_name": record.unit.name,
        "agency": record.agency.code,
        "form": record.form.value,
        "form_label": FORM_LABELS[record.form],
        "basis": record.basis,
        "content": record.content,
        "scope": record.scope,
        "date": record.inspected_on.isoformat(),
        "place": record.place,
        "leader": leader,
        "members": members,
        "findings": record.findings,
        "violations": record.violations,
        "conclusion": record.conclusion,
        "recommendations": record.recommendations,
        "state": record.state.value,
        "state_label": STATE_LABELS[record.state],
        "minutes_number": record.minutes_number,
        "digital": record.digital,
        "evidence": [
            {
                "name": e.name,
                "sha256": e.sha256,
                "size": e.size,
                "media_type": e.media_type,
                "description": e.description,
            }
            for e in record.evidence
        ],
    }
    if view != View.UNIT:
        row["logged_at"] = record.logged_at.isoformat()
        row["logged_by"] = record.logged_by
        row["history"] = [
            {
                "from": c.old_state,
                "to": c.new_state,
                "at": c.changed_at.isoformat(),
                "by": c.changed_by,
            }
            for c in record.changes
        ]
    if view == View.FULL:
        day = planned.get(record.task_id) if record.task_id else None
        row["round"] = round_of(record.task) if record.task else None
        row["planned_on"] = day.isoformat() if day else None
        row["warnings"] = record.warnings
    return row


# --- compliance ---------------------------------------------------------------------------


def compliance_report(reading: Reading, *, year: int, target: str | None = None) -> dict[str, Any]:
    """Required / done / planned / at risk per unit and period, and the digital share."""
    scope, viewer = reading.scope, reading.viewer
    if not scope.may_read_compliance(viewer):  # by role alone: a refusal reveals no data
        raise AccessDenied()
    rows = []
    for facts in unit_periods(reading.session, first=date(year, 1, 1), last=date(year, 12, 31)):
        if facts.end.year != year:
            continue
        view = scope.compliance_view(viewer, agency_id=facts.agency_id, unit_id=facts.unit_id)
        if view is not None:
            rows.append(_compliance_row(reading, facts, view))
    rows.sort(key=lambda r: (r["duty"], r["period"], r["unit"]))
    return {
        "year": year,
        "as_of": reading.today.isoformat(),
        "viewer": viewer.label(),
        "units": rows,
        "digital_share": _digital(reading, year, target),
    }


def _compliance_row(reading: Reading, facts: Any, view: View) -> dict[str, Any]:
    duty = reading.scope.duties[facts.duty_id]
    unit = reading.scope.agencies[facts.unit_id]
    result = standing(facts, reading.today, with_plan=view == View.FULL)
    row: dict[str, Any] = {
        "duty": duty.code,
        "period": facts.period,
        "agency": reading.scope.agencies[facts.agency_id].code,
        "unit": unit.code,
        "unit_name": unit.name,
        "required": result.required,
        "done": result.done,
        "remaining": result.remaining,
        "status": result.status,
        "status_label": STATUS_LABELS[result.status],
        "at_risk": result.at_risk,
        "behind": None
        if result.behind is None
        else {
            "checkpoint": result.behind.name,
            "on": result.behind.on.isoformat(),
            "expected": result.behind.expected,
        },
    }
    if view == View.FULL:
        row.update(planned=result.planned, missed=result.missed, unplaced=result.unplaced)
    return row


def _digital(reading: Reading, year: int, target: str | None) -> dict[str, Any]:
    query = select(InspectionRecord).where(
        counted(), InspectionRecord.inspected_on.between(date(year, 1, 1), date(year, 12, 31))
    )
    seen = [
        r
        for r in reading.session.scalars(query)
        if reading.scope.compliance_view(reading.viewer, agency_id=r.agency_id, unit_id=r.unit_id)
    ]
    return digital_share(
        len(seen), sum(1 for r in seen if r.digital), digital_target(reading.session, year, target)
    )


# --- tasks and exports ----------------------------------------------------------------------


def task_rows(
    reading: Reading, *, filters: TaskFilter, calendar: WorkCalendar
) -> list[dict[str, Any]]:
    """`dondoc tasks list` as the viewer may see it (inspection tasks: the team only)."""
    return list(iter_task_rows(reading, filters=filters, calendar=calendar))


def iter_task_rows(
    reading: Reading, *, filters: TaskFilter, calendar: WorkCalendar
) -> Iterator[dict[str, Any]]:
    """`task_rows`, streamed as the database returns them."""
    by_code = {a.code: a.id for a in reading.scope.agencies.values()}
    viewer = reading.viewer
    if not viewer.is_admin and not viewer.roles & TASK_COORDINATION_ROLES:
        # Only their own agency's tasks can be theirs to see: ask for no more.
        own = reading.scope.agencies[viewer.agency_id].code if viewer.agency_id else None
        if own is None or filters.agency not in (None, own):
            return
        filters = replace(filters, agency=own)
    rows = iter_tasks(reading.session, filters=filters, today=reading.today, calendar=calendar)
    for row in rows:
        if reading.scope.may_see_task(
            reading.viewer,
            agency_id=by_code[row["agency"]],
            is_inspection=row["kind"] == "inspection_duty" or row["inspected_unit"] is not None,
        ):
            yield row


def export(reading: Reading, *, year: int) -> dict[str, Any]:
    """Everything the viewer may see of a year's inspections, in one document."""
    out: dict[str, Any] = {
        "year": year,
        "as_of": reading.today.isoformat(),
        "viewer": reading.viewer.label(),
    }
    with suppress(AccessDenied):  # refused: the document simply has no plan
        out["plan"] = plan_rows(reading, year=year)
    out["records"] = record_rows(reading, year=year)
    with suppress(AccessDenied):
        out["compliance"] = compliance_report(reading, year=year)
    return out


EXPORT_COLUMNS = (
    "kind",
    "duty",
    "unit",
    "unit_name",
    "round",
    "day",
    "state",
    "minutes_number",
    "leader",
)


def export_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The export flattened for a spreadsheet: plan entries (if any) then records."""
    rows = [
        {
            "kind": "plan",
            "duty": e["duty"],
            "unit": e["unit"],
            "unit_name": e["unit_name"],
            "round": e["round"],
            "day": e["planned_on"],
            "state": e["state"],
            "minutes_number": "",
            "leader": e["inspector"]["email"] if e["inspector"] else "",
        }
        for e in document.get("plan", [])
    ]
    rows += [
        {
            "kind": "record",
            "duty": r["duty"],
            "unit": r["unit"],
            "unit_name": r["unit_name"],
            "round": r.get("round", ""),
            "day": r["date"],
            "state": r["state"],
            "minutes_number": r["minutes_number"] or "",
            "leader": r["leader"].get("email", ""),
        }
        for r in document["records"]
    ]
    return rows
