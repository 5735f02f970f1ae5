"""Secrecy as a tested property: nothing an inspected unit can reach reveals its plan.

Method:

1. Two replays of 2025 (`replay.py`) with the same catalogues, the same ticks and the same
   inspections logged, but different secrets: world A and its control B. Only their plans
   differ.
2. For every person and every shared mailbox of every unit of both unannounced Quảng Ninh
   duties, collect every channel in A and in B: every e-mail received all year (decoded
   headers, text and HTML parts, as the mail catcher stored them from SMTP), and, at
   mid-year and at year end, the tasks list, the records list, compliance, the plan, the
   iCalendar feed and the exports (JSON and CSV) as that person — the reads
   `inspections.views` gives the CLI's `--as` and the web. For one person of
   each kind of unit, the real CLI too, refusals of `plan` and `replan` included.
3. Assert, so that nothing can pass vacuously:
   - the same channels do show A's planned dates and plan markers to the inspection lead
     and to an inspector, and differ between A and B for them;
   - every channel of every unit person is identical in A and B (non-interference: what
     they see does not depend on the plan at all);
   - no planned date of A, in any format (2025-03-05, 20250305, 05/03/2025, 5/3/2025,
     05-03-2025, 05.03.2025, "ngày 5 tháng 3", 5/3), nor any plan marker, appears in a unit
     channel unless B's channel holds the same string (a public date that happens to equal
     a planned one, e.g. the morning a reminder was sent: B proves it is not the plan's).
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import re
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.context import local_today
from inspections.access import AccessDenied, Scope, viewer_for
from inspections.feed import feed
from inspections.models import InspectionPlan, PlannedInspection
from inspections.views import (
    EXPORT_COLUMNS,
    Reading,
    compliance_report,
    export,
    export_rows,
    plan_rows,
    record_rows,
    task_rows,
)
from notifications.mailcatcher import list_messages, read_message
from tasks_catalog.models import Agency, Person
from tasks_catalog.queries import TaskFilter
from tests.inspections.conftest import CAL, DUTY, INSPECTOR, LEAD, built_once
from tests.inspections.replay import CQHC, DIEM

DAYS = (date(2025, 6, 16), date(2025, 12, 15))
MARKERS = (
    "planned_on", "plan_id", "plan_version", '"inspector"', "CONFIDENTIAL", "dự kiến",
    "inspection-QN-SNV-", "lịch kiểm tra đột xuất là thông tin mật",
)  # fmt: skip
CLI_SAMPLE = (
    "chuyenvien@ttpvhcc.quangninh.example",  # the province's centre, which has tasks
    "congchuc.motcua@baichay.halong.quangninh.example",  # a commune one-stop unit
    "chutich@halong.quangninh.example",  # a district: inspected itself, above three units
)


_FULL = (
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),  # 2025-03-05
    re.compile(r"(?<!\d)(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),  # 20250305 (iCalendar)
    re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?!\d)"),  # 5/3/2025 …
)
_PARTIAL = (
    re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?!\d)", re.IGNORECASE),
    re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])"),  # 5/3
)


def dates_in(text: str) -> set[object]:
    """Every day written in `text` in any of the forms above: dates, and (day, month) pairs."""
    found: set[object] = set()
    for pattern in _FULL:
        for match in pattern.finditer(text):
            try:
                found.add(date(int(match["y"]), int(match["m"]), int(match["d"])))
            except ValueError:
                continue
    for pattern in _PARTIAL:
        found |= {(int(match["d"]), int(match["m"])) for match in pattern.finditer(text)}
    return found


def revealed(text: str, days: set[date]) -> set[object]:
    """The planned days (in any form) and the plan markers found in `text`."""
    written = dates_in(text)
    leaked = {day for day in days if day in written or (day.day, day.month) in written}
    lowered = text.lower()
    return leaked | {marker for marker in MARKERS if marker.lower() in lowered}


def planned_days(session: Session) -> set[date]:
    return {d for d in session.scalars(select(PlannedInspection.planned_on)) if d is not None}


def unit_people(session: Session) -> tuple[list[str], list[str]]:
    units = {a.id: a for a in session.scalars(select(Agency).where(Agency.code.in_(DIEM + CQHC)))}
    people = sorted(p.email for p in session.scalars(select(Person)) if p.agency_id in units)
    mailboxes = sorted(e for a in units.values() for e in a.emails)
    return people, mailboxes


def mail_of(world) -> dict[str, list[str]]:  # noqa: ANN001
    """Every e-mail per address, decoded: headers, then text and HTML."""
    boxes: dict[str, list[str]] = {}
    for stored in list_messages(world.mail):
        message = read_message(world.mail, stored.id)
        parts = [f"{name}: {value}" for name, value in message.items()]
        parts = [re.sub(r'boundary="[^"]*"', 'boundary="…"', part) for part in parts]  # random
        for part in message.walk():
            if part.get_content_maintype() == "text":
                parts.append(part.get_content())
        for recipient in stored.recipients:
            boxes.setdefault(recipient.lower(), []).append("\n".join(parts))
    return {address: sorted(mails) for address, mails in boxes.items()}


def views(session: Session, scope: Scope, email: str, today: date) -> dict[str, str]:
    """Every read of `email` on `today`, as the CLI would print it."""
    reading = Reading(session, viewer_for(session, email), today, scope)

    def attempt(read) -> str:  # noqa: ANN001
        try:
            return json.dumps(read(), ensure_ascii=False, sort_keys=True, default=str)
        except AccessDenied as refused:
            return f"refused: {refused.reason}"

    document = export(reading, year=2025)
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(export_rows(document))
    return {
        "tasks": attempt(lambda: task_rows(reading, filters=TaskFilter(), calendar=CAL)),
        "records": attempt(lambda: record_rows(reading)),
        "compliance": attempt(lambda: compliance_report(reading, year=2025)),
        "plan": attempt(lambda: plan_rows(reading, year=2025)),
        "feed": feed(reading),
        "export.json": json.dumps(document, ensure_ascii=False, sort_keys=True, default=str),
        "export.csv": table.getvalue(),
    }


@pytest.fixture(scope="session")
def worlds(replayed, replayed_control, tmp_path_factory):  # noqa: ANN001, ANN201
    """Everything each person reads in A and in B, and A's planned days (computed once)."""
    with built_once(tmp_path_factory, "inspection-secrecy-reads") as (folder, build):
        if build:
            (folder / "reads.pickle").write_bytes(
                pickle.dumps(_all_reads(replayed, replayed_control))
            )
    return pickle.loads((folder / "reads.pickle").read_bytes())


