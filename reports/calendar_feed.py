"""A person's calendar (iCalendar): the deadlines of their agency's open tasks, and, for
inspectors only, their inspection days.

What goes in is what the person may read elsewhere: tasks as `inspections.views.task_rows`
gives them (an inspection task only to the inspecting team), plan days and records as
`inspections.feed` gives them (a plan day only to its inspector and their lead, never to
the unit inspected). Outlook and Thunderbird subscribe to the URL and poll it hourly.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from icalendar import Event

from inspections.feed import all_day_event, inspection_events, new_calendar
from inspections.views import Reading, task_rows
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.queries import TaskFilter

OPEN = frozenset({"not_started", "in_progress", "due_soon", "overdue", "submitted", "returned"})


def personal_feed(reading: Reading, *, calendar: WorkCalendar) -> bytes:
    """The person's feed for this year and the next, as iCalendar bytes."""
    feed = new_calendar(f"dondoc – {reading.viewer.name}", "deadlines")
    for event in task_events(reading, calendar=calendar) + inspection_events(reading):
        feed.add_component(event)
    return feed.to_ical()


def task_events(reading: Reading, *, calendar: WorkCalendar) -> list[Event]:
    """One all-day event per open task of the person's own agency, on its due date."""
    agency = reading.scope.agencies.get(reading.viewer.agency_id or -1)
    if agency is None:
        return []
    events = []
    for year in (reading.today.year, reading.today.year + 1):
        filters = TaskFilter(agency=agency.code, year=year)
        for row in task_rows(reading, filters=filters, calendar=calendar):
            if row["status"] in OPEN:
                events.append(_task_event(row, reading.today))
    return events


def _task_event(row: dict[str, Any], today: date) -> Event:
    role = "chủ trì" if row["role"] == "lead" else "phối hợp"
    moved = f" (hạn ban đầu {row['original_due']})" if row["original_due"] != row["due"] else ""
    return all_day_event(
        f"task-{row['id']}@dondoc",
        date.fromisoformat(row["due"]),
        today,
        f"Hạn: {row['title'][:120]}",
        f"{row['document']}, {row['clause']}. {row['agency_name']} ({role}), "
        f"kỳ {row['period']}. Trạng thái: {row['status_label']}{moved}.",
    )
