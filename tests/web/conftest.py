"""The web app over the small planned catalogue, with a clock the test sets, and real links."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dondoc.settings import Settings
from notifications.links import LinkSigner
from tests.lifecycle.world import plan_world
from tests.web.support import MORNING, SECRET, Clock, Web
from web import create_app


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, database_url: str, tmp_path: Path) -> Settings:
    monkeypatch.setenv("DONDOC_SECRET_KEY", SECRET)
    return Settings(database_url=database_url, base_url="http://testserver", state_dir=tmp_path)


@pytest.fixture
def web(engine, calendar, tmp_path, settings) -> Web:  # noqa: ANN001
    plan_world(engine, calendar, tmp_path)
    clock = Clock(MORNING)
    client = TestClient(create_app(settings, engine, clock=clock), follow_redirects=False)
    return Web(client, engine, LinkSigner(settings.signing_key()), clock)
