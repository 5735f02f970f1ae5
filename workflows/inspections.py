"""The daily inspection check: plan the year's inspections, warn the lead, escalate.

1. Plan every inspection duty of the current year that has round tasks but no plan yet
   (when the engine holds the secret); a duty whose team is empty is reported, not fatal.
2. For every unit and period of the last months, ask the rules (`due_warnings`, pure)
   whether a checkpoint has passed unmet: "no inspection by 30 June", "fewer than two by
   31 October" warn the inspecting agency's inspection lead; the period's end unmet is
   escalated to the province's coordination office (coordinator, coordination leader),
   the inspection lead in copy.
3. Queue one outbox row per unit, period, checkpoint and recipient, under a deterministic
   key, in this transaction; delivery sends them in each person's one digest.

What an e-mail may say: the unit, how many inspections it has had, what the rule asks
by which public checkpoint. Never a planned date, never a missed planned date, never who
is assigned: e-mails travel (forwarded, printed, read over a shoulder), the tool does
not. And never to anyone on the unit's side (the unit or its parent): a guard drops them.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from inspections.access import TASK_COORDINATION_ROLES, Scope, Viewer
from inspections.compliance import (
    BEHIND,
    Checkpoint,
    UnitPeriod,
    checkpoints,
)
from inspections.facts import unit_periods
from inspections.planner import PlanningError
from inspections.plans import make_plan, unplanned
from notifications.digest import DigestItem
from notifications.models import Channel
from notifications.outbox import enqueue
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import LOCAL_TZ, dmy, local_date
from tasks_catalog.models import InspectionDuty, Obligation, Person, Province

log = logging.getLogger(__name__)

SEND_AT = time(7, 30)
LOOKBACK = timedelta(days=120)  # periods that ended longer ago are not looked at again
ESCALATION_WINDOW = timedelta(days=60)  # after downtime, a year-end escalation still goes out
BEHIND_KIND = "inspection_behind"
ESCALATION_KIND = "inspection_escalation"


@dataclass(frozen=True)
class InspectionWarning:
    facts: UnitPeriod
    checkpoint: Checkpoint
    done: int
    days: int  # working days since the checkpoint

    @property
    def kind(self) -> str:
        """The period's end is escalated; an earlier checkpoint warns the lead."""
        return ESCALATION_KIND if self.checkpoint.name == "end" else BEHIND_KIND

    @property
    def step(self) -> str:
        return f"inspection-{self.checkpoint.name}"


@dataclass
class InspectionCheckReport:
    plans: list[str] = field(default_factory=list)  # "QN124-D1.3c-KTDX/QN-SNV/2025 v1"
    problems: list[str] = field(default_factory=list)
    warnings: int = 0
    queued: int = 0
    unreachable: int = 0  # warnings nobody may receive (no lead, no office)


def fires_at(checkpoint: Checkpoint, calendar: WorkCalendar) -> datetime:
    """The morning of the first working day after the checkpoint day."""
    day = calendar.roll_forward(checkpoint.on + timedelta(days=1))
    return datetime.combine(day, SEND_AT, tzinfo=LOCAL_TZ)


def due_warnings(
    facts: UnitPeriod, calendar: WorkCalendar, now: datetime
) -> list[InspectionWarning]:
    """The warning due at `now` for one unit and period: the latest checkpoint passed, if unmet.

    As with reminders, after downtime only the latest checkpoint speaks; a checkpoint
    stops speaking when the next one fires (the year-end one after ESCALATION_WINDOW).
    """
    today = local_date(now)
    fired = [
        (c, fires_at(c, calendar)) for c in checkpoints(facts.start, facts.end, facts.required)
    ]
    fired = [(c, at) for c, at in fired if at <= now]
    if not fired:
        return []
    checkpoint, at = fired[-1]
    if checkpoint.name == "end" and now > at + ESCALATION_WINDOW:
        return []
    done = len([d for d in facts.done_on if d <= today])
    if done >= checkpoint.expected:
        return []
    days = max(calendar.working_days_between(checkpoint.on, today), 0)
    return [InspectionWarning(facts, checkpoint, done, days)]


def run_inspection_check(
    sessions: sessionmaker[Session], now: datetime, secret: bytes | None = None
) -> InspectionCheckReport:
    with sessions.begin() as session:
        return check_inspections(session, now=now, calendar=load_calendar(session), secret=secret)


def check_inspections(
    session: Session, *, now: datetime, calendar: WorkCalendar, secret: bytes | None
) -> InspectionCheckReport:
    """Steps 1-3 above, in the caller's transaction."""
    report = InspectionCheckReport()
    today = local_date(now)
    if secret is not None:
        _plan_missing(session, today.year, secret, calendar, now, report)
    context: _Context | None = None  # people and duties, read only on a day with a warning
    rows: list[dict[str, Any]] = []
    for facts in unit_periods(session, first=today - LOOKBACK, last=today):
        for warning in due_warnings(facts, calendar, now):
            report.warnings += 1
            context = context or _Context(session)
            found = context.rows(warning, now)
            report.unreachable += not found
            rows += found
    report.queued = enqueue(session, rows)
    return report


