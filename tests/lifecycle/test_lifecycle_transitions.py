"""Progress, submission, approval, return and recall: allowed moves and refused ones."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tasks_catalog import lifecycle
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import AssignmentRole, TaskStatus
from tasks_catalog.models_lifecycle import EventKind, ExtensionState, TaskEvent
from tests.lifecycle.world import PLAN, SNV_STAFF, VP_COORDINATOR, find_task, local

NOW = local("2025-03-20T09:00")


def submit(session, task, when=NOW):  # noqa: ANN001, ANN201
    return lifecycle.confirm_done(session=session, task=task, actor=SNV_STAFF, note=None, now=when)


def test_a_progress_note_starts_the_task_and_is_kept_with_its_percent(session):
    task = find_task(session, PLAN)
    lifecycle.record_progress(
        session=session, task=task, actor=SNV_STAFF, note="Đã có dự thảo", percent=40, now=NOW
    )
    assert task.status == TaskStatus.IN_PROGRESS
    [event] = lifecycle.task_events(session=session, task=task)
    assert (event.kind, event.note, event.percent, event.actor) == (
        EventKind.PROGRESS,
        "Đã có dự thảo",
        40,
        SNV_STAFF,
    )


def test_a_cooperating_agency_may_report_progress(session):
    task = find_task(session, PLAN, "HB-VP", AssignmentRole.COOPERATING)
    lifecycle.record_progress(
        session=session, task=task, actor="x", note="Góp ý", percent=None, now=NOW
    )
    assert task.status == TaskStatus.IN_PROGRESS


@pytest.mark.parametrize(
    ("note", "percent", "message"),
    [
        ("  ", None, "Nội dung báo cáo tiến độ không được để trống."),
        ("Ổn", 101, "Tỷ lệ hoàn thành phải từ 0 đến 100%."),
        ("Ổn", -1, "Tỷ lệ hoàn thành phải từ 0 đến 100%."),
    ],
)
def test_an_empty_note_or_a_percent_out_of_range_is_refused(session, note, percent, message):
    task = find_task(session, PLAN)
    with pytest.raises(TransitionRefused) as refused:
        lifecycle.record_progress(
            session=session, task=task, actor=SNV_STAFF, note=note, percent=percent, now=NOW
        )
    assert refused.value.reason == message
    assert task.status == TaskStatus.NOT_STARTED


def test_confirming_done_submits_the_task_for_approval(session):
    task = find_task(session, PLAN)
    event = lifecycle.confirm_done(
        session=session, task=task, actor=SNV_STAFF, note="Kế hoạch số 12/KH-SNV", now=NOW
    )
    assert task.status == TaskStatus.SUBMITTED and task.completed_on is None
    assert (event.kind, event.note) == (EventKind.SUBMITTED, "Kế hoạch số 12/KH-SNV")


def test_a_cooperating_agency_cannot_confirm_done(session):
    task = find_task(session, PLAN, "HB-VP", AssignmentRole.COOPERATING)
    with pytest.raises(TransitionRefused, match="Chỉ cơ quan chủ trì được xác nhận hoàn thành"):
        submit(session, task)
    assert task.status == TaskStatus.NOT_STARTED


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (TaskStatus.SUBMITTED, "đang chờ duyệt"),
        (TaskStatus.DONE, "đã hoàn thành"),
        (TaskStatus.RECALLED, "đã bị thu hồi"),
    ],
)
def test_a_closed_task_takes_no_progress_and_no_second_submission(session, status, words):
    task = find_task(session, PLAN)
    task.status = status
    with pytest.raises(TransitionRefused, match=words):
        submit(session, task)
    with pytest.raises(TransitionRefused, match=f"Không thể báo cáo tiến độ: nhiệm vụ .*{words}"):
        lifecycle.record_progress(
            session=session, task=task, actor=SNV_STAFF, note="x", percent=None, now=NOW
        )
    assert task.status == status


def test_approval_makes_it_done_on_the_day_it_was_submitted(session):
    task = find_task(session, PLAN)
    submit(session, task, local("2025-03-31T16:00"))  # on the due day
    lifecycle.approve_done(
        session=session, task=task, actor=VP_COORDINATOR, now=local("2025-04-03T09:00")
    )
    assert task.status == TaskStatus.DONE
    assert task.completed_on == date(2025, 3, 31)  # waiting for approval is not lateness
    assert task.due_at_completion == date(2025, 3, 31)


def test_only_a_submitted_task_can_be_approved_or_returned(session):
    task = find_task(session, PLAN)
    with pytest.raises(TransitionRefused, match="Chỉ duyệt được nhiệm vụ đang chờ duyệt"):
        lifecycle.approve_done(session=session, task=task, actor=VP_COORDINATOR, now=NOW)
    with pytest.raises(TransitionRefused, match="Chỉ trả lại được nhiệm vụ đang chờ duyệt"):
        lifecycle.return_for_rework(
            session=session, task=task, actor=VP_COORDINATOR, reason="Thiếu số liệu", now=NOW
        )
    assert task.status == TaskStatus.NOT_STARTED


def test_a_returned_task_is_open_again_and_can_be_submitted_again(session):
    task = find_task(session, PLAN)
    submit(session, task)
    with pytest.raises(TransitionRefused, match="Lý do trả lại không được để trống"):
        lifecycle.return_for_rework(
            session=session, task=task, actor=VP_COORDINATOR, reason="", now=NOW
        )
    lifecycle.return_for_rework(
        session=session, task=task, actor=VP_COORDINATOR, reason="Thiếu số liệu quý I", now=NOW
    )
    assert task.status == TaskStatus.RETURNED
    lifecycle.record_progress(
        session=session, task=task, actor=SNV_STAFF, note="Đang bổ sung", percent=90, now=NOW
    )
    assert task.status == TaskStatus.RETURNED  # still marked "Trả lại" until resubmitted
    submit(session, task, NOW + timedelta(days=1))
    assert task.status == TaskStatus.SUBMITTED
    kinds = [e.kind for e in lifecycle.task_events(session=session, task=task)]
    assert kinds == [
        EventKind.SUBMITTED,
        EventKind.RETURNED,
        EventKind.PROGRESS,
        EventKind.SUBMITTED,
    ]


def test_recall_withdraws_an_open_or_submitted_task_and_cancels_its_extension_request(session):
    task = find_task(session, PLAN)
    request = lifecycle.request_extension(
        session=session,
        task=task,
        actor=SNV_STAFF,
        proposed_due=date(2025, 4, 30),
        reason="Chờ số liệu",
        now=NOW,
    )
    lifecycle.recall(
        session=session, task=task, actor=VP_COORDINATOR, reason="Đã có văn bản thay thế", now=NOW
    )
    assert task.status == TaskStatus.RECALLED
    assert request.state == ExtensionState.CANCELLED
    with pytest.raises(TransitionRefused, match="Không thu hồi được: nhiệm vụ đã bị thu hồi"):
        lifecycle.recall(
            session=session, task=task, actor=VP_COORDINATOR, reason="Lần nữa", now=NOW
        )


def test_a_done_task_cannot_be_recalled(session):
    task = find_task(session, PLAN)
    submit(session, task)
    lifecycle.approve_done(session=session, task=task, actor=VP_COORDINATOR, now=NOW)
    with pytest.raises(TransitionRefused, match="đã hoàn thành"):
        lifecycle.recall(session=session, task=task, actor=VP_COORDINATOR, reason="Nhầm", now=NOW)
    assert task.status == TaskStatus.DONE


def test_a_refused_transition_writes_nothing(session):
    task = find_task(session, PLAN, "HB-VP", AssignmentRole.COOPERATING)
    with pytest.raises(TransitionRefused):
        submit(session, task)
    assert session.scalars(select(TaskEvent)).all() == []
