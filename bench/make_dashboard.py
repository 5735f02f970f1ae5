"""The dashboard benchmark's world: 100,000 tasks over 5 years and 300 agencies.

One province (code `BM`) with 300 agencies (the Văn phòng, 40 departments, 259 districts
and communes), 40 documents of 25 obligations each (deliverables, recurring reports,
targets and a few inspection duties), and 100,000 tasks due from 1/1/2021 to 31/12/2025,
written straight into the table. Their state is what five years of work leave: tasks due
more than a month before TODAY are mostly done (on time or late), some still overdue, a
few recalled or waiting for approval; recent ones are in progress; future ones mostly not
started. A random generator with a fixed seed makes every build the same.

    .venv/bin/python -m bench.make_dashboard --db sqlite   # bench/.cache/dashboard-100000.sqlite3
    .venv/bin/python -m bench.make_dashboard --db postgres # database dondoc_bench_dashboard
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, insert, select, text

from bench.common import (
    postgres_database_exists,
    postgres_url,
    recreate_postgres_database,
    sqlite_url,
    stopwatch,
)
from dondoc.db import alembic_config, make_engine, migrate, transaction
from services.actors import Actor, Role
from tasks_catalog.calendar_store import seed_declared_days
from tasks_catalog.models import Agency, AssignmentRole, Document, Obligation, Task, TaskStatus

TASKS = 100_000
AGENCIES = 300
DOCUMENTS = 40
OBLIGATIONS_PER_DOCUMENT = 25
FIRST, LAST = date(2021, 1, 1), date(2025, 12, 31)
TODAY = date(2025, 9, 17)  # a Wednesday: what the dashboard is read at
PROVINCE = "BM"
POSTGRES_DATABASE = "dondoc_bench_dashboard"
CREATED = datetime(2021, 1, 1, tzinfo=UTC)
# The coordination office's officer: sees every ordinary task of the province.
VIEWER = Actor(
    "dieuphoi@vp.binhmau.example",
    "Chuyên viên Văn phòng",
    Role.COORDINATOR,
    f"{PROVINCE}-VP",
    PROVINCE,
)
KINDS = ("deliverable",) * 8 + ("recurring_report",) * 9 + ("target",) * 2 + ("inspection_duty",)
TASK_COLUMNS = (
    "obligation_id",
    "agency_id",
    "role",
    "occurrence_key",
    "period_label",
    "subject_agency_id",
    "period_start",
    "period_end",
    "original_due_on",
    "due_on",
    "extension_count",
    "status",
    "completed_on",
    "due_at_completion",
    "next_action_at",
    "created_at",
)


def database_url(db: str) -> str:
    if db == "sqlite":
        return sqlite_url(f"dashboard-{TASKS}.sqlite3")
    return postgres_url(POSTGRES_DATABASE)


def prepare(db: str) -> str:
    """The URL of a ready database, built if it is missing or not what we expect."""
    url = database_url(db)
    if not _ready(db, url):
        print(f"building {TASKS:,} tasks on {db} …", flush=True)  # noqa: T201
        with stopwatch() as elapsed:
            build(db, url)
        print(f"built in {elapsed():.1f} s", flush=True)  # noqa: T201
    return url


def _ready(db: str, url: str) -> bool:
    if db == "sqlite":
        if not Path(url.removeprefix("sqlite:///")).exists():
            return False
    elif not postgres_database_exists(POSTGRES_DATABASE):
        return False
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
            count = connection.scalar(select(func.count()).select_from(Task))
        head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
        return revision == head and count == TASKS
    except Exception:  # noqa: BLE001 - half-built or from another version: build again
        return False
    finally:
        engine.dispose()


def build(db: str, url: str) -> None:
    if db == "sqlite":
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        recreate_postgres_database(POSTGRES_DATABASE)
    engine = make_engine(url)
    migrate(engine)
    with transaction(engine) as session:
        seed_declared_days(session)
    rng = random.Random(2025)
    with engine.begin() as connection:
        connection.execute(insert(Agency), list(_agencies()))
        connection.execute(insert(Document), list(_documents()))
        obligations = list(_obligations(rng))
        connection.execute(insert(Obligation), obligations)
    rows = _tasks(rng, [o["kind"] for o in obligations])
    if db == "postgres":
        _copy_postgres(engine, rows)
    else:
        with engine.begin() as connection:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(dict(zip(TASK_COLUMNS, row, strict=True)))
                if len(batch) == 10_000:
                    connection.execute(insert(Task), batch)
                    batch = []
            if batch:
                connection.execute(insert(Task), batch)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # VACUUM sets PostgreSQL's visibility map (index-only scans), as autovacuum would.
        connection.execute(text("VACUUM ANALYZE" if db == "postgres" else "ANALYZE"))
    engine.dispose()


def _agencies() -> Iterator[dict[str, Any]]:
    for number in range(1, AGENCIES + 1):
        if number == 1:
            code, name, level, kind = f"{PROVINCE}-VP", "Văn phòng UBND tỉnh", "province", "office"
        elif number <= 41:
            code, name = f"{PROVINCE}-S{number:03d}", f"Sở số {number - 1}"
            level, kind = "province", "department"
        else:
            code, name = f"{PROVINCE}-X{number:03d}", f"UBND xã số {number - 41}"
            level, kind = "commune", "commune_people_committee"
        yield {
            "id": number,
            "code": code,
            "province": PROVINCE,
            "name": name,
            "aliases": [],
            "level": level,
            "kind": kind,
            "emails": [],
            "short_name": None,
        }


def _documents() -> Iterator[dict[str, Any]]:
    for number in range(1, DOCUMENTS + 1):
        issued = date(2021 + (number - 1) % 5, 1, 15)
        yield {
            "id": number,
            "number": f"{number}/KH-UBND",
            "kind": "plan",
            "issuer": "UBND tỉnh",
            "province": PROVINCE,
            "issued_on": issued,
            "valid_from": issued,
            "valid_until": None,
            "title": f"Kế hoạch số {number} thực hiện cải cách hành chính",
            "source": None,
            "catalogue_file": "bench",
            "assumption": None,
        }


def _obligations(rng: random.Random) -> Iterator[dict[str, Any]]:
    ident = 0
    for document in range(1, DOCUMENTS + 1):
        for position in range(OBLIGATIONS_PER_DOCUMENT):
            ident += 1
            yield {
                "id": ident,
                "code": f"BM{document}-{position + 1}",
                "document_id": document,
                "clause": f"Mục {position // 5 + 1}.{position % 5 + 1}",
                "quote": "…",
                "title": f"Nhiệm vụ {position + 1} của kế hoạch {document}",
                "kind": rng.choice(KINDS),
                "lead": [],
                "cooperating": [],
                "deliverable": None,
                "schedule": {},
                "valid_from": FIRST,
                "valid_until": None,
                "policy": "default",
                "follow_up": {},
                "assumption": None,
                "position": position,
            }


def _tasks(rng: random.Random, kinds: list[str]) -> Iterator[tuple[Any, ...]]:
    span = (LAST - FIRST).days
    for number in range(TASKS):
        obligation = rng.randint(1, len(kinds))
        agency = rng.randint(2, AGENCIES)
        due = FIRST + timedelta(days=rng.randint(0, span))
        status, completed, at_completion = _state(rng, due)
        subject = rng.randint(42, AGENCIES) if kinds[obligation - 1] == "inspection_duty" else None
        yield (
            obligation,
            agency,
            AssignmentRole.LEAD,
            f"b{number}",
            str(due.year),
            subject,
            date(due.year, 1, 1),
            date(due.year, 12, 31),
            due,
            due,
            0,
            status,
            completed,
            at_completion,
            None,
            CREATED,
        )


def _state(rng: random.Random, due: date) -> tuple[TaskStatus, date | None, date | None]:
    """What five years of work leave behind, by how far the due date is from TODAY."""
    roll = rng.random()
    if due < TODAY - timedelta(days=30):
        if roll < 0.70:
            return TaskStatus.DONE, due - timedelta(days=rng.randint(0, 20)), due
        if roll < 0.90:
            late = min(due + timedelta(days=rng.randint(1, 40)), TODAY)
            return TaskStatus.DONE, late, due
        if roll < 0.96:
            return rng.choice((TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED)), None, None
        if roll < 0.98:
            return TaskStatus.RECALLED, None, None
        return TaskStatus.SUBMITTED, None, None
    if due <= TODAY:
        if roll < 0.5:
            return TaskStatus.DONE, min(due, TODAY) - timedelta(days=rng.randint(0, 5)), due
        return (
            rng.choice((TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED, TaskStatus.RETURNED)),
            None,
            None,
        )
    if roll < 0.6:
        return TaskStatus.NOT_STARTED, None, None
    if roll < 0.95:
        return TaskStatus.IN_PROGRESS, None, None
    return TaskStatus.SUBMITTED, None, None


def _copy_postgres(engine: Engine, rows: Iterator[tuple[Any, ...]]) -> None:
    raw = engine.raw_connection()
    try:
        statement = f"COPY tasks ({', '.join(TASK_COLUMNS)}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(
                    [v.value if isinstance(v, AssignmentRole | TaskStatus) else v for v in row]
                )
        raw.commit()
    finally:
        raw.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    print(prepare(args.db))  # noqa: T201


if __name__ == "__main__":
    main()
