"""The JSON API: tokens, the same views as the CLI's `--as`, JSON errors naming the field."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from dondoc.db import transaction
from inspections.access import viewer_for
from inspections.views import Reading, task_rows
from services.tokens import issue_api_token
from tasks_catalog.queries import TaskFilter
from tasks_catalog.status import DisplayStatus
from tests.api.conftest import NOW
from tests.inspections.conftest import CAL, COORDINATOR, INSPECTOR, LEAD, UNIT, UNIT_HEAD

PLAN_FIELDS = {"planned_on", "round", "warnings", "plan_id", "inspector"}


@pytest.fixture
def token(recorded):  # noqa: ANN001, ANN201
    """A token per person, issued as `dondoc users token` does."""
    issued: dict[str, str] = {}

    def of(email: str) -> dict[str, str]:
        if email not in issued:
            with transaction(recorded) as session:
                issued[email] = issue_api_token(session, email=email, now=NOW)
        return {"Authorization": f"Bearer {issued[email]}"}

    return of


def test_an_anonymous_call_gets_401_in_vietnamese_and_a_bad_token_too(client):
    for headers in ({}, {"Authorization": "Bearer ddk_nope"}, {"Authorization": "Basic eDp5"}):
        answer = client.get("/api/v1/tasks", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
        assert "mã truy cập" in answer.json()["detail"].lower()


def test_the_schema_describes_the_api_and_nothing_else(client):
    schema = client.get("/openapi.json").json()
    assert schema["paths"] and all(p.startswith("/api/v1/") for p in schema["paths"])
    assert "/api/v1/tasks" in schema["paths"] and "/api/v1/inspections/plan" in schema["paths"]
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


def test_pages_of_tasks_walk_the_whole_list_once_in_due_order(client, token, recorded):
    seen, after = [], None
    while True:
        params = {"limit": 7} | ({"after": after} if after else {})
        page = client.get("/api/v1/tasks", params=params, headers=token(COORDINATOR)).json()
        seen += page["items"]
        after = page["next"]
        if after is None:
            break
    whole = client.get("/api/v1/tasks", params={"limit": 200}, headers=token(COORDINATOR))
    ids = [t["id"] for t in seen]
    assert len(ids) == len(set(ids)) > 7
    assert [(t["due"], t["id"]) for t in seen] == sorted((t["due"], t["id"]) for t in seen)
    with Session(recorded) as session:
        reading = Reading.of(session, viewer_for(session, COORDINATOR), NOW.date())
        expected = task_rows(reading, filters=TaskFilter(), calendar=CAL)
    assert set(ids) == {r["id"] for r in expected}
    if len(ids) <= 200:
        assert [t["id"] for t in whole.json()["items"]] == ids


@pytest.mark.parametrize("status", list(DisplayStatus))
def test_the_status_filter_agrees_with_the_cli(client, token, recorded, status):
    answer = client.get(
        "/api/v1/tasks", params={"status": status.value, "limit": 200}, headers=token(LEAD)
    )
    with Session(recorded) as session:
        reading = Reading.of(session, viewer_for(session, LEAD), NOW.date())
        expected = task_rows(reading, filters=TaskFilter(status=status), calendar=CAL)
    assert {t["id"] for t in answer.json()["items"]} == {r["id"] for r in expected[:200]}
    assert all(t["status"] == status.value for t in answer.json()["items"])


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"limit": 0}, "limit", "phải lớn hơn hoặc bằng 1"),
        ({"limit": "mười"}, "limit", "phải là số nguyên"),
        ({"status": "xong"}, "status", "phải là một trong"),
        ({"year": 1900}, "year", "phải lớn hơn hoặc bằng 2000"),
        ({"after": "hôm qua"}, "after", "không đúng định dạng"),
    ],
)
def test_bad_parameters_get_422_naming_the_field(client, token, params, field, words):
    answer = client.get("/api/v1/tasks", params=params, headers=token(LEAD))
    assert answer.status_code == 422
    body = answer.json()
    assert f"«{field}»" in body["detail"] and words in body["detail"]
    assert body["errors"][0]["field"] == field


def test_a_task_is_read_by_those_who_may_and_is_not_found_by_others(client, token, recorded):
    with Session(recorded) as session:
        reading = Reading.of(session, viewer_for(session, INSPECTOR), NOW.date())
        rows = task_rows(reading, filters=TaskFilter(year=2025), calendar=CAL)
    inspection = next(r for r in rows if r["inspected_unit"] == UNIT)
    mine = client.get(f"/api/v1/tasks/{inspection['id']}", headers=token(INSPECTOR))
    assert mine.status_code == 200 and mine.json()["inspected_unit"] == UNIT
    for who in (UNIT_HEAD, COORDINATOR):
        refused = client.get(f"/api/v1/tasks/{inspection['id']}", headers=token(who))
        assert refused.status_code == 404
        assert (
            refused.json()["detail"]
            == client.get("/api/v1/tasks/999999", headers=token(who)).json()["detail"]
        )


def test_the_plan_is_the_inspectors_own_and_refused_to_the_inspected_unit(client, token):
    mine = client.get("/api/v1/inspections/plan", params={"year": 2025}, headers=token(INSPECTOR))
    assert mine.status_code == 200 and mine.json()
    assert {e["inspector"]["email"] for e in mine.json()} == {INSPECTOR}
    whole = client.get("/api/v1/inspections/plan", params={"year": 2025}, headers=token(LEAD))
    assert len(whole.json()) > len(mine.json())
    for who in (UNIT_HEAD, COORDINATOR):
        refused = client.get("/api/v1/inspections/plan", params={"year": 2025}, headers=token(who))
        assert refused.status_code == 403
        assert refused.json()["detail"] == "Ông/bà không có quyền xem nội dung này."


def test_the_inspected_unit_reads_its_record_without_any_plan_field(client, token):
    [record] = client.get("/api/v1/inspections/records", headers=token(UNIT_HEAD)).json()
    assert record["unit"] == UNIT and record["minutes_number"] == "05/BB-KTĐX"
    assert not PLAN_FIELDS & set(record) and "history" not in record
    one = client.get(f"/api/v1/inspections/records/{record['id']}", headers=token(UNIT_HEAD))
    assert one.json() == record
    [team] = client.get("/api/v1/inspections/records", headers=token(LEAD)).json()
    assert team["round"] == 1 and "planned_on" in team
    compliance = client.get(
        "/api/v1/inspections/compliance", params={"year": 2025}, headers=token(UNIT_HEAD)
    )
    assert compliance.status_code == 403


def test_the_lead_reads_compliance_with_the_record_counted(client, token):
    report = client.get(
        "/api/v1/inspections/compliance", params={"year": 2025}, headers=token(LEAD)
    ).json()
    [row] = [r for r in report["units"] if r["unit"] == UNIT]
    assert row["done"] == 1 and row["required"] == 2 and "planned" in row


def test_agencies_and_documents_are_the_callers_province(client, token):
    agencies = client.get("/api/v1/agencies", headers=token(UNIT_HEAD)).json()
    assert agencies and {a["province"] for a in agencies} == {"QN"}
    documents = client.get("/api/v1/documents", headers=token(UNIT_HEAD)).json()
    assert "124/NQ-HĐND" in {d["number"] for d in documents}
    assert date.fromisoformat(documents[0]["issued"])
    me = client.get("/api/v1/me", headers=token(UNIT_HEAD)).json()
    assert me["email"] == UNIT_HEAD and me["agency"] == UNIT


def test_unknown_api_addresses_answer_json_not_a_page(client, token):
    answer = client.get("/api/v1/khong-co", headers=token(LEAD))
    assert answer.status_code == 404 and "detail" in answer.json()
    assert client.post("/api/v1/tasks", headers=token(LEAD)).status_code == 405


def test_a_token_from_the_cli_works_until_revoked(cli, client):
    issued = cli("users", "token", UNIT_HEAD)
    assert issued.exit_code == 0 and "chỉ hiện một lần" in issued.stderr
    secret = issued.stdout.strip()
    assert secret.startswith("ddk_")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/me", headers=headers).json()["email"] == UNIT_HEAD
    revoked = cli("users", "token", UNIT_HEAD, "--revoke")
    assert revoked.exit_code == 0 and "Đã thu hồi 1" in revoked.stdout
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    unknown = cli("users", "token", "ai.do@quangninh.example")
    assert unknown.exit_code == 1 and "không có người dùng" in unknown.stderr


def every_task(client, headers, **params):  # noqa: ANN001, ANN003, ANN201
    items, after = [], None
    while True:
        query = params | {"limit": 200} | ({"after": after} if after else {})
        page = client.get("/api/v1/tasks", params=query, headers=headers).json()
        items += page["items"]
        if (after := page["next"]) is None:
            return items


@pytest.mark.parametrize("who", [COORDINATOR, LEAD, UNIT_HEAD])
def test_the_figures_count_exactly_the_tasks_the_caller_lists(client, token, who):
    tasks = every_task(client, token(who))
    report = client.get("/api/v1/reports/status", headers=token(who)).json()
    counted = [t for t in tasks if t["status"] != "recalled"]
    assert report["total"]["total"] == len(counted)
    assert report["total"]["overdue"] == sum(t["status"] == "overdue" for t in tasks)
    assert {r["key"] for r in report["rows"]} == {t["agency"] for t in counted}
    late = client.get("/api/v1/reports/overdue", headers=token(who)).json()
    assert {t["id"] for t in late} == {t["id"] for t in tasks if t["status"] == "overdue"}
    ranks = client.get("/api/v1/reports/scorecard", headers=token(who)).json()
    assert {r["key"] for r in ranks} == {r["key"] for r in report["rows"]}
    months = client.get("/api/v1/reports/on-time-by-month", headers=token(who)).json()
    assert [m["month"] for m in months][:2] == ["2025-01", "2025-02"]


SNV_HEAD = "giamdoc@snv.quangninh.example"


def open_lead_task(client, headers) -> int:  # noqa: ANN001
    tasks = every_task(client, headers, agency="QN-SNV", year=2025)
    return next(
        t["id"]
        for t in tasks
        if t["role"] == "lead"
        and t["kind"] != "inspection_duty"
        and t["status"] in ("not_started", "in_progress", "due_soon", "overdue")
    )


def test_decisions_go_through_the_office_rules_with_their_reasons(client, token):
    owner, office = token(SNV_HEAD), token(COORDINATOR)
    task_id = open_lead_task(client, owner)
    hidden = client.post(f"/api/v1/tasks/{task_id}/submit", json={}, headers=token(UNIT_HEAD))
    assert hidden.status_code == 404
    sent = client.post(
        f"/api/v1/tasks/{task_id}/submit", json={"note": "Đã ban hành kế hoạch"}, headers=owner
    )
    assert sent.status_code == 200, sent.text
    assert sent.json()["task"]["status"] == "submitted" and "Chờ duyệt" in sent.json()["message"]
    refused = client.post(f"/api/v1/tasks/{task_id}/approve", json={}, headers=owner)
    assert refused.status_code == 403 and "Văn phòng UBND" in refused.json()["detail"]
    approved = client.post(f"/api/v1/tasks/{task_id}/approve", json={}, headers=office)
    assert approved.status_code == 200
    assert approved.json()["task"]["status"] in ("done_on_time", "done_late")
    again = client.post(f"/api/v1/tasks/{task_id}/submit", json={}, headers=owner)
    assert again.status_code == 409 and again.json()["detail"]


def test_a_decisions_body_is_checked_field_by_field(client, token):
    owner = token(SNV_HEAD)
    task_id = open_lead_task(client, owner)
    far = client.post(
        f"/api/v1/tasks/{task_id}/extension",
        json={"proposed_due": "3000-01-01", "reason": "Chờ ý kiến các sở"},
        headers=owner,
    )
    assert far.status_code == 422
    assert far.json()["detail"] == ("Tham số «proposed_due» phải là ngày từ năm 2000 đến năm 2100")
    bare = client.post(f"/api/v1/tasks/{task_id}/progress", json={}, headers=owner)
    assert bare.status_code == 422 and bare.json()["errors"][0]["field"] == "note"
    asked = client.post(
        f"/api/v1/tasks/{task_id}/extension",
        json={"proposed_due": "2025-12-31", "reason": "Chờ ý kiến các sở"},
        headers=owner,
    )
    assert asked.status_code == 200, asked.text
    assert "gia hạn" in asked.json()["message"]
