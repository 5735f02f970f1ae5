"""The sweep on 1,000,000 open tasks of which 10,000 are due: find them, queue, advance.

One run is one sweep tick as `dondoc tick` does it (workflows.engine.run_sweep): one
transaction that loads the calendar, calls `workflows.sweep.sweep(session, now=MORNING,
calendar=…)` and commits; the time includes the commit (shown apart too). On SQLite the
WAL checkpoint follows the commit, outside the transaction, and is shown apart. Each run
is followed by one of the floor (`bench.sweep_floor`: the same rows and updates in plain
SQL, one transaction), so the ratio compares figures of the same minutes. Between runs
the database is put back (`make_tasks.restore`, not timed), so every run finds the same
10,000 tasks and writes the same outbox rows.

    .venv/bin/python -m bench.sweep_bench --db sqlite [--runs 5] [--profile]
    .venv/bin/python -m bench.sweep_bench --db postgres
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time

from sqlalchemy import Engine, func, select

from bench import sweep_floor
from bench.common import load_now, machine, stopwatch, summary
from bench.make_tasks import MORNING, TASKS, prepare, restore
from dondoc.db import make_engine, session_factory
from notifications.models import Notification
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.models import OPEN_STATUSES, Task
from workflows.engine import checkpoint_after
from workflows.sweep import SweepReport, sweep

# One APScheduler job per task (bench/sweep_baseline_apscheduler.py), as README documents
# it: seconds until the last of the 10,000 jobs ran. It takes minutes to set up, so it is
# not rerun here; the ratio to it is printed beside the floor's.
APSCHEDULER_DOCUMENTED = {"sqlite": 24.5, "postgres": 14.8}


def one_sweep(engine: Engine) -> tuple[SweepReport, float, float, float, float]:
    """(report, seconds in load_calendar + sweep, seconds to commit, seconds of the
    checkpoint after the commit, CPU seconds here), as run_sweep does it."""
    cpu = time.process_time()
    with stopwatch() as whole, checkpoint_after(session_factory(engine)) as session:
        with stopwatch() as work:
            report = sweep(session, now=MORNING, calendar=load_calendar(session))
        with stopwatch() as commit:
            session.commit()
        committed = whole()
    return report, work(), commit(), whole() - committed, time.process_time() - cpu


def check(engine: Engine, report: SweepReport, due: int) -> int:
    """The run did the whole job: every due task swept and advanced, its rows written."""
    with engine.connect() as connection:
        left = connection.scalar(
            select(func.count())
            .select_from(Task)
            .where(Task.next_action_at <= MORNING, Task.status.in_(OPEN_STATUSES))
        )
        rows = connection.scalar(select(func.count()).select_from(Notification))
    assert report.tasks == due, f"swept {report.tasks} tasks, expected {due}"
    assert left == 0, f"{left} tasks still due after the sweep"
    assert rows == report.queued > 0, f"{rows} outbox rows, report says {report.queued}"
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--tasks", type=int, default=TASKS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one more run")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()

    url = prepare(args.db, args.tasks)
    engine = make_engine(url)
    due = args.tasks // 100
    print(f"{args.db}: {args.tasks:,} open tasks, {due:,} due; {machine()}")  # noqa: T201
    times: list[float] = []
    commits: list[float] = []
    checkpoints: list[float] = []
    cpus: list[float] = []
    floors: list[float] = []
    floor_checkpoints: list[float] = []
    floor_updates: list[float] = []
    captured: sweep_floor.Captured | None = None
    rows = 0
    for run in range(1, args.runs + 1):
        load = load_now()
        report, work, commit, checkpoint, cpu = one_sweep(engine)
        times.append(work + commit)
        commits.append(commit)
        checkpoints.append(checkpoint)
        cpus.append(cpu)
        rows = check(engine, report, due)
        captured = captured or sweep_floor.capture(engine)
        restore(engine)
        floor, floor_update, floor_checkpoint = sweep_floor.run(engine, captured)
        floors.append(floor)
        floor_updates.append(floor_update)
        floor_checkpoints.append(floor_checkpoint)
        restore(engine)
        print(  # noqa: T201
            f"  run {run}: {times[-1]:.3f} s (commit {commit:.3f} s, then checkpoint "
            f"{checkpoint:.3f} s; CPU here {cpu:.3f} s), {report.tasks:,} tasks, {rows:,} "
            f"outbox rows {report.by_kind}; floor {floor:.3f} s (UPDATE {floor_update:.3f} s; "
            f"then checkpoint {floor_checkpoint:.3f} s) (load {load})"
        )
    median, floor_median = statistics.median(times), statistics.median(floors)
    baseline = APSCHEDULER_DOCUMENTED[args.db]
    print(summary("sweep incl. commit", times))  # noqa: T201
    print(summary("of which commit", commits))  # noqa: T201
    print(summary("checkpoint after the commit", checkpoints))  # noqa: T201
    print(summary("CPU time of this process", cpus))  # noqa: T201
    print(summary("floor: the same writes in plain SQL", floors))  # noqa: T201
    print(summary("of which the floor's UPDATE", floor_updates))  # noqa: T201
    print(summary("floor's checkpoint after its commit", floor_checkpoints))  # noqa: T201
    print(  # noqa: T201
        f"sweep / floor: {median / floor_median:.2f}× ({median:.3f} s / {floor_median:.3f} s); "
        f"one APScheduler job per task (README, {baseline} s) / sweep: {baseline / median:.0f}×"
    )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(one_sweep, engine)
        restore(engine)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    if args.json:
        result = {
            "benchmark": "sweep",
            "db": args.db,
            "tasks": args.tasks,
            "due": due,
            "outbox_rows": rows,
            "runs": times,
            "median": statistics.median(times),
            "commit_median": statistics.median(commits),
            "checkpoint_median": statistics.median(checkpoints),
            "cpu_median": statistics.median(cpus),
            "floor_runs": floors,
            "floor_median": floor_median,
            "floor_update_median": statistics.median(floor_updates),
            "ratio_to_floor": median / floor_median,
            "apscheduler_documented": baseline,
        }
        print(json.dumps(result))  # noqa: T201
    engine.dispose()


if __name__ == "__main__":
    main()
