"""A person's inspection calendar as iCalendar (RFC 5545): what they may see, nothing more.

An inspector's feed holds the days assigned to them (an inspection lead's: the whole
team's) still ahead or missed, marked CONFIDENTIAL; everyone's feed holds the past
inspections they may read (the unit inspected sees its own, once out of draft). The events
come from the same reads as every other channel (`views`), so they cannot show more.
The `icalendar` package writes the format (escaping, folding, CRLF).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, Event

from inspections.access import AccessDenied
from inspections.views import Reading, plan_rows, record_rows


def feed(reading: Reading, *, years: tuple[int, ...] | None = None) -> str:
    """The viewer's inspection feed as one iCalendar text (what `inspections feed` prints)."""
    calendar = new_calendar(f"Lịch kiểm tra – {reading.viewer.name}", "inspections")
    for event in inspection_events(reading, years=years):
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def new_calendar(name: str, product: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//dondoc//{product}//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    # Outlook and Thunderbird poll a subscribed calendar at the interval it asks for.
    calendar.add("x-published-ttl", "PT1H")
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    return calendar


def inspection_events(reading: Reading, *, years: tuple[int, ...] | None = None) -> list[Event]:
    """Plan days the viewer may see (ahead or missed), then the records they may read."""
    chosen = years or (reading.today.year, reading.today.year + 1)
    events: list[Event] = []
    for year in chosen:
        try:
            entries = plan_rows(reading, year=year)
        except AccessDenied:
            entries = []
        events += [_plan_event(e, reading.today) for e in entries if e["state"] in PLAN_STATES]
    events += [_record_event(r, reading.today) for r in record_rows(reading)]
    return events


PLAN_STATES = ("planned", "missed")


def all_day_event(uid: str, day: date, today: date, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    # A stamp from the day read, not the clock: the same reading gives the same bytes.
    event.add("dtstamp", datetime.combine(today, time(0), UTC))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _plan_event(entry: dict[str, Any], today: date) -> Event:
    inspector = entry["inspector"]["name"] if entry["inspector"] else "chưa phân công"
    event = all_day_event(
        # One UID per unit and round: a replan moves the event instead of adding one.
        f"inspection-{entry['agency']}-{entry['unit']}-{entry['period']}-{entry['round']}@dondoc",
        date.fromisoformat(entry["planned_on"]),
        today,
        f"Kiểm tra {entry['unit_name']} (lượt {entry['round']})",
        f"Nhiệm vụ {entry['duty']} ({entry['document']}). Người kiểm tra: {inspector}. "
        "Lịch kiểm tra đột xuất là thông tin mật: không chia sẻ với đơn vị được kiểm tra.",
    )
    event.add("class", "CONFIDENTIAL")
    return event


def _record_event(record: dict[str, Any], today: date) -> Event:
    number = f", biên bản số {record['minutes_number']}" if record["minutes_number"] else ""
    return all_day_event(
        f"inspection-record-{record['id']}@dondoc",
        date.fromisoformat(record["date"]),
        today,
        f"Đã kiểm tra {record['unit_name']}{number}",
        f"{record['form_label']}: {record['content']} ({record['state_label']})",
    )
