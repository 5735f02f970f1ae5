"""One sweep in a process of its own, so that a test can run two at once.

    python tests/procs/sweep.py --db URL --now ISO --name NAME [--batch-size N] [--go FILE]

Prints the SweepReport as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from start_line import wait_for_go

from dondoc.db import make_engine, session_factory
from tasks_catalog.calendar_store import load_calendar
from workflows.sweep import sweep


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--now", required=True, type=datetime.fromisoformat)
    parser.add_argument("--name", required=True)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--go", type=Path)
    args = parser.parse_args()
    if args.now.tzinfo is None:
        parser.error("--now needs an offset")
    engine = make_engine(args.db)
    sessions = session_factory(engine)
    with sessions() as session:
        calendar = load_calendar(session)  # read before the start line: only the sweep races
    wait_for_go(args.go, args.name)
    with sessions.begin() as session:
        report = sweep(session, now=args.now, calendar=calendar, batch_size=args.batch_size)
    engine.dispose()
    sys.stdout.write(json.dumps(asdict(report)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
