"""The sweep: find the tasks whose next action is due, queue their notifications.

1. Select open tasks with `next_action_at <= now` (indexed), oldest first, a batch at a
   time; on PostgreSQL rows are locked with SKIP LOCKED so parallel sweeps share the work.
2. For each, ask the rules which actions fell due since `next_action_at` (after downtime:
   only the latest, so a task gets one message saying where it stands).
3. Turn each action into one outbox row per person told (and per webhook), keyed by task,
   step, due date, channel and recipient.
4. In the same transaction, insert the rows (duplicates ignored) and move
   `next_action_at` to the task's next action, by compare-and-set: a task another sweep
   already advanced is left alone.
Cost grows with what is due, not with what exists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from notifications.models import Channel
from notifications.outbox import enqueue
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Obligation, Task, TaskStatus
from tasks_catalog.status import LABELS, display_status
from workflows.policy import FollowUpPolicy, policy_for
from workflows.recipients import Recipient, RecipientDirectory
from workflows.rules import LOCAL_TZ, Action, TaskFacts, due_actions, next_action_at, timeline

OPEN = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED)
PolicyLookup = Callable[[Obligation], FollowUpPolicy]


def obligation_policy(obligation: Obligation) -> FollowUpPolicy:
    return policy_for(obligation.policy, obligation.follow_up)


@dataclass
class SweepReport:
    tasks: int = 0
    queued: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


def task_facts(task: Task) -> TaskFacts:
    obligation = task.obligation
    return TaskFacts(
        task_id=task.id,
        role=task.role.value,
        kind=obligation.kind,
        status=task.status.value,
        due=task.due_on,
        period_start=task.period_start,
        period_end=task.period_end,
        is_report=bool(obligation.schedule.get("report")),
        created_on=task.created_at.astimezone(LOCAL_TZ).date(),
    )


def schedule_first_actions(
    session: Session,
    tasks: Sequence[Task],
    calendar: WorkCalendar,
    policies: PolicyLookup | None = None,
) -> None:
    """Set `next_action_at` of new or changed tasks to their first action."""
    lookup = policies or obligation_policy
    for task in tasks:
        actions = timeline(task_facts(task), lookup(task.obligation), calendar)
        task.next_action_at = actions[0].at if actions else None
    session.flush()


def sweep(
    session: Session,
    *,
    now: datetime,
    calendar: WorkCalendar,
    policies: PolicyLookup | None = None,
    webhook_urls: Sequence[str] = (),
    batch_size: int = 5000,
) -> SweepReport:
    """Queue everything due at `now`; returns what was done. The caller commits."""
    lookup = policies or obligation_policy
    directory = RecipientDirectory(session)
    report = SweepReport()
    while True:
        tasks = _due_tasks(session, now, batch_size)
        if not tasks:
            return report
        rows: list[dict[str, Any]] = []
        for task in tasks:
            rows += _rows_for(task, lookup, calendar, directory, now, webhook_urls, report)
            _advance(session, task, lookup, calendar, now)
        report.tasks += len(tasks)
        report.queued += enqueue(session, rows)
        session.flush()


def _due_tasks(session: Session, now: datetime, limit: int) -> list[Task]:
    query = (
        select(Task)
        .where(Task.next_action_at <= now, Task.status.in_(OPEN))
        .order_by(Task.next_action_at, Task.id)
        .limit(limit)
        .options(joinedload(Task.obligation).joinedload(Obligation.document))
        .with_for_update(skip_locked=True, of=Task)
    )
    return list(session.scalars(query).unique())


def _advance(
    session: Session, task: Task, lookup: PolicyLookup, calendar: WorkCalendar, now: datetime
) -> None:
    """Compare-and-set: only the sweep that saw the old value moves it."""
    following = next_action_at(task_facts(task), lookup(task.obligation), calendar, after=now)
    session.execute(
        update(Task)
        .where(Task.id == task.id, Task.next_action_at == task.next_action_at)
        .values(next_action_at=following)
        .execution_options(synchronize_session=False)
    )
    session.expire(task, ["next_action_at"])


def _rows_for(
    task: Task,
    lookup: PolicyLookup,
    calendar: WorkCalendar,
    directory: RecipientDirectory,
    now: datetime,
    webhook_urls: Sequence[str],
    report: SweepReport,
) -> list[dict[str, Any]]:
    facts = task_facts(task)
    actions = due_actions(
        facts, lookup(task.obligation), calendar, now=now, since=task.next_action_at
    )
    rows: list[dict[str, Any]] = []
    for action in actions:
        report.by_kind[action.kind.value] = report.by_kind.get(action.kind.value, 0) + 1
        item = _item(task, action, calendar, now, directory.agencies[task.agency_id].name)
        for recipient, is_copy in _people(task, action, directory):
            rows.append(
                _row(
                    task,
                    action,
                    Channel.EMAIL,
                    recipient.email,
                    recipient.name,
                    {
                        **item,
                        "copy_reason": recipient.reason if is_copy else None,
                        "reason": recipient.reason,
                    },
                    now,
                )
            )
        for url in webhook_urls:
            rows.append(_row(task, action, Channel.WEBHOOK, url, "webhook", item, now))
    return rows


def _people(
    task: Task, action: Action, directory: RecipientDirectory
) -> list[tuple[Recipient, bool]]:
    """Everyone told, once each: the addressees, then those in copy."""
    seen: dict[str, tuple[Recipient, bool]] = {}
    for audiences, is_copy in ((action.to, False), (action.cc, True)):
        for audience in audiences:
            for recipient in directory.resolve(task.agency_id, audience):
                seen.setdefault(recipient.email.lower(), (recipient, is_copy))
    return list(seen.values())


def _item(
    task: Task, action: Action, calendar: WorkCalendar, now: datetime, agency_name: str
) -> dict[str, Any]:
    obligation = task.obligation
    status = display_status(task, now.astimezone(LOCAL_TZ).date(), calendar)
    return {
        "kind": action.kind.value,
        "step": action.step,
        "task_id": task.id,
        "document": obligation.document.number,
        "clause": obligation.clause,
        "obligation_code": obligation.code,
        "title": obligation.title,
        "agency_name": agency_name,
        "role": task.role.value,
        "period": task.period_label,
        "due": task.due_on.isoformat(),
        "original_due": task.original_due_on.isoformat(),
        "status_label": LABELS[status].label,
        "days": action.days,
    }


def _row(
    task: Task,
    action: Action,
    channel: Channel,
    recipient: str,
    name: str,
    payload: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:
    key = f"t{task.id}/{action.step}/{task.due_on.isoformat()}/{channel.value}/{recipient.lower()}"
    return {
        "key": key[:400],
        "task_id": task.id,
        "channel": channel,
        "recipient": recipient,
        "recipient_name": name,
        "kind": action.kind.value,
        "step": action.step,
        "payload": payload,
        "created_at": now,
        "state": "pending",
        "attempts": 0,
        "next_attempt_at": now - timedelta(seconds=1),
    }
