"""Each decision: the transition, the audit row, the e-mail the other side needs."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from dondoc.db import transaction
from services import decisions
from services.assignments import reassign
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import Task, TaskStatus
from tasks_catalog.models_lifecycle import ExtensionRequest, ExtensionState
from tests.services.factories import (
    CHIEF,
    COORDINATOR,
    SNV_HEAD,
    SNV_STAFF,
    STP_HEAD,
    at,
    audit_trail,
    decide,
    footprint,
    outbox,
    plan_task_id,
)

OWNERS = {SNV_STAFF, SNV_HEAD}  # the assignee and the head of Sở Nội vụ


def test_an_extension_request_waits_for_the_coordinators(world: Engine) -> None:
    task_id = plan_task_id(world)
    decided = decide(
        world, decisions.request_extension, SNV_HEAD, task_id,
        proposed_due=date(2025, 4, 30), reason="Chờ số liệu của các huyện",
    )  # fmt: skip
    assert "30/04/2025" in decided.message and decided.queued == 1
    [(kind, step, recipient, note)] = outbox(world, task_id)
    assert (kind, step, recipient) == ("awaiting_decision", "extension_requested", COORDINATOR)
    assert "30/04/2025" in note and "Chờ số liệu" in note
    assert audit_trail(world, task_id) == [
        ("request_extension", "head", "not_started", "not_started")
    ]


def test_an_approved_extension_moves_the_due_date_and_tells_the_owner(world: Engine) -> None:
    task_id = plan_task_id(world)
    decide(
        world, decisions.request_extension, SNV_STAFF, task_id,
        proposed_due=date(2025, 4, 25), reason="Chờ số liệu",
    )  # fmt: skip
    decided = decide(world, decisions.approve_extension, COORDINATOR, task_id)
    assert decided.message == "Đã gia hạn đến 25/04/2025."
    with transaction(world) as session:
        task = session.get(Task, task_id)
        assert (task.due_on, task.original_due_on, task.extension_count) == (
            date(2025, 4, 25), date(2025, 3, 31), 1,
        )  # fmt: skip
        assert [(c.old_due_on, c.new_due_on, c.reason) for c in task.due_changes] == [
            (date(2025, 3, 31), date(2025, 4, 25), "extension")
        ]
    told = {(r, step) for kind, step, r, _ in outbox(world, task_id) if kind == "decision"}
    assert told == {(r, "extension_approved") for r in OWNERS}


def test_a_refused_extension_needs_a_reason_and_keeps_the_due_date(world: Engine) -> None:
    task_id = plan_task_id(world)
    decide(
        world, decisions.request_extension, SNV_HEAD, task_id,
        proposed_due=date(2025, 4, 30), reason="Chờ số liệu",
    )  # fmt: skip
    before = footprint(world, task_id)
    with pytest.raises(TransitionRefused, match="Lý do không đồng ý gia hạn"):
        decide(world, decisions.refuse_extension, CHIEF, task_id, reason="  ")
    assert footprint(world, task_id) == before
    decide(world, decisions.refuse_extension, CHIEF, task_id, reason="Đã đủ thời gian")
    [*_, (kind, step, _, note)] = outbox(world, task_id)
    assert (kind, step) == ("decision", "extension_refused")
    assert "Đã đủ thời gian" in note and "31/03/2025" in note
    with transaction(world) as session:
        request = session.scalars(select(ExtensionRequest)).one()
        assert request.state == ExtensionState.REFUSED


def test_a_third_extension_is_refused(world: Engine) -> None:
    task_id = plan_task_id(world)
    for month in (4, 5):
        decide(
            world, decisions.request_extension, SNV_HEAD, task_id,
            proposed_due=date(2025, month, 20), reason="Chưa xong",
        )  # fmt: skip
        decide(world, decisions.approve_extension, COORDINATOR, task_id)
    with pytest.raises(TransitionRefused, match="đã được gia hạn 2 lần"):
        decide(
            world, decisions.request_extension, SNV_HEAD, task_id,
            proposed_due=date(2025, 6, 30), reason="Chưa xong",
        )  # fmt: skip


def test_no_pending_request_nothing_to_approve(world: Engine) -> None:
    task_id = plan_task_id(world)
    with pytest.raises(TransitionRefused, match="không có đề nghị gia hạn"):
        decide(world, decisions.approve_extension, COORDINATOR, task_id)


def test_submit_return_with_reason_submit_approve_ends_done_on_time(world: Engine) -> None:
    task_id = plan_task_id(world)
    decide(world, decisions.submit, SNV_HEAD, task_id, note="Đã ban hành kế hoạch")
    assert outbox(world, task_id)[-1][:3] == ("awaiting_decision", "submitted", COORDINATOR)
    with pytest.raises(TransitionRefused, match="Lý do trả lại không được để trống"):
        decide(world, decisions.return_for_rework, COORDINATOR, task_id, reason="")
    decide(
        world, decisions.return_for_rework, COORDINATOR, task_id,
        reason="Thiếu phụ lục phân công", now=at("2025-03-12T10:00"),
    )  # fmt: skip
    returned = [(s, r) for k, s, r, n in outbox(world, task_id) if s == "returned"]
    assert {r for _, r in returned} == OWNERS
    decide(world, decisions.submit, SNV_STAFF, task_id, now=at("2025-03-20T10:00"))
    decided = decide(world, decisions.approve, CHIEF, task_id, now=at("2025-04-02T10:00"))
    assert decided.message == "Đã duyệt kết quả: hoàn thành đúng hạn."
    with transaction(world) as session:
        task = session.get(Task, task_id)
        assert (task.status, task.completed_on) == (TaskStatus.DONE, date(2025, 3, 20))
        assert task.next_action_at is None
    assert [a[0] for a in audit_trail(world, task_id)] == [
        "submit", "return", "submit", "approve",
    ]  # fmt: skip
    [*_, (kind, step, _, note)] = outbox(world, task_id)
    assert (kind, step) == ("decision", "approved") and "hoàn thành đúng hạn" in note


def test_a_result_submitted_after_the_due_date_is_done_late(world: Engine) -> None:
    task_id = plan_task_id(world)
    decide(world, decisions.submit, SNV_HEAD, task_id, now=at("2025-04-03T10:00"))
    decided = decide(world, decisions.approve, COORDINATOR, task_id, now=at("2025-04-04T10:00"))
    assert decided.message == "Đã duyệt kết quả: hoàn thành quá hạn."


def test_recall_stops_the_follow_up_and_reopen_starts_it_again(world: Engine) -> None:
    task_id = plan_task_id(world)
    decide(world, decisions.recall, CHIEF, task_id, reason="Không còn phù hợp")
    with transaction(world) as session:
        task = session.get(Task, task_id)
        assert (task.status, task.next_action_at) == (TaskStatus.RECALLED, None)
    decide(
        world, decisions.reopen, CHIEF, task_id, reason="Lãnh đạo chỉ đạo tiếp tục",
        due=date(2025, 5, 30),
    )  # fmt: skip
    with transaction(world) as session:
        task = session.get(Task, task_id)
        assert (task.status, task.due_on) == (TaskStatus.NOT_STARTED, date(2025, 5, 30))
        assert task.original_due_on == date(2025, 3, 31)
        assert task.next_action_at is not None
    steps = [s for k, s, _, _ in outbox(world, task_id) if k == "decision"]
    assert sorted(set(steps)) == ["recalled", "reopened"]


def test_reassign_recalls_and_gives_a_new_task_to_the_new_agency(world: Engine) -> None:
    task_id = plan_task_id(world)
    decided = decide(
        world, reassign, COORDINATOR, task_id, agency_code="HB-STP",
        reason="Thuộc chức năng của Sở Tư pháp",
    )  # fmt: skip
    new_id = decided.task.id
    assert new_id != task_id
    with transaction(world) as session:
        old, new = session.get(Task, task_id), session.get(Task, new_id)
        assert old.status == TaskStatus.RECALLED
        assert (new.agency.code, new.status, new.due_on) == (
            "HB-STP", TaskStatus.NOT_STARTED, date(2025, 3, 31),
        )  # fmt: skip
        assert new.obligation_id == old.obligation_id and new.next_action_at is not None
    assert {r for _, s, r, _ in outbox(world, task_id)} == OWNERS
    assert {(s, r) for _, s, r, _ in outbox(world, new_id)} == {("assigned", STP_HEAD)}
    assert audit_trail(world, new_id) == [("reassign", "coordinator", None, "not_started")]


def test_reassign_to_an_unknown_agency_changes_nothing(world: Engine) -> None:
    task_id = plan_task_id(world)
    before = footprint(world, task_id)
    with pytest.raises(TransitionRefused, match='Không có cơ quan mã "HB-KHONG"'):
        decide(world, reassign, COORDINATOR, task_id, agency_code="HB-KHONG", reason="x")
    assert footprint(world, task_id) == before


def test_a_missing_task_is_refused(world: Engine) -> None:
    with pytest.raises(decisions.NotPermitted, match="Không tìm thấy nhiệm vụ số 999999"):
        decide(world, decisions.approve, COORDINATOR, 999999)
