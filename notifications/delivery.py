"""Delivery: claim queued notifications, send one digest per person, mark them sent.

1. Claim (one short transaction): give back claims whose lease expired or whose holder
   (host:pid) is a process of this host that is gone (a deliverer died mid-send; their
   Message-ID is kept), cancel rows whose task was finished meanwhile, then take a
   batch of due rows (SKIP LOCKED on PostgreSQL) and mark them `sending` with our name and
   a lease. Rows for one person share one deterministic Message-ID.
2. Send, outside any transaction: one e-mail per person over one SMTP connection, each
   marked sent in its own short transaction as soon as the server accepts it; one POST
   per webhook row with its key as Idempotency-Key.
3. Record (one short transaction, compare-and-set on our claim): webhooks sent, or back to pending
   with exponential backoff up to BACKOFF_CEILING, or `failed` with the error when it is
   permanent (a 5xx for that recipient, a message that cannot be built). A transient
   failure (server down, timeout, 4xx) never parks a row, however long it lasts: an
   outage is noticed and told once (`outage.py`), and the rows go when mail is back.
A crash during 2 repeats at most the one e-mail the server had accepted but not yet
marked, with the same Message-ID: a receiver that drops duplicate Message-IDs (our mail
catcher, Exchange) shows it once.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, bindparam, func, select, tuple_, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from notifications import outage
from notifications.digest import DECISION_KINDS, Digest, DigestItem
from notifications.emails import TemplateError, build_message, render_digest
from notifications.holders import is_gone
from notifications.links import LinkSigner
from notifications.models import Channel, Notification, NotificationState
from notifications.transport import TransportError
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.models import OPEN_STATUSES, Task
from tasks_catalog.sql import rows_changed, table_of

BACKOFF_CEILING = timedelta(hours=1)  # after an outage, mail resumes within the hour
RECORD_CHUNK = 5000  # row ids per UPDATE … WHERE id IN (…)
CLAIM_LOCK = 0x646F6E646F63  # "dondoc": the PostgreSQL advisory lock that claims take in turn


class EmailSender(Protocol):
    def send(self, message: Any) -> None: ...


class WebhookPoster(Protocol):
    def post(self, url: str, payload: dict[str, Any], idempotency_key: str) -> None: ...


@dataclass(frozen=True)
class DeliverySettings:
    sender: str
    base_url: str
    signer: LinkSigner
    worker: str
    lease: timedelta = timedelta(minutes=10)
    batch_size: int = 500  # people per claim
    connections: int = 1  # SMTP connections sending a claim's e-mails at once
    # The office's working days, read from the database at the start of `deliver` when
    # not given: days late and left are counted on it.
    calendar: WorkCalendar | None = None


@dataclass
class DeliveryReport:
    messages: int = 0  # e-mails and webhook calls that went through
    notifications: int = 0  # outbox rows marked sent
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0


@dataclass
class Claimed:
    message_id: str
    channel: Channel
    recipient: str
    recipient_name: str
    rows: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)  # id, key, payload


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … minutes, at most BACKOFF_CEILING."""
    return min(timedelta(minutes=2 ** min(max(attempts - 1, 0), 20)), BACKOFF_CEILING)


def deliver(
    sessions: sessionmaker[Session],
    *,
    now: datetime,
    settings: DeliverySettings,
    email_transport: Callable[[], AbstractContextManager[EmailSender]],
    webhook_transport: Callable[[], AbstractContextManager[WebhookPoster]] | None = None,
) -> DeliveryReport:
    report = DeliveryReport()
    if settings.calendar is None:
        with sessions() as session:
            settings = replace(settings, calendar=load_calendar(session))
    while True:
        with sessions.begin() as session:
            report.cancelled += _cancel_finished(session)
            claimed = claim(session, now=now, settings=settings)
        if not claimed:
            return report

        # Each digest the server accepted is marked at once: a crash later in the batch
        # repeats at most the one message that was on the wire (one a connection).
        def marker() -> AbstractContextManager[Callable[[Outcome], None]]:
            return _marker(sessions, now=now, worker=settings.worker)

        outcomes = _send_all(claimed, now, settings, email_transport, webhook_transport, marker)
        with sessions.begin() as session:
            record(session, outcomes, now=now, worker=settings.worker, report=report)
            _observe_mail(session, outcomes, now)


