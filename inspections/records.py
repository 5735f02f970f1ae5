"""Logging inspection records and moving them along the follow-up flow.

`log_record` is all or nothing: every reference is checked first (duty, unit, inspectors,
duplicates, evidence files) and every problem reported at its line; only then are the
evidence files stored and the record written, in the caller's transaction. Something
doubtful but not wrong (logged long after the visit, inspected after the planned day) is
kept on the record as a warning, never silently accepted.

Records fill the duty's round tasks in date order: the first inspection of a unit in a
period completes round 1, the second round 2 (`sync_rounds`). A draft does not count.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from inspections.access import AccessDenied, Scope, Viewer
from inspections.evidence import EvidenceStore
from inspections.models import (
    STATE_LABELS,
    STATE_ORDER,
    EvidenceFile,
    InspectionPlan,
    InspectionRecord,
    PlannedInspection,
    RecordState,
    RecordStateChange,
)
from inspections.record_checks import check_record, warning
from inspections.record_input import ParsedRecord, missing_for_state
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.dates import dmy
from tasks_catalog.models import (
    AssignmentRole,
    InspectionDuty,
    Task,
    TaskStatus,
)


def counted() -> ColumnElement[bool]:
    """Records that count as an inspection done: everything but drafts."""
    return InspectionRecord.state != RecordState.DRAFT


def round_of(task: Task) -> int:
    """The round in an inspection task's occurrence key: "2025/QN-HALONG-TTHCC/2" → 2."""
    return int(task.occurrence_key.rsplit("/", 1)[1])


def log_record(
    session: Session,
    *,
    parsed: ParsedRecord,
    store: EvidenceStore,
    calendar: WorkCalendar,
    now: datetime,
    viewer: Viewer,
) -> InspectionRecord:
    """Check, store the evidence, write the record; CatalogueInvalid lists every problem."""
    checked = check_record(session, parsed, store, calendar, now, viewer)
    record_in = parsed.record
    # One row per file listed: two files with equal bytes keep both names and descriptions
    # (the store keeps their bytes once).
    stored = [(store.put(path), description) for path, description in checked.evidence]
    digital = record_in.digital if record_in.digital is not None else bool(stored)
    record = InspectionRecord(
        duty_id=checked.duty.id,
        agency_id=checked.leader.agency_id,
        unit_id=checked.unit.id,
        form=parsed.form,
        basis=record_in.basis,
        content=record_in.content,
        scope=record_in.scope,
        inspected_on=record_in.date,
        place=record_in.place,
        leader_id=checked.leader.id,
        team=checked.team,
        findings=record_in.findings,
        violations=list(record_in.violations),
        conclusion=record_in.conclusion,
        recommendations=list(record_in.recommendations),
        state=RecordState(record_in.state),
        minutes_number=record_in.minutes_number or None,
        digital=digital,
        warnings=list(checked.warnings),
        source_file=str(parsed.path)[:500],
        logged_at=now,
        logged_by=viewer.label(),
    )
    if digital and not stored:
        record.warnings.append(
            warning(
                "digital_without_evidence",
                "ghi là thực hiện trên môi trường số nhưng không có tệp minh chứng",
            )
        )
    session.add(record)
    for item, description in stored:
        record.evidence.append(
            EvidenceFile(
                sha256=item.sha256,
                size=item.size,
                name=item.name[:255],
                media_type=item.media_type[:100],
                description=description,
                stored_at=now,
            )
        )
    record.changes.append(
        RecordStateChange(
            old_state=None, new_state=record.state.value, changed_at=now, changed_by=viewer.label()
        )
    )
    session.flush()
    _after_counted(session, record, calendar)
    return record


def advance_record(
    session: Session,
    *,
    record_id: int,
    to: RecordState,
    calendar: WorkCalendar,
    now: datetime,
    viewer: Viewer,
    note: str | None = None,
) -> InspectionRecord:
    """Move a record forward in the follow-up flow (never back)."""
    record = session.get(InspectionRecord, record_id)
    if record is None or not Scope(session).may_log(viewer, record.duty_id):
        raise AccessDenied()
    if STATE_ORDER.index(to) <= STATE_ORDER.index(record.state):
        raise ValueError(
            f'biên bản #{record.id} đang ở "{STATE_LABELS[record.state]}"; chỉ chuyển tiếp '
            f"được sang trạng thái sau"
        )
    values = {
        name: getattr(record, name)
        for name in ("basis", "content", "findings", "conclusion", "minutes_number")
    }
    missing = missing_for_state(values, to.value)
    if missing:
        raise ValueError(
            f'để chuyển sang "{STATE_LABELS[to]}" biên bản phải có: {", ".join(missing)}'
        )
    was_draft = record.state == RecordState.DRAFT
    record.changes.append(
        RecordStateChange(
            old_state=record.state.value,
            new_state=to.value,
            changed_at=now,
            changed_by=viewer.label(),
            note=note,
        )
    )
    record.state = to
    session.flush()
    if was_draft:
        _after_counted(session, record, calendar)
    return record


def _after_counted(session: Session, record: InspectionRecord, calendar: WorkCalendar) -> None:
    """A record that now counts: fill the rounds, then compare it with the plan."""
    if record.state == RecordState.DRAFT:
        return
    sync_rounds(session, duty_id=record.duty_id, agency_id=record.agency_id, unit_id=record.unit_id)
    planned = _planned_day(session, record)
    if planned is not None and record.inspected_on > planned:
        late = calendar.working_days_between(planned, record.inspected_on)
        record.warnings = [
            *record.warnings,
            warning(
                "late_against_plan",
                f"kiểm tra ngày {dmy(record.inspected_on)}, muộn {late} ngày làm việc so với "
                f"ngày dự kiến {dmy(planned)}",
            ),
        ]
    session.flush()


def _planned_day(session: Session, record: InspectionRecord) -> date | None:
    if record.task_id is None:
        return None
    return session.scalars(
        select(PlannedInspection.planned_on)
        .join(PlannedInspection.plan)
        .where(PlannedInspection.task_id == record.task_id, InspectionPlan.superseded_at.is_(None))
    ).first()


def sync_rounds(session: Session, *, duty_id: int, agency_id: int, unit_id: int) -> None:
    """Records of a unit fill its round tasks in date order, period by period."""
    duty = session.get(InspectionDuty, duty_id)
    assert duty is not None
    tasks = list(
        session.scalars(
            select(Task).where(
                Task.obligation_id == duty.obligation_id,
                Task.agency_id == agency_id,
                Task.role == AssignmentRole.LEAD,
                Task.subject_agency_id == unit_id,
                Task.status != TaskStatus.RECALLED,
            )
        )
    )
    records = list(
        session.scalars(
            select(InspectionRecord)
            .where(
                InspectionRecord.duty_id == duty_id,
                InspectionRecord.agency_id == agency_id,
                InspectionRecord.unit_id == unit_id,
                counted(),
            )
            .order_by(InspectionRecord.inspected_on, InspectionRecord.id)
        )
    )
    periods: dict[tuple[date, date], list[Task]] = {}
    for task in tasks:
        periods.setdefault((task.period_start, task.period_end), []).append(task)
    for record in records:
        record.task_id = None
    for (start, end), rounds in periods.items():
        rounds.sort(key=round_of)
        inside = [r for r in records if start <= r.inspected_on <= end]
        for task, record in zip(rounds, inside, strict=False):
            record.task_id = task.id
            task.status = TaskStatus.DONE
            task.completed_on = record.inspected_on
            task.due_at_completion = task.due_on
    session.flush()
