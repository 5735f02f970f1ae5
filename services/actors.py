"""Who is acting: an `Actor` made from the agency registries' people.

A person's e-mail address is who they are. The registry gives each person one or more
roles (`assignee`, `head`, `coordinator`, `coordination_leader`, `inspector`,
`inspection_lead`, `leader`); an Actor carries the one that says most about what they may
do, in this order:

    coordination_leader -> office_chief   (Chánh Văn phòng UBND tỉnh)
    coordinator         -> coordinator    (chuyên viên theo dõi nhiệm vụ của Văn phòng)
    leader              -> leader         (Chủ tịch / Phó Chủ tịch: xem, không thao tác)
    inspection_lead     -> inspection_lead
    inspector           -> inspector
    head                -> head           (thủ trưởng cơ quan)
    assignee            -> staff          (chuyên viên)

An agency's shared mailbox (an address in its `emails`, not a named person) speaks for
that agency as staff; an address shared by several agencies speaks for none. A retired
person, or a person of a retired agency, is nobody. `admin` (the IT administrator) is
not in the registries: accounts make it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tasks_catalog.models import Agency, Person


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    OFFICE_CHIEF = "office_chief"
    HEAD = "head"
    STAFF = "staff"
    INSPECTOR = "inspector"
    INSPECTION_LEAD = "inspection_lead"
    LEADER = "leader"


# The coordination office of a province: assigns, approves, decides extensions.
OFFICE_ROLES = frozenset({Role.COORDINATOR, Role.OFFICE_CHIEF})
INSPECTION_ROLES = frozenset({Role.INSPECTOR, Role.INSPECTION_LEAD})

# Registry role -> Role, strongest first.
_PRECEDENCE: tuple[tuple[str, Role], ...] = (
    ("coordination_leader", Role.OFFICE_CHIEF),
    ("coordinator", Role.COORDINATOR),
    ("leader", Role.LEADER),
    ("inspection_lead", Role.INSPECTION_LEAD),
    ("inspector", Role.INSPECTOR),
    ("head", Role.HEAD),
    ("assignee", Role.STAFF),
)

ROLE_LABELS = {
    Role.ADMIN: "Quản trị hệ thống",
    Role.COORDINATOR: "Chuyên viên Văn phòng UBND tỉnh",
    Role.OFFICE_CHIEF: "Chánh Văn phòng UBND tỉnh",
    Role.HEAD: "Thủ trưởng cơ quan",
    Role.STAFF: "Chuyên viên",
    Role.INSPECTOR: "Thanh tra viên",
    Role.INSPECTION_LEAD: "Trưởng đoàn kiểm tra",
    Role.LEADER: "Lãnh đạo UBND tỉnh",
}


@dataclass(frozen=True)
class Actor:
    email: str
    name: str
    role: Role
    agency_code: str | None
    province_code: str | None


def role_from_registry(roles: list[str] | tuple[str, ...] | frozenset[str]) -> Role:
    """The Role a person's registry roles give (staff when none is known)."""
    for registry_role, role in _PRECEDENCE:
        if registry_role in roles:
            return role
    return Role.STAFF


def actor_for_email(session: Session, email: str) -> Actor | None:
    """The active person with this address, else the agency whose shared mailbox it is."""
    address = email.strip().lower()
    if not address:
        return None
    person = session.scalars(
        select(Person)
        .join(Agency, Person.agency_id == Agency.id)
        .where(func.lower(Person.email) == address)
        .where(Person.retired_at.is_(None), Agency.retired_at.is_(None))
    ).first()
    if person is not None:
        agency = person.agency
        return Actor(
            person.email, person.name, role_from_registry(person.roles), agency.code,
            agency.province,
        )  # fmt: skip
    return _mailbox_actor(session, address)


def _mailbox_actor(session: Session, address: str) -> Actor | None:
    agencies = session.scalars(select(Agency).where(Agency.retired_at.is_(None)))
    owners = [a for a in agencies if address in {e.lower() for e in a.emails}]
    if len(owners) != 1:  # unknown, or shared by several agencies: speaks for none
        return None
    agency = owners[0]
    return Actor(address, agency.name, Role.STAFF, agency.code, agency.province)
