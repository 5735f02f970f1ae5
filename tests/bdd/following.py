"""What "Biết …" and the office's "Khi …" steps do to a scenario's database.

The office's and the owners' decisions go through `services.decisions`, as the web and
the CLI make them: the same rules, audit rows and e-mails.

A scenario follows only the tasks its steps name: each is found in the plan (its code,
clause, owner and due date must be the catalogue's and the planner's) and then followed
from its first action, through the engine's `schedule_first_actions`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from notifications.emails import period_text
from services import decisions
from services.actors import Actor, actor_for_email
from services.decisions import Decided
from services.permissions import task_scope
from tasks_catalog.models import Agency, AssignmentRole, Obligation, Person, Task
from tests.bdd.world import ScenarioDatabase, resume
from workflows.rules import LOCAL_TZ

NONE = "không có"  # written where a list of agencies is empty


@dataclass(frozen=True)
class Followed:
    """A task a "Biết …" step named; the engine follows it from then on."""

    id: int
    code: str
    obligation_id: int
    agency_id: int
    role: str  # lead | cooperating
    occurrence_key: str
    period_label: str
    subject_agency_id: int | None

    @classmethod
    def of(cls, task: Task) -> Followed:
        return cls(
            task.id,
            task.obligation.code,
            task.obligation_id,
            task.agency_id,
            task.role.value,
            task.occurrence_key,
            task.period_label,
            task.subject_agency_id,
        )


def obligation_named(session: Session, code: str, clause: str) -> Obligation:
    obligation = session.scalar(select(Obligation).where(Obligation.code == code))
    assert obligation is not None, f'Không có nhiệm vụ mã "{code}" trong danh mục đã nạp'
    assert obligation.clause == clause, (
        f'Nhiệm vụ "{code}" ghi ở "{obligation.clause}" trong danh mục, không phải "{clause}"'
    )
    return obligation


def follow_leads(
    db: ScenarioDatabase,
    followed: list[Followed],
    *,
    code: str,
    clause: str,
    agency: str,
    due: date,
    period: str | None = None,
) -> list[Followed]:
    """Follow the lead tasks of `code` owned by `agency` with that due date (and period)."""
    with db.begin() as session:
        obligation = obligation_named(session, code, clause)
        owners = db.people.agencies_named(agency, obligation.document.province)
        candidates = session.scalars(
            select(Task).where(
                Task.obligation_id == obligation.id,
                Task.role == AssignmentRole.LEAD,
                Task.agency_id.in_([a.id for a in owners]),
            )
        ).all()
        tasks = [
            t
            for t in candidates
            if t.due_on == due
            and (period is None or period_text(t.period_label).casefold() == period.casefold())
        ]
        missing = [a.code for a in owners if all(t.agency_id != a.id for t in tasks)]
        planned = ", ".join(
            sorted({f"{t.period_label}: hạn {t.due_on:%d/%m/%Y}" for t in candidates})
        )
        assert not missing, (
            f'Không có nhiệm vụ "{code}" của {", ".join(missing)} có thời hạn {due:%d/%m/%Y}'
            f"{f' kỳ {period}' if period else ''} trong kế hoạch (đã lập: {planned or NONE})"
        )
        resume(session, tasks, db.calendar)
        named = [Followed.of(t) for t in tasks]
    followed.extend(named)
    return named


def check_goal(db: ScenarioDatabase, obligation_id: int, code: str, goal: str, year: int) -> None:
    with db.sessions() as session:
        target = session.get(Obligation, obligation_id).target
        assert target is not None, f'"{code}" không phải chỉ tiêu'
        written = goal_text(target.comparator, target.value, target.unit)
        assert (written, target.year) == (goal, year), (
            f'Chỉ tiêu "{code}" trong danh mục là "{written}" năm {target.year}'
        )


def goal_text(comparator: str, value: float, unit: str) -> str:
    """ ">=", 90.0, "%" → "≥ 90%"; "<=", 3, "thứ hạng" → "≤ 3 thứ hạng" (decimal comma)."""
    sign = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}[comparator]
    number = f"{value:g}".replace(".", ",")
    return f"{sign} {number}{unit}" if unit == "%" else f"{sign} {number} {unit}"


def cooperating(
    db: ScenarioDatabase,
    followed: list[Followed],
    obligation_id: int,
    agencies: str,
    *,
    follow: bool,
) -> None:
    """The cooperating agencies planned for the followed occurrences must be `agencies`."""
    keys = {t.occurrence_key for t in followed if t.obligation_id == obligation_id}
    with db.begin() as session:
        obligation = session.get(Obligation, obligation_id)
        province = obligation.document.province
        leads = {a.code for a in db.people.agencies_named(";".join(obligation.lead), None)}
        wanted: set[str] = set()
        if agencies.strip().casefold() != NONE:
            wanted = {a.code for a in db.people.agencies_named(agencies, province)} - leads
        tasks = session.scalars(
            select(Task).where(
                Task.obligation_id == obligation_id,
                Task.role == AssignmentRole.COOPERATING,
                Task.occurrence_key.in_(keys),
            )
        ).all()
        actual = {db.people.by_id[t.agency_id].code for t in tasks}
        assert actual == wanted, (
            f'"{obligation.code}": cơ quan phối hợp trong kế hoạch là {sorted(actual)}, '
            f"không phải {sorted(wanted)}"
        )
        if follow:
            resume(session, tasks, db.calendar)
            followed.extend(Followed.of(t) for t in tasks)


def last_obligation(followed: list[Followed]) -> int:
    leads = [t for t in followed if t.role == "lead"]
    assert leads, "Hãy nêu nhiệm vụ (cơ quan chủ trì) trước các cơ quan phối hợp"
    return leads[-1].obligation_id


def follow_table(
    db: ScenarioDatabase,
    followed: list[Followed],
    listed: list[str],
    datatable: list[list[str]],
    due: date,
) -> None:
    """A table of obligations due on one day: mã, khoản, chủ trì [, phối hợp, mục tiêu, năm]."""
    header, *rows = datatable
    column = {name.strip().casefold(): n for n, name in enumerate(header)}
    for row in rows:
        cell = {name: row[n].strip() for name, n in column.items()}
        code = cell["mã"]
        named = follow_leads(
            db, followed, code=code, clause=cell["khoản"], agency=cell["chủ trì"], due=due
        )
        if "mục tiêu" in cell:
            check_goal(db, named[0].obligation_id, code, cell["mục tiêu"], int(cell["năm"]))
        if "phối hợp" in cell:
            cooperating(db, followed, named[0].obligation_id, cell["phối hợp"], follow=True)
        listed.append(code)


def follow_inspections(
    db: ScenarioDatabase, followed: list[Followed], code: str, clause: str, agency: str, year: int
) -> None:
    """Every inspection round of `agency` for `code` in `year` (one task per unit and round)."""
    with db.begin() as session:
        obligation = obligation_named(session, code, clause)
        assert obligation.kind == "inspection_duty", f'"{code}" không phải nhiệm vụ kiểm tra'
        owners = db.people.agencies_named(agency, obligation.document.province)
        tasks = session.scalars(
            select(Task).where(
                Task.obligation_id == obligation.id,
                Task.agency_id.in_([a.id for a in owners]),
                Task.period_label.startswith(str(year)),
            )
        ).all()
        assert tasks, f'Không có lượt kiểm tra nào của "{code}" năm {year} trong kế hoạch'
        resume(session, tasks, db.calendar)
        followed.extend(Followed.of(t) for t in tasks)


# --- what the office does ---------------------------------------------------------------------


def followed_leads(
    db: ScenarioDatabase, session: Session, followed: list[Followed], code: str, agency: str | None
) -> list[Task]:
    ids = [t.id for t in followed if t.role == "lead" and t.code == code]
    tasks = list(session.scalars(select(Task).where(Task.id.in_(ids))))
    if agency is not None:
        provinces = {db.people.by_id[t.agency_id].province for t in tasks}
        province = next(iter(provinces)) if len(provinces) == 1 else None
        owners = {a.id for a in db.people.agencies_named(agency, province)}
        tasks = [t for t in tasks if t.agency_id in owners]
    assert tasks, f'Kịch bản chưa nêu nhiệm vụ "{code}"' + (f' của "{agency}"' if agency else "")
    return tasks


def complete(
    db: ScenarioDatabase, followed: list[Followed], agency: str, code: str, day: date
) -> None:
    """Submitted in the morning of `day`, approved in the afternoon, through the service
    layer: judged against the due date in force then; the owner is told of the approval."""
    for task_id in _ids(db, followed, code, agency):
        _decide(db, task_id, day, 9, owner=True, decide=decisions.submit, note=None)
        _decide(db, task_id, day, 16, owner=False, decide=decisions.approve)


def extend(
    db: ScenarioDatabase, followed: list[Followed], code: str, agency: str, due: date, day: date
) -> None:
    """Asked for in the morning of `day`, approved in the afternoon; the original due date
    is kept, and the task follows its new due date from then on."""
    for task_id in _ids(db, followed, code, agency):
        _decide(
            db, task_id, day, 9, owner=True, decide=decisions.request_extension,
            proposed_due=due, reason="Cần thêm thời gian để hoàn thiện",
        )  # fmt: skip
        _decide(db, task_id, day, 16, owner=False, decide=decisions.approve_extension)


def recall(db: ScenarioDatabase, followed: list[Followed], code: str, day: date) -> None:
    for task_id in _ids(db, followed, code, None):
        _decide(
            db, task_id, day, 16, owner=False, decide=decisions.recall,
            reason="Nhiệm vụ không còn phù hợp",
        )  # fmt: skip


def _ids(
    db: ScenarioDatabase, followed: list[Followed], code: str, agency: str | None
) -> list[int]:
    with db.begin() as session:
        return [t.id for t in followed_leads(db, session, followed, code, agency)]


def _decide(
    db: ScenarioDatabase,
    task_id: int,
    day: date,
    hour: int,
    *,
    owner: bool,
    decide: Callable[..., Decided],
    **kwargs: Any,
) -> None:
    """One decision in its own transaction, made by the owner's head (or the person of the
    owning agency the registry lists first) or by the province's coordinator."""
    moment = datetime.combine(day, time(hour, 0), tzinfo=LOCAL_TZ)
    with db.begin() as session:
        task = session.get(Task, task_id)
        assert task is not None
        actor = _owner(session, task) if owner else _office(session, task)
        decide(session, actor, task_id, now=moment, via="scenario", **kwargs)


def _owner(session: Session, task: Task) -> Actor:
    roles = ("inspection_lead", "inspector") if task_scope(task).secret else ("head", "assignee")
    return _first(session, [task.agency_id], roles) or _actor(session, task.agency.emails[0])


def _office(session: Session, task: Task) -> Actor:
    if task_scope(task).secret:
        found = _first(session, [task.agency_id], ("inspection_lead",))
    else:
        offices = list(
            session.scalars(select(Agency.id).where(Agency.province == task.agency.province))
        )
        found = _first(session, offices, ("coordinator", "coordination_leader"))
    assert found is not None, f"Không có ai của Văn phòng UBND tỉnh ({task.agency.province})"
    return found


def _first(session: Session, agency_ids: list[int], roles: tuple[str, ...]) -> Actor | None:
    people = session.scalars(
        select(Person)
        .where(Person.agency_id.in_(agency_ids), Person.retired_at.is_(None))
        .order_by(Person.id)
    ).all()
    for role in roles:
        for person in people:
            if role in person.roles:
                return _actor(session, person.email)
    return None


def _actor(session: Session, email: str) -> Actor:
    actor = actor_for_email(session, email)
    assert actor is not None, email
    return actor
