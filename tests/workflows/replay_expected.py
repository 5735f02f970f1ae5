"""What a year of mornings should send, read plainly from the policy (DESIGN.md, issue 3).

Deliberately independent of `workflows.rules`: `test_year_replay` compares what reached
the SMTP server, item by item, with what this module derives from the tasks.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tasks_catalog.calendar import default_calendar, periods_in_year
from tasks_catalog.models import Agency, Person, Task

YEAR = 2025
FIRST = date(YEAR, 1, 1)
LAST = date(YEAR, 12, 31)
CAL = default_calendar()


def wd(day: date, n: int) -> date:
    return CAL.add_working_days(day, n)


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
