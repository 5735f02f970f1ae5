"""A replayed 2025: late and missing inspections bring the warnings the rules say, to the
right people only, read back from a real SMTP server.

What should be sent is derived here from the scenario and the rules as DESIGN.md and the
issue state them ("no inspection by 30 June", "fewer than two by 31 October", the year's
end escalated to the coordination office), independently of `workflows.inspections`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from dondoc.db import make_engine, transaction
from notifications.mailcatcher import list_messages, read_message
from tasks_catalog.models import Agency, Person, Task
from tests.conftest import drop_postgres_database, fresh_postgres_database, initialise
from tests.inspections.conftest import COORDINATOR, LEAD, OFFICE_LEADER, SECRET, Replayed
from tests.inspections.replay import CQHC, DIEM, replay, scenario

# (checkpoint step, the morning it speaks, the last day that counts, how many by then)
RULES_TWICE = (
    ("inspection-mid", date(2025, 7, 1), date(2025, 6, 30), 1),
    ("inspection-late", date(2025, 11, 3), date(2025, 10, 31), 2),
    ("inspection-end", date(2026, 1, 5), date(2025, 12, 31), 2),
)
RULES_ONCE = (
    ("inspection-late", date(2025, 11, 3), date(2025, 10, 31), 1),
    ("inspection-end", date(2026, 1, 5), date(2025, 12, 31), 1),
)
OFFICE = {COORDINATOR, OFFICE_LEADER}


def expected_items() -> Counter[tuple[str, str, str]]:
    """(recipient, unit, step) the rules call for, once each."""
    visits = scenario()
    expected: Counter[tuple[str, str, str]] = Counter()
    for units, rules in ((DIEM, RULES_TWICE), (CQHC, RULES_ONCE)):
        for unit in units:
            for step, morning, last_day, wanted in rules:
                # Known at 07:30 that morning: logged (17:00) on an earlier day.
                known = [
                    v
                    for v in visits
                    if v.unit == unit and v.day <= last_day and v.logged_on < morning
                ]
                if len(known) >= wanted:
                    continue
                told = {LEAD} if step != "inspection-end" else OFFICE | {LEAD}
                for person in told:
                    expected[(person, unit, step)] += 1
    return expected


def inspection_items(world) -> tuple[Counter[tuple[str, str, str]], dict[str, list[str]]]:  # noqa: ANN001
    """(recipient, unit, step) of every inspection item e-mailed, and each person's subjects."""
    with transaction(world.engine) as session:
        units = {
            t.id: t.subject.code
            for t in session.scalars(select(Task).where(Task.subject_agency_id.is_not(None)))
        }
    actual: Counter[tuple[str, str, str]] = Counter()
    subjects: dict[str, list[str]] = {}
    for stored in list_messages(world.mail):
        [recipient] = stored.recipients
        message = read_message(world.mail, stored.id)
        for item in message["X-Dondoc-Items"].split(", "):
            task_id, step = item.split(":")
            if step.startswith("inspection-"):
                actual[(recipient, units[int(task_id)], step)] += 1
                subjects.setdefault(recipient, []).append(message["Subject"])
    return actual, subjects


@pytest.fixture
def world(replayed_control):  # noqa: ANN001, ANN201
    """The control world of the secrecy test: the warnings do not depend on the secret."""
    return replayed_control


def test_the_scenario_has_late_and_missing_inspections():
    expected = expected_items()
    steps = Counter(step for _, _, step in expected)
    assert steps["inspection-mid"] and steps["inspection-late"] and steps["inspection-end"]
    assert any(v.logged_on > v.day for v in scenario())


def test_late_and_missing_inspections_bring_exactly_the_warnings_the_rules_say(world):
    actual, _ = inspection_items(world)
    expected = expected_items()
    missing, extra = expected - actual, actual - expected
    assert not missing and not extra, (sorted(missing)[:5], sorted(extra)[:5])


def test_only_the_inspection_lead_and_the_coordination_office_hear_of_inspections(world):
    actual, subjects = inspection_items(world)
    assert {recipient for recipient, _, _ in actual} == {LEAD} | OFFICE
    assert all(step == "inspection-end" for who, _, step in actual if who in OFFICE)
    assert any(s.startswith("[Kiểm tra]") for s in subjects[LEAD])
    # The office's digest that morning also escalates late tasks: "[Đôn đốc]" leads then.
    assert all(s.startswith("[Đôn đốc") for s in subjects[COORDINATOR])


def test_no_person_or_mailbox_of_an_inspected_unit_ever_hears_of_inspections(world):
    with transaction(world.engine) as session:
        codes = set(DIEM) | set(CQHC)
        units = {a.id: a for a in session.scalars(select(Agency).where(Agency.code.in_(codes)))}
        addresses = {p.email for p in session.scalars(select(Person)) if p.agency_id in units}
        addresses |= {e for a in units.values() for e in a.emails}
    told_units = 0
    for stored in list_messages(world.mail):
        if set(stored.recipients) & addresses:
            told_units += 1
            items = read_message(world.mail, stored.id)["X-Dondoc-Items"]
            assert "inspection-" not in items
    assert told_units > 10  # they do get their own reminders: the channel is alive


@pytest.mark.postgres
def test_on_postgresql_the_year_brings_the_same_warnings_to_the_same_people_only(tmp_path):
    """The same year on PostgreSQL, ticking only on the rules' mornings (one test: one replay)."""
    url = fresh_postgres_database("inspections_replay")
    engine = make_engine(url)
    try:
        initialise(engine)
        replay(engine, secret=SECRET, mail=tmp_path / "mail", folder=tmp_path, every=None)
        world = Replayed(engine, tmp_path / "mail", SECRET, tmp_path)
        actual, _ = inspection_items(world)
        assert actual == expected_items()
        assert {recipient for recipient, _, _ in actual} == {LEAD} | OFFICE
    finally:
        engine.dispose()
        drop_postgres_database(url)
