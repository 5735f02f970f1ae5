"""One tick in a process of its own that SIGKILLs itself mid-sweep or mid-delivery.

    python tests/procs/tick.py --db URL --smtp URL --now ISO --kill sweep|deliver --after N

`--kill sweep`: killed right after the sweep queued its Nth batch of rows, before it
commits. `--kill deliver`: killed right after the server answered 250 to the Nth e-mail,
before delivery marks it sent. The claims are held as dondoc holds them (host:pid).
"""

from __future__ import annotations

import argparse
import os
import signal
from datetime import datetime
from typing import Any

from dondoc.db import make_engine, session_factory
from notifications.delivery import DeliverySettings
from notifications.holders import this_process
from notifications.links import LinkSigner
from notifications.mime import OutgoingEmail
from notifications.smtp import SmtpSettings, SmtpTransport
from workflows import engine as tick_engine
from workflows import sweep as sweep_module


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class DyingTransport(SmtpTransport):
    sent = 0

    def __init__(self, settings: SmtpSettings, after: int) -> None:
        super().__init__(settings)
        self.after = after

    def send(self, message: OutgoingEmail) -> None:
        super().send(message)
        DyingTransport.sent += 1
        if DyingTransport.sent == self.after:
            die()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--smtp", required=True)
    parser.add_argument("--now", required=True, type=datetime.fromisoformat)
    parser.add_argument("--kill", choices=("sweep", "deliver"), required=True)
    parser.add_argument("--after", type=int, default=1)
    parser.add_argument("--secret", default="r" * 32)
    args = parser.parse_args()
    smtp = SmtpSettings.from_url(args.smtp)
    if args.kill == "sweep":
        queue = sweep_module.enqueue
        calls = 0

        def enqueue_then_die(*a: Any, **k: Any) -> int:
            nonlocal calls
            queued = queue(*a, **k)
            calls += 1
            if calls == args.after:
                die()
            return queued

        sweep_module.enqueue = enqueue_then_die  # type: ignore[assignment]
    settings = DeliverySettings(
        sender="Dondoc <dondoc@ubnd.example>",
        base_url="https://dondoc.example",
        signer=LinkSigner(args.secret.encode()),
        worker=this_process(),
    )
    engine = make_engine(args.db)
    tick_engine.tick(
        session_factory(engine),
        now=args.now,
        settings=settings,
        email_transport=lambda: (
            DyingTransport(smtp, args.after) if args.kill == "deliver" else SmtpTransport(smtp)
        ),
    )
    return 3  # not killed: the test fails on this code


if __name__ == "__main__":
    raise SystemExit(main())
