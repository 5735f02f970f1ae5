"""What an Actor may see and do with a task: the one place every page, link, CLI command
and decision asks.

- An ordinary task is seen by the people of its agency, by the province's coordination
  office (coordinator, office_chief) and leadership (leader, read only), and by the
  administrator.
- An inspection task (obligation kind `inspection_duty`, or any task with an inspected
  unit) is secret: only the inspectors and inspection lead of the inspecting agency see
  it (the unit inspected and the dates of an unannounced inspection never leak).
- The owner's actions (report progress, submit, request an extension) are for the people
  of the owning agency; only a lead (chủ trì) owner submits or asks for an extension.
- The assigner's decisions (approve, return, decide an extension, reassign, recall,
  reopen) are the coordination office's of the task's province; on a secret task they
  are the inspection lead's of the inspecting agency. Leaders and the administrator read.

`task_visible_to` says the same as `may_view_task` in SQL, for lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, false, not_, or_, select
from sqlalchemy.orm import Session

from notifications.links import CONFIRM_DONE, REPORT_PROGRESS, REQUEST_EXTENSION
from services.actors import INSPECTION_ROLES, OFFICE_ROLES, Actor, Role
from tasks_catalog.models import Agency, AssignmentRole, Obligation, Task

INSPECTION_KIND = "inspection_duty"


class Action(StrEnum):
    VIEW = "view"
    REPORT_PROGRESS = "report_progress"
    SUBMIT = "submit"
    REQUEST_EXTENSION = "request_extension"
    APPROVE = "approve"
    RETURN = "return"
    APPROVE_EXTENSION = "approve_extension"
    REFUSE_EXTENSION = "refuse_extension"
    REASSIGN = "reassign"
    RECALL = "recall"
    REOPEN = "reopen"


OWNER_ACTIONS = frozenset({Action.REPORT_PROGRESS, Action.SUBMIT, Action.REQUEST_EXTENSION})
LEAD_ONLY = frozenset({Action.SUBMIT, Action.REQUEST_EXTENSION})
ASSIGNER_ACTIONS = frozenset(
    {
        Action.APPROVE,
        Action.RETURN,
        Action.APPROVE_EXTENSION,
        Action.REFUSE_EXTENSION,
        Action.REASSIGN,
        Action.RECALL,
        Action.REOPEN,
    }
)
# The purposes of e-mail action links, as actions.
LINK_ACTIONS = {
    REPORT_PROGRESS: Action.REPORT_PROGRESS,
    CONFIRM_DONE: Action.SUBMIT,
    REQUEST_EXTENSION: Action.REQUEST_EXTENSION,
}

NOT_ALLOWED = "Bạn không có quyền xem nhiệm vụ này."
NOT_OWNER = (
    "Chỉ cán bộ của cơ quan được giao nhiệm vụ mới thực hiện được thao tác này; "
    "ông/bà có thể xem nhiệm vụ bằng liên kết «Xem nhiệm vụ» trong thư."
)
NOT_LEAD = (
    "Chỉ cơ quan chủ trì mới xác nhận hoàn thành hoặc đề nghị gia hạn; "
    "cơ quan phối hợp gửi báo cáo tiến độ."
)
NOT_ASSIGNER = (
    "Chỉ Văn phòng UBND tỉnh (chuyên viên theo dõi, Chánh Văn phòng) mới quyết định thao tác này."
)
NOT_INSPECTION_LEAD = "Chỉ trưởng đoàn kiểm tra của cơ quan kiểm tra mới quyết định thao tác này."
READ_ONLY = "Tài khoản của ông/bà chỉ được xem, không thao tác trên nhiệm vụ."
NOT_ASSIGNER_OF_PROVINCE = "Chỉ Văn phòng UBND tỉnh mới giao nhiệm vụ cho các cơ quan của tỉnh."


@dataclass(frozen=True)
class TaskScope:
    """What the rules need to know about a task."""

    agency_code: str
    province: str
    role: AssignmentRole
    secret: bool  # an inspection: only its inspectors may see it


def task_scope(task: Task) -> TaskScope:
    secret = task.obligation.kind == INSPECTION_KIND or task.subject_agency_id is not None
    return TaskScope(task.agency.code, task.agency.province, task.role, secret)


def may_view_task(actor: Actor, task: Task | TaskScope) -> bool:
    scope = task if isinstance(task, TaskScope) else task_scope(task)
    own = actor.agency_code is not None and actor.agency_code == scope.agency_code
    if scope.secret:
        return own and actor.role in INSPECTION_ROLES
    if own or actor.role == Role.ADMIN:
        return True
    in_province = actor.province_code is not None and actor.province_code == scope.province
    return in_province and (actor.role in OFFICE_ROLES or actor.role == Role.LEADER)


def refusal(actor: Actor, action: str, task: Task | TaskScope) -> str | None:
    """Why `actor` may not do `action` on this task (Vietnamese), or None when they may."""
    scope = task if isinstance(task, TaskScope) else task_scope(task)
    wanted = Action(action)
    if not may_view_task(actor, scope):
        return NOT_ALLOWED
    if wanted == Action.VIEW:
        return None
    if actor.role in (Role.LEADER, Role.ADMIN):
        return READ_ONLY
    if wanted in OWNER_ACTIONS:
        if actor.agency_code != scope.agency_code:
            return NOT_OWNER
        if wanted in LEAD_ONLY and scope.role != AssignmentRole.LEAD:
            return NOT_LEAD
        return None
    if scope.secret:
        return None if actor.role == Role.INSPECTION_LEAD else NOT_INSPECTION_LEAD
    return None if actor.role in OFFICE_ROLES else NOT_ASSIGNER


def assign_refusal(actor: Actor, agency: Agency) -> str | None:
    """Why `actor` may not give a new task to `agency`, or None when they may."""
    if actor.role not in OFFICE_ROLES:
        return READ_ONLY if actor.role in (Role.LEADER, Role.ADMIN) else NOT_ASSIGNER
    if actor.province_code != agency.province:
        return NOT_ASSIGNER_OF_PROVINCE
    return None


def task_visible_to(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause on `Task` that keeps exactly the tasks `may_view_task` allows."""
    secret = or_(
        Task.subject_agency_id.is_not(None),
        Task.obligation_id.in_(select(Obligation.id).where(Obligation.kind == INSPECTION_KIND)),
    )
    own = (
        Task.agency_id.in_(select(Agency.id).where(Agency.code == actor.agency_code))
        if actor.agency_code is not None
        else false()
    )
    if actor.role in INSPECTION_ROLES:
        return own
    if actor.role == Role.ADMIN:
        return not_(secret)
    if actor.role in OFFICE_ROLES or actor.role == Role.LEADER:
        in_province = (
            Task.agency_id.in_(select(Agency.id).where(Agency.province == actor.province_code))
            if actor.province_code is not None
            else false()
        )
        return and_(not_(secret), or_(own, in_province))
    return and_(not_(secret), own) if actor.agency_code is not None else false()


def visible_task_ids(session: Session, actor: Actor) -> set[int]:
    """The ids of every task `actor` may see (for filtering a list made elsewhere)."""
    return set(session.scalars(select(Task.id).where(task_visible_to(actor))))
