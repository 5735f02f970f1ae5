"""The permission matrix: every role × every action × own / other agency / other province,
on ordinary and secret (inspection) tasks; and the SQL filter agrees with the rule."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from dondoc.db import transaction
from services.actors import Actor, Role, actor_for_email
from services.permissions import (
    ASSIGNER_ACTIONS,
    NOT_ALLOWED,
    NOT_LEAD,
    OWNER_ACTIONS,
    Action,
    TaskScope,
    may_view_task,
    refusal,
    task_visible_to,
)
from tasks_catalog.models import AssignmentRole, Task

V = frozenset({Action.VIEW})
OWNER = V | OWNER_ACTIONS
ASSIGNER = V | ASSIGNER_ACTIONS
COOPERATING_OWNER = V | {Action.REPORT_PROGRESS}
NOTHING: frozenset[Action] = frozenset()

LEAD, COOP = AssignmentRole.LEAD, AssignmentRole.COOPERATING
# (role, whose agency the task is, task role, secret) -> what the actor may do
MATRIX = [
    (Role.HEAD, "own", LEAD, False, OWNER),
    (Role.HEAD, "own", COOP, False, COOPERATING_OWNER),
    (Role.STAFF, "own", LEAD, False, OWNER),
    (Role.STAFF, "own", COOP, False, COOPERATING_OWNER),
    (Role.HEAD, "other", LEAD, False, NOTHING),
    (Role.STAFF, "other", LEAD, False, NOTHING),
    (Role.HEAD, "own", LEAD, True, NOTHING),
    (Role.STAFF, "own", LEAD, True, NOTHING),
    (Role.INSPECTOR, "own", LEAD, True, OWNER),
    (Role.INSPECTOR, "own", LEAD, False, OWNER),
    (Role.INSPECTOR, "other", LEAD, True, NOTHING),
    (Role.INSPECTION_LEAD, "own", LEAD, True, OWNER | ASSIGNER),
    (Role.INSPECTION_LEAD, "other", LEAD, True, NOTHING),
    (Role.INSPECTION_LEAD, "other", LEAD, False, NOTHING),
    (Role.COORDINATOR, "other", LEAD, False, ASSIGNER),
    (Role.COORDINATOR, "other", COOP, False, ASSIGNER),
    (Role.COORDINATOR, "own", LEAD, False, OWNER | ASSIGNER),
    (Role.COORDINATOR, "other", LEAD, True, NOTHING),
    (Role.COORDINATOR, "other province", LEAD, False, NOTHING),
    (Role.OFFICE_CHIEF, "other", LEAD, False, ASSIGNER),
    (Role.OFFICE_CHIEF, "other", LEAD, True, NOTHING),
    (Role.OFFICE_CHIEF, "other province", LEAD, False, NOTHING),
    (Role.LEADER, "other", LEAD, False, V),
    (Role.LEADER, "own", LEAD, False, V),
    (Role.LEADER, "other", LEAD, True, NOTHING),
    (Role.LEADER, "other province", LEAD, False, NOTHING),
    (Role.ADMIN, "other", LEAD, False, V),
    (Role.ADMIN, "other", LEAD, True, NOTHING),
]


def _actor(role: Role, where: str) -> Actor:
    agency = {"own": "HB-SNV", "other": "HB-VP", "other province": "QN-VP"}[where]
    province = "QN" if where == "other province" else "HB"
    return Actor("x@example.vn", "X", role, agency, province)


@pytest.mark.parametrize(("role", "where", "task_role", "secret", "allowed"), MATRIX)
def test_permission_matrix(
    role: Role, where: str, task_role: AssignmentRole, secret: bool, allowed: frozenset[Action]
) -> None:
    actor = _actor(role, where)
    scope = TaskScope("HB-SNV", "HB", task_role, secret)
    granted = {action for action in Action if refusal(actor, action, scope) is None}
    assert granted == allowed
    assert may_view_task(actor, scope) == (Action.VIEW in allowed)


def test_refusals_say_why_in_vietnamese() -> None:
    scope = TaskScope("HB-SNV", "HB", COOP, False)
    head = _actor(Role.HEAD, "own")
    assert refusal(head, Action.SUBMIT, scope) == NOT_LEAD
    assert refusal(_actor(Role.HEAD, "other"), Action.VIEW, scope) == NOT_ALLOWED
    assert "Văn phòng UBND tỉnh" in (refusal(head, Action.APPROVE, scope) or "")
    assert "chỉ được xem" in (refusal(_actor(Role.LEADER, "other"), Action.RECALL, scope) or "")


def test_an_actor_without_agency_sees_only_what_its_role_allows() -> None:
    scope = TaskScope("HB-SNV", "HB", LEAD, False)
    nobody = Actor("x@example.vn", "X", Role.STAFF, None, None)
    assert not may_view_task(nobody, scope)


EMAILS = [
    "dieuphoi@vp.hoabinh.example",
    "chanhvp@vp.hoabinh.example",
    "chutich@hoabinh.example",
    "giamdoc@snv.hoabinh.example",
    "chuyenvien@snv.hoabinh.example",
    "giamdoc@stp.hoabinh.example",
    "chutich@lacson.hoabinh.example",
    "ubnd@hoabinh.example",
]


def test_sql_filter_keeps_exactly_the_tasks_the_rule_shows(world: Engine) -> None:
    with transaction(world) as session:
        tasks = list(session.scalars(select(Task)))
        assert any(t.obligation.kind == "inspection_duty" for t in tasks)
        actors = [actor_for_email(session, email) for email in EMAILS]
        actors += [
            Actor("a@x.vn", "Admin", Role.ADMIN, None, None),
            Actor("c@qn.vn", "QN", Role.COORDINATOR, "QN-VP", "QN"),
        ]
        for actor in actors:
            assert actor is not None
            listed = set(session.scalars(select(Task.id).where(task_visible_to(actor))))
            expected = {t.id for t in tasks if may_view_task(actor, t)}
            assert listed == expected, actor
        coordinator = actors[0]
        assert coordinator is not None
        seen = set(session.scalars(select(Task.id).where(task_visible_to(coordinator))))
        assert 0 < len(seen) < len(tasks)  # the inspections stay with the inspectors