_NOTIFICATIONS = table_of(Notification).c
# What a claim reads, and how it marks a row claimed (one executemany per batch).
CLAIM_COLUMNS = (
    Notification.id,
    Notification.key,
    Notification.channel,
    Notification.recipient,
    Notification.recipient_name,
    Notification.payload,
    Notification.message_id,
)
CLAIM = (
    update(table_of(Notification))
    .where(_NOTIFICATIONS.id == bindparam("row_id"))
    .values(state=NotificationState.SENDING, message_id=bindparam("mid"))
)


def claim(session: Session, *, now: datetime, settings: DeliverySettings) -> list[Claimed]:
    if session.get_bind().dialect.name == "postgresql":
        # Claims take turns (a claim lasts milliseconds; sending stays parallel). Two claims
        # at once chose the same people, then SKIP LOCKED shared out those people's rows
        # row by row: one person got two digests, or the second deliverer an empty claim
        # and stopped. Waiting here, the next claim sees this one's rows as `sending`.
        # SQLite needs nothing: the claim's first UPDATE takes the one write lock.
        session.execute(select(func.pg_advisory_xact_lock(CLAIM_LOCK)))
    _release_expired(session, now)
    due = (Notification.state == NotificationState.PENDING) & (Notification.next_attempt_at <= now)
    # A batch is whole people, not a number of rows: one person's items must not be split
    # over two digests just because a batch filled up in the middle of them.
    people = (
        select(Notification.channel, Notification.recipient)
        .where(due)
        .group_by(Notification.channel, Notification.recipient)
        .order_by(func.min(Notification.id))
        .limit(settings.batch_size)
    )
    # Plain rows, not ORM objects: every UPDATE below would otherwise be checked against
    # each object in the session (hundreds of rows × hundreds of updates).
    rows = session.execute(
        select(*CLAIM_COLUMNS)
        .where(due, tuple_(Notification.channel, Notification.recipient).in_(people))
        .order_by(Notification.channel, Notification.recipient, Notification.id)
        .with_for_update(skip_locked=True)
    ).all()
    groups: dict[tuple[str, str, str], Claimed] = {}
    for row in rows:
        message_id = row.message_id or ""
        group = groups.setdefault(
            (row.channel.value, row.recipient.lower(), message_id),
            Claimed(message_id, row.channel, row.recipient, row.recipient_name),
        )
        group.rows.append((row.id, row.key, row.payload))
    claims = []
    for group in groups.values():
        if not group.message_id:
            group.message_id = _message_id(key for _, key, _ in group.rows)
        claims += [{"row_id": row_id, "mid": group.message_id} for row_id, _, _ in group.rows]
    if claims:  # one executemany for the batch
        values = {"claimed_by": settings.worker, "claimed_until": now + settings.lease}
        session.connection().execute(CLAIM.values(**values), claims)
    return list(groups.values())


def _observe_mail(session: Session, outcomes: list[Outcome], now: datetime) -> None:
    emails = [o for o in outcomes if o.group.channel == Channel.EMAIL]
    transient = [o.error for o in emails if o.error is not None and not o.error.permanent]
    outage.observe(
        session,
        now=now,
        sent=sum(1 for o in emails if o.error is None),
        failed=len(transient),
        error=str(transient[-1]) if transient else "",
    )


def _message_id(keys: Iterator[str]) -> str:
    digest = hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:40]
    return f"<{digest}@dondoc>"


def _release_expired(session: Session, now: datetime) -> None:
    """Give back claims whose lease ran out, and at once those of a process that is gone."""
    sending = Notification.state == NotificationState.SENDING
    holders = session.scalars(select(Notification.claimed_by).where(sending).distinct())
    gone = [holder for holder in holders if is_gone(holder)]
    session.execute(
        update(Notification)
        .where(sending, (Notification.claimed_until < now) | Notification.claimed_by.in_(gone))
        .values(state=NotificationState.PENDING, claimed_by=None, claimed_until=None)
    )


