"""A named lease in the database: which process runs the periodic sweep now.

Correctness rests on the outbox keys (a notification is queued once, whatever runs the
sweep) and on delivery's own claims; the lease only stops two processes both sweeping,
which would waste work and, on SQLite, make them queue for the one write lock.

The row is claimed by compare-and-set, never by a lock held in memory:
1. UPDATE the row if we hold it (renew), it has expired, or its holder (host:pid) is a
   process of this host that is gone (take over). One row updated:
   it is ours until `now + ttl`.
2. Otherwise INSERT it, inside a SAVEPOINT. If another process holds it, or inserted it
   a moment before us (the race on an absent row, on SQLite and PostgreSQL alike), the
   primary key refuses us: the SAVEPOINT is rolled back and the caller's transaction
   carries on.
The caller commits; a lease is only as good as the transaction that wrote it. Expiry
compares each process's own `now`: their clocks must agree to well within the ttl (NTP).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from notifications.holders import is_gone
from notifications.models import Lease
from tasks_catalog.sql import rows_changed


def acquire_lease(session: Session, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
    """Claim or renew lease `name` for `holder` until `now + ttl`; False if someone else has it."""
    if now.tzinfo is None:
        raise ValueError(f"naive datetime {now!r}: pass an aware datetime")
    expires_at = now + ttl
    current = session.scalar(select(Lease.holder).where(Lease.name == name))
    # A holder that is a process of this host and is gone gives the lease up at once.
    free = Lease.expires_at <= now
    if current is not None and is_gone(current):
        free = or_(free, Lease.holder == current)
    renewed = rows_changed(
        session,
        update(Lease)
        .where(Lease.name == name, or_(Lease.holder == holder, free))
        .values(holder=holder, expires_at=expires_at)
        .execution_options(synchronize_session=False),
    )
    if renewed == 1:
        return True
    try:
        # The UPDATE above has opened the transaction (pysqlite begins one only before
        # DML), so this SAVEPOINT nests inside it on SQLite too.
        with session.begin_nested():
            session.execute(insert(Lease).values(name=name, holder=holder, expires_at=expires_at))
    except IntegrityError:
        return False  # held by someone else, or they inserted it just before us
    return True


def release_lease(session: Session, name: str, holder: str) -> bool:
    """Give lease `name` back at once (clean shutdown), if `holder` still has it."""
    released = rows_changed(
        session,
        delete(Lease)
        .where(Lease.name == name, Lease.holder == holder)
        .execution_options(synchronize_session=False),
    )
    return released == 1
