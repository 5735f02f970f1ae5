"""Shared fixtures: a migrated database on SQLite and on PostgreSQL, and a fixed clock.

PostgreSQL comes from DONDOC_TEST_POSTGRES_URL (default: the local server, trust auth).
Where none is reachable the PostgreSQL half of a test skips, saying why, unless
DONDOC_REQUIRE_POSTGRES=1 (set by .ci/run), which turns the skip into a failure.
Each xdist worker gets its own PostgreSQL database, migrated once; each test starts from
empty tables.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import inspections.models  # noqa: F401 - and the inspection tables
import notifications.models  # noqa: F401 - the outbox tables are emptied too
import services.account_models  # noqa: F401 - and the accounts
import tasks_catalog.models_lifecycle  # noqa: F401 - and the task lifecycle tables
import tasks_catalog.models_targets  # noqa: F401 - reported values of targets
from dondoc.db import make_engine, migrate, normalise_url, transaction
from tasks_catalog.calendar import default_calendar
from tasks_catalog.calendar_store import seed_declared_days
from tasks_catalog.models import Base

# Timing belongs to the benchmarks: on a loaded CI machine a first call that builds a
# year's holiday table can take longer than Hypothesis's default 200 ms deadline.
hypothesis_settings.register_profile("dondoc", deadline=None)
hypothesis_settings.load_profile("dondoc")

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "tasks_catalog" / "data"
NOW = datetime(2025, 1, 2, 1, 0, tzinfo=UTC)
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _pg_admin_url() -> str:
    return normalise_url(os.environ.get("DONDOC_TEST_POSTGRES_URL", DEFAULT_PG))


def _postgres_reachable() -> str | None:
    """None if reachable, else the reason."""
    try:
        engine = create_engine(_pg_admin_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not here"
        return f"PostgreSQL không truy cập được ({_pg_admin_url()}): {exc.__class__.__name__}"


def fresh_postgres_database(suffix: str) -> str:
    """An empty database of this test process's own (xdist workers never meet)."""
    reason = _postgres_reachable()
    if reason:
        if os.environ.get("DONDOC_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    # Unique per process: two test runs on one machine (a developer and CI) never meet.
    name = f"dondoc_test_{os.getpid()}_{suffix}"
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
        # Commits need not wait for the server's disk: the tests kill clients, never the
        # server, so nothing they check depends on it, and it halves their time.
        connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit TO off'))
    admin.dispose()
    return make_url(_pg_admin_url()).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        name = make_url(url).database
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    url = fresh_postgres_database("main")
    yield url
    drop_postgres_database(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating each time)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    initialise(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def migrated_postgres(postgres_url: str) -> str:
    engine = make_engine(postgres_url)
    initialise(engine)
    engine.dispose()
    return postgres_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "dondoc.sqlite3"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("migrated_postgres")
    _empty_tables(url)
    return url


def initialise(engine: Engine) -> None:
    """What `dondoc init` does: the schema, and the declared days off and make-up days, so
    that the engine's calendar (read from the table) is the `calendar` fixture's."""
    migrate(engine)
    with transaction(engine) as session:
        seed_declared_days(session)


def _empty_tables(url: str) -> None:
    engine = make_engine(url)
    kept = {"calendar_days", "alembic_version"}
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables if t.name not in kept)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside one transaction, committed at the end of the test's block."""
    with transaction(engine) as session:
        yield session


@pytest.fixture
def calendar():
    return default_calendar()


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, database_url: str) -> str:
    monkeypatch.setenv("DONDOC_DATABASE_URL", database_url)
    return database_url


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    """Helper processes a test starts; any still alive at the end are killed (ours only)."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id still, with the smallest cost: 150 ms a hash would dominate the web tests.

    `tests/accounts/test_accounts.py` checks the cost that production hashes with."""
    from argon2 import PasswordHasher

    import services.accounts

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(services.accounts, "HASHER", cheap)
