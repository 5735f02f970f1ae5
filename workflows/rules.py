"""What follow-up a task needs, and when: pure functions of the task, policy and calendar.

`timeline(task, policy, calendar)` lists every action the task will need while nothing
changes; `due_actions(task, policy, calendar, now, since)` picks what to do now. Nothing
here reads the clock or the database: a feature file can live through a year in a second.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime

from tasks_catalog.calendar import WorkCalendar, periods_in_year
from tasks_catalog.dates import LOCAL_TZ
from tasks_catalog.models import OPEN_STATUSES  # StrEnum: equal to the plain status strings
from workflows.policy import FollowUpPolicy


class Audience(enum.StrEnum):
    ASSIGNEE = "assignee"  # chuyên viên đầu mối of the owning agency
    HEAD = "head"  # thủ trưởng of the owning agency
    ASSIGNER = "assigner"  # Văn phòng UBND tỉnh, who assigned the work
    LEADERSHIP = "leadership"  # Chánh Văn phòng UBND tỉnh


class ActionKind(enum.StrEnum):
    REMINDER = "reminder"
    OVERDUE = "overdue"
    ESCALATION = "escalation"
    STATUS_REQUEST = "status_request"
    STATUS_CHASE = "status_chase"
    STATUS_MISSING = "status_missing"


STATUS_KINDS = frozenset(
    {ActionKind.STATUS_REQUEST, ActionKind.STATUS_CHASE, ActionKind.STATUS_MISSING}
)


@dataclass(frozen=True)
class TaskFacts:
    """What the rules need to know about one task (plain data, no ORM)."""

    task_id: int
    role: str  # lead | cooperating
    kind: str  # obligation kind: deliverable | recurring_report | target | inspection_duty
    status: str
    due: date
    period_start: date
    period_end: date  # for a report: the Nghị định 09 cut-off
    is_report: bool = False
    created_on: date | None = None
    period_label: str = ""  # "2025-Q1", "2025", "once": the task's own period


@dataclass(frozen=True)
class Action:
    at: datetime  # aware; the morning of the day it is due
    kind: ActionKind
    step: str  # stable name, part of the outbox key
    to: tuple[Audience, ...]
    cc: tuple[Audience, ...] = ()
    days: int = 0  # working days before (+) or after (−) the due date
    # Status actions (request, chase, missing): the reporting period whose report is asked
    # for ("2025-Q1"), and by when. A long task is asked for progress at each quarterly
    # cut-off: that quarter, not the task's own period, is what the reader must send.
    report_period: str | None = None
    report_cutoff: date | None = None  # the day its figures stop (Nghị định 09 cut-off)
    report_due: date | None = None  # the day to send it by


def timeline(task: TaskFacts, policy: FollowUpPolicy, calendar: WorkCalendar) -> list[Action]:
    """Every action this task needs, in time order, while its status and due date hold."""
    if task.status not in OPEN_STATUSES or task.kind == "inspection_duty":
        return []  # inspections are followed by the inspection engine, which keeps dates secret
    if task.role != "lead":
        actions = _reminders(task, policy, calendar)[: policy.cooperating_reminders]
    elif task.is_report or task.kind == "recurring_report":
        actions = _status_collection(task, policy, calendar)
    else:
        actions = _progress_requests(task, policy, calendar) + _reminders(task, policy, calendar)
        actions += _escalations(task, policy, calendar, start=task.due, kind=ActionKind.OVERDUE)
    actions.sort(key=lambda a: (a.at, a.step))
    if task.created_on is None:
        return actions
    return _from_creation(actions, task.created_on, policy)


def _from_creation(actions: list[Action], created_on: date, policy: FollowUpPolicy) -> list[Action]:
    """The actions of a task created on `created_on`: those from that day on and, for a
    task created already past some of its steps (a catalogue loaded late, a year planned
    late), the step it stands at, on the morning it was created: one message saying where
    it stands, as after downtime, instead of silence until its next step (or for ever)."""
    kept = [a for a in actions if a.at.date() >= created_on]
    missed = [a for a in actions if a.at.date() < created_on]
    if not missed or (kept and kept[0].at.date() == created_on):
        return kept
    latest = missed[-1].at
    first = morning(created_on, policy)
    return [replace(a, at=first) for a in missed if a.at == latest] + kept


def due_actions(
    task: TaskFacts,
    policy: FollowUpPolicy,
    calendar: WorkCalendar,
    *,
    now: datetime,
    since: datetime | None,
) -> list[Action]:
    """What to send now: of the actions due in (since, now], only the latest.

    After downtime several steps may have fallen due; the owner gets one message saying
    where the task stands (the latest step), not every reminder that was missed.
    """
    due = [
        a
        for a in timeline(task, policy, calendar)
        if a.at <= now and (since is None or a.at >= since)
    ]
    if not due:
        return []
    latest = due[-1].at
    return [a for a in due if a.at == latest]


def next_action_at(
    task: TaskFacts, policy: FollowUpPolicy, calendar: WorkCalendar, *, after: datetime
) -> datetime | None:
    """When the sweep should look at this task again (None: nothing more to do)."""
    return next((a.at for a in timeline(task, policy, calendar) if a.at > after), None)


def next_action_after_change(
    task: TaskFacts,
    policy: FollowUpPolicy,
    calendar: WorkCalendar,
    *,
    now: datetime,
    pending: datetime | None,
) -> datetime | None:
    """When the sweep should look again at a task that changed at `now` (None: never).

    A change (new status, new due date) gives the task a new timeline, part of which may
    lie in the past: reminders sent under the old due date, progress requests for cut-offs
    long gone. The sweep sends the latest action since `next_action_at`, so starting the
    new timeline from its first action would send one of those again. Only actions from
    `now` on are kept, with one exception: `pending`, the `next_action_at` before the
    change, when already due (an action the sweep has not reached yet): what falls due from
    it on is still sent, as it would have been without the change.
    """
    start = now if pending is None else min(pending, now)
    return next((a.at for a in timeline(task, policy, calendar) if a.at >= start), None)


def morning(day: date, policy: FollowUpPolicy) -> datetime:
    return datetime.combine(day, policy.send_at, tzinfo=LOCAL_TZ)


def _reminders(task: TaskFacts, policy: FollowUpPolicy, calendar: WorkCalendar) -> list[Action]:
    owner = (Audience.ASSIGNEE, Audience.HEAD)
    actions = [
        Action(
            at=morning(calendar.add_working_days(task.due, -days), policy),
            kind=ActionKind.REMINDER,
            step=f"before-{days}",
            to=owner,
            days=days,
        )
        for days in policy.reminder_days
    ]
    if policy.remind_on_due_day:
        actions.append(Action(morning(task.due, policy), ActionKind.REMINDER, "due-day", owner))
    return actions


def _escalations(
    task: TaskFacts,
    policy: FollowUpPolicy,
    calendar: WorkCalendar,
    *,
    start: date,
    kind: ActionKind,
    prefix: str = "overdue",
) -> list[Action]:
    """Overdue (or missing report): owner, then head, then the office's leadership, then weekly."""
    steps = [
        (policy.overdue_owner_after, kind, (Audience.ASSIGNEE,), (Audience.ASSIGNER,)),
        (
            policy.overdue_head_after,
            ActionKind.ESCALATION,
            (Audience.HEAD,),
            (Audience.ASSIGNEE, Audience.ASSIGNER),
        ),
        (
            policy.overdue_leadership_after,
            ActionKind.ESCALATION,
            (Audience.LEADERSHIP,),
            (Audience.HEAD, Audience.ASSIGNER),
        ),
    ]
    actions = [
        Action(
            at=morning(calendar.add_working_days(start, after), policy),
            kind=step_kind,
            step=f"{prefix}-{after}",
            to=to,
            cc=cc,
            days=-after,
        )
        for after, step_kind, to, cc in steps
    ]
    for repeat in range(1, policy.weekly_repeats + 1):
        after = policy.overdue_leadership_after + 5 * repeat
        actions.append(
            Action(
                at=morning(calendar.add_working_days(start, after), policy),
                kind=ActionKind.ESCALATION,
                step=f"{prefix}-weekly-{repeat}",
                to=(Audience.LEADERSHIP,),
                cc=(Audience.HEAD, Audience.ASSIGNER),
                days=-after,
            )
        )
    return actions