def _all_reads(*replays) -> dict:  # noqa: ANN002
    out: dict = {}
    for name, world in zip(("A", "B"), replays, strict=True):
        with Session(world.engine) as session:
            scope = Scope(session)
            people, mailboxes = unit_people(session)
            reads = {
                (email, today): views(session, scope, email, today)
                for email in [*people, LEAD, INSPECTOR]
                for today in DAYS
            }
            out[name] = {"reads": reads, "mail": mail_of(world), "planned": planned_days(session)}
            out["people"], out["mailboxes"] = people, mailboxes
    return out


def test_the_channels_do_show_the_plan_to_its_inspectors(worlds):
    a, b = worlds["A"], worlds["B"]
    for email in (LEAD, INSPECTOR):
        for today in DAYS:
            seen = a["reads"][(email, today)]
            ahead = {
                date.fromisoformat(r["planned_on"])
                for r in json.loads(seen["plan"])
                if r["state"] == "planned"
            }
            if today == DAYS[0]:
                assert len(ahead) >= (20 if email == LEAD else 3)
            for day in ahead:
                assert f"{day:%Y-%m-%d}" in seen["plan"] and f"{day:%Y%m%d}" in seen["feed"]
                assert (
                    f"{day:%Y-%m-%d}" in seen["export.json"]
                    and f"{day:%Y-%m-%d}" in seen["export.csv"]
                )
            assert {"planned_on", "plan_version", "CONFIDENTIAL"} <= revealed(
                seen["plan"] + seen["feed"], set()
            )
            assert seen["plan"] != b["reads"][(email, today)]["plan"]  # the secret matters
    assert a["planned"] != worlds["B"]["planned"]


def test_every_unit_person_reads_exactly_the_same_whatever_the_plan(worlds):
    a, b = worlds["A"]["reads"], worlds["B"]["reads"]
    people = worlds["people"]
    assert len(people) >= 60
    alive = {"tasks": 0, "records": 0, "feed": 0}
    for email in people:
        for today in DAYS:
            mine = a[(email, today)]
            assert mine == b[(email, today)], (email, today)
            assert (
                mine["plan"]
                == mine["compliance"]
                == "refused: ông/bà không có quyền xem nội dung này"
            )
            alive["tasks"] += mine["tasks"] != "[]"
            alive["records"] += mine["records"] != "[]"
            alive["feed"] += "BEGIN:VEVENT" in mine["feed"]
    assert all(alive.values()), alive  # units see their tasks, their records, their feed


