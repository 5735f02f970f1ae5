"""Report tests start from the small catalogue (Hòa Bình Mẫu) planned for 2025."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dondoc.db import transaction
from tasks_catalog.calendar import WorkCalendar
from tests.lifecycle.world import plan_world


@pytest.fixture
def world(engine: Engine, calendar: WorkCalendar, tmp_path: Path) -> Engine:
    return plan_world(engine, calendar, tmp_path)


@pytest.fixture
def session(world: Engine) -> Iterator[Session]:
    with transaction(world) as session:
        yield session