def _status_collection(
    task: TaskFacts, policy: FollowUpPolicy, calendar: WorkCalendar
) -> list[Action]:
    """A report: request before the cut-off, chase at it, remind on its due day, then missing.

    Under Nghị định 09 (`report: true`) the cut-off is the period's; a report with its own
    deadline (due 30/6 within a yearly period) is collected against that deadline.
    """
    cutoff = task.period_end if task.is_report else task.due
    actions = [
        Action(
            at=morning(calendar.add_working_days(cutoff, -policy.status_request_before), policy),
            kind=ActionKind.STATUS_REQUEST,
            step="request",
            to=(Audience.ASSIGNEE,),
            days=calendar.working_days_between(
                calendar.add_working_days(cutoff, -policy.status_request_before), task.due
            ),
        ),
        Action(
            at=morning(calendar.roll_forward(cutoff), policy),
            kind=ActionKind.STATUS_CHASE,
            step="chase",
            to=(Audience.ASSIGNEE, Audience.HEAD),
            days=calendar.working_days_between(calendar.roll_forward(cutoff), task.due),
        ),
    ]
    if task.due > calendar.roll_forward(cutoff):
        actions.append(
            Action(
                morning(task.due, policy),
                ActionKind.REMINDER,
                "due-day",
                (Audience.ASSIGNEE, Audience.HEAD),
            )
        )
    missing_from = calendar.add_working_days(task.due, policy.status_grace)
    actions += _escalations(
        task, policy, calendar, start=missing_from, kind=ActionKind.STATUS_MISSING, prefix="missing"
    )
    # The report asked for is the task's own: its period, due on its due date.
    return [
        replace(
            a,
            report_period=task.period_label or None,
            report_cutoff=task.period_end if task.is_report else None,
            report_due=task.due,
        )
        if a.kind in STATUS_KINDS
        else a
        for a in actions
    ]


def _progress_requests(
    task: TaskFacts, policy: FollowUpPolicy, calendar: WorkCalendar
) -> list[Action]:
    """A long deliverable: a progress report at each quarterly cut-off well before its due date."""
    if not policy.progress_requests:
        return []
    last_useful = calendar.add_working_days(task.due, -max(policy.reminder_days, default=0) - 5)
    # A one-off's period is just its deadline; it has been running since it was planned.
    start = min(task.period_start, task.created_on or task.period_start)
    actions = []
    for year in range(start.year, task.due.year + 1):
        for period in periods_in_year("quarterly", year):
            if start < period.end <= last_useful:
                day = calendar.roll_forward(period.end)
                send_by = calendar.add_working_days(period.end, policy.progress_report_after)
                actions.append(
                    Action(
                        at=morning(day, policy),
                        kind=ActionKind.STATUS_REQUEST,
                        step=f"progress-{period.label}",
                        to=(Audience.ASSIGNEE,),
                        days=calendar.working_days_between(day, task.due),
                        report_period=period.label,
                        report_cutoff=period.end,
                        report_due=send_by,
                    )
                )
    return actions
