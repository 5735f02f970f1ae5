"""The sweep benchmark's world: 1,000,000 open tasks, one in a hundred due this morning.

The seed catalogues (`tasks_catalog/data`: three provinces, 142 agencies, 303 people, 244
followed obligations) are loaded as `dondoc up` loads them; then tasks are written
straight into the table (Core executemany on SQLite, COPY on PostgreSQL), each an
occurrence of a seed obligation for an agency of the same province. Every hundredth task
is due on MORNING (a due-day reminder, a reminder 1/3/7 working days ahead, or an overdue
step 1/3/7 working days late); the others fall due between one month and two years on.
`next_action_at` comes from the real rules (`workflows.rules.timeline`), so the sweep
finds exactly what it would find in production.

The due tasks' original `next_action_at` is kept in a side table `bench_due`, so that
`restore` puts the database back after a sweep: every run does the same work.

    .venv/bin/python -m bench.make_tasks --db sqlite   # builds bench/.cache/sweep-1000000.sqlite3
    .venv/bin/python -m bench.make_tasks --db postgres # builds database dondoc_bench
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Column, Engine, Integer, MetaData, Table, func, insert, select, text

from bench.common import (
    postgres_database_exists,
    postgres_url,
    recreate_postgres_database,
    sqlite_url,
    stopwatch,
)
from dondoc.db import alembic_config, make_engine, migrate, transaction
from notifications.models import Notification
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.calendar_store import load_calendar, seed_declared_days
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Agency, AssignmentRole, Document, Obligation, Task, TaskStatus
from tasks_catalog.types import UtcDateTime
from workflows.policy import DEFAULT_POLICY
from workflows.rules import LOCAL_TZ, TaskFacts, timeline

SEEDS = Path(__file__).resolve().parent.parent / "tasks_catalog" / "data"
MORNING = datetime(2025, 3, 20, 7, 30, tzinfo=LOCAL_TZ)  # a Thursday, a working day
CREATED = datetime(2025, 1, 2, 1, 0, tzinfo=UTC)
TASKS = 1_000_000
DUE_EVERY = 100  # 1% of the tasks are due
CHUNK = 20_000
POSTGRES_DATABASE = "dondoc_bench"
# Working days from MORNING to the due date of a due lead task: the step it is at today.
LEAD_OFFSETS = (0, 0, 0, 1, 3, 7, -1, -3, -7)  # due-day ×3, before-1/3/7, overdue-1/3/7
COOPERATING_OFFSET = 7  # a cooperating agency only gets the first reminder (before-7)
COLUMNS = (
    "obligation_id",
    "agency_id",
    "role",
    "occurrence_key",
    "period_label",
    "period_start",
    "period_end",
    "original_due_on",
    "due_on",
    "extension_count",
    "status",
    "next_action_at",
    "created_at",
)


# The due tasks as built, outside the app's schema (bench databases only).
BENCH = MetaData()
BENCH_DUE = Table(
    "bench_due",
    BENCH,
    Column("id", Integer, primary_key=True),
    Column("next_action_at", UtcDateTime()),
)


@dataclass(frozen=True)
class Followed:
    """An obligation the sweep follows, with the agencies of its province."""

    id: int
    kind: str
    is_report: bool
    agencies: tuple[int, ...]


def database_url(db: str, tasks: int = TASKS) -> str:
    if db == "sqlite":
        return sqlite_url(f"sweep-{tasks}.sqlite3")
    return postgres_url(POSTGRES_DATABASE if tasks == TASKS else f"{POSTGRES_DATABASE}_{tasks}")


def prepare(db: str, tasks: int = TASKS) -> str:
    """The URL of a ready database, built if it is missing or not what we expect."""
    url = database_url(db, tasks)
    if _ready(db, url, tasks):
        engine = make_engine(url)
        restore(engine)  # a run that was interrupted may have left its outbox rows
        engine.dispose()
        return url
    print(f"building {tasks:,} tasks on {db} …", flush=True)  # noqa: T201
    with stopwatch() as elapsed:
        build(db, url, tasks)
    print(f"built in {elapsed():.1f} s", flush=True)  # noqa: T201
    return url


def _ready(db: str, url: str, tasks: int) -> bool:
    if db == "sqlite":
        if not Path(url.removeprefix("sqlite:///")).exists():
            return False
    elif not postgres_database_exists(make_database_name(url)):
        return False
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
            count = connection.scalar(select(func.count()).select_from(Task))
            due = connection.scalar(text("SELECT count(*) FROM bench_due"))
        head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
        return revision == head and count == tasks and due == tasks // DUE_EVERY
    except Exception:  # noqa: BLE001 - half-built or from another version: build again
        return False
    finally:
        engine.dispose()


def make_database_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def build(db: str, url: str, tasks: int) -> None:
    if db == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
    else:
        recreate_postgres_database(make_database_name(url))
    engine = make_engine(url)
    migrate(engine)
    with transaction(engine) as session:
        seed_declared_days(session)
        calendar = load_calendar(session)
        load_paths(session, [SEEDS], calendar, CREATED)
        followed = _followed(session)
    rows = generate(followed, calendar, tasks)
    if db == "sqlite":
        _insert_sqlite(engine, rows)
    else:
        _copy_postgres(engine, rows)
    with engine.begin() as connection:
        BENCH.create_all(connection)
        due = select(Task.id, Task.next_action_at).where(Task.next_action_at <= MORNING)
        connection.execute(insert(BENCH_DUE).from_select(["id", "next_action_at"], due))
        connection.execute(text("ANALYZE"))
    engine.dispose()


def _followed(session: Any) -> list[Followed]:
    agencies: dict[str, list[int]] = {}
    for agency in session.scalars(select(Agency).order_by(Agency.id)):
        agencies.setdefault(agency.province, []).append(agency.id)
    query = (
        select(Obligation, Document.province)
        .join(Document)
        .where(Obligation.kind != "inspection_duty")
        .order_by(Obligation.id)
    )
    return [
        Followed(
            id=obligation.id,
            kind=obligation.kind,
            is_report=bool(obligation.schedule.get("report")),
            agencies=tuple(agencies[province]),
        )
        for obligation, province in session.execute(query)
    ]


def generate(followed: list[Followed], calendar: WorkCalendar, tasks: int) -> Any:
    """Task rows (tuples in COLUMNS order), deterministic: the same every time."""
    today = MORNING.date()
    plan = _Plan(calendar)
    for i in range(tasks):
        obligation = followed[i % len(followed)]
        agency = obligation.agencies[(i // len(followed)) % len(obligation.agencies)]
        role = AssignmentRole.COOPERATING if i % 5 == 4 else AssignmentRole.LEAD
        status = TaskStatus.IN_PROGRESS if i % 3 == 1 else TaskStatus.NOT_STARTED
        if i % DUE_EVERY == 0:
            due, first = plan.due_today(obligation, role.value, (i // DUE_EVERY))
        else:
            due = today + timedelta(days=30 + (i * 7919) % 700)
            first = plan.first_after(obligation.kind, obligation.is_report, role.value, due)
        start, end, label = _period(obligation, due, calendar)
        yield (
            obligation.id,
            agency,
            role,
            f"bench-{i}",
            label,
            start,
            end,
            due,
            due,
            0,
            status,
            first,
            CREATED,
        )


class _Plan:
    """The rules' answers per pattern (kind, role, due date): many tasks share them."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.timeline = cache(self._timeline)

    def _timeline(self, kind: str, is_report: bool, role: str, due: date) -> tuple[datetime, ...]:
        start, end, _ = _period_of(kind, is_report, due, self.calendar)
        facts = TaskFacts(
            task_id=0,
            role=role,
            kind=kind,
            status="not_started",
            due=due,
            period_start=start,
            period_end=end,
            is_report=is_report,
            created_on=CREATED.astimezone(LOCAL_TZ).date(),
        )
        return tuple(a.at for a in timeline(facts, DEFAULT_POLICY, self.calendar))

    def first_after(self, kind: str, is_report: bool, role: str, due: date) -> datetime:
        times = self.timeline(kind, is_report, role, due)
        return next((at for at in times if at > MORNING), datetime.combine(due, MORNING.timetz()))

    def due_today(self, obligation: Followed, role: str, n: int) -> tuple[date, datetime]:
        """A due date whose timeline has a step this morning (else the latest before it)."""
        offsets = (COOPERATING_OFFSET,) if role != "lead" else LEAD_OFFSETS
        wanted = offsets[n % len(offsets)]
        fallback: tuple[date, datetime] | None = None
        for offset in (wanted, *offsets):
            due = self.calendar.add_working_days(MORNING.date(), offset)
            past = [
                at
                for at in self.timeline(obligation.kind, obligation.is_report, role, due)
                if at <= MORNING
            ]
            if past and past[-1] == MORNING:
                return due, MORNING
            if past and fallback is None:
                fallback = due, past[-1]
        assert fallback is not None, f"no step due for obligation {obligation.id} ({role})"
        return fallback


