"""How the sweep writes its rows: payload text spliced as json.dumps writes it, and on
SQLite automatic checkpoints off in its transaction, the connection's setting put back."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select, text

from dondoc.db import session_factory, transaction
from notifications.models import Notification
from notifications.outbox import encode_payload
from tasks_catalog.catalogue.service import load_paths
from tests.conftest import NOW
from tests.helpers import copy_valid
from workflows.engine import checkpoint_after, run_sweep
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ
from workflows.sweep import _Payload

ITEMS = [
    {
        "kind": "reminder",
        "title": 'Báo cáo "copy_reason":null \\ về "kết quả"',
        "copy_reason": None,
        "province": "Hà Nội",
        "note": "",
    },
    {"copy_reason": None},
    {"copy_reason": None, "due": "2025-03-20"},
    {"task_id": 7, "copy_reason": None},
]


@pytest.mark.parametrize("item", ITEMS)
@pytest.mark.parametrize(
    ("copy_reason", "reason"),
    [(None, "Đơn vị chủ trì"), ("Thủ trưởng", 'ký "thay"\\'), (None, None)],
)
def test_a_persons_payload_is_the_text_json_dumps_writes(item, copy_reason, reason):
    payload = _Payload(item)
    person = encode_payload({**item, "copy_reason": copy_reason, "reason": reason})
    assert payload.for_person(copy_reason, reason) == person
    assert payload.whole == encode_payload(item)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_sqlite_sweep_checkpoints_after_its_commit_and_puts_the_setting_back(
    engine, calendar, tmp_path
):
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)
    sessions = session_factory(engine)
    with checkpoint_after(sessions) as session:
        inside = session.execute(text("PRAGMA wal_autocheckpoint")).scalar()
    report = run_sweep(sessions, datetime(2025, 3, 20, 7, 30, tzinfo=LOCAL_TZ))
    assert inside == 0
    assert report.queued > 0
    assert engine.pool.checkedin() == 1
    with engine.connect() as connection:  # the pool's only connection: the sweep's
        assert connection.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000
        queued = connection.execute(select(Notification.id)).all()
    assert len(queued) == report.queued
