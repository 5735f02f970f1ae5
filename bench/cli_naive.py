"""The naive `dondoc tasks list --json`, for `bench/cli_bench.py` to compare against.

What a first version does: every task loaded as an ORM object with its obligation,
document and agencies, its status from `display_status`, the whole list built in memory
and written by `json.dumps(indent=2)` (the pure-Python encoder). The same JSON as dondoc's.

    DONDOC_DATABASE_URL=… .venv/bin/python -m bench.cli_naive > tasks.json
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from dondoc.db import make_engine, session_factory
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.models import Agency, Document, Obligation, Task
from tasks_catalog.queries import task_json
from tasks_catalog.status import display_status


def main() -> None:
    engine = make_engine(os.environ["DONDOC_DATABASE_URL"])
    today = date.today()
    with session_factory(engine)() as session:
        calendar = load_calendar(session)
        query = (
            select(Task)
            .join(Obligation, Task.obligation_id == Obligation.id)
            .join(Document, Obligation.document_id == Document.id)
            .join(Agency, Task.agency_id == Agency.id)
            .options(
                selectinload(Task.obligation).selectinload(Obligation.document),
                selectinload(Task.agency),
                selectinload(Task.subject),
            )
            .order_by(
                Task.due_on, Document.number, Obligation.position, Agency.code, Task.occurrence_key
            )
        )
        rows = [task_json(t, display_status(t, today, calendar)) for t in session.scalars(query)]
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
