"""Who someone is (a Principal) and what they may see and do with a task.

Today a Principal comes from the recipient named in a signed e-mail link; the full web
will make the same Principal from a password login (argon2) and a session cookie, and the
rules below stay as they are. They are pure functions of plain data:

- an ordinary task is seen by the people of its agency (its head among them), by the
  province's coordination office (roles coordinator / coordination_leader) and by the
  agency's own shared mailbox (which receives reminders when it has no named staff);
- an inspection task (obligation kind inspection_duty, or any task with an inspected
  unit) is seen only by the inspectors and inspection leads of the inspecting agency:
  the unit inspected and the dates of an unannounced inspection are secret;
- acting (progress, confirm done, extension) is for the people of the owning agency; only
  a lead (chủ trì) owner confirms done or asks for an extension.
A retired person is nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from notifications.links import CONFIRM_DONE, REQUEST_EXTENSION
from tasks_catalog.models import Agency, AssignmentRole, Person, Task

COORDINATION_ROLES = frozenset({"coordinator", "coordination_leader"})
INSPECTION_ROLES = frozenset({"inspector", "inspection_lead"})
LEAD_ONLY = frozenset({CONFIRM_DONE, REQUEST_EXTENSION})

NOT_ALLOWED = "Bạn không có quyền xem nhiệm vụ này."
NOT_OWNER = (
    "Chỉ cán bộ của cơ quan được giao nhiệm vụ mới thực hiện được thao tác này; "
    "ông/bà có thể xem nhiệm vụ bằng liên kết «Xem nhiệm vụ» trong thư."
)
NOT_LEAD = (
    "Chỉ cơ quan chủ trì mới xác nhận hoàn thành hoặc đề nghị gia hạn; "
    "cơ quan phối hợp gửi báo cáo tiến độ."
)


@dataclass(frozen=True)
class Principal:
    email: str
    name: str
    agency_id: int
    province: str
    roles: frozenset[str]
    is_mailbox: bool = False  # an agency's shared address, not a named person


@dataclass(frozen=True)
class TaskScope:
    """What the rules need to know about a task."""

    agency_id: int
    province: str
    role: AssignmentRole
    secret: bool  # an inspection: only its inspectors may see it


def task_scope(task: Task) -> TaskScope:
    secret = task.obligation.kind == "inspection_duty" or task.subject_agency_id is not None
    return TaskScope(task.agency_id, task.agency.province, task.role, secret)


def may_view(principal: Principal, scope: TaskScope) -> bool:
    if scope.secret:
        return (
            not principal.is_mailbox
            and principal.agency_id == scope.agency_id
            and bool(principal.roles & INSPECTION_ROLES)
        )
    if principal.agency_id == scope.agency_id:
        return True
    return bool(principal.roles & COORDINATION_ROLES) and principal.province == scope.province


def action_refusal(principal: Principal, scope: TaskScope, purpose: str) -> str | None:
    """Why `principal` may not do `purpose` on this task, or None when they may."""
    if not may_view(principal, scope):
        return NOT_ALLOWED
    if principal.agency_id != scope.agency_id:
        return NOT_OWNER
    if purpose in LEAD_ONLY and scope.role != AssignmentRole.LEAD:
        return NOT_LEAD
    return None


def principal_for_email(*, session: Session, email: str) -> Principal | None:
    """The active person with this address, else the agency whose shared mailbox it is."""
    address = email.strip().lower()
    person = session.scalars(
        select(Person)
        .join(Agency, Person.agency_id == Agency.id)
        .where(func.lower(Person.email) == address)
        .where(Person.retired_at.is_(None), Agency.retired_at.is_(None))
    ).first()
    if person is not None:
        return Principal(
            person.email, person.name, person.agency_id, person.agency.province,
            frozenset(person.roles),
        )  # fmt: skip
    agencies = session.scalars(select(Agency).where(Agency.retired_at.is_(None)))
    owners = [a for a in agencies if address in {e.lower() for e in a.emails}]
    if len(owners) != 1:  # unknown, or shared by several agencies: speaks for none
        return None
    agency = owners[0]
    return Principal(address, agency.name, agency.id, agency.province, frozenset(), True)
