"""Two SQLAlchemy facts its type hints leave out, checked once here for every package."""

from __future__ import annotations

from sqlalchemy import CursorResult, Executable, Table
from sqlalchemy.orm import DeclarativeBase, Session


def table_of(model: type[DeclarativeBase]) -> Table:
    """The model's Table (DeclarativeBase types `__table__` as the wider FromClause)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


def rows_changed(session: Session, statement: Executable) -> int:
    """How many rows an UPDATE or DELETE changed (execute() is typed as a plain Result)."""
    result = session.execute(statement)
    if not isinstance(result, CursorResult):
        raise TypeError("rows_changed takes an UPDATE or a DELETE")
    return result.rowcount
