"""Two ticks planning the same year at once: the loser's plan is already there, it is a no-op."""

from __future__ import annotations

import threading
import time
from datetime import datetime

import pytest
from sqlalchemy import func, select

from dondoc.db import session_factory, transaction
from notifications.delivery import DeliverySettings
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Task
from tests.conftest import NOW
from tests.helpers import copy_valid
from workflows.engine import TickReport, tick
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ

JANUARY = datetime(2025, 1, 2, 7, 30, tzinfo=LOCAL_TZ)
SETTINGS = DeliverySettings(
    "Dondoc <d@hoabinh.example>", "http://x.example", LinkSigner(b"k" * 32), "race"
)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_tick_that_loses_the_planning_race_is_a_quiet_no_op(engine, calendar, tmp_path):
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
    sessions = session_factory(engine)
    outcome: dict[str, object] = {}
    with MailCatcher(tmp_path / "mail") as catcher:

        def second_tick() -> None:
            try:
                outcome["report"] = tick(
                    sessions,
                    now=JANUARY,
                    settings=SETTINGS,
                    email_transport=lambda: SmtpTransport(SmtpSettings.from_url(catcher.url)),
                )
            except Exception as exc:  # noqa: BLE001 - the failure is what is checked
                outcome["error"] = exc

        # The first tick has planned 2025 and not yet committed when the second starts: the
        # second sees the year unplanned, plans it too, and waits on the unique index.
        first = sessions()
        plan_and_schedule(first, year=2025, calendar=calendar, now=JANUARY)
        first.flush()
        racer = threading.Thread(target=second_tick)
        racer.start()
        time.sleep(1.5)
        first.commit()
        first.close()
        racer.join(60)

    assert "error" not in outcome, outcome.get("error")
    report = outcome["report"]
    assert isinstance(report, TickReport) and report.plan is None
    with sessions() as session:
        planned = session.scalar(select(func.count()).select_from(Task))
        assert planned and planned == session.scalar(select(func.count(func.distinct(Task.id))))
