from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from dondoc.db import transaction
from services.actors import Actor, Role, actor_for_email, role_from_registry
from tasks_catalog.models import Person


@pytest.mark.parametrize(
    ("email", "role", "agency"),
    [
        ("dieuphoi@vp.hoabinh.example", Role.COORDINATOR, "HB-VP"),
        ("chanhvp@vp.hoabinh.example", Role.OFFICE_CHIEF, "HB-VP"),
        ("chutich@hoabinh.example", Role.LEADER, "HB-UBND"),
        ("giamdoc@snv.hoabinh.example", Role.HEAD, "HB-SNV"),
        ("chuyenvien@snv.hoabinh.example", Role.INSPECTOR, "HB-SNV"),
        ("giamdoc@stp.hoabinh.example", Role.HEAD, "HB-STP"),
        ("  GiamDoc@SNV.hoabinh.example ", Role.HEAD, "HB-SNV"),
        ("ubnd@hoabinh.example", Role.STAFF, "HB-UBND"),  # the agency's shared mailbox
    ],
)
def test_registry_people_become_actors(world: Engine, email: str, role: Role, agency: str) -> None:
    with transaction(world) as session:
        actor = actor_for_email(session, email)
    assert actor is not None
    assert (actor.role, actor.agency_code, actor.province_code) == (role, agency, "HB")


def test_unknown_and_retired_people_are_nobody(world: Engine) -> None:
    with transaction(world) as session:
        assert actor_for_email(session, "ai.do@example.com") is None
        assert actor_for_email(session, "") is None
        person = session.scalars(
            select(Person).where(Person.email == "giamdoc@stp.hoabinh.example")
        ).one()
        person.retired_at = datetime(2025, 1, 1, tzinfo=UTC)
    with transaction(world) as session:
        assert actor_for_email(session, "giamdoc@stp.hoabinh.example") is None


def test_strongest_registry_role_wins() -> None:
    assert role_from_registry(["head", "coordination_leader"]) == Role.OFFICE_CHIEF
    assert role_from_registry(["coordinator", "assignee"]) == Role.COORDINATOR
    assert role_from_registry(["leader", "head"]) == Role.LEADER
    assert role_from_registry(["head", "inspection_lead"]) == Role.INSPECTION_LEAD
    assert role_from_registry(["assignee"]) == Role.STAFF
    assert role_from_registry([]) == Role.STAFF


def test_actor_is_a_frozen_value() -> None:
    actor = Actor("a@b.vn", "A", Role.HEAD, "X", "HB")
    with pytest.raises(AttributeError):
        actor.role = Role.ADMIN  # type: ignore[misc]
