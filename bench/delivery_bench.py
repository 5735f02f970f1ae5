"""Delivery: messages per second through `notifications.delivery.deliver` into loopback SMTP.

2,000 pending outbox rows for 2,000 different people (one digest each; `--items 3` gives
each person three) are claimed, rendered (three templates, signed links), sent and
marked sent by `deliver`, exactly as `dondoc tick` does, against:
- `sink`: a minimal aiosmtpd server that counts messages and keeps nothing;
- `catcher`: the project's MailCatcher, which fsyncs every message to disk.
Each server runs in its own process (its own core and interpreter lock), as a relay would.
The baseline is the same `deliver` with a transport that opens one SMTP connection per
message (connect, EHLO, MAIL, RCPT, DATA, QUIT), instead of dondoc's one per batch.

Between runs the outbox is refilled (not timed); each catcher run gets a fresh folder,
since the catcher drops Message-IDs it has already stored.

    .venv/bin/python -m bench.delivery_bench [--db sqlite|postgres] [--runs 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import pstats
import smtplib
import socket
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, select

from bench.common import load_now, machine, stopwatch, summary
from bench.make_tasks import MORNING, prepare
from dondoc.db import make_engine, session_factory
from notifications.delivery import DeliveryReport, DeliverySettings, EmailSender, deliver
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher
from notifications.models import Channel, Notification
from notifications.outbox import enqueue
from notifications.smtp import SmtpSettings, SmtpTransport, recipients_of
from notifications.transport import TransportError
from tasks_catalog.models import Agency, Document, Obligation, Task

PEOPLE = 2000
BASE_TASKS = 2000  # a small bench database (make_tasks) for the rows' task_id
SETTINGS = DeliverySettings(
    sender="Văn phòng UBND tỉnh <dondoc@ubnd.bench.example>",
    base_url="https://dondoc.bench.example",
    signer=LinkSigner(b"bench-link-secret-32-bytes-long!"),
    worker="bench",
    lease=timedelta(minutes=10),
)
# (kind, step, days, status label): what a morning's digests carry, in turn.
SHAPES = (
    ("reminder", "due-day", 0, "Sắp đến hạn"),
    ("reminder", "before-3", 3, "Sắp đến hạn"),
    ("overdue", "overdue-1", -1, "Quá hạn chưa hoàn thành"),
    ("escalation", "overdue-3", -3, "Quá hạn chưa hoàn thành"),
    ("status_request", "request", 5, "Chưa triển khai"),
)


# --- the outbox --------------------------------------------------------------------------


def fill_outbox(engine: Engine, people: int, items: int) -> int:
    """Empty the outbox, then queue `items` rows for each of `people` people."""
    with session_factory(engine).begin() as session:
        session.execute(Notification.__table__.delete())
        query = (
            select(Task, Obligation, Document.number, Agency.name)
            .join(Obligation, Task.obligation_id == Obligation.id)
            .join(Document, Obligation.document_id == Document.id)
            .join(Agency, Task.agency_id == Agency.id)
            .order_by(Task.id)
        )
        tasks = session.execute(query).all()
        rows = []
        for n in range(people * items):
            person, (task, obligation, number, agency) = n % people, tasks[n % len(tasks)]
            kind, step, days, label = SHAPES[(n // people + person) % len(SHAPES)]
            email = f"nguoi{person:05d}@bench.example"
            payload = {
                "kind": kind,
                "step": step,
                "task_id": task.id,
                "document": number,
                "clause": obligation.clause,
                "obligation_code": obligation.code,
                "title": obligation.title,
                "agency_name": agency,
                "role": task.role.value,
                "period": task.period_label,
                "due": task.due_on.isoformat(),
                "original_due": task.original_due_on.isoformat(),
                "status_label": label,
                "days": days,
                "copy_reason": None,
                "reason": f"Đầu mối thực hiện của {agency}",
            }
            rows.append(
                {
                    "key": f"t{task.id}/{step}/{task.due_on.isoformat()}/email/{email}/{n}",
                    "task_id": task.id,
                    "channel": Channel.EMAIL,
                    "recipient": email,
                    "recipient_name": f"Nguyễn Thị Thử {person}",
                    "kind": kind,
                    "step": step,
                    "payload": payload,
                    "created_at": MORNING,
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": MORNING - timedelta(seconds=1),
                }
            )
        return enqueue(session, rows)


# --- the SMTP servers, each in a process of its own ----------------------------------------


class _Count:
    """aiosmtpd handler: count, keep nothing."""

    def __init__(self, counter: Any) -> None:
        self.counter = counter

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        with self.counter.get_lock():
            self.counter.value += 1
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_sink(port: int, counter: Any, cpu: Any, ready: Any, stop: Any) -> None:
    from aiosmtpd.controller import Controller

    controller = Controller(_Count(counter), hostname="127.0.0.1", port=port)
    controller.start()
    _serve_until(stop, ready, cpu)
    controller.stop()


def _serve_catcher(port: int, directory: str, cpu: Any, ready: Any, stop: Any) -> None:
    with MailCatcher(Path(directory), port=port):
        _serve_until(stop, ready, cpu)


def _serve_until(stop: Any, ready: Any, cpu: Any) -> None:
    """Serve until told to stop; leave in `cpu` the CPU seconds spent meanwhile."""
    start = time.process_time()
    ready.set()
    stop.wait()
    cpu.value = time.process_time() - start


class Server:
    """`with Server("sink") as server:` … `server.url`, `server.received()`."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.port = _free_port()
        self.url = f"smtp://127.0.0.1:{self.port}"
        context = multiprocessing.get_context("spawn")
        self._ready, self._stop = context.Event(), context.Event()
        self._counter = context.Value("i", 0)
        self._cpu = context.Value("d", 0.0)
        self._folder = tempfile.TemporaryDirectory(prefix="dondoc-bench-mail-")
        if kind == "sink":
            args: tuple[Any, ...] = (self.port, self._counter, self._cpu, self._ready, self._stop)
            self._process = context.Process(target=_serve_sink, args=args)
        else:
            args = (self.port, self._folder.name, self._cpu, self._ready, self._stop)
            self._process = context.Process(target=_serve_catcher, args=args)

    def received(self) -> int:
        if self.kind == "sink":
            return int(self._counter.value)
        return len(list((Path(self._folder.name) / "new").glob("*.eml")))

    def __enter__(self) -> Server:
        self._process.start()
        if not self._ready.wait(30):
            raise RuntimeError(f"{self.kind} did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._process.join(30)
        self.cpu_seconds = self._cpu.value
        self._folder.cleanup()


# --- the transports --------------------------------------------------------------------


class ConnectionPerMessage:
    """The baseline: a new SMTP connection (EHLO … QUIT) for every message."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def __enter__(self) -> ConnectionPerMessage:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None

    def send(self, message: Any) -> None:
        recipients = recipients_of(message)
        try:
            with smtplib.SMTP(self.settings.host, self.settings.port, timeout=10) as smtp:
                smtp.sendmail(self.settings.sender, recipients, bytes(message))
        except (smtplib.SMTPException, OSError) as exc:
            raise TransportError(f"SMTP: {exc!r}", permanent=False) from exc


class RecordingTransport(SmtpTransport):
    """dondoc's transport, keeping the bytes of the last message sent: the floor sends
    copies of it (recording is one assignment a message)."""

    last: bytes = b""

    def send(self, message: Any) -> None:
        super().send(message)
        RecordingTransport.last = message.raw


Transport = Callable[[], AbstractContextManager[EmailSender]]


def transport_for(mode: str, url: str) -> Transport:
    settings = SmtpSettings.from_url(url)
    if mode in ("dondoc", "parallel"):
        return lambda: RecordingTransport(settings)
    return lambda: ConnectionPerMessage(settings)


# --- the floor: the server alone, fed prebuilt messages ---------------------------------


def small_message() -> bytes:
    """A 1.7 KB plain-text message, for the server's cost of a message that is barely any."""
    head = (
        "From: dondoc@ubnd.bench.example\r\nTo: nguoi@bench.example\r\n"
        "Subject: floor\r\nMessage-ID: <0000000000000000000000000000000000000000@dondoc>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
    )
    body = ("x" * 70 + "\r\n") * 22
    return (head + body).encode("ascii")


def numbered(raw: bytes, count: int) -> list[bytes]:
    """`count` copies of `raw`, each with its own Message-ID of the same length (the
    catcher keeps a Message-ID once)."""
    start = raw.index(b"Message-ID: <") + len(b"Message-ID: <")
    end = raw.index(b"@", start)
    width = end - start
    return [raw[:start] + f"{n:0{width}d}".encode() + raw[end:] for n in range(count)]


def floor_run(server_kind: str, raw: bytes, count: int, connections: int) -> Run:
    """`count` prebuilt messages over `connections` connections (smtplib, one thread each):
    what the server takes when the client does nothing else."""
    messages = numbered(raw, count)
    with Server(server_kind) as server:
        settings = SmtpSettings.from_url(server.url)

        def lane(share: list[bytes]) -> None:
            with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
                for message in share:
                    smtp.sendmail(SETTINGS.sender, ["nguoi@bench.example"], message)

        shares = [messages[n::connections] for n in range(connections)]
        cpu = time.process_time()
        with stopwatch() as elapsed, ThreadPoolExecutor(connections) as pool:
            list(pool.map(lane, shares))
        seconds, client_cpu = elapsed(), time.process_time() - cpu
        received = server.received()
    assert received == count, f"the server got {received} of {count}"
    return Run(seconds, client_cpu, server.cpu_seconds, DeliveryReport(messages=count))


# --- the runs --------------------------------------------------------------------------


@contextmanager
def _maybe_profile(enabled: bool) -> Any:
    profiler = cProfile.Profile() if enabled else None
    if profiler:
        profiler.enable()
    yield
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


@dataclass
class Run:
    seconds: float  # wall clock, what msg/s is computed from
    client_cpu: float  # CPU seconds of this process (claim, render, build, send, record)
    server_cpu: float  # CPU seconds of the SMTP server's process
    report: DeliveryReport


def one_run(
    engine: Engine,
    server_kind: str,
    mode: str,
    people: int,
    items: int,
    profile: bool = False,
    connections: int = 1,
) -> Run:
    queued = fill_outbox(engine, people, items)
    assert queued == people * items, f"queued {queued}"
    with Server(server_kind) as server:
        cpu = time.process_time()
        with _maybe_profile(profile), stopwatch() as elapsed:
            report = deliver(
                session_factory(engine),
                now=MORNING,
                settings=replace(SETTINGS, connections=connections if mode == "parallel" else 1),
                email_transport=transport_for(mode, server.url),
            )
        seconds, client_cpu = elapsed(), time.process_time() - cpu
        received = server.received()
    assert report.messages == people, f"sent {report.messages} of {people}: {report}"
    assert received == people, f"the server got {received} of {people}"
    return Run(seconds, client_cpu, server.cpu_seconds, report)


def floors(server: str, args: argparse.Namespace, results: dict[str, Any]) -> dict[str, Any]:
    """The server alone, in the same minutes: dondoc's own last message (same size) and a
    1.7 KB one, over the parallel mode's connections; dondoc's ratio to the first."""
    out: dict[str, Any] = {}
    sizes = {"same": RecordingTransport.last, "small": small_message()}
    for name, raw in sizes.items():
        rates, server_ms = [], []
        for run in range(1, args.runs + 1):
            load = load_now()
            result = floor_run(server, raw, args.people, args.connections)
            rates.append(args.people / result.seconds)
            server_ms.append(1000 * result.server_cpu / args.people)
            print(  # noqa: T201
                f"  {server}/floor-{name} run {run}: {args.people:,} prebuilt messages of "
                f"{len(raw):,} bytes over {args.connections} connections in "
                f"{result.seconds:.3f} s = {rates[-1]:,.0f} msg/s; server CPU per message "
                f"{server_ms[-1]:.2f} ms (load {load})"
            )
        print(summary(f"{server}/floor-{name} ({len(raw):,} bytes)", rates, "msg/s"))  # noqa: T201
        out[f"{server}/floor-{name}"] = {
            "bytes": len(raw),
            "runs": rates,
            "median": statistics.median(rates),
            "server_cpu_ms": statistics.median(server_ms),
        }
    parallel = results.get(f"{server}/parallel")
    if parallel:
        ratio = parallel["median"] / out[f"{server}/floor-same"]["median"]
        print(  # noqa: T201
            f"{server}: dondoc over {args.connections} connections = {ratio:.0%} of the floor "
            f"(the server fed the same {len(sizes['same']):,}-byte message prebuilt)"
        )
        out[f"{server}/ratio-to-floor"] = ratio
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--items", type=int, default=1, help="digest items per person")
    parser.add_argument("--servers", default="sink,catcher")
    parser.add_argument("--modes", default="dondoc,parallel,baseline")
    parser.add_argument(
        "--connections", type=int, default=4, help="SMTP connections of the parallel mode"
    )
    parser.add_argument(
        "--no-floor",
        dest="floor",
        action="store_false",
        help="skip the floor (the server fed prebuilt messages)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile one more dondoc run")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    engine = make_engine(prepare(args.db, BASE_TASKS))
    print(  # noqa: T201
        f"{args.db}: {args.people:,} people × {args.items} item(s); {machine()}"
    )
    results: dict[str, Any] = {}
    for server in args.servers.split(","):
        for mode in args.modes.split(","):
            rates, client_ms, server_ms = [], [], []
            for run in range(1, args.runs + 1):
                load = load_now()
                result = one_run(
                    engine, server, mode, args.people, args.items, connections=args.connections
                )
                sent = result.report.messages
                rates.append(sent / result.seconds)
                client_ms.append(1000 * result.client_cpu / sent)
                server_ms.append(1000 * result.server_cpu / sent)
                print(  # noqa: T201
                    f"  {server}/{mode} run {run}: {sent:,} messages in {result.seconds:.3f} s "
                    f"= {rates[-1]:,.0f} msg/s; CPU per message: {client_ms[-1]:.2f} ms here, "
                    f"{server_ms[-1]:.2f} ms in the server (load {load})"
                )
            print(summary(f"{server}/{mode}", rates, "msg/s"))  # noqa: T201
            print(summary("  client CPU per message", client_ms, "ms"))  # noqa: T201
            print(summary("  server CPU per message", server_ms, "ms"))  # noqa: T201
            results[f"{server}/{mode}"] = {
                "runs": rates,
                "median": statistics.median(rates),
                "client_cpu_ms": statistics.median(client_ms),
                "server_cpu_ms": statistics.median(server_ms),
            }
        if args.floor and RecordingTransport.last:
            results.update(floors(server, args, results))
    if args.profile:
        one_run(engine, "sink", "dondoc", args.people, args.items, profile=True)
    if args.json:
        print(json.dumps({"benchmark": "delivery", "db": args.db, **results}))  # noqa: T201
    engine.dispose()


if __name__ == "__main__":
    main()
