"""Dates as people read them: Hà Nội's calendar day of a moment, DD/MM/YYYY."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def local_date(moment: datetime) -> date:
    """The day it is in Hà Nội at `moment` (aware)."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: pass an aware datetime")
    return moment.astimezone(LOCAL_TZ).date()


def dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def parse_day(value: str | date) -> date:
    """A stored day: ISO text (2025-03-14) or already a date."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)
