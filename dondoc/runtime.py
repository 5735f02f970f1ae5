"""The engine's parts for the Prefect flows, built by the shell from the settings.

`workflows.flows` declares what a flow needs (`Runtime`) and finds this function through
the `dondoc.flows` entry point (pyproject.toml), so that `workflows` never imports the
shell: a flow is an entry point like the CLI, and Prefect imports it by module path in a
fresh process, where only an entry point can tell it who builds its parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from dondoc.context import is_initialised
from dondoc.db import make_engine, session_factory
from dondoc.settings import Settings
from dondoc.signing_key import check_signing_key
from dondoc.wiring import delivery_settings, email_transport_factory, webhook_setup
from workflows.flows import Runtime


@contextmanager
def runtime() -> Iterator[Runtime]:
    """The engine's parts from DONDOC_* settings; the database engine is disposed after."""
    settings = Settings.from_env()  # a flow has no terminal: SettingsError goes to its log
    engine = make_engine(settings.database_url)
    try:
        if not is_initialised(engine):
            raise RuntimeError("cơ sở dữ liệu chưa được khởi tạo; hãy chạy `dondoc init` trước")
        check_signing_key(engine, settings, datetime.now(UTC))  # a flow's edge: the clock
        urls, webhooks = webhook_setup(settings)
        yield Runtime(
            sessions=session_factory(engine),
            delivery=delivery_settings(settings),
            email_transport=email_transport_factory(settings),
            webhook_transport=webhooks,
            webhook_urls=urls,
            inspection_secret=settings.inspection_plan_secret(),
        )
    finally:
        engine.dispose()
