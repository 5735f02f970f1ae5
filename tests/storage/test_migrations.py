"""Migrations build exactly the schema the models describe, and go back down cleanly."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import inspections.models  # noqa: F401
import notifications.models  # noqa: F401
import services.account_models  # noqa: F401
import services.tokens  # noqa: F401
import tasks_catalog.models_lifecycle  # noqa: F401
import tasks_catalog.models_targets  # noqa: F401
from dondoc.db import downgrade, make_engine, migrate
from tasks_catalog.models import Base
from tests.conftest import drop_postgres_database, fresh_postgres_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    url = fresh_postgres_database("migrations")
    yield url
    drop_postgres_database(url)


def test_upgrade_builds_the_schema_of_the_models(empty_database):
    engine = make_engine(empty_database)
    migrate(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_up_again(empty_database):
    engine = make_engine(empty_database)
    migrate(engine)
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    migrate(engine)
    assert "tasks" in inspect(engine).get_table_names()
    engine.dispose()
