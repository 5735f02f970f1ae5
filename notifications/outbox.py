"""Putting notifications into the outbox: insert, and ignore what is there already.

A sweep queues tens of thousands of rows in one transaction, so rows go in bulk, without
SQLAlchemy's per-row work (about 20 µs a row, most of a sweep's time), each value
converted by its column's own type (once per distinct value where rows share them: the
moment, the state, the channel):
- PostgreSQL: `COPY` into a temporary table of this session, then one
  `INSERT … SELECT … ON CONFLICT DO NOTHING` (COPY itself cannot skip a conflict, and
  it spares the server parsing the rows from a JSON document per statement).
- SQLite: an executemany of one prepared `INSERT … ON CONFLICT DO NOTHING`.

`enqueue` takes dicts (a few rows at a time: decisions, inspections) or, from the sweep,
which queues thousands, tuples in `ENCODED_COLUMNS` order with each payload already JSON
text (`encode_payload`): about 2.3 rows share one item, whose JSON the sweep encodes once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Column, Connection, func, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from notifications.models import Notification, NotificationState
from tasks_catalog.sql import table_of

INSERT_CHUNK = 2000  # rows per statement
DEFAULTS = {"state": NotificationState.PENDING, "attempts": 0}  # as the model's defaults
_TABLE = table_of(Notification)
_INCOMING = "outbox_incoming"  # PostgreSQL: a temporary table per session, emptied at commit
# A queued row as a tuple for `enqueue`, the payload as JSON text.
ENCODED_COLUMNS = (
    "key",
    "task_id",
    "channel",
    "recipient",
    "recipient_name",
    "kind",
    "step",
    "payload",
    "created_at",
    "next_attempt_at",
)
# What the engine's JSON columns write (dondoc.db): Vietnamese as itself, no spaces.
encode_payload: Callable[[Any], str] = partial(
    json.dumps, ensure_ascii=False, separators=(",", ":")
)


def enqueue(session: Session, rows: Sequence[dict[str, Any]] | Sequence[tuple[Any, ...]]) -> int:
    """Insert rows whose key is new; a key already queued (or sent) is left alone.

    Rows are dicts of Notification columns, all with the same keys, or tuples in
    `ENCODED_COLUMNS` order whose payload is JSON text. Returns how many rows were
    inserted. Runs in the caller's transaction, beside the state change that caused the
    notifications.
    """
    if not rows:
        return 0
    if isinstance(rows[0], tuple):
        return _enqueue_encoded(session, cast(Sequence[tuple[Any, ...]], rows))
    return _enqueue_dicts(session, cast(Sequence[dict[str, Any]], rows))


def _enqueue_dicts(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    connection = session.connection()
    insert = _insert_postgresql if connection.dialect.name == "postgresql" else _insert_sqlite
    inserted = 0
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = [DEFAULTS | row for row in rows[start : start + INSERT_CHUNK]]
        names = list(chunk[0])
        inserted += insert(connection, names, _bound_rows(chunk, names, connection.dialect))
    return inserted


def _enqueue_encoded(session: Session, rows: Sequence[tuple[Any, ...]]) -> int:
    connection = session.connection()
    dialect = connection.dialect
    names = [*ENCODED_COLUMNS, *DEFAULTS]
    converters = [
        (position, convert)
        for position, name in enumerate(ENCODED_COLUMNS)
        if name != "payload"  # already text
        and (convert := _converter(_TABLE.c[name], dialect)) is not None
    ]
    defaults = tuple(_bound_rows([DEFAULTS], list(DEFAULTS), dialect)[0])
    postgresql = dialect.name == "postgresql"
    insert = _insert_postgresql if postgresql else _insert_sqlite
    # PostgreSQL: one COPY streams every row, then one INSERT … SELECT (each further chunk
    # costs a statement and a TRUNCATE of the temporary table).
    chunk = len(rows) if postgresql else INSERT_CHUNK
    inserted = 0
    for start in range(0, len(rows), chunk):
        bound = []
        for row in rows[start : start + chunk]:
            values = list(row)
            for position, convert in converters:
                values[position] = convert(values[position])
            bound.append((*values, *defaults))
        inserted += insert(connection, names, bound)
    return inserted


def _insert_postgresql(
    connection: Connection, names: list[str], bound: list[tuple[Any, ...]]
) -> int:
    columns = ", ".join(f'"{name}"' for name in names)
    driver = connection.connection.driver_connection
    if driver is None:  # only a closed connection has none
        raise RuntimeError("the database connection is closed")
    cursor = driver.cursor()  # psycopg 3: COPY
    # Every column but the id, types only: no constraints, nothing evaluated per row.
    every = ", ".join(f'"{c.name}"' for c in _TABLE.c if c.name != "id")
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {_INCOMING} ON COMMIT DELETE ROWS "
        f"AS SELECT {every} FROM {_TABLE.name} WITH NO DATA"
    )
    with cursor.copy(f"COPY {_INCOMING} ({columns}) FROM STDIN") as copy:
        for values in bound:
            copy.write_row(values)
    cursor.execute(
        f"INSERT INTO {_TABLE.name} ({columns}) SELECT {columns} FROM {_INCOMING} "
        "ON CONFLICT (key) DO NOTHING"
    )
    inserted = cursor.rowcount
    cursor.execute(f"TRUNCATE {_INCOMING}")  # the next chunk of this transaction
    return inserted


def _insert_sqlite(connection: Connection, names: list[str], bound: list[tuple[Any, ...]]) -> int:
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" * len(names))
    statement = (
        f"INSERT INTO {_TABLE.name} ({columns}) VALUES ({marks}) ON CONFLICT (key) DO NOTHING"
    )
    # pysqlite sums the rows each execution changed: a conflict changes none.
    options = {"preserve_rowcount": True}
    return connection.exec_driver_sql(statement, bound, execution_options=options).rowcount


def _bound_rows(
    rows: list[dict[str, Any]], names: list[str], dialect: Dialect
) -> list[tuple[Any, ...]]:
    """Each row's values in the order of `names`, as the columns' types would bind them."""
    values_of = itemgetter(*names)
    converters = [
        (position, convert)
        for position, name in enumerate(names)
        if (convert := _converter(_TABLE.c[name], dialect)) is not None
    ]
    bound = []
    for row in rows:
        values = list(values_of(row)) if len(names) > 1 else [values_of(row)]
        for position, convert in converters:
            values[position] = convert(values[position])
        bound.append(tuple(values))
    return bound


def _converter(target: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column type's bind processor (None: the value goes as it is); memoized unless
    the values are JSON documents."""
    process = target.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None or isinstance(target.type, JSON):
        return process
    converted: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        if value not in converted:
            converted[value] = process(value)
        return converted[value]

    return convert


def count_by_state(session: Session) -> dict[str, int]:
    """How many notifications stand in each state (`dondoc outbox status`)."""
    rows = session.execute(select(Notification.state, func.count()).group_by(Notification.state))
    return {NotificationState(state).value: n for state, n in rows.all()}