def _plan_missing(
    session: Session,
    year: int,
    secret: bytes,
    calendar: WorkCalendar,
    now: datetime,
    report: InspectionCheckReport,
) -> None:
    for duty, agency in unplanned(session, year=year):
        try:  # the planner refuses before anything is written: nothing to roll back
            plan = make_plan(
                session,
                duty=duty,
                agency=agency,
                year=year,
                secret=secret,
                calendar=calendar,
                now=now,
                made_by="engine",
            )
        except PlanningError as exc:
            report.problems.append(f"{duty.obligation.code}/{agency.code}/{year}: {exc}")
            log.warning("inspection plan not made: %s", report.problems[-1])
            continue
        report.plans.append(f"{duty.obligation.code}/{agency.code}/{year} v{plan.version}")


class _Context:
    """Duties, agencies and people, loaded and grouped once per check (not per warning)."""

    def __init__(self, session: Session) -> None:
        self.scope = Scope(session)
        query = select(InspectionDuty).join(InspectionDuty.obligation)
        self.duties = {d.id: d for d in session.scalars(query)}
        self.provinces = {p.code: p.name for p in session.scalars(select(Province))}
        people = session.scalars(
            select(Person).where(Person.retired_at.is_(None)).order_by(Person.id)
        )
        self.staff: dict[int, list[Person]] = defaultdict(list)  # by agency
        self.office: dict[str | None, list[Person]] = defaultdict(list)  # by province
        for person in people:
            self.staff[person.agency_id].append(person)
            if TASK_COORDINATION_ROLES & set(person.roles):  # told of the year's end
                self.office[self.scope.province_of(person.agency_id)].append(person)

    def rows(self, warning: InspectionWarning, now: datetime) -> list[dict[str, Any]]:
        facts = warning.facts
        recipients = self._recipients(warning)
        obligation = self.duties[facts.duty_id].obligation
        item = self._item(warning, obligation)
        agency, unit = self.scope.agencies[facts.agency_id], self.scope.agencies[facts.unit_id]
        prefix = f"insp/{obligation.code}/{agency.code}/{facts.period}/{unit.code}/{warning.step}"
        return [
            {
                "key": f"{prefix}/email/{person.email.lower()}"[:400],
                "task_id": item["task_id"],
                "channel": Channel.EMAIL,
                "recipient": person.email,
                "recipient_name": person.name,
                "kind": warning.kind,
                "step": warning.step,
                "payload": {**item, "copy_reason": copy, "reason": reason},
                "created_at": now,
                "next_attempt_at": now - timedelta(seconds=1),
            }
            for person, reason, copy in recipients
        ]

    def _recipients(self, warning: InspectionWarning) -> list[tuple[Person, str, str | None]]:
        facts = warning.facts
        staff = self.staff[facts.agency_id]
        leads = [p for p in staff if "inspection_lead" in p.roles]
        if not leads:
            leads = [p for p in staff if "head" in p.roles]
        lead_reason = "Trưởng đoàn kiểm tra của cơ quan chủ trì"
        chosen: list[tuple[Person, str, str | None]]
        if warning.kind == BEHIND_KIND:
            chosen = [(p, lead_reason, None) for p in leads]
        else:
            office = self.office[self.scope.province_of(facts.agency_id)]
            chosen = [
                (p, "Văn phòng UBND tỉnh, theo dõi nhiệm vụ kiểm tra (báo cáo vượt cấp)", None)
                for p in office
            ]
            chosen += [(p, lead_reason, "Trưởng đoàn kiểm tra, để biết") for p in leads]
        # The guard: nobody on the inspected unit's side is ever told, whatever the roles say.
        kept: list[tuple[Person, str, str | None]] = []
        seen: set[str] = set()
        for person, reason, copy in chosen:
            viewer = Viewer(email=person.email, name=person.name, agency_id=person.agency_id)
            if self.scope.on_unit_side(viewer, facts.unit_id, facts.agency_id):
                continue
            if person.email.lower() not in seen:
                seen.add(person.email.lower())
                kept.append((person, reason, copy))
        return kept

    def _item(self, warning: InspectionWarning, obligation: Obligation) -> dict[str, Any]:
        facts, checkpoint = warning.facts, warning.checkpoint
        unit = self.scope.agencies[facts.unit_id]
        duty = self.duties[facts.duty_id]
        what = "cuộc kiểm tra đột xuất" if duty.unannounced else "cuộc kiểm tra"
        if warning.kind == ESCALATION_KIND:
            title = f"{unit.name}: chỉ có {warning.done}/{facts.required} {what} trong kỳ (yêu cầu {facts.required})"
        else:
            title = (
                f"{unit.name}: mới có {warning.done}/{facts.required} {what}; đến hết ngày "
                f"{dmy(checkpoint.on)} cần ít nhất {checkpoint.expected}"
            )
        # The item points at the first round still missing: logging it cancels the warning.
        task_id = facts.task_ids[min(warning.done, len(facts.task_ids) - 1)]
        return DigestItem(
            kind=warning.kind,
            step=warning.step,
            task_id=task_id,
            document=obligation.document.number,
            clause=obligation.clause,
            obligation_code=obligation.code,
            title=title,
            agency_name=self.scope.agencies[facts.agency_id].name,
            province=self.provinces.get(self.scope.province_of(facts.agency_id) or "", ""),
            role="lead",
            period=facts.period,
            due=checkpoint.on,
            original_due=checkpoint.on,
            status=BEHIND,
        ).to_payload()
