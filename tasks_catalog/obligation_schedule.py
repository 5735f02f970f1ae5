"""From an obligation's stored schedule to the calendar's recurrence rule.

The catalogue stores a schedule as plain JSON; targets and inspection duties may leave it
out, and then fall due at the end of their year or inspection period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tasks_catalog.calendar import Schedule

# An open-ended document is checked and planned this far ahead at most.
OPEN_ENDED_YEARS = 10

_EVENT_KEYS = ("after", "within", "working")  # a deadline counted from an event
_PER_TO_EVERY = {"year": "year", "half_year": "half_year", "quarter": "quarter"}


@dataclass(frozen=True)
class Window:
    """The days in which an obligation's occurrences may fall due."""

    start: date
    end: date

    def clip(self, start: date, end: date) -> Window | None:
        clipped = Window(max(self.start, start), min(self.end, end))
        return clipped if clipped.start <= clipped.end else None


def obligation_window(valid_from: date, valid_until: date | None) -> Window:
    end = valid_until or valid_from + timedelta(days=365 * OPEN_ENDED_YEARS)
    return Window(valid_from, end)


def waits_for_event(stored: dict[str, Any] | None) -> bool:
    """A deadline counted from an event ("10 ngày làm việc kể từ ngày nhận được kết luận"):
    nothing is planned from the calendar; its task is dated once the event is recorded."""
    return bool(stored and stored.get("after"))


def effective_schedule(
    *,
    kind: str,
    stored: dict[str, Any] | None,
    target_year: int | None = None,
    inspection_per: str | None = None,
) -> Schedule:
    """The rule to expand: the stored one, or the default for targets and inspections."""
    if stored:
        return schedule_from_json(stored)
    if kind == "target" and target_year is not None:
        return Schedule(once=date(target_year, 12, 31))
    if kind == "inspection_duty" and inspection_per is not None:
        return Schedule(every=_PER_TO_EVERY[inspection_per])
    raise ValueError(f"nhiệm vụ loại {kind} không có lịch (schedule)")


def schedule_from_json(stored: dict[str, Any]) -> Schedule:
    values = {k: v for k, v in stored.items() if k not in _EVENT_KEYS}
    if "from" in values:
        values["start"] = values.pop("from")
    for key in ("once", "start", "until"):
        if isinstance(values.get(key), str):
            values[key] = date.fromisoformat(values[key])
    return Schedule(**values)
