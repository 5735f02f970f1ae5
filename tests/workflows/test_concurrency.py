"""Two sweeps, or two deliverers, running at once in two processes: the work gets done
once, whoever does it.

The world is a generated catalogue: the small one plus many departments (each with a head
and an assignee) that a quarterly report, a monthly report and two plans fall on, planned
for 2025; on the morning of 20/3 over a thousand tasks are due. Both processes do their
slow start (imports, connecting) first, then wait at a start line (tests/procs/start_line.py)
that the test opens when both are ready.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime
from email.message import Message
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dondoc.db import session_factory, transaction
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.models import Notification
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Task
from tests.conftest import NOW
from tests.helpers import VALID
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ
from workflows.sweep import sweep

PROCS = Path(__file__).resolve().parents[1] / "procs"
MORNING = datetime(2025, 3, 20, 7, 30, tzinfo=LOCAL_TZ)
WAIT = 60.0  # seconds: the longest any process may take before the test fails
EXTRA_OBLIGATIONS = [
    {
        "code": "HB99-D4.1-THANG",
        "clause": "Điều 4, khoản 1",
        "quote": "Các sở báo cáo hằng tháng.",
        "title": "Báo cáo tháng",
        "kind": "recurring_report",
        "lead": ["HB-CAC-SO"],
        "schedule": {"every": "month", "report": True, "after_cutoff": 3},
    },
    {
        "code": "HB99-D4.2-DEAN",
        "clause": "Điều 4, khoản 2",
        "quote": "Các sở xây dựng đề án trước ngày 31/3/2025.",
        "title": "Xây dựng đề án",
        "kind": "deliverable",
        "lead": ["HB-CAC-SO"],
        "cooperating": ["HB-VP"],
        "deliverable": "Đề án",
        "schedule": {"once": "2025-03-31"},
    },
    {
        "code": "HB99-D4.3-RASOAT",
        "clause": "Điều 4, khoản 3",
        "quote": "Các sở rà soát thủ tục trước ngày 28/2/2025.",
        "title": "Rà soát thủ tục",
        "kind": "deliverable",
        "lead": ["HB-CAC-SO"],
        "deliverable": "Báo cáo rà soát",
        "schedule": {"once": "2025-02-28"},
    },
]


def generated_catalogue(folder: Path, departments: int) -> Path:
    """The small valid catalogue plus `departments` departments and three obligations."""
    folder.mkdir()
    agencies = yaml.safe_load((VALID / "agencies.yaml").read_text(encoding="utf-8"))
    for i in range(departments):
        domain = f"s{i:03}.hoabinh.example"
        agencies["agencies"].append(
            {
                "code": f"HB-S{i:03}",
                "name": f"Sở thử nghiệm {i}",
                "level": "province",
                "kind": "department",
                "parent": "HB-UBND",
                "people": [
                    {"name": f"Giám đốc {i}", "email": f"giamdoc@{domain}", "roles": ["head"]},
                    {"name": f"Chuyên viên {i}", "email": f"cv@{domain}", "roles": ["assignee"]},
                ],
            }
        )
    document = yaml.safe_load((VALID / "nghi-quyet.yaml").read_text(encoding="utf-8"))
    document["obligations"] += EXTRA_OBLIGATIONS
    for name, data in (("agencies.yaml", agencies), ("nghi-quyet.yaml", document)):
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def planned_world(engine: Engine, calendar: WorkCalendar, folder: Path, departments: int) -> None:
    with transaction(engine) as session:
        load_paths(session, [generated_catalogue(folder, departments)], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)


def run_together(
    processes: list[subprocess.Popen[str]], commands: dict[str, list[str]], go: Path
) -> dict[str, dict[str, Any]]:
    """Start every command, open the start line when all are ready, return their reports."""
    for command in commands.values():
        processes.append(
            subprocess.Popen(
                [*command, "--go", str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    deadline = time.monotonic() + WAIT
    while not all(Path(f"{go}.{name}.ready").exists() for name in commands):
        assert time.monotonic() < deadline, "the helper processes never got ready"
        assert all(p.poll() is None for p in processes), [p.communicate() for p in processes]
        time.sleep(0.01)
    go.touch()
    reports = {}
    for name, process in zip(commands, processes, strict=True):
        out, err = process.communicate(timeout=WAIT)
        assert process.returncode == 0, f"{name}: {err}"
        reports[name] = json.loads(out)
    return reports


def carried(headers: Message) -> tuple[str, ...]:
    """The outbox items a digest carries, from its X-Dondoc-Items header (maybe folded)."""
    return tuple("".join(str(headers["X-Dondoc-Items"]).split()).split(","))


def outbox_rows(session: Session) -> Counter[tuple[Any, ...]]:
    """Every outbox row without its id: what a sweep decides, comparable across runs."""
    rows = session.scalars(select(Notification))
    return Counter(
        (
            n.key,
            n.task_id,
            n.channel.value,
            n.recipient,
            n.recipient_name,
            n.kind,
            n.step,
            json.dumps(n.payload, sort_keys=True),
            n.state.value,
            n.attempts,
            n.created_at,
            n.next_attempt_at,
        )
        for n in rows
    )


def next_actions(session: Session) -> dict[int, datetime | None]:
    return {task: at for task, at in session.execute(select(Task.id, Task.next_action_at))}


def what_one_sweep_does(
    engine: Engine,
) -> tuple[Counter[tuple[Any, ...]], dict[int, datetime | None]]:
    """The outbox and the tasks' next actions after one sweep alone, rolled back after."""
    with session_factory(engine)() as session:
        # The calendar the engine uses (tests/procs/sweep.py too), not the test fixture's.
        sweep(session, now=MORNING, calendar=load_calendar(session))
        session.flush()
        expected = outbox_rows(session), next_actions(session)
        session.rollback()
    return expected


