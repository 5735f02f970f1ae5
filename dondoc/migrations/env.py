"""Alembic environment: the engine comes from dondoc (config.attributes) or the env."""

from __future__ import annotations

from alembic import context

import inspections.models  # noqa: F401 - inspection plans and records
import notifications.models  # noqa: F401 - registers the outbox tables on Base
import services.account_models  # noqa: F401 - accounts, sign-in links and attempts
import services.tokens  # noqa: F401 - feed secrets and API tokens
import tasks_catalog.models_lifecycle  # noqa: F401 - task events, extension requests, used links
import tasks_catalog.models_targets  # noqa: F401 - reported values of targets
from dondoc.db import make_engine
from dondoc.settings import Settings
from tasks_catalog.models import Base

config = context.config
engine = config.attributes.get("engine") or make_engine(Settings.from_env().database_url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
