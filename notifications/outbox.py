"""Putting notifications into the outbox: insert, and ignore what is there already."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from notifications.models import Notification, NotificationState

INSERT_CHUNK = 2000  # rows per INSERT, under SQLite's and psycopg's parameter limits


def enqueue(session: Session, rows: list[dict[str, Any]]) -> int:
    """Insert rows whose key is new; a key already queued (or sent) is left alone.

    Returns how many rows were inserted. Runs in the caller's transaction, beside the
    state change that caused the notifications.
    """
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    inserted = 0
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start : start + INSERT_CHUNK]
        statement = (
            insert(Notification)
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(Notification.id)  # rowcount is not reliable for executemany
        )
        inserted += len(session.connection().execute(statement, chunk).all())
    return inserted


def count_by_state(session: Session) -> dict[str, int]:
    rows = session.execute(select(Notification.state, func.count()).group_by(Notification.state))
    return {NotificationState(state).value: n for state, n in rows.all()}
