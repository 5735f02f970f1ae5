"""The floor under the sweep: its writes alone, in plain SQL, in one transaction.

What no sweep can go under on this database: the outbox rows a sweep wrote, inserted as
they are stored (values already in the driver's form, payloads as JSON text) by one
`INSERT` executemany, and the due tasks' new `next_action_at` written by one
`UPDATE tasks SET next_action_at = ? WHERE id = ?` executemany, then the commit; nothing
read, no rule applied, nothing encoded, no conflict or compare-and-set checked. On SQLite
the transaction runs as the sweep's does (`workflows.engine.checkpoint_after`): automatic
checkpoints off, a passive checkpoint after the commit, timed apart.

`capture` reads the rows from the database right after a sweep; `run` writes them again
after `make_tasks.restore` has put the database back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from bench.common import stopwatch

# Every column of the outbox but the id, as stored (PostgreSQL: JSON and enums as text).
_COLUMNS = (
    "key",
    "task_id",
    "channel",
    "recipient",
    "recipient_name",
    "kind",
    "step",
    "payload",
    "created_at",
    "state",
    "attempts",
    "next_attempt_at",
    "claimed_by",
    "claimed_until",
    "message_id",
    "sent_at",
    "last_error",
)
_TEXT_ON_POSTGRES = {"payload", "channel", "state"}


@dataclass(frozen=True)
class Captured:
    rows: list[tuple[Any, ...]]  # outbox rows, _COLUMNS order
    moves: list[tuple[Any, int]]  # (next_action_at, task id)


def capture(engine: Engine) -> Captured:
    postgres = engine.dialect.name == "postgresql"
    columns = ", ".join(
        f"{name}::text" if postgres and name in _TEXT_ON_POSTGRES else name for name in _COLUMNS
    )
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(f"SELECT {columns} FROM notifications ORDER BY id")
        rows = [tuple(row) for row in cursor.fetchall()]
        cursor.execute(
            "SELECT next_action_at, id FROM tasks WHERE id IN (SELECT id FROM bench_due) "
            "ORDER BY id"
        )
        moves = [(row[0], row[1]) for row in cursor.fetchall()]
        raw.rollback()
    finally:
        raw.close()
    return Captured(rows, moves)


def run(engine: Engine, captured: Captured) -> tuple[float, float, float]:
    """(seconds for the transaction, commit included; of which the UPDATE's; seconds of
    the checkpoint after)."""
    mark = "%s" if engine.dialect.name == "postgresql" else "?"
    insert = (
        f"INSERT INTO notifications ({', '.join(_COLUMNS)}) "
        f"VALUES ({', '.join([mark] * len(_COLUMNS))})"
    )
    update = f"UPDATE tasks SET next_action_at = {mark} WHERE id = {mark}"
    raw = engine.raw_connection()
    sqlite = engine.dialect.name == "sqlite"
    try:
        driver: Any = raw.driver_connection
        if sqlite:
            (previous,) = driver.execute("PRAGMA wal_autocheckpoint").fetchone()
            driver.execute("PRAGMA wal_autocheckpoint=0")
        cursor = raw.cursor()
        with stopwatch() as transaction:
            cursor.executemany(insert, captured.rows)
            with stopwatch() as updating:
                cursor.executemany(update, captured.moves)
            raw.commit()
        with stopwatch() as checkpoint:
            if sqlite:
                driver.execute(f"PRAGMA wal_autocheckpoint={int(previous)}")
                driver.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        raw.close()
    return transaction(), updating(), checkpoint()
