"""The trial's accounts: one person per role from the loaded registries, and an administrator.

`dondoc up` calls `prepare` with a fresh random password at every start and prints it
with the addresses, so whoever runs the trial can sign in as each kind of user. The
people are taken from one province (Quảng Ninh when loaded, else the first), and the
department head and staff from the agency that leads the most tasks there, so that
"Việc của tôi" is not empty. A person whose password was set by hand
(`dondoc users set-password`) keeps it: only accounts still marked `demo` are reset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.accounts import find_account, set_password
from services.actors import Role, role_from_registry
from tasks_catalog.models import Agency, AssignmentRole, Person, Task

ADMIN_EMAIL = "quantri@dondoc.local"
ADMIN_NAME = "Quản trị hệ thống (thử nghiệm)"
PREFERRED_PROVINCE = "QN"
ORDER = (
    Role.COORDINATOR,
    Role.OFFICE_CHIEF,
    Role.LEADER,
    Role.HEAD,
    Role.STAFF,
    Role.INSPECTION_LEAD,
    Role.INSPECTOR,
)


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    email: str
    name: str
    agency: str | None
    password_set: bool  # False: a password set by hand, left alone


def prepare(session: Session, *, password: str, now: datetime) -> list[DemoAccount]:
    people = _people_by_role(session)
    chosen: list[tuple[Role, str, str, str | None, str | None]] = [
        (Role.ADMIN, ADMIN_EMAIL, ADMIN_NAME, None, ADMIN_NAME)
    ]
    for role in ORDER:
        if role in people:
            person = people[role]
            chosen.append((role, person.email, person.name, person.agency.name, None))
    result = []
    for role, email, name, agency, admin_name in chosen:
        account = find_account(session, email)
        fresh = account is None or account.demo
        if fresh:
            set_password(
                session, email=email, password=password, now=now, admin_name=admin_name, demo=True
            )
        result.append(DemoAccount(role, email.lower(), name, agency, fresh))
    return result


def _people_by_role(session: Session) -> dict[Role, Person]:
    provinces = list(session.scalars(select(Agency.province).distinct().order_by(Agency.province)))
    if not provinces:
        return {}
    province = PREFERRED_PROVINCE if PREFERRED_PROVINCE in provinces else provinces[0]
    busiest = _busiest_agency(session, province)
    people = session.scalars(
        select(Person)
        .join(Agency, Person.agency_id == Agency.id)
        .where(Agency.province == province)
        .where(Person.retired_at.is_(None), Agency.retired_at.is_(None))
        .order_by(Agency.code, Person.id)
    )
    found: dict[Role, Person] = {}
    for person in people:
        role = role_from_registry(person.roles)
        current = found.get(role)
        better = current is None or (
            _preferred(role, person, busiest) and not _preferred(role, current, busiest)
        )
        if better:
            found[role] = person
    return found


def _preferred(role: Role, person: Person, busiest: int | None) -> bool:
    """Heads and staff of the busiest agency; leaders of the People's Committee."""
    if role in {Role.HEAD, Role.STAFF}:
        return person.agency_id == busiest
    if role == Role.LEADER:
        return person.agency.kind == "peoples_committee"
    return False


def _busiest_agency(session: Session, province: str) -> int | None:
    return session.scalar(
        select(Task.agency_id)
        .join(Agency, Task.agency_id == Agency.id)
        .where(Agency.province == province, Task.role == AssignmentRole.LEAD)
        .where(Task.subject_agency_id.is_(None))
        .group_by(Task.agency_id)
        .order_by(func.count().desc(), Task.agency_id)
        .limit(1)
    )
