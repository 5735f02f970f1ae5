"""The task page opened from a `view` link: who may see it, and what it shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from dondoc.db import transaction
from notifications.links import CONFIRM_DONE, VIEW
from tasks_catalog.models import Person
from tests.helpers import snapshot
from tests.lifecycle.world import (
    DISTRICT_HEAD,
    INSPECTION,
    SNV_HEAD,
    SNV_STAFF,
    STP_HEAD,
    VP_CHIEF,
    VP_COORDINATOR,
)


def test_the_owner_sees_document_clause_quote_agency_role_period_due_and_status(web):
    response = web.view(web.task_id(), SNV_STAFF)
    assert response.status_code == 200
    page = response.text
    for expected in (
        "99/NQ-HĐND",
        "Nghị quyết mẫu để kiểm thử",
        "Điều 3, khoản 1",
        "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện trước ngày 31/3/2025.",
        "Ban hành kế hoạch thực hiện Nghị quyết",
        "Sở Nội vụ (chủ trì)",
        "31/03/2025",
        "Thời hạn chưa thay đổi",
        "Chưa có báo cáo nào",
    ):
        assert expected in page, expected
    assert 'class="status status-grey">Chưa triển khai<' in page  # 20/3: 7 working days left
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_status_colour_follows_the_calendar(web):
    web.clock.now += timedelta(days=14)  # 3/4: past the due date, not done
    page = web.view(web.task_id(), SNV_STAFF).text
    assert 'class="status status-red">Quá hạn chưa hoàn thành<' in page


@pytest.mark.parametrize("email", [SNV_HEAD, SNV_STAFF, VP_COORDINATOR, VP_CHIEF])
def test_the_agency_its_head_and_the_coordination_office_may_see_a_task(web, email):
    assert web.view(web.task_id(), email).status_code == 200


@pytest.mark.parametrize("email", [STP_HEAD, DISTRICT_HEAD, "nguoi.la@example.com"])
def test_anyone_else_is_refused_in_vietnamese_and_sees_nothing(web, email):
    response = web.view(web.task_id(), email)
    assert response.status_code == 403
    assert "Bạn không có quyền xem nhiệm vụ này." in response.text
    assert "Ban hành kế hoạch" not in response.text and "31/03/2025" not in response.text


def test_a_person_who_has_left_cannot_use_an_old_link(web):
    path = web.link(VIEW, web.task_id(), SNV_HEAD)
    with transaction(web.engine) as session:
        session.execute(
            update(Person).where(Person.email == SNV_HEAD).values(retired_at=web.clock.now)
        )
    assert web.client.get(path).status_code == 403


def test_an_inspection_is_shown_to_the_inspectors_of_the_inspecting_agency(web):
    response = web.view(web.task_id(INSPECTION), SNV_STAFF)  # assignee and inspector of SNV
    assert response.status_code == 200
    assert "Đơn vị được kiểm tra" in response.text


@pytest.mark.parametrize(
    "email",
    [
        SNV_HEAD,  # head of the inspecting agency, but not an inspector
        VP_COORDINATOR,  # the coordination office
        VP_CHIEF,  # head of the VP, parent of the inspected public service centre
        DISTRICT_HEAD,  # head of the district whose one-stop unit is inspected
    ],
)
def test_an_inspection_is_hidden_from_everyone_else(web, email):
    task_id = web.task_id(INSPECTION)
    response = web.view(task_id, email)
    assert response.status_code == 403
    for secret in ("Kiểm tra đột xuất", "Trung tâm Phục vụ", "Bộ phận một cửa", "kiểm tra"):
        assert secret not in response.text, secret
    action = web.client.get(web.link(CONFIRM_DONE, task_id, email))
    assert action.status_code == 403 and "Kiểm tra đột xuất" not in action.text


def test_an_expired_link_says_until_when_it_was_valid(web):
    path = web.link(VIEW, web.task_id(), SNV_STAFF, expires_at=web.clock.now - timedelta(hours=1))
    response = web.client.get(path)
    assert response.status_code == 400
    assert "Liên kết đã hết hạn (hiệu lực đến hết ngày 20/03/2025)" in response.text


def test_a_tampered_link_is_refused(web):
    path = web.link(VIEW, web.task_id(), SNV_STAFF)
    last = path[-1]
    tampered = path[:-1] + ("A" if last != "A" else "B")
    response = web.client.get(tampered)
    assert response.status_code == 400
    assert "Liên kết không hợp lệ hoặc đã bị thay đổi." in response.text


def test_an_action_link_does_not_open_the_task_page(web):
    task_id = web.task_id()
    token = web.link(CONFIRM_DONE, task_id, SNV_STAFF).rsplit("/", 1)[1]
    response = web.client.get(f"/tasks/{task_id}?t={token}")
    assert response.status_code == 400
    assert "Liên kết này không dùng cho thao tác này." in response.text


def test_a_link_for_one_task_does_not_open_another(web):
    path = web.link(VIEW, web.task_id(), SNV_STAFF)
    other = web.task_id(INSPECTION)
    response = web.client.get(f"/tasks/{other}?t={path.split('?t=')[1]}")
    assert response.status_code == 400 and "không dùng cho nhiệm vụ này" in response.text


def test_without_a_token_the_page_asks_to_sign_in_and_comes_back(web):
    task_id = web.task_id()
    response = web.client.get(f"/tasks/{task_id}")
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next=/tasks/{task_id}"


def test_viewing_never_changes_anything(web):
    before = snapshot(web.engine)
    for email in (SNV_STAFF, STP_HEAD):
        web.view(web.task_id(), email)
    assert snapshot(web.engine) == before
