"""The Quảng Ninh inspection world behind the web: feeds, the JSON API, the inspector pages.

The world (catalogues, 2025 tasks, the secret plans drawn on 2 January) is the one of
tests/inspections; here it is served by the real app with a clock the test sets, and one
inspection (Hạ Long's public service centre, 12/03/2025) is already recorded.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import transaction
from dondoc.settings import Settings
from inspections.access import ADMIN
from inspections.evidence import EvidenceStore
from inspections.record_input import read_record_file
from inspections.records import log_record
from tasks_catalog.dates import LOCAL_TZ
from tests.inspections.conftest import (  # noqa: F401 - fixtures used here
    CAL,
    world,
    world_postgres,
    world_sqlite,
    write_record,
)
from tests.inspections.conftest import (
    SECRET as INSPECTION_SECRET,
)
from tests.web.support import SECRET, Clock
from web import create_app

NOW = datetime(2025, 3, 20, 9, 0, tzinfo=LOCAL_TZ)
runner = CliRunner()


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, world: Engine, tmp_path: Path) -> Settings:  # noqa: F811
    monkeypatch.setenv("DONDOC_SECRET_KEY", SECRET)
    monkeypatch.setenv("DONDOC_EVIDENCE_DIR", str(tmp_path / "evidence"))
    return Settings(
        database_url=world.url.render_as_string(hide_password=False),
        base_url="http://testserver",
        state_dir=tmp_path,
    )


@pytest.fixture
def recorded(world: Engine, tmp_path: Path) -> Engine:  # noqa: F811
    """The world with one record (not a draft) of the Hạ Long centre, logged on 14/03."""
    with transaction(world) as session:
        log_record(
            session,
            parsed=read_record_file(write_record(tmp_path / "record")),
            store=EvidenceStore(tmp_path / "store"),
            calendar=CAL,
            now=datetime(2025, 3, 14, 9, tzinfo=LOCAL_TZ),
            viewer=ADMIN,
        )
    return world


@pytest.fixture
def client(recorded: Engine, settings: Settings) -> TestClient:
    return TestClient(create_app(settings, recorded, clock=Clock(NOW)), follow_redirects=False)


@pytest.fixture
def cli(monkeypatch, settings):  # noqa: ANN001, ANN201
    monkeypatch.setenv("DONDOC_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("DONDOC_SECRET_KEY", SECRET)
    monkeypatch.setenv("DONDOC_BASE_URL", "http://testserver")
    monkeypatch.setenv("DONDOC_INSPECTION_SECRET", INSPECTION_SECRET.decode())

    def run(*args: str):  # noqa: ANN202
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run
