"""Extensions: asked by the lead owner, granted by the assigner, at most twice."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from tasks_catalog import lifecycle
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import AssignmentRole, TaskStatus
from tasks_catalog.models_lifecycle import ExtensionRequest, ExtensionState
from tests.lifecycle.world import PLAN, SNV_STAFF, VP_COORDINATOR, find_task, local

NOW = local("2025-03-20T09:00")


def ask(session, task, proposed: date, reason: str = "Chờ ý kiến các sở"):  # noqa: ANN001, ANN201
    return lifecycle.request_extension(
        session=session, task=task, actor=SNV_STAFF, proposed_due=proposed, reason=reason, now=NOW
    )


def pending_request(task, proposed: date, reason: str) -> ExtensionRequest:  # noqa: ANN001
    """A request written straight to the table, past the checks `request_extension` makes."""
    return ExtensionRequest(
        task_id=task.id,
        requested_by=SNV_STAFF,
        requested_at=NOW,
        due_when_requested=task.due_on,
        proposed_due=proposed,
        reason=reason,
        state=ExtensionState.PENDING,
    )


def grant(session, request, calendar, **kwargs):  # noqa: ANN001, ANN003, ANN201
    return lifecycle.approve_extension(
        session=session, request=request, actor=VP_COORDINATOR, now=NOW, calendar=calendar, **kwargs
    )


def test_a_request_is_stored_and_changes_nothing_until_approved(session):
    task = find_task(session, PLAN)
    request = ask(session, task, date(2025, 4, 15))
    assert request.state == ExtensionState.PENDING
    assert (request.due_when_requested, request.proposed_due) == (
        date(2025, 3, 31),
        date(2025, 4, 15),
    )
    assert task.due_on == date(2025, 3, 31) and task.extension_count == 0


def test_approval_moves_the_due_date_and_keeps_the_original(session, calendar):
    task = find_task(session, PLAN)
    change = grant(session, ask(session, task, date(2025, 4, 15)), calendar)
    assert (task.due_on, task.original_due_on, task.extension_count) == (
        date(2025, 4, 15),
        date(2025, 3, 31),
        1,
    )
    assert (change.old_due_on, change.new_due_on, change.reason, change.note) == (
        date(2025, 3, 31),
        date(2025, 4, 15),
        "extension",
        "Chờ ý kiến các sở",
    )
    assert task.due_changes == [change]


def test_a_granted_date_on_a_day_off_moves_to_the_next_working_day(session, calendar):
    task = find_task(session, PLAN)
    grant(session, ask(session, task, date(2025, 4, 30)), calendar)  # Ngày Giải phóng miền Nam
    assert task.due_on == date(2025, 5, 5)  # 30/4, 1/5 and the weekend are days off


def test_a_third_extension_is_refused(session, calendar):
    task = find_task(session, PLAN)
    grant(session, ask(session, task, date(2025, 4, 15)), calendar)
    grant(session, ask(session, task, date(2025, 5, 15)), calendar)
    with pytest.raises(TransitionRefused, match="đã được gia hạn 2 lần, không thể gia hạn thêm"):
        ask(session, task, date(2025, 6, 16))
    assert (task.due_on, task.original_due_on, task.extension_count) == (
        date(2025, 5, 15),
        date(2025, 3, 31),
        2,
    )
    assert [c.reason for c in task.due_changes] == ["extension", "extension"]


def test_a_request_left_over_from_before_two_grants_cannot_make_a_third(session, calendar):
    task = find_task(session, PLAN)
    task.extension_count = 2  # e.g. granted on paper, recorded by the office
    stray = pending_request(task, date(2025, 6, 16), "Cũ")
    session.add(stray)
    session.flush()
    with pytest.raises(TransitionRefused, match="đã được gia hạn 2 lần"):
        grant(session, stray, calendar)
    assert task.due_on == date(2025, 3, 31)


@pytest.mark.parametrize(
    ("proposed", "reason", "message"),
    [
        (date(2025, 3, 31), "Lý do", "Thời hạn đề nghị phải sau thời hạn hiện tại (31/03/2025)."),
        (date(2025, 3, 1), "Lý do", "Thời hạn đề nghị phải sau thời hạn hiện tại (31/03/2025)."),
        (date(2025, 4, 15), " ", "Lý do đề nghị gia hạn không được để trống."),
    ],
)
def test_a_request_must_name_a_later_date_and_a_reason(session, proposed, reason, message):
    task = find_task(session, PLAN)
    with pytest.raises(TransitionRefused) as refused:
        ask(session, task, proposed, reason)
    assert refused.value.reason == message


def test_an_overdue_task_cannot_ask_for_a_date_already_past(session):
    task = find_task(session, PLAN)
    with pytest.raises(TransitionRefused, match="không được trước ngày hôm nay"):
        lifecycle.request_extension(
            session=session,
            task=task,
            actor=SNV_STAFF,
            proposed_due=date(2025, 4, 2),
            reason="Muộn",
            now=local("2025-04-10T09:00"),
        )


def test_only_one_request_waits_at_a_time(session):
    task = find_task(session, PLAN)
    ask(session, task, date(2025, 4, 15))
    with pytest.raises(TransitionRefused, match="đã có một đề nghị gia hạn đang chờ duyệt"):
        ask(session, task, date(2025, 4, 20))


def test_the_database_itself_refuses_a_second_pending_request(session):
    task = find_task(session, PLAN)
    ask(session, task, date(2025, 4, 15))
    session.add(pending_request(task, date(2025, 4, 20), "Chen ngang"))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


def test_a_cooperating_agency_cannot_ask_for_an_extension(session):
    task = find_task(session, PLAN, "HB-VP", AssignmentRole.COOPERATING)
    with pytest.raises(TransitionRefused, match="Chỉ cơ quan chủ trì được đề nghị gia hạn"):
        ask(session, task, date(2025, 4, 15))


def test_a_submitted_task_takes_no_extension_and_its_request_is_cancelled(session, calendar):
    task = find_task(session, PLAN)
    request = ask(session, task, date(2025, 4, 15))
    lifecycle.confirm_done(session=session, task=task, actor=SNV_STAFF, note=None, now=NOW)
    assert request.state == ExtensionState.CANCELLED
    with pytest.raises(TransitionRefused, match="Đề nghị gia hạn này đã được xử lý"):
        grant(session, request, calendar)
    with pytest.raises(TransitionRefused, match="Không thể đề nghị gia hạn: nhiệm vụ đã báo cáo"):
        ask(session, task, date(2025, 4, 20))
    assert task.status == TaskStatus.SUBMITTED and task.due_on == date(2025, 3, 31)


def test_a_refused_request_leaves_the_due_date_and_frees_the_way_for_another(session, calendar):
    task = find_task(session, PLAN)
    request = ask(session, task, date(2025, 6, 30))
    with pytest.raises(TransitionRefused, match="Lý do không đồng ý gia hạn không được để trống"):
        lifecycle.refuse_extension(
            session=session, request=request, actor=VP_COORDINATOR, note="", now=NOW
        )
    lifecycle.refuse_extension(
        session=session, request=request, actor=VP_COORDINATOR, note="Quá dài", now=NOW
    )
    assert request.state == ExtensionState.REFUSED and task.due_on == date(2025, 3, 31)
    assert ask(session, task, date(2025, 4, 15)).state == ExtensionState.PENDING


def test_the_assigner_may_grant_a_shorter_date_than_asked(session, calendar):
    task = find_task(session, PLAN)
    request = ask(session, task, date(2025, 5, 30))
    grant(session, request, calendar, due=date(2025, 4, 15), note="Chỉ đồng ý đến 15/4")
    assert task.due_on == request.granted_due == date(2025, 4, 15)
    assert request.decision_note == "Chỉ đồng ý đến 15/4"