def test_no_unit_person_reads_a_planned_day_or_a_plan_marker(worlds):
    a, b = worlds["A"], worlds["B"]
    for email in worlds["people"]:
        for today in DAYS:
            for channel, text in a["reads"][(email, today)].items():
                control = b["reads"][(email, today)][channel]
                leaked = revealed(text, a["planned"]) - revealed(control, a["planned"])
                assert not leaked, (email, today, channel, sorted(leaked)[:3])
                assert not revealed(text, set()), (email, channel)  # no marker at all


def test_no_e_mail_to_a_unit_reveals_anything_of_the_plan(worlds):
    a, b = worlds["A"]["mail"], worlds["B"]["mail"]
    addresses = worlds["people"] + worlds["mailboxes"]
    received = 0
    for address in addresses:
        mine = a.get(address.lower(), [])
        received += len(mine)
        assert mine == b.get(address.lower(), []), address
        by_chance = revealed("\n".join(b.get(address.lower(), [])), worlds["A"]["planned"])
        for message in mine:
            leaked = revealed(message, worlds["A"]["planned"]) - by_chance
            assert not leaked, (address, sorted(leaked)[:3])
            assert "inspection-" not in message.split("X-Dondoc-Items:", 1)[-1].split("\n", 1)[0]
    assert received >= 20  # the units do receive their own reminders: the channel is alive


runner = CliRunner()


def cli_reads(monkeypatch, world, folder, email: str) -> dict[str, str]:  # noqa: ANN001
    monkeypatch.setenv("DONDOC_DATABASE_URL", world.url)
    monkeypatch.setenv("DONDOC_INSPECTION_SECRET", world.secret.decode())
    today = DAYS[0].isoformat()

    def run(*args: str) -> str:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        return f"exit {result.exit_code}\n{result.stdout}\n{result.stderr}"

    outputs = {
        "tasks": run("tasks", "list", "--json", "--as", email),
        "records": run("inspections", "list", "--json", "--as", email, "--today", today),
        "compliance": run("inspections", "compliance", "--year", "2025", "--json", "--as", email, "--today", today),
        "plan": run("inspections", "show", "--year", "2025", "--json", "--as", email, "--today", today),
        "feed": run("inspections", "feed", "--person", email, "--today", today),
        "make-plan": run("inspections", "plan", "--year", "2026", "--as", email, "--now", "2025-06-16T09:00"),
        "replan": run("inspections", "replan", "--year", "2025", "--duty", DUTY, "--as", email, "--now", "2025-06-16T09:00"),
    }  # fmt: skip
    for suffix in ("json", "csv"):
        target = folder / f"export.{suffix}"
        outputs[f"export.{suffix}"] = run(
            "inspections",
            "export",
            "--year",
            "2025",
            "-o",
            str(target),
            "--as",
            email,
            "--today",
            today,
        ) + target.read_text(encoding="utf-8-sig")
    return outputs


@pytest.mark.parametrize("email", CLI_SAMPLE)
def test_the_command_line_as_a_unit_person_prints_the_same_reads_and_refuses_the_rest(
    worlds, replayed, replayed_control, monkeypatch, tmp_path, email
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DONDOC_SECRET_KEY", "k" * 40)
    with Session(replayed.engine) as session:
        plans_before = len(session.scalars(select(InspectionPlan)).all())
    printed = cli_reads(monkeypatch, replayed, tmp_path, email)
    refusal = "exit 3\n\nLỗi: ông/bà không có quyền xem nội dung này\n"
    for command in ("compliance", "plan", "make-plan", "replan"):
        assert printed[command] == refusal, command
    with Session(replayed.engine) as session:
        assert len(session.scalars(select(InspectionPlan)).all()) == plans_before
        direct = views(session, Scope(session), email, DAYS[0])
        today_tasks = views(session, Scope(session), email, local_today())["tasks"]
    assert json.loads(printed["records"].split("\n", 1)[1].rsplit("\n\n", 1)[0]) == json.loads(
        direct["records"]
    )
    assert json.loads(printed["tasks"].split("\n", 1)[1].rsplit("\n\n", 1)[0]) == json.loads(
        today_tasks
    )
    control = cli_reads(monkeypatch, replayed_control, tmp_path, email)
    with Session(replayed.engine) as session:
        days = planned_days(session)
    for channel, text in printed.items():
        assert text == control[channel], channel
        assert not revealed(text, days) - revealed(control[channel], days), channel
        assert not revealed(text, set()), channel