def _period(obligation: Followed, due: date, calendar: WorkCalendar) -> tuple[date, date, str]:
    return _period_of(obligation.kind, obligation.is_report, due, calendar)


@cache
def _period_of(
    kind: str, is_report: bool, due: date, calendar: WorkCalendar
) -> tuple[date, date, str]:
    if is_report or kind == "recurring_report":
        cutoff = calendar.add_working_days(due, -5)  # a report is due 5 working days on
        return cutoff - timedelta(days=364), cutoff, str(cutoff.year)
    return date(2025, 1, 1), due, "once" if kind == "deliverable" else str(due.year)


def _insert_sqlite(engine: Engine, rows: Any) -> None:
    statement = insert(Task.__table__)
    with engine.begin() as connection:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(dict(zip(COLUMNS, row, strict=True)))
            if len(chunk) == CHUNK:
                connection.execute(statement, chunk)
                chunk = []
        if chunk:
            connection.execute(statement, chunk)


def _copy_postgres(engine: Engine, rows: Any) -> None:
    raw = engine.raw_connection()
    try:
        statement = f"COPY tasks ({', '.join(COLUMNS)}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(
                    [v.value if isinstance(v, AssignmentRole | TaskStatus) else v for v in row]
                )
        raw.commit()
    finally:
        raw.close()
    with engine.begin() as connection:
        # COPY bypasses the sequence default only if ids are given; they are not, so the
        # sequence is right. Statistics for the planner:
        connection.execute(text("ANALYZE tasks"))


def restore(engine: Engine) -> None:
    """Undo a sweep: no outbox rows, the due tasks' `next_action_at` as built."""
    with engine.begin() as connection:
        connection.execute(Notification.__table__.delete())
        connection.execute(
            text(
                "UPDATE tasks SET next_action_at = "
                "(SELECT next_action_at FROM bench_due WHERE bench_due.id = tasks.id) "
                "WHERE id IN (SELECT id FROM bench_due)"
            )
        )
    if engine.dialect.name == "postgresql":
        # Dead row versions from the last run would slow the next one's index scan.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE tasks"))
            connection.execute(text("VACUUM ANALYZE notifications"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--tasks", type=int, default=TASKS)
    parser.add_argument("--rebuild", action="store_true", help="build even if cached")
    args = parser.parse_args()
    if args.rebuild:
        url = database_url(args.db, args.tasks)
        with stopwatch() as elapsed:
            build(args.db, url, args.tasks)
        print(f"built {url} in {elapsed():.1f} s")  # noqa: T201
    else:
        print(prepare(args.db, args.tasks))  # noqa: T201


if __name__ == "__main__":
    main()
