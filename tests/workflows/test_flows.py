"""The Prefect flows run the same batch steps as `dondoc tick`, against a temporary server.

One Prefect server per test session (it takes seconds to start): add flow tests here,
inside the session's harness, rather than starting another. Skip with `-m "not prefect"`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from dondoc.db import make_engine, transaction
from notifications.mailcatcher import list_messages
from tasks_catalog.catalogue.service import load_paths
from tests.conftest import NOW
from tests.helpers import copy_valid
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ

pytestmark = pytest.mark.prefect  # registered in pyproject.toml [tool.pytest.ini_options]

MORNING = datetime(2025, 3, 20, 7, 30, tzinfo=LOCAL_TZ)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    from prefect.settings import (
        PREFECT_HOME,
        PREFECT_SERVER_ANALYTICS_ENABLED,
        temporary_settings,
    )
    from prefect.testing.utilities import prefect_test_harness

    home = tmp_path_factory.mktemp("prefect-home")
    # Keep ~/.prefect untouched, and the server from phoning home from a test run.
    quiet = {PREFECT_HOME: str(home), PREFECT_SERVER_ANALYTICS_ENABLED: False}
    with temporary_settings(updates=quiet), prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def planned_database(
    tmp_path: Path, sqlite_template: Path, calendar, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The small catalogue planned for 2025, in a SQLite file named by DONDOC_DATABASE_URL."""
    path = tmp_path / "dondoc.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)
    engine.dispose()
    mail = tmp_path / "mail"
    monkeypatch.setenv("DONDOC_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("DONDOC_MAIL_DIR", str(mail))
    monkeypatch.setenv("DONDOC_SECRET_KEY", "k" * 40)
    monkeypatch.delenv("DONDOC_SMTP_URL", raising=False)  # the catcher, started per batch
    monkeypatch.delenv("DONDOC_WEBHOOK_URLS", raising=False)
    return mail


def test_tick_flow_sweeps_and_delivers_the_morning_reminders(prefect_server, planned_database):
    from workflows.flows import tick_flow

    result = tick_flow(now_iso=MORNING.isoformat())

    assert result["now"] == MORNING.isoformat()
    assert result["plan"] is None  # 2025 was planned already
    assert result["sweep"]["tasks"] > 0 and result["sweep"]["queued"] > 0
    delivery = result["delivery"]
    assert delivery["notifications"] == result["sweep"]["queued"]
    assert delivery["failed"] == delivery["retrying"] == 0
    mails = list_messages(planned_database)
    assert delivery["messages"] == len(mails) > 0
    assert ("giamdoc@snv.hoabinh.example",) in {m.recipients for m in mails}