def test_two_sweeps_at_once_queue_exactly_what_one_sweep_would(
    engine, database_url, calendar, tmp_path, processes
):
    planned_world(engine, calendar, tmp_path / "catalogue", departments=200)
    with transaction(engine) as session:
        before = next_actions(session)
    due = {task for task, at in before.items() if at is not None and at <= MORNING}
    expected_rows, expected_next = what_one_sweep_does(engine)
    assert len(due) > 1000 and len(expected_rows) > 2500

    sweeper = [sys.executable, str(PROCS / "sweep.py"), "--db", database_url]
    at = ["--now", MORNING.isoformat(), "--batch-size", "25"]
    reports = run_together(
        processes,
        {name: [*sweeper, *at, "--name", name] for name in ("first", "second")},
        tmp_path / "go",
    )

    with transaction(engine) as session:
        assert outbox_rows(session) == expected_rows
        keys = session.execute(select(func.count(), func.count(Notification.key.distinct())))
        assert keys.one() == (len(expected_rows), len(expected_rows))  # no key twice
        after = next_actions(session)
    assert after == expected_next
    assert all(after[task] is None or after[task] > MORNING for task in due)
    assert sum(r["queued"] for r in reports.values()) == len(expected_rows)
    if database_url.startswith("postgresql"):
        # SKIP LOCKED: each took batches the other had not locked, and no task twice.
        assert all(r["tasks"] > 0 for r in reports.values()), reports
        assert sum(r["tasks"] for r in reports.values()) == len(due)


def test_two_deliverers_at_once_send_each_notification_once_and_each_person_one_digest(
    engine, database_url, calendar, tmp_path, processes
):
    planned_world(engine, calendar, tmp_path / "catalogue", departments=40)
    with transaction(engine) as session:
        sweep(session, now=MORNING, calendar=calendar)
        rows = session.scalar(select(func.count()).select_from(Notification))
        people = session.scalar(select(func.count(Notification.recipient.distinct())))
    assert rows > 500 and people > 80

    with MailCatcher(tmp_path / "mail") as catcher:
        deliverer = [sys.executable, str(PROCS / "deliver.py"), "--db", database_url]
        at = ["--smtp", catcher.url, "--now", MORNING.isoformat(), "--batch-size", "20"]
        reports = run_together(
            processes,
            {name: [*deliverer, *at, "--worker", name] for name in ("first", "second")},
            tmp_path / "go",
        )
        stored = {
            mail: carried(read_message(catcher.directory, mail.id))
            for mail in list_messages(catcher.directory)
        }

    with transaction(engine) as session:
        outbox = session.scalars(select(Notification)).all()
    assert len(outbox) == rows and {n.state.value for n in outbox} == {"sent"}
    # Each row arrived once, in the one message of its person, under its own Message-ID.
    arrived = Counter(
        (mail.recipients, mail.message_id, entry)
        for mail, items in stored.items()
        for entry in items
    )
    assert arrived == Counter(
        ((n.recipient,), n.message_id, f"{n.task_id}:{n.step}") for n in outbox
    )
    assert sorted(m.recipients for m in stored) == sorted(
        (p,) for p in {n.recipient for n in outbox}
    )
    assert sum(r["messages"] for r in reports.values()) == len(stored) == people
    if database_url.startswith("postgresql"):
        # Claims take turns and take whole people: both deliverers got some.
        assert all(r["messages"] > 0 for r in reports.values()), reports
