"""A year replayed day by day on the seed catalogues, every e-mail parsed back.

The test derives what should be sent with its own, deliberately plain reading of the
policy (below), independent of `workflows.rules`, and compares it item by item with what
reached a real SMTP server (the mail catcher) over 365 mornings of 2025.
"""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from dondoc.db import make_engine, session_factory, transaction
from notifications.delivery import DeliverySettings, deliver
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher, list_messages, read_message
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.calendar import default_calendar, periods_in_year
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Agency, Person, Task
from tests.conftest import SEEDS
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ
from workflows.sweep import sweep

YEAR = 2025
# One replay per run: all its tests on one xdist worker (scripts/test uses --dist loadgroup).
pytestmark = pytest.mark.xdist_group("year-replay")
FIRST = date(YEAR, 1, 1)
LAST = date(YEAR, 12, 31)
CAL = default_calendar()
SETTINGS = DeliverySettings(
    sender="Dondoc <dondoc@ubnd.example>",
    base_url="https://dondoc.example",
    signer=LinkSigner(b"r" * 32),
    worker="replay",
)


def wd(day: date, n: int) -> date:
    return CAL.add_working_days(day, n)


# --- the expected schedule, read plainly from the policy (DESIGN.md, issue 3) -----------


def expected_steps(task: Task) -> list[tuple[date, str, tuple[str, ...]]]:
    """(day, step, audiences) a task needs in the year, with nothing ever completed."""
    kind = task.obligation.kind
    if kind == "inspection_duty":
        return []
    owner = ("assignee", "head")
    reminders = [(wd(task.due_on, -n), f"before-{n}", owner) for n in (7, 3, 1)]
    reminders.append((task.due_on, "due-day", owner))
    if task.role.value == "cooperating":
        return reminders[:1]
    if kind == "recurring_report" or task.obligation.schedule.get("report"):
        cutoff = task.period_end if task.obligation.schedule.get("report") else task.due_on
        steps = [
            (wd(cutoff, -5), "request", ("assignee",)),
            (CAL.roll_forward(cutoff), "chase", owner),
        ]
        if task.due_on > CAL.roll_forward(cutoff):
            steps.append((task.due_on, "due-day", owner))
        return steps + escalation(wd(task.due_on, 2), "missing")
    progress = [
        (CAL.roll_forward(p.end), f"progress-{p.label}", ("assignee",))
        for year in range(FIRST.year, task.due_on.year + 1)
        for p in periods_in_year("quarterly", year)
        if FIRST < p.end <= wd(task.due_on, -12)
    ]
    return progress + reminders + escalation(task.due_on, "overdue")


def escalation(start: date, prefix: str) -> list[tuple[date, str, tuple[str, ...]]]:
    steps = [
        (wd(start, 1), f"{prefix}-1", ("assignee", "assigner")),
        (wd(start, 3), f"{prefix}-3", ("head", "assignee", "assigner")),
        (wd(start, 7), f"{prefix}-7", ("leadership", "head", "assigner")),
    ]
    steps += [
        (wd(start, 7 + 5 * k), f"{prefix}-weekly-{k}", ("leadership", "head", "assigner"))
        for k in range(1, 5)
    ]
    return steps


def people_for(
    task: Task, audience: str, agencies: dict[int, Agency], people: list[Person]
) -> set[str]:
    agency = agencies[task.agency_id]
    if audience in ("assigner", "leadership"):
        role = "coordinator" if audience == "assigner" else "coordination_leader"
        return {
            p.email
            for p in people
            if role in p.roles and agencies[p.agency_id].province == agency.province
        }
    own = [p for p in people if p.agency_id == agency.id]
    chosen = {p.email for p in own if audience in p.roles}
    if not chosen and audience == "assignee":
        chosen = {p.email for p in own if "head" in p.roles}
    return chosen or set(agency.emails)


