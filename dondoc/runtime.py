"""The engine's parts for the Prefect flows, built by the shell from the settings.

`workflows.flows` declares what a flow needs (`Runtime`) and finds this function through
the `dondoc.flows` entry point (pyproject.toml), so that `workflows` never imports the
shell: a flow is an entry point like the CLI, and Prefect imports it by module path in a
fresh process, where only an entry point can tell it who builds its parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from dondoc.context import engine_from_env, is_initialised
from dondoc.db import session_factory
from dondoc.settings import Settings
from dondoc.wiring import delivery_settings, email_transport_factory, webhook_setup
from workflows.flows import Runtime


@contextmanager
def runtime() -> Iterator[Runtime]:
    """The engine's parts from DONDOC_* settings; the database engine is disposed after."""
    settings = Settings.from_env()
    engine = engine_from_env()
    try:
        if not is_initialised(engine):
            raise RuntimeError("cơ sở dữ liệu chưa được khởi tạo; hãy chạy `dondoc init` trước")
        urls, webhooks = webhook_setup(settings)
        yield Runtime(
            sessions=session_factory(engine),
            delivery=delivery_settings(settings),
            email_transport=email_transport_factory(settings),
            webhook_transport=webhooks,
            webhook_urls=urls,
            inspection_secret=settings.inspection_secret(),
        )
    finally:
        engine.dispose()
