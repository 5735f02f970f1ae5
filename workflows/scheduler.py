"""The embedded mode's scheduler: a handful of periodic jobs (APScheduler 3), no job per task.

Jobs, all in Asia/Ho_Chi_Minh:
- `sweep`: sweep and deliver every N minutes (default 5);
- `morning-digest`: the same at 07:30 sharp, so reminders due that morning go out then
  and not at whatever minute the interval happens to fall on;
- `yearly-plan`: plan the new year on 1 January at 00:05;
- `delivery-retries`: deliver only, every minute, so a retry after backoff does not wait
  for the next sweep.

The work is passed in as callables taking `now`: this module reads the clock (it is an
edge) and decides when, never what. Every job first asks the guard (the "sweep" lease in
the database), so of two processes started on one database only one does the work; the
other takes over when the lease expires (its holder died) or is released (clean stop).
Jobs live in a MemoryJobStore and are rebuilt at every start: APScheduler's FAQ says a
job store must never be shared between schedulers, and what is due is in the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session, sessionmaker

from workflows.lease import acquire_lease, release_lease
from workflows.rules import LOCAL_TZ

log = logging.getLogger(__name__)

SWEEP_LEASE = "sweep"
DEFAULT_SWEEP_MINUTES = 5
Work = Callable[[datetime], object]
Guard = Callable[[datetime], bool]


def utc_now() -> datetime:
    return datetime.now(UTC)


def lease_ttl(sweep_minutes: int) -> timedelta:
    """A bit longer than the sweep interval: a live holder always renews in time."""
    return timedelta(minutes=sweep_minutes + 2)


class LeaseGuard:
    """Asks the database, before each job, whether this process holds the sweep lease."""

    def __init__(
        self, sessions: sessionmaker[Session], holder: str, ttl: timedelta, name: str = SWEEP_LEASE
    ) -> None:
        self.sessions = sessions
        self.holder = holder
        self.ttl = ttl
        self.name = name

    def __call__(self, now: datetime) -> bool:
        with self.sessions.begin() as session:
            return acquire_lease(session, self.name, self.holder, now, self.ttl)

    def release(self) -> bool:
        with self.sessions.begin() as session:
            return release_lease(session, self.name, self.holder)


def guarded(
    name: str, work: Work, guard: Guard | None, clock: Callable[[], datetime]
) -> Callable[[], None]:
    """The job APScheduler runs: read the clock once, check the lease, do the work."""

    def job() -> None:
        now = clock()
        if guard is not None and not guard(now):
            log.info("%s skipped at %s: another process holds the lease", name, now.isoformat())
            return
        work(now)

    job.__name__ = name.replace("-", "_")
    return job


@dataclass(frozen=True)
class JobSpec:
    id: str
    label: str  # Vietnamese: what `dondoc run` prints
    work: Work
    trigger: BaseTrigger
    misfire_grace_seconds: int


def job_specs(
    run_tick: Work, run_delivery: Work, run_plan: Work, sweep_minutes: int
) -> list[JobSpec]:
    return [
        # Late by up to one interval (a suspended laptop, a long job ahead in the queue)
        # still runs: with coalescing, the latest missed run is never older than that.
        JobSpec(
            "sweep",
            f"Quét việc đến hạn và gửi thư (mỗi {sweep_minutes} phút)",
            run_tick,
            IntervalTrigger(minutes=sweep_minutes, timezone=LOCAL_TZ),
            sweep_minutes * 60,
        ),
        # The morning digest is still worth sending late in the morning (4 h).
        JobSpec(
            "morning-digest",
            "Thư tổng hợp buổi sáng (07:30)",
            run_tick,
            CronTrigger(hour=7, minute=30, timezone=LOCAL_TZ),
            4 * 3600,
        ),
        # A machine asleep over New Year must still plan the year when it wakes (7 days).
        JobSpec(
            "yearly-plan",
            "Lập kế hoạch năm mới (00:05 ngày 01/01)",
            run_plan,
            CronTrigger(month=1, day=1, hour=0, minute=5, timezone=LOCAL_TZ),
            7 * 86400,
        ),
        # A retry a minute late is still a retry; later than that, the next one comes.
        JobSpec(
            "delivery-retries",
            "Gửi lại thư chưa gửi được (mỗi phút)",
            run_delivery,
            IntervalTrigger(minutes=1, timezone=LOCAL_TZ),
            60,
        ),
    ]


def build_scheduler(
    run_tick: Work,
    *,
    run_delivery: Work | None = None,
    run_plan: Work | None = None,
    sweep_minutes: int = DEFAULT_SWEEP_MINUTES,
    guard: Guard | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> BaseScheduler:
    """A BackgroundScheduler (not started) holding the four jobs of the embedded mode.

    `run_delivery` and `run_plan` default to `run_tick`, which plans when needed, sweeps
    and delivers: more work than asked, never less.
    """
    if sweep_minutes < 1:
        raise ValueError(f"sweep_minutes must be at least 1, got {sweep_minutes}")
    scheduler = BackgroundScheduler(
        timezone=LOCAL_TZ,
        jobstores={"default": MemoryJobStore()},
        # One worker: the jobs are batch steps on one database and must not overlap
        # (a sweep and a delivery at once would only queue for SQLite's write lock).
        executors={"default": ThreadPoolExecutor(max_workers=1)},
    )
    specs = job_specs(run_tick, run_delivery or run_tick, run_plan or run_tick, sweep_minutes)
    for spec in specs:
        scheduler.add_job(
            guarded(spec.id, spec.work, guard, clock),
            spec.trigger,
            id=spec.id,
            name=spec.label,
            # One run after any pause: a sweep asks the database for everything due by
            # `now`, so ten missed runs replayed would do the work of one, ten times.
            coalesce=True,
            # APScheduler's default of 1 s would silently drop runs after a short pause.
            misfire_grace_time=spec.misfire_grace_seconds,
            # A run still going when the next is due is skipped, not stacked.
            max_instances=1,
        )
    return scheduler