def expected_items(session) -> Counter[tuple[str, int, str]]:  # noqa: ANN001
    agencies = {a.id: a for a in session.scalars(select(Agency))}
    people = list(session.scalars(select(Person).where(Person.retired_at.is_(None))))
    expected: Counter[tuple[str, int, str]] = Counter()
    tasks = session.scalars(select(Task).options(selectinload(Task.obligation)))
    for task in tasks:
        for day, step, audiences in expected_steps(task):
            if FIRST <= day <= LAST:
                for email in set().union(
                    *(people_for(task, a, agencies, people) for a in audiences)
                ):
                    expected[(email.lower(), task.id, step)] += 1
    return expected


# --- the replay ------------------------------------------------------------------------


@pytest.fixture(scope="session")  # session: other modules' tests may run in between
def replayed(tmp_path_factory, sqlite_template):
    folder = tmp_path_factory.mktemp("replay")
    shutil.copy(sqlite_template, folder / "db.sqlite3")
    engine = make_engine(f"sqlite:///{folder / 'db.sqlite3'}")
    sessions = session_factory(engine)
    start = datetime(YEAR, 1, 1, tzinfo=LOCAL_TZ)
    with transaction(engine) as session:
        load_paths(session, [SEEDS], CAL, start)
        plan_and_schedule(session, year=YEAR, calendar=CAL, now=start)
    with MailCatcher(folder / "mail") as catcher:
        smtp = SmtpSettings.from_url(catcher.url)
        day = FIRST
        while day <= LAST:
            morning = datetime(day.year, day.month, day.day, 7, 30, tzinfo=LOCAL_TZ)
            with sessions.begin() as session:
                sweep(session, now=morning, calendar=CAL)
            deliver(
                sessions,
                now=morning,
                settings=SETTINGS,
                email_transport=lambda: SmtpTransport(smtp),
            )
            day += timedelta(days=1)
    yield engine, folder / "mail"
    engine.dispose()


def test_a_replayed_year_sends_what_the_rules_say_once_a_morning_naming_each_item(replayed):
    """One test over one replay (about a minute): xdist must not build it twice."""
    check_exactly_what_the_rules_say_to_exactly_whom(replayed)
    check_each_person_gets_at_most_one_digest_a_morning(replayed)
    check_every_item_names_its_document_clause_and_due_date(replayed)


def check_exactly_what_the_rules_say_to_exactly_whom(replayed):  # noqa: ANN001, ANN201
    engine, mail = replayed
    actual: Counter[tuple[str, int, str]] = Counter()
    for stored in list_messages(mail):
        [recipient] = stored.recipients
        message = read_message(mail, stored.id)
        for item in message["X-Dondoc-Items"].split(", "):
            task_id, step = item.split(":")
            actual[(recipient.lower(), int(task_id), step)] += 1
    with transaction(engine) as session:
        expected = expected_items(session)
    assert sum(expected.values()) > 9_000  # the seeds keep three provinces busy
    missing, extra = expected - actual, actual - expected
    assert not missing and not extra, (list(missing.items())[:5], list(extra.items())[:5])


def check_each_person_gets_at_most_one_digest_a_morning(replayed):  # noqa: ANN001, ANN201
    _, mail = replayed
    per_morning = Counter()
    for stored in list_messages(mail):
        message = read_message(mail, stored.id)
        per_morning[(stored.recipients, message["Date"])] += 1
        assert message["To"] == stored.recipients[0]
    assert max(per_morning.values()) == 1


def check_every_item_names_its_document_clause_and_due_date(replayed):  # noqa: ANN001, ANN201
    engine, mail = replayed
    with transaction(engine) as session:
        tasks = {
            t.id: t for t in session.scalars(select(Task).options(selectinload(Task.obligation)))
        }
        sample = list_messages(mail)[::97]
        for stored in sample:
            message = read_message(mail, stored.id)
            text = message.get_body(preferencelist=("plain",)).get_content()
            for item in message["X-Dondoc-Items"].split(", "):
                task = tasks[int(item.split(":")[0])]
                assert task.obligation.document.number in text
                assert task.obligation.clause in text
                assert task.due_on.strftime("%d/%m/%Y") in text
