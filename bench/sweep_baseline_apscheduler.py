"""The naive design the sweep replaces: one APScheduler 3 job per task.

Every open task gets a job (`add_job` with a DateTrigger at its next action) in the
MemoryJobStore of a BackgroundScheduler with APScheduler's defaults (ThreadPoolExecutor
of 10 threads, misfire_grace_time=1 s, coalescing, one instance per job). The scheduler is
paused while jobs are added. What is measured:

1. Setup: adding 1,000,000 jobs (990,000 in the next two years, as the sweep benchmark's
   tasks), in time and memory. Once per invocation: it takes minutes.
2. Firing, in rounds: 10,000 more jobs, all due at the same instant T a few seconds ahead,
   are added (paused), the scheduler resumes, and we count, from T, how long until every
   one of them ran or was declared missed, and how many ran. A job writes one outbox row
   in its own transaction to a database of the same kind as the sweep's (`--job outbox`),
   or appends to a list (`--job list`: the scheduler alone). Each round is done with
   the default misfire_grace_time (1 s) and with misfire_grace_time=None (run every job
   however late), which is the time comparable to the sweep's.

    .venv/bin/python -m bench.sweep_baseline_apscheduler [--jobs 1000000] [--rounds 5]
        [--job outbox|list] [--db sqlite|postgres]

`--jobs 100000` measures a smaller store; the report then says so.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import statistics
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobEvent,
)
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger
from sqlalchemy import Engine, insert

from bench.common import (
    load_now,
    machine,
    postgres_database_exists,
    postgres_url,
    recreate_postgres_database,
    sqlite_url,
    stopwatch,
    summary,
)
from dondoc.db import make_engine, migrate
from notifications.models import Channel, Notification

JOBS = 1_000_000
DUE = 10_000
FINISHED = EVENT_JOB_EXECUTED | EVENT_JOB_MISSED | EVENT_JOB_ERROR | EVENT_JOB_MAX_INSTANCES


class Round:
    """Counts what became of one round's due jobs."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.counts = {"executed": 0, "missed": 0, "error": 0, "max_instances": 0}
        self.last_event = 0.0
        self.done = threading.Event()
        self._lock = threading.Lock()

    def listen(self, event: JobEvent) -> None:
        if not event.job_id.startswith("due-"):
            return
        name = {
            EVENT_JOB_EXECUTED: "executed",
            EVENT_JOB_MISSED: "missed",
            EVENT_JOB_ERROR: "error",
            EVENT_JOB_MAX_INSTANCES: "max_instances",
        }[event.code]
        with self._lock:
            self.counts[name] += 1
            self.last_event = time.time()
            if sum(self.counts.values()) == self.expected:
                self.done.set()


def outbox_writer(engine: Engine) -> Callable[[int, str], None]:
    """A job that queues one notification for its task, in a transaction of its own."""
    statement = insert(Notification.__table__)

    def write(task_id: int, key: str) -> None:
        now = datetime.now(UTC)
        with engine.begin() as connection:
            connection.execute(
                statement,
                {
                    "key": key,
                    "task_id": None,
                    "channel": Channel.EMAIL,
                    "recipient": f"nguoi{task_id}@bench.example",
                    "recipient_name": "Nguyễn Thị Thử",
                    "kind": "reminder",
                    "step": "due-day",
                    "payload": {"task_id": task_id, "step": "due-day"},
                    "created_at": now,
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                },
            )

    return write


def outbox_database(db: str) -> Engine:
    """An empty migrated database for the jobs' rows (not the sweep's: it stays as built)."""
    if db == "sqlite":
        url = sqlite_url("apscheduler-outbox.sqlite3")
    else:
        if postgres_database_exists("dondoc_bench_aps"):
            recreate_postgres_database("dondoc_bench_aps", drop_only=True)
        recreate_postgres_database("dondoc_bench_aps")
        url = postgres_url("dondoc_bench_aps")
    engine = make_engine(url)
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(Notification.__table__.delete())
    return engine


def add_background_jobs(
    scheduler: BackgroundScheduler, jobs: int, job: Callable[..., Any]
) -> float:
    """The tasks that are not due: one job each, at their next action (next two years)."""
    start = datetime.now(UTC) + timedelta(days=30)
    with stopwatch() as elapsed:
        for i in range(jobs):
            run_date = start + timedelta(seconds=(i * 7919) % (700 * 86400))
            scheduler.add_job(
                job, DateTrigger(run_date=run_date), args=(i, f"t{i}"), id=f"task-{i}"
            )
            if i and i % 100_000 == 0:
                print(f"    {i:,} jobs added, {elapsed():.1f} s", flush=True)  # noqa: T201
    return elapsed()


