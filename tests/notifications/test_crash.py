"""A deliverer killed with SIGKILL between claiming and marking sent loses nothing and sends
nothing twice.

Real processes (tests/procs/deliver.py), killed for real, against a real SMTP server in
this process: a gate that counts every message handed to it, passes it on to the mail
catcher (the final receiver, which drops a repeated Message-ID), and can hold its answer
to the second message while the test kills the sender. After the kill a fresh deliverer
runs once the dead one's lease has expired.

The small catalogue swept on the morning of 20/3 queues 7 rows for 4 people, so a run
sends 4 digests, in order of recipient, over one connection; each is marked sent as soon
as the server accepts it, so a kill repeats at most the one message on the wire.
"""

from __future__ import annotations

import asyncio
import json
import signal
import smtplib
import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import Message
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, select

from dondoc.db import transaction
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.models import Notification
from tests.notifications.conftest import MORNING

DELIVER = Path(__file__).resolve().parents[1] / "procs" / "deliver.py"
LEASE = timedelta(seconds=30)
AFTER_THE_LEASE = MORNING + LEASE + timedelta(seconds=1)
WAIT = 20.0  # seconds: the longest any step may take before the test fails instead of hanging
HELD = 2  # the gate holds its answer to the second message of the run


@dataclass(frozen=True)
class Received:
    message_id: str
    recipients: tuple[str, ...]
    items: tuple[str, ...]  # "task_id:step", from X-Dondoc-Items


def carried(headers: Message) -> tuple[str, ...]:
    """The outbox items a digest carries, from its X-Dondoc-Items header (maybe folded)."""
    return tuple("".join(str(headers["X-Dondoc-Items"]).split()).split(","))


def item(row: Notification) -> str:
    return f"{row.task_id}:{row.step}"


class Gate:
    """aiosmtpd handler: note every message, pass it on to the catcher, maybe hold the 250."""

    def __init__(self, relay_port: int) -> None:
        self.relay_port = relay_port
        self.received: list[Received] = []  # every DATA, duplicates included
        self.hold: int | None = None  # hold the answer to this message (1-based)
        self.keep_held = True  # False: the held message is dropped, as if cut mid-DATA
        self.holding = threading.Event()
        self.released = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        headers = BytesHeaderParser().parsebytes(envelope.original_content)
        message_id, recipients = headers["Message-ID"].strip(), tuple(envelope.rcpt_tos)
        self.received.append(Received(message_id, recipients, carried(headers)))
        held = len(self.received) == self.hold
        if not held or self.keep_held:
            await asyncio.to_thread(self._relay, envelope)
        if held:
            self.holding.set()
            await asyncio.to_thread(self.released.wait, WAIT)  # the sender is killed meanwhile
            if not self.keep_held:
                return "451 4.3.0 Message not kept"
        return "250 OK"

    def _relay(self, envelope: Any) -> None:
        with smtplib.SMTP("127.0.0.1", self.relay_port, timeout=WAIT) as relay:
            relay.sendmail(envelope.mail_from, envelope.rcpt_tos, envelope.original_content)


def free_port() -> int:
    # aiosmtpd 1.4 needs the real port up front to check that its server is up.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def catcher(tmp_path: Path) -> Iterator[MailCatcher]:
    with MailCatcher(tmp_path / "mail") as running:
        yield running


@pytest.fixture
def gate(catcher: MailCatcher) -> Iterator[tuple[Gate, str]]:
    handler = Gate(catcher.port)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, f"smtp://127.0.0.1:{port}?timeout={WAIT:.0f}"
    finally:
        handler.released.set()  # never leave the server's loop waiting
        controller.stop()


@pytest.fixture
def queued(swept: Engine) -> Engine:
    return swept


def deliverer(
    database_url: str, smtp_url: str, now: datetime, worker: str | None, *extra: str
) -> list[str]:
    named = ("--worker", worker) if worker else ()  # none: host:pid, as dondoc names itself
    return [
        sys.executable,
        str(DELIVER),
        *("--db", database_url, "--smtp", smtp_url, "--now", now.isoformat()),
        *named,
        *("--lease-seconds", str(LEASE.total_seconds()), *extra),
    ]


def start(processes: list[subprocess.Popen[str]], command: list[str]) -> subprocess.Popen[str]:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    processes.append(process)
    return process


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    assert_killed(process)


def assert_killed(process: subprocess.Popen[str]) -> None:
    _, err = process.communicate(timeout=WAIT)
    assert process.returncode == -signal.SIGKILL, f"not killed ({process.returncode}): {err}"


def outbox(engine: Engine) -> list[Notification]:
    with transaction(engine) as session:
        return list(session.scalars(select(Notification).order_by(Notification.id)))