def _cancel_finished(session: Session) -> int:
    """Everything stops the moment a task is completed or recalled, except the decisions
    that closed it (the owner must still learn that the result was approved)."""
    finished = select(Task.id).where(Task.status.not_in(OPEN_STATUSES))
    cancelled = rows_changed(
        session,
        update(Notification)
        .where(
            Notification.state == NotificationState.PENDING,
            Notification.task_id.in_(finished),
            Notification.kind.not_in(DECISION_KINDS),
        )
        .values(state=NotificationState.CANCELLED)
        .execution_options(synchronize_session=False),
    )
    return max(cancelled, 0)


@dataclass
class Outcome:
    group: Claimed
    row_ids: list[int]
    error: TransportError | None = None


def _send_all(
    claimed: list[Claimed],
    now: datetime,
    settings: DeliverySettings,
    email_transport: Callable[[], AbstractContextManager[EmailSender]],
    webhook_transport: Callable[[], AbstractContextManager[WebhookPoster]] | None,
    marker: Callable[[], AbstractContextManager[Callable[[Outcome], None]]],
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    emails = [g for g in claimed if g.channel == Channel.EMAIL]
    hooks = [g for g in claimed if g.channel == Channel.WEBHOOK]
    if emails:
        outcomes += _send_emails(emails, now, settings, email_transport, marker)
    if hooks:
        if webhook_transport is None:
            error = TransportError("chưa cấu hình webhook (DONDOC_WEBHOOK_URLS)", permanent=False)
            return outcomes + [Outcome(g, [r for r, _, _ in g.rows], error) for g in hooks]
        with webhook_transport() as poster:
            for group in hooks:
                outcomes += _post_webhooks(poster, group)
    return outcomes


def _send_emails(
    groups: list[Claimed],
    now: datetime,
    settings: DeliverySettings,
    email_transport: Callable[[], AbstractContextManager[EmailSender]],
    marker: Callable[[], AbstractContextManager[Callable[[Outcome], None]]],
) -> list[Outcome]:
    """One e-mail per person, over `settings.connections` connections at once.

    Each connection takes every n-th person. Threads, not processes: a message spends
    most of its time waiting for the server's replies, which the other lanes fill.
    """
    lanes = max(1, min(settings.connections, len(groups)))

    def lane(share: list[Claimed]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        with email_transport() as transport, marker() as on_sent:
            for group in share:
                down = next((o.error for o in outcomes if o.error and o.error.unreachable), None)
                if down is not None:  # the server is not there: no timeout per person
                    outcomes.append(Outcome(group, [r for r, _, _ in group.rows], down))
                else:
                    outcome = _send_email(transport, group, now, settings)
                    if outcome.error is None:
                        on_sent(outcome)
                    outcomes.append(outcome)
        return outcomes

    if lanes == 1:
        return lane(groups)
    with ThreadPoolExecutor(lanes, thread_name_prefix="dondoc-smtp") as pool:
        shares = pool.map(lane, [groups[start::lanes] for start in range(lanes)])
        return [outcome for share in shares for outcome in share]


def _send_email(
    transport: EmailSender, group: Claimed, now: datetime, settings: DeliverySettings
) -> Outcome:
    ids = [row_id for row_id, _, _ in group.rows]
    try:
        digest = Digest(
            recipient_name=group.recipient_name,
            recipient_email=group.recipient,
            items=tuple(DigestItem.from_payload(payload) for _, _, payload in group.rows),
            cc=(),
            generated_at=now,
            base_url=settings.base_url,
        )
        rendered = render_digest(digest, settings.signer, now=now, calendar=settings.calendar)
        # Which items the digest carries, machine-readable: for mail rules and audits.
        items = ", ".join(f"{payload['task_id']}:{payload['step']}" for _, _, payload in group.rows)
        message = build_message(
            rendered,
            sender=settings.sender,
            to=group.recipient,
            cc=(),
            message_id=group.message_id,
            headers={"X-Dondoc-Items": items},
            sent_at=now,
        )
        transport.send(message)
    except TransportError as exc:
        return Outcome(group, ids, exc)
    except (TemplateError, ValueError, KeyError) as exc:
        # A broken template or payload will not mend itself: park it for a person.
        return Outcome(group, ids, TransportError(f"không tạo được thư: {exc}", permanent=True))
    return Outcome(group, ids)


def _post_webhooks(poster: WebhookPoster, group: Claimed) -> list[Outcome]:
    outcomes = []
    for row_id, key, payload in group.rows:
        try:
            poster.post(group.recipient, {"event": payload.get("kind"), **payload}, key)
            outcomes.append(Outcome(group, [row_id]))
        except TransportError as exc:
            outcomes.append(Outcome(group, [row_id], exc))
    return outcomes


def record(
    session: Session, outcomes: list[Outcome], *, now: datetime, worker: str, report: DeliveryReport
) -> None:
    mine = (Notification.claimed_by == worker) & (Notification.state == NotificationState.SENDING)
    sent: list[int] = []
    for outcome in outcomes:
        if outcome.error is None:
            sent += outcome.row_ids
            report.messages += 1
            report.notifications += len(outcome.row_ids)
            continue
        _record_failure(session, outcome, now, mine, report)
    # What went out and is not marked yet (webhooks), compare-and-set on our claim.
    _mark_sent(session.connection(), sent, now=now, worker=worker)


_MINE = (_NOTIFICATIONS.claimed_by == bindparam("worker")) & (
    _NOTIFICATIONS.state == NotificationState.SENDING
)
MARK_SENT = (
    update(table_of(Notification))
    .where(_NOTIFICATIONS.id.in_(bindparam("ids", expanding=True)), _MINE)
    .values(
        state=NotificationState.SENT,
        sent_at=bindparam("now"),
        claimed_by=None,
        claimed_until=None,
        attempts=_NOTIFICATIONS.attempts + 1,
        last_error=None,
    )
)


def _mark_sent(connection: Connection, row_ids: list[int], *, now: datetime, worker: str) -> None:
    """Compare-and-set on our claim; one statement built once (a digest a millisecond)."""
    for start in range(0, len(row_ids), RECORD_CHUNK):
        ids = row_ids[start : start + RECORD_CHUNK]
        connection.execute(MARK_SENT, {"ids": ids, "now": now, "worker": worker})


@contextmanager
def _marker(
    sessions: sessionmaker[Session], *, now: datetime, worker: str
) -> Iterator[Callable[[Outcome], None]]:
    """Marks digests sent for one sending connection: each in a short transaction of its
    own, on one database connection kept for the connection's whole share, committed
    without waiting for the disk (SQLite `synchronous=NORMAL`, PostgreSQL
    `synchronous_commit=off`, for this database connection only and put back after).

    Waiting for the disk was most of a message's time (a few milliseconds an fsync). What
    it bought: after a power cut, not a process crash, the last marks may be lost; those
    digests go again with the same Message-ID, which receivers drop, exactly as for the
    one message a crash leaves unmarked. A killed process loses nothing committed here:
    the operating system has the write.
    """
    with sessions() as session:
        bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar_one()
            connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
        else:
            connection.exec_driver_sql("SET synchronous_commit = off")
        connection.commit()

        def mark(outcome: Outcome) -> None:
            _mark_sent(connection, outcome.row_ids, now=now, worker=worker)
            connection.commit()

        try:
            yield mark
        finally:
            try:
                connection.rollback()
                if sqlite:
                    connection.exec_driver_sql(f"PRAGMA synchronous={int(synchronous)}")
                else:
                    connection.exec_driver_sql("RESET synchronous_commit")
                connection.commit()
            except SQLAlchemyError:  # not put back: not given back to the pool either
                connection.invalidate()


def _record_failure(
    session: Session, outcome: Outcome, now: datetime, mine: Any, report: DeliveryReport
) -> None:
    error = outcome.error
    assert error is not None
    attempts_by_id: dict[int, int] = defaultdict(int)
    for row_id, attempts in session.execute(
        select(Notification.id, Notification.attempts).where(Notification.id.in_(outcome.row_ids))
    ):
        attempts_by_id[row_id] = attempts + 1
    for row_id, attempts in attempts_by_id.items():
        give_up = error.permanent
        values: dict[str, Any] = {
            "attempts": attempts,
            "last_error": str(error)[:2000],
            "claimed_by": None,
            "claimed_until": None,
            "state": NotificationState.FAILED if give_up else NotificationState.PENDING,
            "next_attempt_at": now if give_up else now + backoff(attempts),
        }
        session.execute(
            update(Notification).where(Notification.id == row_id, mine).values(**values)
        )
        if give_up:
            report.failed += 1
        else:
            report.retrying += 1
