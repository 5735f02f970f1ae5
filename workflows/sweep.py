"""The sweep: find the tasks whose next action is due, queue their notifications.

1. Select open tasks with `next_action_at <= now` (indexed), oldest first, a batch at a
   time, as plain rows of the columns the rules read; on PostgreSQL rows are locked with
   SKIP LOCKED so parallel sweeps share the work.
2. For each, ask the rules which actions fell due since `next_action_at` (after downtime:
   only the latest, so a task gets one message saying where it stands). Tasks of one
   obligation with the same role, status and dates get the same answer: it is asked once
   per sweep.
3. Turn each action into one outbox row per person told (and per webhook), keyed by task,
   step, due date, channel and recipient: a tuple in the outbox's column order, the
   item's JSON encoded once and shared by its rows (only the reason differs).
4. In the same transaction, insert the rows (duplicates ignored) and move
   `next_action_at` to the task's next action, by compare-and-set: a task another sweep
   already advanced is left alone. A few statements per batch, not one per task.
Cost grows with what is due, not with what exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import Integer, Row, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, joinedload

from notifications.digest import DigestItem
from notifications.models import Channel
from notifications.outbox import encode_payload, enqueue
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import OPEN_STATUSES, AssignmentRole, Obligation, Task, TaskStatus
from tasks_catalog.sql import table_of
from tasks_catalog.types import UtcDateTime
from workflows.policy import FollowUpPolicy, policy_for
from workflows.recipients import Recipient, RecipientDirectory
from workflows.rules import (
    LOCAL_TZ,
    Action,
    ActionKind,
    TaskFacts,
    due_actions,
    next_action_at,
)

PolicyLookup = Callable[[Obligation], FollowUpPolicy]
# Enum.value is a descriptor call, slow enough to show in a sweep: looked up here instead.
_VALUES = {
    member: member.value
    for enum in (Channel, ActionKind, AssignmentRole, TaskStatus)
    for member in enum
}
_TASKS = table_of(Task).c
# What the sweep reads of a due task; Core rows, not ORM objects: a sweep reads thousands.
DUE_COLUMNS = (
    _TASKS.id,
    _TASKS.obligation_id,
    _TASKS.agency_id,
    _TASKS.role,
    _TASKS.status,
    _TASKS.due_on,
    _TASKS.original_due_on,
    _TASKS.period_start,
    _TASKS.period_end,
    _TASKS.period_label,
    _TASKS.created_at,
    _TASKS.next_action_at,
)
# Compare-and-set, executed once per batch with one parameter set per task (SQLite) …
ADVANCE_SQLITE = "UPDATE tasks SET next_action_at = ? WHERE id = ? AND next_action_at = ?"
# … or as one UPDATE … FROM unnest(ids, seen, following) (PostgreSQL).
_MOVES = select(
    func.unnest(bindparam("task_id", type_=ARRAY(Integer))).label("task_id"),
    func.unnest(bindparam("seen", type_=ARRAY(UtcDateTime()))).label("seen"),
    func.unnest(bindparam("following", type_=ARRAY(UtcDateTime()))).label("following"),
).subquery("moves")
ADVANCE_ALL = (
    update(table_of(Task))
    .where(_TASKS.id == _MOVES.c.task_id, _TASKS.next_action_at == _MOVES.c.seen)
    .values(next_action_at=_MOVES.c.following)
)


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
        period_label=task.period_label,
    )


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
    rules = _RuleAnswers(session, calendar, policies or obligation_policy, now)
    audiences = _Audiences(RecipientDirectory(session))
    report = SweepReport()
    while True:
        tasks = _due_tasks(session, now, batch_size)
        if not tasks:
            return report
        rules.load_obligations({task.obligation_id for task in tasks})
        rows: list[tuple[Any, ...]] = []
        moves: list[dict[str, Any]] = []
        for task in tasks:
            actions, following = rules.answer(task)
            rows += _rows_for(task, actions, rules, audiences, now, webhook_urls, report)
            moves.append({"task_id": task.id, "seen": task.next_action_at, "following": following})
        report.tasks += len(tasks)
        report.queued += enqueue(session, rows)
        _advance(session, moves)


def _due_tasks(session: Session, now: datetime, limit: int) -> Sequence[Row[*tuple[Any, ...]]]:
    query = (
        select(*DUE_COLUMNS)
        .where(_TASKS.next_action_at <= now, _TASKS.status.in_(OPEN_STATUSES))
        .order_by(_TASKS.next_action_at, _TASKS.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=table_of(Task))
    )
    return session.connection().execute(query).all()


def _advance(session: Session, moves: list[dict[str, Any]]) -> None:
    """Compare-and-set: only the sweep that saw the old value moves it."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # One statement for the batch (an executemany is one round of work per row).
        columns = {
            name: [move[name] for move in moves] for name in ("task_id", "seen", "following")
        }
        connection.execute(ADVANCE_ALL, columns)
    else:
        # Bound by the driver: the moments are few (shared by tasks) and converted once.
        dialect = connection.dialect
        moment = _memoized(_TASKS.next_action_at.type.dialect_impl(dialect).bind_processor(dialect))
        rows = [
            (moment(move["following"]), move["task_id"], moment(move["seen"])) for move in moves
        ]
        connection.exec_driver_sql(ADVANCE_SQLITE, rows)
    # Task objects the caller holds in this session must not keep the old value.
    moved = {move["task_id"] for move in moves}
    for held in list(session.identity_map.values()):
        if isinstance(held, Task) and held.id in moved:
            session.expire(held, ["next_action_at"])


