"""The signed-in pages: Việc của tôi, the inbox, the task page and its decision forms."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from dondoc.db import transaction
from tasks_catalog.models import Task
from tasks_catalog.models_lifecycle import TaskAttachment, TaskAudit
from tests.lifecycle.world import SNV_HEAD, VP_COORDINATOR, local
from tests.web.signing import form_token, sign_in_as


def decide(web, task_id: int, action: str, files=None, **fields: str):  # noqa: ANN001, ANN201
    """Open the task page, then post the form of `action` as the browser would."""
    page = web.client.get(f"/tasks/{task_id}")
    path = f"/tasks/{task_id}/do/{action}"
    data = {"csrf": form_token(page.text, path), **fields}
    return web.client.post(path, data=data, files=files)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def audit_rows(web, task_id: int) -> int:  # noqa: ANN001
    with transaction(web.engine) as session:
        query = select(func.count()).select_from(TaskAudit).where(TaskAudit.task_id == task_id)
        return session.scalar(query) or 0


def test_my_work_puts_the_overdue_task_first_with_its_actions(web):
    web.clock.now = local("2025-04-02T09:00")  # the plan (due 31/03) is overdue by now
    sign_in_as(web, SNV_HEAD)
    page = web.client.get("/my")
    assert page.status_code == 200
    statuses = re.findall(r'<p class="status status-[^"]+">([^<]+)</p>', page.text)
    assert statuses[0] == "Quá hạn chưa hoàn thành"
    assert statuses == sorted(statuses, key=lambda s: s != "Quá hạn chưa hoàn thành")
    first = page.text.split('<li class="card"', 2)[1]
    assert "Báo cáo hoàn thành" in first and "Đề nghị gia hạn" in first


def test_an_extension_waits_in_the_inbox_with_its_count_on_every_page(web):
    task_id = web.task_id()
    sign_in_as(web, SNV_HEAD)
    asked = decide(web, task_id, "request_extension", proposed_due="2025-04-30", reason="Chờ số liệu")  # fmt: skip
    assert asked.status_code == 303
    sign_in_as(web, VP_COORDINATOR)
    inbox = web.client.get("/inbox")
    assert "Chờ quyết định (1)" in inbox.text
    assert "Đề nghị gia hạn từ 31/03/2025 đến 30/04/2025: Chờ số liệu" in text_of(inbox.text)
    for path in ("/inbox", f"/tasks/{task_id}", "/my"):
        assert re.search(r'id="waiting-count"[^>]*>1<', web.client.get(path).text), path
    assert web.client.get("/inbox/count").text == "1"


def test_the_inbox_lists_the_oldest_wait_first(web):
    plan = web.task_id()
    with transaction(web.engine) as session:
        later = session.scalars(
            select(Task.id).where(Task.id != plan, Task.agency.has(code="HB-SNV"))
            .where(Task.subject_agency_id.is_(None), Task.role == "lead").order_by(Task.id)
        ).first()  # fmt: skip
    assert later is not None
    sign_in_as(web, SNV_HEAD)
    decide(web, plan, "submit", note="Kế hoạch số 5/KH-SNV")
    web.clock.now += timedelta(hours=2)
    decide(web, later, "submit", note="Báo cáo quý")
    sign_in_as(web, VP_COORDINATOR)
    listed = re.findall(r'id="waiting-(\w+)-(\d+)"', web.client.get("/inbox").text)
    assert listed == [("submission", str(plan)), ("submission", str(later))]


def test_the_task_page_tells_the_whole_story(web, tmp_path):
    task_id = web.task_id()
    sign_in_as(web, SNV_HEAD)
    report = decide(
        web, task_id, "report_progress", note="Đã dự thảo kế hoạch", percent="40",
        files=[("files", ("du-thao.pdf", b"%PDF-1.4 du thao", "application/pdf"))],
    )  # fmt: skip
    assert report.status_code == 303
    decide(web, task_id, "request_extension", proposed_due="2025-04-30", reason="Chờ góp ý")
    sign_in_as(web, VP_COORDINATOR)
    decide(web, task_id, "approve_extension", note="Đồng ý")
    page = web.client.get(f"/tasks/{task_id}")
    story = text_of(page.text)
    assert "Thời hạn ban đầu (theo kế hoạch): 31/03/2025" in story
    assert "Đã dự thảo kế hoạch" in story and "(40%)" in story
    assert "Thư đã gửi về nhiệm vụ này" in story and "Báo cơ quan: quyết định" in story
    assert "Đồng ý gia hạn (qua trang web) dieuphoi@vp.hoabinh.example" in story
    assert "Đề nghị gia hạn (qua trang web) giamdoc@snv.hoabinh.example Thủ trưởng cơ quan" in story
    href = re.search(r'href="(/tasks/\d+/files/\d+)">du-thao.pdf', page.text)
    assert href is not None
    download = web.client.get(href.group(1))
    assert download.content == b"%PDF-1.4 du thao"
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.headers["content-type"] == "application/octet-stream"


def test_a_bad_date_is_said_next_to_its_field_and_nothing_changes(web):
    task_id = web.task_id()
    sign_in_as(web, SNV_HEAD)
    answer = decide(web, task_id, "request_extension", proposed_due="31/02/2025", reason="x")
    assert answer.status_code == 422
    assert re.search(
        r'id="extension-proposed_due-error" role="alert">«31/02/2025» không phải ngày hợp lệ',
        answer.text,
    )
    assert 'name="reason" rows="3" maxlength="4000" required>x</textarea>' in answer.text
    assert audit_rows(web, task_id) == 0


def test_a_refusal_of_the_services_is_said_on_its_form(web):
    task_id = web.task_id()
    sign_in_as(web, SNV_HEAD)
    answer = decide(web, task_id, "request_extension", proposed_due="2025-03-01", reason="x")
    assert answer.status_code == 422
    assert re.search(
        r'id="extension-proposed_due-error" role="alert">Thời hạn đề nghị', answer.text
    )


def test_an_executable_upload_is_refused_next_to_the_files_field(web):
    task_id = web.task_id()
    sign_in_as(web, SNV_HEAD)
    answer = decide(
        web, task_id, "report_progress", note="Kèm tệp",
        files=[("files", ("setup.exe", b"MZ\x90\x00binary", "application/octet-stream"))],
    )  # fmt: skip
    assert answer.status_code == 422
    assert re.search(r'id="progress-note-error" role="alert">Tệp đính kèm: không nhận', answer.text)
    with transaction(web.engine) as session:
        assert session.scalar(select(func.count()).select_from(TaskAttachment)) == 0
    assert audit_rows(web, task_id) == 0


def test_a_form_from_another_site_is_refused(web):
    task_id = web.task_id()
    sign_in_as(web, VP_COORDINATOR)
    answer = web.client.post(f"/tasks/{task_id}/do/recall", data={"reason": "x", "csrf": "1.abc"})
    assert answer.status_code == 403 and "Biểu mẫu đã hết hạn" in answer.text
    assert audit_rows(web, task_id) == 0


def test_an_unknown_decision_or_task_gets_a_page_not_a_traceback(web):
    sign_in_as(web, VP_COORDINATOR)
    assert web.client.get("/tasks/999999").status_code == 404
    page = web.client.get(f"/tasks/{web.task_id()}")
    path = f"/tasks/{web.task_id()}/do/explode"
    token = form_token(page.text, f"/tasks/{web.task_id()}/do/recall")
    answer = web.client.post(path, data={"csrf": token})
    assert answer.status_code in (403, 404) and "Traceback" not in answer.text


def test_the_email_link_pages_still_work_without_signing_in(web):
    web.client.cookies.clear()
    answer = web.view(web.task_id(), SNV_HEAD)
    assert answer.status_code == 200 and "Ban hành kế hoạch" in answer.text