def recover(database_url: str, smtp_url: str, at: datetime = AFTER_THE_LEASE) -> dict[str, int]:
    """A fresh deliverer, by default after the dead one's lease has expired."""
    done = subprocess.run(
        deliverer(database_url, smtp_url, at, "recovery"),
        capture_output=True,
        text=True,
        timeout=WAIT * 2,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def assert_all_sent_once(engine: Engine, gate: Gate, catcher: MailCatcher, rows: int) -> None:
    """Every row sent; each reached the server inside one Message-ID only (perhaps more
    than once), and the catcher holds each Message-ID, and so each row, exactly once."""
    after = outbox(engine)
    assert len(after) == rows and {n.state.value for n in after} == {"sent"}
    for row in after:
        carriers = {
            r.message_id
            for r in gate.received
            if item(row) in r.items and row.recipient in r.recipients
        }
        assert carriers == {row.message_id}, row.key
    stored = list_messages(catcher.directory)
    assert sorted(m.message_id for m in stored) == sorted({n.message_id for n in after})
    kept = Counter(
        (entry, mail.recipients)
        for mail in stored
        for entry in carried(read_message(catcher.directory, mail.id))
    )
    assert kept == Counter((item(n), (n.recipient,)) for n in after)


def arrivals(gate: Gate, catcher: MailCatcher, message_ids: list[str]) -> list[tuple[int, int]]:
    """How many times each Message-ID reached the server, and how many times it was stored."""
    at_server = Counter(r.message_id for r in gate.received)
    stored = Counter(m.message_id for m in list_messages(catcher.directory))
    return [(at_server[m], stored[m]) for m in message_ids]


def test_a_deliverer_killed_after_claiming_before_connecting_loses_nothing(
    queued, database_url, gate, catcher, processes
):
    handler, url = gate
    with socket.socket() as silent:  # accepts the connection, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        silent.settimeout(WAIT)
        port = silent.getsockname()[1]
        dead = start(
            processes,
            deliverer(database_url, f"smtp://127.0.0.1:{port}?timeout=60", MORNING, "dead"),
        )
        connection, _ = silent.accept()  # the claim is done: it is waiting for 220
        with connection:
            assert {(n.state.value, n.claimed_by) for n in outbox(queued)} == {("sending", "dead")}
            kill(dead)
    report = recover(database_url, url)
    assert report["messages"] == 4 and report["notifications"] == 7
    assert_all_sent_once(queued, handler, catcher, rows=7)
    everything = sorted({r.message_id for r in handler.received})
    assert arrivals(handler, catcher, everything) == [(1, 1)] * 4  # nothing left before the kill


@pytest.mark.parametrize("kept", [False, True], ids=["dropped-by-server", "kept-by-server"])
def test_a_deliverer_killed_during_data_before_the_250_sends_nothing_twice(
    queued, database_url, gate, catcher, processes, kept
):
    handler, url = gate
    handler.hold, handler.keep_held = HELD, kept
    dead = start(processes, deliverer(database_url, url, MORNING, "dead"))
    assert handler.holding.wait(WAIT), "the deliverer never reached its second message"
    kill(dead)
    handler.hold = None
    handler.released.set()
    # The first digest was marked sent when the server accepted it; the held one was not.
    assert [n.state.value for n in outbox(queued)].count("sent") == first_digest_rows(queued)
    before = [m.message_id for m in list_messages(catcher.directory)]
    assert len(before) == (HELD if kept else HELD - 1)
    report = recover(database_url, url)
    assert report["messages"] == 4 - (HELD - 1)
    assert_all_sent_once(queued, handler, catcher, rows=7)
    # Only the message on the wire at the kill can reach the server twice (the catcher keeps it once).
    assert arrivals(handler, catcher, before) == [(1, 1)] * (HELD - 1) + [(2, 1)] * kept
    assert len(handler.received) == 4 + 1


def test_a_deliverer_killed_after_the_250_before_marking_sent_sends_nothing_twice(
    queued, database_url, gate, catcher, processes
):
    handler, url = gate
    dead = start(
        processes, deliverer(database_url, url, MORNING, "dead", "--kill-after-sends", str(HELD))
    )
    assert_killed(dead)
    before = [m.message_id for m in list_messages(catcher.directory)]
    assert len(before) == HELD
    report = recover(database_url, url)
    # Each digest is marked sent as soon as the server accepts it: only the last one, whose
    # 250 came just before the kill, goes again (same Message-ID); the first does not.
    assert report["messages"] == 4 - (HELD - 1)
    assert_all_sent_once(queued, handler, catcher, rows=7)
    assert arrivals(handler, catcher, before) == [(1, 1)] * (HELD - 1) + [(2, 1)]
    assert len(handler.received) == 4 + 1


def test_the_claims_of_a_killed_deliverer_are_given_back_at_once_not_after_the_lease(
    queued, database_url, gate, catcher, processes
):
    # Named host:pid, as dondoc names itself: the next run sees that process is gone.
    handler, url = gate
    dead = start(processes, deliverer(database_url, url, MORNING, None, "--kill-after-sends", "1"))
    assert_killed(dead)
    claimed = {n.claimed_by for n in outbox(queued) if n.state.value == "sending"}
    assert claimed == {f"{socket.gethostname()}:{dead.pid}"}

    report = recover(database_url, url, at=MORNING + timedelta(seconds=1))  # within the lease

    # Killed right after the first 250, before marking it: everything goes, at 07:30:01.
    assert report["messages"] == 4 and report["notifications"] == 7
    assert_all_sent_once(queued, handler, catcher, rows=7)


def first_digest_rows(engine: Engine) -> int:
    """Rows of the first person's digest (people are sent to in order of recipient)."""
    rows = outbox(engine)
    first = min(n.recipient for n in rows)
    return sum(1 for n in rows if n.recipient == first)