def fire_round(
    scheduler: BackgroundScheduler,
    job: Callable[..., Any],
    n: int,
    due: int,
    grace: int | None,
    lead: float,
) -> dict[str, Any]:
    """Add `due` jobs due at one instant T (paused), resume, wait for their fate."""
    scheduler.pause()
    at = datetime.now(UTC) + timedelta(seconds=lead)
    options: dict[str, Any] = {} if grace == -1 else {"misfire_grace_time": grace}
    with stopwatch() as adding:
        for i in range(due):
            scheduler.add_job(
                job,
                DateTrigger(run_date=at),
                args=(10_000_000 * n + i, f"r{n}/{i}"),
                id=f"due-{n}-{i}",
                **options,
            )
    if datetime.now(UTC) >= at:
        raise RuntimeError(f"adding took {adding():.1f} s, more than the {lead:.0f} s lead")
    result = Round(due)
    scheduler.add_listener(result.listen, FINISHED)
    scheduler.resume()
    result.done.wait(timeout=3600)
    scheduler.remove_listener(result.listen)
    return {
        "grace": "default (1 s)" if grace == -1 else grace,
        "add_seconds": adding(),
        "seconds_after_T": result.last_event - at.timestamp(),
        **result.counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=JOBS, help="jobs in the store before a round")
    parser.add_argument("--due", type=int, default=DUE)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--job", choices=("outbox", "list"), default="outbox")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    # APScheduler logs a warning per missed job; keep the records, drop the printing.
    logging.getLogger("apscheduler").addHandler(logging.NullHandler())
    logging.getLogger("apscheduler").propagate = False

    ran: list[int] = []
    job: Callable[..., Any]
    if args.job == "outbox":
        job = outbox_writer(outbox_database(args.db))
    else:
        job = lambda task_id, key: ran.append(task_id)  # noqa: E731
    print(f"APScheduler baseline, job={args.job} ({args.db}); {machine()}")  # noqa: T201
    scheduler = BackgroundScheduler(timezone=UTC)  # every other setting: the defaults
    scheduler.start(paused=True)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    setup = add_background_jobs(scheduler, args.jobs - args.due, job)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(  # noqa: T201
        f"  setup: {args.jobs - args.due:,} add_job in {setup:.1f} s "
        f"({(args.jobs - args.due) / setup:,.0f}/s), memory +{grown:,.0f} MB"
    )
    rounds: dict[str, list[dict[str, Any]]] = {"default": [], "none": []}
    lead = 30.0  # seconds from the start of adding a round's jobs to T
    number = 0  # makes each round's job ids and outbox keys its own
    for n in range(args.rounds):
        for name, grace in (("default", -1), ("none", None)):
            load = load_now()
            result = fire_round(scheduler, job, number, args.due, grace, lead)
            number += 1
            lead = max(5.0, 2 * result["add_seconds"] + 3)
            rounds[name].append(result)
            print(  # noqa: T201
                f"  round {n + 1}, misfire_grace_time {result['grace']}: "
                f"{result['executed']:,} ran, {result['missed']:,} missed, "
                f"last at T+{result['seconds_after_T']:.2f} s (adding the {args.due:,}: "
                f"{result['add_seconds']:.1f} s; load {load})",
                flush=True,
            )
    scheduler.shutdown(wait=False)
    executed = [r["executed"] for r in rounds["default"]]
    all_runs = [r["seconds_after_T"] for r in rounds["none"]]
    print(summary("default grace: jobs that ran", [float(x) for x in executed], "jobs"))  # noqa: T201
    print(summary("grace None: time from T to the last job", all_runs))  # noqa: T201
    if args.json:
        print(  # noqa: T201
            json.dumps(
                {
                    "benchmark": "sweep_baseline_apscheduler",
                    "job": args.job,
                    "db": args.db,
                    "jobs": args.jobs,
                    "setup_seconds": setup,
                    "memory_mb": grown,
                    "default_grace_executed": executed,
                    "default_grace_executed_median": statistics.median(executed),
                    "no_grace_seconds": all_runs,
                    "no_grace_median": statistics.median(all_runs),
                }
            )
        )


if __name__ == "__main__":
    main()
