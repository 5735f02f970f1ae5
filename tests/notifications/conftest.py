"""Fixtures shared by the notification tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dondoc.db import transaction
from tasks_catalog.catalogue.service import load_paths
from tests.conftest import NOW
from tests.helpers import copy_valid
from tests.notifications.smtp_servers import servers  # noqa: F401 - a fixture
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ
from workflows.sweep import sweep

MORNING = datetime(2025, 3, 20, 7, 30, tzinfo=LOCAL_TZ)  # Thursday 20/3/2025, 07:30


@pytest.fixture
def swept(engine: Engine, calendar, tmp_path: Path) -> Engine:  # noqa: ANN001
    """The small catalogue planned for 2025 and swept on the morning of 20/3: 7 rows."""
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)
        sweep(session, now=MORNING, calendar=calendar)
    return engine
