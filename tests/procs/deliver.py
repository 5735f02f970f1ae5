"""One delivery run in a process of its own, so that a test can kill it with SIGKILL.

    python tests/procs/deliver.py --db URL --smtp URL --now ISO --worker NAME
        [--lease-seconds 30] [--batch-size 1000] [--go FILE] [--kill-after-sends N]

Prints the DeliveryReport as JSON. `--kill-after-sends N` is a test hook, kept here and not
in dondoc: the process SIGKILLs itself right after the server answered 250 to its Nth
message, before delivery records anything (the moment no test can otherwise reach).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path

from start_line import wait_for_go

from dondoc.db import make_engine, session_factory
from notifications.delivery import DeliverySettings, deliver
from notifications.holders import this_process
from notifications.links import LinkSigner
from notifications.mime import OutgoingEmail
from notifications.smtp import SmtpSettings, SmtpTransport


class DyingTransport(SmtpTransport):
    """SmtpTransport that kills its own process once `after` messages got their 250."""

    sent = 0  # across the batches of the run: one transport is opened per batch

    def __init__(self, settings: SmtpSettings, after: int) -> None:
        super().__init__(settings)
        self.after = after

    def send(self, message: OutgoingEmail) -> None:
        super().send(message)
        DyingTransport.sent += 1
        if DyingTransport.sent == self.after:
            os.kill(os.getpid(), signal.SIGKILL)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--smtp", required=True)
    parser.add_argument("--now", required=True, type=datetime.fromisoformat)
    parser.add_argument("--worker", help="claim holder; default host:pid, as dondoc's own")
    parser.add_argument("--lease-seconds", type=float, default=30)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--go", type=Path)
    parser.add_argument("--kill-after-sends", type=int)
    args = parser.parse_args()
    if args.now.tzinfo is None:
        parser.error("--now needs an offset")
    smtp = SmtpSettings.from_url(args.smtp)
    after = args.kill_after_sends
    settings = DeliverySettings(
        sender="Dondoc <dondoc@hoabinh.example>",
        base_url="https://dondoc.hoabinh.example",
        signer=LinkSigner(b"k" * 32),
        worker=args.worker or this_process(),
        lease=timedelta(seconds=args.lease_seconds),
        batch_size=args.batch_size,
    )
    engine = make_engine(args.db)
    with engine.connect():
        pass  # connect before the start line, not after it
    wait_for_go(args.go, args.worker)
    report = deliver(
        session_factory(engine),
        now=args.now,
        settings=settings,
        email_transport=lambda: (
            SmtpTransport(smtp) if after is None else DyingTransport(smtp, after)
        ),
    )
    engine.dispose()
    sys.stdout.write(json.dumps(asdict(report)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
