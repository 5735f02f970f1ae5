"""The dashboard and the task list's first page on 100,000 tasks, beside the naive way.

One request is what the web does for one page view: a new session, the calendar, the
figures, the HTML rendered (the dashboard), or the first 50 tasks as JSON dicts (the task
list). Each run times `--requests` requests after two untimed ones and reports their p50
and p95; the script prints every run and the median over `--runs` runs.

- `dashboard`: `web.dashboard.dashboard_view` + `dashboard.html` (reports/: GROUP BY
  counts over the covering index `ix_tasks_dashboard`, lists with LIMIT, months in SQL),
  for the coordination office's officer, who sees every ordinary task of the province.
- `dashboard-naive`: every visible task loaded as an ORM object, statuses and counts in
  Python (`bench/dashboard_naive.py`), on a copy of the database without the indexes of
  migration 0011.
- `task-list`: the API's first page (`reports.task_list.task_page`, keyset by due date);
  `task-list-naive`: `tasks_catalog.queries.list_tasks`
  (every task loaded, statuses in Python) cut to 50.

    .venv/bin/python -m bench.dashboard_bench --db sqlite [--runs 5] [--requests 30] [--profile]
    .venv/bin/python -m bench.dashboard_bench --db postgres
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from bench.common import (
    POSTGRES_ADMIN,
    load_now,
    machine,
    postgres_url,
    stopwatch,
)
from bench.dashboard_naive import naive_dashboard, naive_task_page
from bench.make_dashboard import POSTGRES_DATABASE, TODAY, VIEWER, prepare
from dondoc.db import make_engine, normalise_url
from reports.monthly import percent, vn_date
from reports.targets import number
from reports.task_list import task_page
from services.permissions import task_visible_to
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.queries import TaskFilter
from web.dashboard import DashboardQuery, dashboard_view, filter_choices
from web.render import environment

DASHBOARD_INDEXES = ("ix_tasks_dashboard", "ix_tasks_status_due", "ix_tasks_status_completed")
NAIVE_DATABASE = f"{POSTGRES_DATABASE}_naive"
Request = Callable[[Session], object]


def dashboard_page(session: Session) -> str:
    calendar = load_calendar(session)
    query = DashboardQuery.parse(TODAY)
    view = dashboard_view(session, actor=VIEWER, query=query, today=TODAY, calendar=calendar)
    return (
        environment()
        .get_template("dashboard.html")
        .render(
            view=view,
            actor=VIEWER,
            csrf=lambda _action: "",
            choices=filter_choices(session, VIEWER),
            qs="",
            refresh=10,
            updated="08:00:00",
            percent=percent,
            vn_date=vn_date,
            number=number,
        )
    )


def dashboard_naive(session: Session) -> object:
    return naive_dashboard(session, actor=VIEWER, today=TODAY, calendar=load_calendar(session))


def task_list_page(session: Session) -> object:
    page = task_page(
        session,
        visible=task_visible_to(VIEWER),
        filters=TaskFilter(),
        today=TODAY,
        calendar=load_calendar(session),
        limit=50,
    )
    assert len(page.items) == 50
    return page


def task_list_naive(session: Session) -> object:
    return naive_task_page(session, today=TODAY, calendar=load_calendar(session))


def naive_copy(db: str, url: str) -> str:
    """The same data without the dashboard's indexes (a file copy, or a template database)."""
    if db == "sqlite":
        source = Path(url.removeprefix("sqlite:///"))
        target = source.with_name(source.stem + "-naive.sqlite3")
        shutil.copy(source, target)
        naive = f"sqlite:///{target}"
    else:
        admin = make_engine(normalise_url(POSTGRES_ADMIN))
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{NAIVE_DATABASE}" WITH (FORCE)'))
            connection.execute(
                text(f'CREATE DATABASE "{NAIVE_DATABASE}" TEMPLATE "{POSTGRES_DATABASE}"')
            )
        admin.dispose()
        naive = postgres_url(NAIVE_DATABASE)
    engine = make_engine(naive)
    with engine.begin() as connection:
        for index in DASHBOARD_INDEXES:
            connection.execute(text(f"DROP INDEX IF EXISTS {index}"))
    engine.dispose()
    return naive


def timed(engine: Engine, request: Request, count: int) -> tuple[list[float], list[float]]:
    """Milliseconds (wall clock, and CPU of this process) of each of `count` requests,
    after two untimed ones."""
    for _ in range(2):
        with Session(engine) as session:
            request(session)
    wall, cpu = [], []
    for _ in range(count):
        started = time.process_time()
        with stopwatch() as elapsed, Session(engine) as session:
            request(session)
        wall.append(elapsed() * 1000)
        cpu.append((time.process_time() - started) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def measure(name: str, engine: Engine, request: Request, runs: int, count: int) -> dict[str, Any]:
    p95s, p50s, cpus = [], [], []
    for run in range(1, runs + 1):
        values, cpu = timed(engine, request, count)
        p95s.append(p95(values))
        p50s.append(statistics.median(values))
        cpus.append(statistics.median(cpu))
        print(  # noqa: T201
            f"  {name} run {run}: p50 {p50s[-1]:.1f} ms, p95 {p95s[-1]:.1f} ms, "
            f"CPU p50 {cpus[-1]:.1f} ms ({count} requests, load {load_now()})",
            flush=True,
        )
    result = {
        "p95_ms": statistics.median(p95s),
        "p50_ms": statistics.median(p50s),
        "cpu_p50_ms": statistics.median(cpus),
    }
    print(  # noqa: T201
        f"{name}: median of {runs} runs: p95 {result['p95_ms']:.1f} ms, "
        f"p50 {result['p50_ms']:.1f} ms, CPU p50 {result['cpu_p50_ms']:.1f} ms",
        flush=True,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--naive-runs", type=int, default=3)
    parser.add_argument("--naive-requests", type=int, default=5)
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile 10 dashboard requests")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    print(machine(), flush=True)  # noqa: T201
    url = prepare(args.db)
    engine = make_engine(url)
    results: dict[str, Any] = {"db": args.db, "machine": machine()}
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(timed, engine, dashboard_page, 10)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    results["dashboard"] = measure("dashboard", engine, dashboard_page, args.runs, args.requests)
    results["task-list"] = measure("task-list", engine, task_list_page, args.runs, args.requests)
    engine.dispose()
    if not args.skip_naive:
        naive = make_engine(naive_copy(args.db, url))
        results["dashboard-naive"] = measure(
            "dashboard-naive", naive, dashboard_naive, args.naive_runs, args.naive_requests
        )
        results["task-list-naive"] = measure(
            "task-list-naive", naive, task_list_naive, args.naive_runs, args.naive_requests
        )
        naive.dispose()
    if args.json:
        print(json.dumps(results))  # noqa: T201


if __name__ == "__main__":
    main()
