"""Putting notifications into the outbox: insert, and ignore what is there already.

A sweep queues tens of thousands of rows in one transaction, so rows go in a chunk per
statement, without SQLAlchemy's per-row work (about 20 µs a row, most of a sweep's time):
- PostgreSQL: `INSERT … SELECT … FROM json_to_recordset(:rows) ON CONFLICT DO NOTHING`,
  one short statement with one JSON parameter. (A multi-row VALUES statement is parsed in
  Python by psycopg at every execution, and arrays of JSON text are escaped character by
  character: each cost seconds here.)
- SQLite: an executemany of one prepared `INSERT … ON CONFLICT DO NOTHING`, its values
  converted by each column's own type, once per distinct value where rows share them
  (the moment, the state, the channel).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Column, Connection, bindparam, column, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from notifications.models import Notification, NotificationState

INSERT_CHUNK = 2000  # rows per statement
DEFAULTS = {"state": NotificationState.PENDING, "attempts": 0}  # as the model's defaults
_TABLE = Notification.__table__


def enqueue(session: Session, rows: list[dict[str, Any]]) -> int:
    """Insert rows whose key is new; a key already queued (or sent) is left alone.

    Rows are dicts of Notification columns, all with the same keys. Returns how many rows
    were inserted. Runs in the caller's transaction, beside the state change that caused
    the notifications.
    """
    if not rows:
        return 0
    connection = session.connection()
    insert = _insert_postgresql if connection.dialect.name == "postgresql" else _insert_sqlite
    inserted = 0
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = [DEFAULTS | row for row in rows[start : start + INSERT_CHUNK]]
        inserted += insert(connection, chunk)
    return inserted


def _insert_postgresql(connection: Connection, rows: list[dict[str, Any]]) -> int:
    names = list(rows[0])
    record = (
        func.json_to_recordset(bindparam("rows", type_=JSON))
        .table_valued(*(column(name, _TABLE.c[name].type) for name in names))
        .render_derived(with_types=True)
    )
    statement = (
        postgresql.insert(_TABLE)
        .from_select(names, select(*record.c))
        .on_conflict_do_nothing(index_elements=["key"])
        .execution_options(preserve_rowcount=True)  # an INSERT's is dropped otherwise
    )
    # The JSON type serializes the document as it would a payload; moments as ISO text.
    document = [{name: _json_ready(row[name]) for name in names} for row in rows]
    return connection.execute(statement, {"rows": document}).rowcount


def _json_ready(value: Any) -> Any:
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:  # as tasks_catalog.types.UtcDateTime refuses it
        raise ValueError(f"naive datetime {value!r}: pass an aware datetime (UTC or local)")
    return value.astimezone(UTC).isoformat()


def _insert_sqlite(connection: Connection, rows: list[dict[str, Any]]) -> int:
    names = list(rows[0])
    statement = sqlite.insert(_TABLE).on_conflict_do_nothing(index_elements=["key"])
    compiled = statement.compile(dialect=connection.dialect, column_keys=names)
    order = compiled.positiontup or []
    values_of = itemgetter(*order)
    converters = [
        (position, convert)
        for position, name in enumerate(order)
        if (convert := _converter(_TABLE.c[name], connection.dialect)) is not None
    ]
    params = []
    for row in rows:
        values = list(values_of(row))
        for position, convert in converters:
            values[position] = convert(values[position])
        params.append(tuple(values))
    # pysqlite sums the rows each execution changed: a conflict changes none.
    options = {"preserve_rowcount": True}
    return connection.exec_driver_sql(str(compiled), params, execution_options=options).rowcount


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
    rows = session.execute(select(Notification.state, func.count()).group_by(Notification.state))
    return {NotificationState(state).value: n for state, n in rows.all()}
