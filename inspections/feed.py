"""A person's inspection calendar as iCalendar (RFC 5545): what they may see, nothing more.

An inspector's feed holds the days assigned to them (an inspection lead's: the whole
team's) still ahead or missed, marked CONFIDENTIAL; everyone's feed holds the past
inspections they may read (the unit inspected sees its own, once out of draft). The feed
is built from the same reads as every other channel (`views`), so it cannot show more.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from inspections.access import AccessDenied
from inspections.views import Reading, plan_rows, record_rows


def feed(reading: Reading, *, years: tuple[int, ...] | None = None) -> str:
    chosen = years or (reading.today.year, reading.today.year + 1)
    events: list[list[str]] = []
    for year in chosen:
        try:
            entries = plan_rows(reading, year=year)
        except AccessDenied:
            entries = []
        events += [_plan_event(e) for e in entries if e["state"] in ("planned", "missed")]
    events += [_record_event(r) for r in record_rows(reading)]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//dondoc//inspections//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        _prop("X-WR-CALNAME", f"Lịch kiểm tra – {reading.viewer.name}"),
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    stamp = reading.today.strftime("%Y%m%dT000000Z")
    for event in events:
        lines += ["BEGIN:VEVENT", f"DTSTAMP:{stamp}", *event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _plan_event(entry: dict[str, Any]) -> list[str]:
    day = date.fromisoformat(entry["planned_on"])
    inspector = entry["inspector"]["name"] if entry["inspector"] else "chưa phân công"
    return [
        # One UID per unit and round: a replan moves the event instead of adding one.
        f"UID:inspection-{entry['agency']}-{entry['unit']}-{entry['period']}-{entry['round']}@dondoc",
        *_all_day(day),
        _prop("SUMMARY", f"Kiểm tra {entry['unit_name']} (lượt {entry['round']})"),
        _prop(
            "DESCRIPTION",
            f"Nhiệm vụ {entry['duty']} ({entry['document']}). Người kiểm tra: {inspector}. "
            "Lịch kiểm tra đột xuất là thông tin mật: không chia sẻ với đơn vị được kiểm tra.",
        ),
        "CLASS:CONFIDENTIAL",
        "TRANSP:TRANSPARENT",
    ]


def _record_event(record: dict[str, Any]) -> list[str]:
    day = date.fromisoformat(record["date"])
    number = f", biên bản số {record['minutes_number']}" if record["minutes_number"] else ""
    return [
        f"UID:inspection-record-{record['id']}@dondoc",
        *_all_day(day),
        _prop("SUMMARY", f"Đã kiểm tra {record['unit_name']}{number}"),
        _prop(
            "DESCRIPTION", f"{record['form_label']}: {record['content']} ({record['state_label']})"
        ),
        "TRANSP:TRANSPARENT",
    ]


def _all_day(day: date) -> list[str]:
    return [
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
    ]


def _prop(name: str, value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )
    return f"{name}:{escaped}"


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space (never inside a character)."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)
