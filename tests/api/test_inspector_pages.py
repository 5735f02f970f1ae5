"""The inspector's workspace in the web: my plan, logging from the form, follow-up, the
lead's board; and the inspected unit, which sees its records and never a plan."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspections.access import viewer_for
from inspections.models import InspectionRecord
from inspections.views import Reading, plan_rows
from tests.api.conftest import NOW
from tests.api.pages import form_csrf, png, sign_in
from tests.inspections.conftest import DUTY, INSPECTOR, LEAD, UNIT_HEAD

OTHER_UNIT = "QN-TTPVHCC"
OTHER_INSPECTOR = "thanhtravien2@snv.quangninh.example"


def my_rounds(engine, email):  # noqa: ANN001, ANN201
    with Session(engine) as session:
        reading = Reading.of(session, viewer_for(session, email), NOW.date())
        return plan_rows(reading, year=2025)


def record_form(**fields: str) -> dict[str, str]:
    values = {
        "duty": DUTY,
        "unit": OTHER_UNIT,
        "date": "2025-03-19",
        "form": "unannounced",
        "basis": "Quyết định số 21/QĐ-SNV ngày 17/03/2025",
        "place": "Trung tâm Phục vụ hành chính công tỉnh",
        "content": "Kỷ luật, kỷ cương hành chính tại bộ phận một cửa",
        "members": "",
        "findings": "Cán bộ có mặt đúng giờ; 02 hồ sơ chưa cập nhật trạng thái.",
        "violations": "02 hồ sơ chưa cập nhật trạng thái trên phần mềm",
        "conclusion": "Chấp hành tốt; chấn chỉnh việc cập nhật phần mềm.",
        "recommendations": "Cập nhật trạng thái hồ sơ trong ngày",
        "minutes_number": "09/BB-KTĐX",
        "state": "follow_up",
    }
    return values | fields


def post_record(client, fields: dict[str, str], photo: bytes | None = None):  # noqa: ANN001, ANN201
    form = client.get("/inspections/new")
    assert form.status_code == 200
    files = [("evidence", ("IMG 0001.png", photo, "image/png"))] if photo else []
    return client.post(
        "/inspections/new",
        data=fields | {"csrf": form_csrf(form.text, "/inspections/new")},
        files=files or None,
    )


def count_records(engine) -> int:  # noqa: ANN001
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(InspectionRecord)) or 0


def test_my_plan_shows_an_inspector_their_own_rounds_only(client, recorded):
    sign_in(client, recorded, INSPECTOR)
    page = client.get("/inspections/plan")
    assert page.status_code == 200 and "Mật" in page.text
    mine = [r for r in my_rounds(recorded, INSPECTOR) if r["state"] in ("planned", "missed")]
    others = [
        r
        for r in my_rounds(recorded, LEAD)
        if r["inspector"]["email"] != INSPECTOR and r["state"] == "planned"
    ]
    assert mine and all(r["planned_on"] in page.text for r in mine)
    assert others and not any(
        f"{r['planned_on']}</div>\n    <div><strong>{r['unit_name']}" in page.text for r in others
    )
    assert client.get("/inspections").headers["location"] == "/inspections/plan"


def test_an_inspector_logs_an_inspection_with_a_photo_and_the_board_counts_it(client, recorded):
    sign_in(client, recorded, LEAD)
    before = client.get("/inspections/compliance")
    assert re.search(rf'data-unit="{OTHER_UNIT}" data-done="0"', before.text)
    sign_in(client, recorded, INSPECTOR)
    answer = post_record(client, record_form(members=OTHER_INSPECTOR), png())
    assert answer.status_code == 303, answer.text
    page = client.get(answer.headers["location"])
    assert "09/BB-KTĐX" in page.text and "IMG_0001.png" in page.text
    photo = client.get(re.search(r'href="(/inspections/records/\d+/evidence/0)"', page.text)[1])
    assert photo.status_code == 200 and photo.content == png()
    sign_in(client, recorded, LEAD)
    after = client.get("/inspections/compliance")
    assert re.search(rf'data-unit="{OTHER_UNIT}" data-done="1"', after.text)
    assert 'class="at-risk"' in after.text


def test_a_form_with_problems_says_which_field_and_writes_nothing(client, recorded):
    sign_in(client, recorded, INSPECTOR)
    before = count_records(recorded)
    answer = post_record(
        client, record_form(date="19/13/2025", members=f"{INSPECTOR}\nkhong-phai-thu")
    )
    assert answer.status_code == 422
    assert re.search(r'id="date-error"[^>]*>[^<]*không phải ngày hợp lệ', answer.text)
    assert 'id="members-error"' in answer.text and 'id="date" name="date"' in answer.text
    assert count_records(recorded) == before
    bad_file = post_record(client, record_form(), b"MZ\x90\x00 not a photo")
    assert bad_file.status_code == 422 and 'id="evidence-error"' in bad_file.text
    assert count_records(recorded) == before


def test_the_follow_up_steps_move_a_record_forward_when_it_says_enough(client, recorded):
    sign_in(client, recorded, INSPECTOR)
    thin = post_record(client, record_form(state="in_progress", findings="", minutes_number=""))
    path = thin.headers["location"].split("?")[0]
    token = form_csrf(client.get(path).text, f"{path}/advance")
    refused = client.post(f"{path}/advance", data={"csrf": token, "state": "follow_up"})
    assert refused.status_code == 200 and "kết quả kiểm tra" in refused.text
    assert "Đang kiểm tra" in client.get(path).text
    full = post_record(client, record_form(state="in_progress", date="2025-03-18"))
    path = full.headers["location"].split("?")[0]
    token = form_csrf(client.get(path).text, f"{path}/advance")
    moved = client.post(f"{path}/advance", data={"csrf": token, "state": "follow_up"})
    assert moved.status_code == 303
    page = client.get(path).text
    assert "Theo dõi xử lý sau kiểm tra</p>" in page and "Đang kiểm tra → Theo dõi" in page


@pytest.mark.parametrize("who", [UNIT_HEAD])
def test_the_unit_cannot_open_the_plan_the_form_or_the_board(client, recorded, who):
    sign_in(client, recorded, who)
    for path in ("/inspections/plan", "/inspections/new", "/inspections/compliance"):
        assert client.get(path).status_code == 403, path
    records = client.get("/inspections/records")
    assert "05/BB-KTĐX" in records.text
    assert client.get("/inspections").headers["location"] == "/inspections/records"


def test_an_upload_larger_than_the_store_could_take_is_refused_before_it_is_read(client, recorded):
    sign_in(client, recorded, INSPECTOR)
    form = client.get("/inspections/new")
    answer = client.post(
        "/inspections/new",
        content=b"x",
        headers={
            "content-type": "multipart/form-data; boundary=x",
            "content-length": str(10**12),
            "cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
        },
    )
    assert form.status_code == 200
    assert answer.status_code == 413 and "quá lớn" in answer.text
