"""One tick of the engine: plan (when the year has no plan yet), sweep, inspections, deliver.

`dondoc tick --now …` calls this once (what cron would call, what tests replay); the
embedded scheduler and the Prefect flows call its parts on their own timers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from notifications.delivery import (
    DeliveryReport,
    DeliverySettings,
    EmailSender,
    WebhookPoster,
    deliver,
)
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.models import Task
from tasks_catalog.year_plan import PlanReport
from workflows.inspections import InspectionCheckReport, run_inspection_check
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ
from workflows.sweep import SweepReport, sweep

log = logging.getLogger(__name__)


@dataclass
class TickReport:
    plan: PlanReport | None
    sweep: SweepReport
    delivery: DeliveryReport
    inspections: InspectionCheckReport | None = None


def year_is_planned(session: Session, year: int) -> bool:
    in_year = Task.original_due_on.between(date(year, 1, 1), date(year, 12, 31))
    return bool(session.scalar(select(exists().where(in_year))))


def plan_if_needed(session: Session, now: datetime) -> PlanReport | None:
    year = now.astimezone(LOCAL_TZ).year
    if year_is_planned(session, year):
        return None
    return plan_and_schedule(session, year=year, calendar=load_calendar(session), now=now)


def _plan_once(sessions: sessionmaker[Session], now: datetime) -> PlanReport | None:
    """Plan the year if no one has; a tick that loses the race to another is a no-op.

    Two ticks starting together both see the year unplanned; the second to commit meets
    the first's tasks under the unique constraint. Its plan is the same, already there.
    """
    try:
        with sessions.begin() as session:
            return plan_if_needed(session, now)
    except IntegrityError:
        return None


def run_sweep(
    sessions: sessionmaker[Session], now: datetime, webhook_urls: Sequence[str] = ()
) -> SweepReport:
    with checkpoint_after(sessions) as session, session.begin():
        return sweep(session, now=now, calendar=load_calendar(session), webhook_urls=webhook_urls)


@contextmanager
def checkpoint_after(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose commit leaves the WAL checkpoint to after the transaction (SQLite).

    A sweep writes tens of megabytes of WAL; SQLite's automatic checkpoint (every 1,000
    pages) would copy them into the database inside the commit, while the write lock is
    held. Here the connection's `wal_autocheckpoint` is 0 for the transaction, and a
    PASSIVE checkpoint (which waits for no reader or writer) runs once it has committed;
    the setting is put back before the connection returns to the pool. It belongs to this
    connection only: every other connection keeps checkpointing as usual. Other databases
    get a plain session.
    """
    engine = sessions.kw.get("bind")
    if not isinstance(engine, Engine) or engine.dialect.name != "sqlite":
        with sessions() as session:
            yield session
        return
    with engine.connect() as connection:
        sqlite = connection.connection.driver_connection
        assert sqlite is not None  # an open connection has its driver's
        (previous,) = sqlite.execute("PRAGMA wal_autocheckpoint").fetchone()
        sqlite.execute("PRAGMA wal_autocheckpoint=0")
        try:
            with sessions(bind=connection) as session:
                yield session
        finally:
            sqlite.execute(f"PRAGMA wal_autocheckpoint={int(previous)}")
            sqlite.execute("PRAGMA wal_checkpoint(PASSIVE)")


def tick(
    sessions: sessionmaker[Session],
    *,
    now: datetime,
    settings: DeliverySettings,
    email_transport: Callable[[], AbstractContextManager[EmailSender]],
    webhook_transport: Callable[[], AbstractContextManager[WebhookPoster]] | None = None,
    webhook_urls: Sequence[str] = (),
    inspection_secret: bytes | None = None,
) -> TickReport:
    """`inspection_secret`: lets the tick draw the year's inspection plans (without it the
    inspection check still warns and escalates, but plans only come from the CLI)."""
    plan = _plan_once(sessions, now)
    swept = run_sweep(sessions, now, webhook_urls)
    try:
        inspections: InspectionCheckReport | None = run_inspection_check(
            sessions, now, inspection_secret
        )
    except Exception:  # noqa: BLE001 - a broken inspection check must not stop reminders
        log.exception("inspection check failed at %s; delivering the rest", now.isoformat())
        inspections = None
    delivered = deliver(
        sessions,
        now=now,
        settings=settings,
        email_transport=email_transport,
        webhook_transport=webhook_transport,
    )
    return TickReport(plan, swept, delivered, inspections)