def _memoized(process: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    if process is None:
        return lambda value: value
    done: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        if value not in done:
            done[value] = process(value)
        return done[value]

    return convert


class _RuleAnswers:
    """The rules' answers during one sweep, asked once per pattern of facts.

    The rules are pure functions of the facts, the policy, the calendar and the times,
    and read no task id: tasks that differ only in id get the same answer.
    """

    def __init__(
        self, session: Session, calendar: WorkCalendar, lookup: PolicyLookup, now: datetime
    ) -> None:
        self.session = session
        self.calendar = calendar
        self.lookup = lookup
        self.now = now
        self.today = now.astimezone(LOCAL_TZ).date()
        self.obligations: dict[int, Obligation] = {}
        self._obligation_facts: dict[int, tuple[FollowUpPolicy, str, bool]] = {}
        # What an item says of its obligation, read once (ORM attributes cost per read).
        self.texts: dict[int, tuple[str, str, str, str]] = {}
        self._answers: dict[tuple[Any, ...], tuple[list[Action], datetime | None]] = {}
        self._days: dict[datetime, date] = {}

    def load_obligations(self, ids: Iterable[int]) -> None:
        missing = set(ids) - self.obligations.keys()
        if not missing:
            return
        query = (
            select(Obligation)
            .where(Obligation.id.in_(missing))
            .options(joinedload(Obligation.document))
        )
        for obligation in self.session.scalars(query):
            self.obligations[obligation.id] = obligation
            is_report = bool(obligation.schedule.get("report"))
            self._obligation_facts[obligation.id] = (
                self.lookup(obligation),
                obligation.kind,
                is_report,
            )
            self.texts[obligation.id] = (
                obligation.document.number,
                obligation.clause,
                obligation.code,
                obligation.title,
            )

    def answer(self, task: Row[Any]) -> tuple[list[Action], datetime | None]:
        """(the actions due now, when to look at the task next)."""
        policy, kind, is_report = self._obligation_facts[task.obligation_id]
        created_on = self._created_on(task.created_at)
        since = task.next_action_at
        # Everything TaskFacts holds but the id, and what the rules are asked with.
        facts_key = (kind, is_report, task.role, task.status, task.due_on, task.period_start)
        key = (*facts_key, task.period_end, task.period_label, created_on, policy, since)
        found = self._answers.get(key)
        if found is None:
            facts = TaskFacts(
                task_id=task.id,
                role=task.role.value,
                kind=kind,
                status=task.status.value,
                due=task.due_on,
                period_start=task.period_start,
                period_end=task.period_end,
                is_report=is_report,
                created_on=created_on,
                period_label=task.period_label,
            )
            found = self._answers[key] = (
                due_actions(facts, policy, self.calendar, now=self.now, since=since),
                next_action_at(facts, policy, self.calendar, after=self.now),
            )
        return found

    def _created_on(self, created_at: datetime) -> date:
        # Tasks planned together share created_at: convert each moment once.
        day = self._days.get(created_at)
        if day is None:
            day = self._days[created_at] = created_at.astimezone(LOCAL_TZ).date()
        return day


class _Audiences:
    """Who an action tells in an agency, resolved once per sweep."""

    def __init__(self, directory: RecipientDirectory) -> None:
        self.directory = directory
        self._people: dict[tuple[Any, ...], list[tuple[Recipient, bool]]] = {}
        self._names: dict[int, tuple[str, str]] = {}

    def names(self, agency_id: int) -> tuple[str, str]:
        """(the agency's name, its province's)."""
        found = self._names.get(agency_id)
        if found is None:
            agency = self.directory.agencies[agency_id]
            province = self.directory.provinces.get(agency.province, "")
            found = self._names[agency_id] = (agency.name, province)
        return found

    def people(self, agency_id: int, action: Action) -> list[tuple[Recipient, bool]]:
        """Everyone told, once each: the addressees, then those in copy."""
        key = (agency_id, action.to, action.cc)
        found = self._people.get(key)
        if found is None:
            seen: dict[str, tuple[Recipient, bool]] = {}
            for audiences, is_copy in ((action.to, False), (action.cc, True)):
                for audience in audiences:
                    for recipient in self.directory.resolve(agency_id, audience):
                        seen.setdefault(recipient.email.lower(), (recipient, is_copy))
            found = self._people[key] = list(seen.values())
        return found


def _rows_for(
    task: Row[Any],
    actions: list[Action],
    rules: _RuleAnswers,
    audiences: _Audiences,
    now: datetime,
    webhook_urls: Sequence[str],
    report: SweepReport,
) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for action in actions:
        event = _Event(task, action, now)
        report.by_kind[event.kind] = report.by_kind.get(event.kind, 0) + 1
        payload = _Payload(_item(task, event, rules, audiences).to_payload())
        for recipient, is_copy in audiences.people(task.agency_id, action):
            json = payload.for_person(recipient.reason if is_copy else None, recipient.reason)
            rows.append(event.row(Channel.EMAIL, recipient.email, recipient.name, json))
        for url in webhook_urls:
            rows.append(event.row(Channel.WEBHOOK, url, "webhook", payload.whole))
    return rows


class _Payload:
    """An item's JSON, encoded once for all the rows that carry it.

    A person's row carries `{**item, "copy_reason": …, "reason": …}`: the item's keys in
    their order, `copy_reason` (None in the item) replaced, `reason` appended, as
    json.dumps of that dict would write it; a webhook's row carries the item as it is.
    The text `"copy_reason":null` occurs once in the item's JSON, as its key and value:
    inside a JSON string a quote is always escaped, so no value can contain it.
    """

    _COPY = '"copy_reason":null'
    _reasons: ClassVar[dict[str | None, str]] = {}  # a few dozen in a sweep: encoded once

    def __init__(self, item: dict[str, Any]) -> None:
        self.whole = encode_payload(item)
        cut = self.whole.index(self._COPY)
        self._head = self.whole[: cut + len(self._COPY) - len("null")]
        self._tail = self.whole[cut + len(self._COPY) : -1] + ',"reason":'

    def for_person(self, copy_reason: str | None, reason: str | None) -> str:
        return f"{self._head}{self._encoded(copy_reason)}{self._tail}{self._encoded(reason)}}}"

    @classmethod
    def _encoded(cls, text: str | None) -> str:
        found = cls._reasons.get(text)
        if found is None:
            found = cls._reasons[text] = encode_payload(text)
        return found


class _Event:
    """One action for one task: what its outbox rows (one per person or webhook) share."""

    def __init__(self, task: Row[Any], action: Action, now: datetime) -> None:
        self.task_id = task.id
        self.action = action
        self.kind = _VALUES[action.kind]
        self.step = action.step
        self.key = f"t{task.id}/{action.step}/{task.due_on.isoformat()}"
        self.now = now
        self.next_attempt_at = now - timedelta(seconds=1)

    def row(self, channel: Channel, recipient: str, name: str, payload: str) -> tuple[Any, ...]:
        """A row in `ENCODED_COLUMNS` order."""
        key = f"{self.key}/{_VALUES[channel]}/{recipient.lower()}"
        return (
            key[:400],
            self.task_id,
            channel,
            recipient,
            name,
            self.kind,
            self.step,
            payload,
            self.now,
            self.next_attempt_at,
        )


def _item(task: Row[Any], event: _Event, rules: _RuleAnswers, audiences: _Audiences) -> DigestItem:
    document, clause, code, title = rules.texts[task.obligation_id]
    agency_name, province = audiences.names(task.agency_id)
    return DigestItem(
        kind=event.kind,
        step=event.step,
        task_id=task.id,
        document=document,
        clause=clause,
        obligation_code=code,
        title=title,
        agency_name=agency_name,
        province=province,
        role=_VALUES[task.role],
        period=task.period_label,
        due=task.due_on,
        original_due=task.original_due_on,
        status=_VALUES[task.status],
        report_period=event.action.report_period or "",
        report_cutoff=event.action.report_cutoff,
        report_due=event.action.report_due,
    )
