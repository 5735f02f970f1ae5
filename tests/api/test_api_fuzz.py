"""The API fuzzed from its own OpenAPI schema (schemathesis): never a 500, status codes,
content types and bodies as described, schema-valid calls accepted.

Not checked: that every schema-violating call is refused. Starlette reads a query
string leniently (an empty parameter name, the word "null" as text), and the API answers
those calls with what the valid part asks for; nothing reaches a person as an error.

Runs on a copy of the SQLite inspection world, as the inspection lead (the widest view)
and as the inspected unit's head, 15 generated calls per reading route; the decisions
(which write) 8 calls each as the lead. The app
is built when the module loads (schemathesis reads the schema then); its database file is
filled by the fixture before the first call.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection

from dondoc.db import make_engine, transaction
from dondoc.settings import Settings
from services.tokens import issue_api_token
from tests.api.conftest import NOW
from tests.inspections.conftest import LEAD, UNIT_HEAD
from tests.web.support import SECRET, Clock
from web import create_app

FOLDER = Path(tempfile.mkdtemp(prefix="dondoc-fuzz-"))
URL = f"sqlite:///{FOLDER / 'world.sqlite3'}"
ENGINE = make_engine(URL)  # connects on first use, after `_world` copied the file
SETTINGS = Settings(
    database_url=URL, base_url="http://testserver", state_dir=FOLDER, secret_key=SECRET
)
APP = create_app(SETTINGS, ENGINE, clock=Clock(NOW))
TOKENS: dict[str, str] = {}

schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _world(world_sqlite: Path) -> Iterator[None]:
    shutil.copy(world_sqlite, FOLDER / "world.sqlite3")
    with transaction(ENGINE) as session:
        for email in (LEAD, UNIT_HEAD):
            TOKENS[email] = issue_api_token(session, email=email, now=NOW)
    yield
    ENGINE.dispose()
    shutil.rmtree(FOLDER, ignore_errors=True)


def call(case, email: str) -> None:  # noqa: ANN001
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKENS[email]}"},
        excluded_checks=[negative_data_rejection],
    )


@schema.include(method="GET").parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_reading_never_fails_and_answers_as_it_says(case):  # noqa: ANN001
    for email in (LEAD, UNIT_HEAD):
        call(case, email)


@schema.include(method="POST").parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_deciding_never_fails_and_answers_as_it_says(case):  # noqa: ANN001
    call(case, LEAD)
