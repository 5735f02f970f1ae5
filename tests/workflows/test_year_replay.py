"""2025 replayed day by day on the seed catalogues, with SIGKILLs during sweep and delivery.

Each morning runs `tick` as cron runs `dondoc tick`; four mornings start with a tick in a
process of its own that is killed mid-sweep or mid-delivery (`tests/procs/tick.py`), and
the morning's ordinary tick follows, as the next cron run would. Every e-mail reaches a
real SMTP server and is parsed back, then:

- what was sent equals, item by item and person by person, what a plain reading of the
  policy says (`replay_expected`), each person getting at most one digest a morning;
- every number in every e-mail agrees with the calendar on the day it is dated
  (`replay_numbers`);
- a crash repeats at most one message, and nothing due waits past the tick after it.

One test per database; the two run on different xdist workers.
"""

from __future__ import annotations

import email
import email.message
import email.policy
import random
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload, sessionmaker

from dondoc.db import session_factory, transaction
from notifications.delivery import DeliverySettings
from notifications.links import LinkSigner
from notifications.models import Notification, NotificationState
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Obligation, Task
from tests.conftest import SEEDS
from tests.notifications.smtp_servers import Recorder, servers  # noqa: F401 - a fixture
from tests.workflows.replay_expected import CAL, FIRST, LAST, expected_items
from tests.workflows.replay_numbers import check_numbers
from workflows.engine import tick
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ

TICK = Path(__file__).resolve().parents[1] / "procs" / "tick.py"
CRASHES = 4
NOT_KILLED = 3  # tests/procs/tick.py's exit code when there was nothing to die at
SETTINGS = DeliverySettings(
    sender="Dondoc <dondoc@ubnd.example>",
    base_url="https://dondoc.example",
    signer=LinkSigner(b"r" * 32),
    worker="replay",
)


def morning(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 7, 30, tzinfo=LOCAL_TZ)


def dying_tick(database_url: str, smtp_url: str, now: datetime, where: str, after: int) -> bool:
    """A tick killed after its `after`-th outbox batch (sweep) or e-mail (deliver); False
    when the morning had less than that to do, so the tick ran to its end."""
    done = subprocess.run(
        [sys.executable, str(TICK), "--db", database_url, "--smtp", smtp_url,
         "--now", now.isoformat(), "--kill", where, "--after", str(after)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode in (-9, NOT_KILLED), (where, done.returncode, done.stderr[-2000:])
    return done.returncode == -9


def undelivered(sessions: sessionmaker, now: datetime) -> int:
    with sessions() as session:
        waiting = Notification.state.in_([NotificationState.PENDING, NotificationState.SENDING])
        return session.scalar(
            select(func.count()).where(waiting, Notification.next_attempt_at <= now)
        )


def test_a_year_day_by_day_with_crashes_sends_what_the_rules_say_once_each_number_right(
    engine,
    database_url,
    servers,  # noqa: F811
):
    with transaction(engine) as session:
        start = morning(FIRST)
        load_paths(session, [SEEDS], CAL, start)
        plan_and_schedule(session, year=FIRST.year, calendar=CAL, now=start)
    recorder = Recorder()
    smtp_url = f"smtp://127.0.0.1:{servers.start(recorder).port}"
    sessions = session_factory(engine)
    days = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    # A crash waits for a morning with something to die at (the tick then did its work).
    planned = sorted(random.Random(2025).sample(range(5, len(days) - 10), CRASHES))
    pending = {index: ("sweep" if n % 2 else "deliver") for n, index in enumerate(planned)}
    crashes = {"sweep": 0, "deliver": 0}
    waiting: list[str] = []
    for index, day in enumerate(days):
        now = morning(day)
        if index in pending:
            waiting.append(pending[index])
        if waiting:
            where, before = waiting[0], len(recorder.envelopes)
            after = 1 if where == "sweep" else 1 + index % 3
            if dying_tick(database_url, smtp_url, now, where, after):
                crashes[waiting.pop(0)] += 1
                assert where == "deliver" or len(recorder.envelopes) == before
        tick(sessions, now=now, settings=SETTINGS, email_transport=lambda: SmtpTransport(
            SmtpSettings.from_url(smtp_url)))  # fmt: skip
        # Nothing due by now waits for a later tick, crash or not.
        assert undelivered(sessions, now) == 0, day
    assert crashes == {"sweep": CRASHES // 2, "deliver": CRASHES - CRASHES // 2}, crashes

    received = [
        Received(recipient, email.message_from_bytes(content, policy=email.policy.SMTP))
        for _, [recipient], content in recorder.envelopes
    ]
    ids = Counter(r.message["Message-ID"] for r in received)
    assert sum(n - 1 for n in ids.values()) <= crashes["deliver"], ids.most_common(3)
    unique = list({r.message["Message-ID"]: r for r in received}.values())
    check_what_the_rules_say_to_whom(engine, unique)
    check_one_digest_a_person_a_morning(unique)
    check_each_item_names_its_document_clause_and_due_date(engine, unique)
    checked = sum(check_numbers(r.message) for r in unique)
    assert len(unique) > 3_000 and checked > 9_000, (len(unique), checked)


@dataclass(frozen=True)
class Received:
    recipient: str  # the envelope's
    message: email.message.EmailMessage


def items_of(message: email.message.EmailMessage) -> list[tuple[int, str]]:
    return [
        (int(task_id), step)
        for task_id, step in (item.split(":") for item in message["X-Dondoc-Items"].split(", "))
    ]


def check_what_the_rules_say_to_whom(engine, received: list[Received]) -> None:  # noqa: ANN001
    with transaction(engine) as session:
        expected = expected_items(session)
        inspection = set(
            session.scalars(
                select(Task.id).join(Task.obligation).where(Obligation.kind == "inspection_duty")
            )
        )
    actual: Counter[tuple[str, int, str]] = Counter()
    for one in received:
        for task_id, step in items_of(one.message):
            if task_id not in inspection:  # inspection warnings: checked by number only
                actual[(one.recipient.lower(), task_id, step)] += 1
    assert sum(expected.values()) > 9_000  # the seeds keep three provinces busy
    missing, extra = expected - actual, actual - expected
    assert not missing and not extra, (list(missing.items())[:5], list(extra.items())[:5])


def check_one_digest_a_person_a_morning(received: list[Received]) -> None:
    per_morning = Counter((r.recipient, r.message["Date"]) for r in received)
    assert max(per_morning.values()) == 1


def check_each_item_names_its_document_clause_and_due_date(
    engine,  # noqa: ANN001
    received: list[Received],
) -> None:
    with transaction(engine) as session:
        query = select(Task).options(selectinload(Task.obligation))
        tasks = {t.id: t for t in session.scalars(query)}
        for one in received[::97]:
            text = one.message.get_body(preferencelist=("plain",)).get_content()
            for task_id, _ in items_of(one.message):
                task = tasks[task_id]
                assert task.obligation.document.number in text
                assert task.obligation.clause in text
                assert task.due_on.strftime("%d/%m/%Y") in text
