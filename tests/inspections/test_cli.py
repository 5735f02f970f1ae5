"""`dondoc inspections …` (and `dondoc tasks list --as`) from the shell, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from dondoc.cli import app
from tests.helpers import line_of
from tests.inspections.conftest import (
    COORDINATOR,
    DUTY,
    INSPECTOR,
    LEAD,
    SECRET,
    UNIT,
    UNIT_HEAD,
    write_record,
)

runner = CliRunner()
REFUSED = "Lỗi: ông/bà không có quyền xem nội dung này\n"


@pytest.fixture
def env(monkeypatch, world_url, tmp_path):  # noqa: ANN001, ANN201
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DONDOC_DATABASE_URL", world_url)
    monkeypatch.setenv("DONDOC_INSPECTION_SECRET", SECRET.decode())
    monkeypatch.setenv("DONDOC_SECRET_KEY", "k" * 40)
    monkeypatch.setenv("DONDOC_EVIDENCE_DIR", str(tmp_path / "evidence"))
    return tmp_path


def run(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_the_lead_sees_the_plan_a_unit_is_refused_in_the_same_words(env):
    shown = run(
        "inspections", "show", "--year", "2025", "--as", LEAD, "--json", "--today", "2025-01-02"
    )
    assert shown.exit_code == 0 and len(json.loads(shown.stdout)) == 54
    refused = run("inspections", "show", "--year", "2025", "--as", UNIT_HEAD)
    assert (refused.exit_code, refused.stdout, refused.stderr) == (3, "", REFUSED)
    for command in (["plan", "--year", "2025"], ["replan", "--year", "2025", "--duty", DUTY]):
        attempt = run("inspections", *command, "--as", UNIT_HEAD)
        assert (attempt.exit_code, attempt.stderr) == (3, REFUSED)


def test_the_stored_plans_verify_against_the_secret(env):
    verified = run("inspections", "verify", "--year", "2025")
    assert verified.exit_code == 0 and verified.stdout.count(": khớp") == 2


def test_log_list_advance_and_the_units_own_view(env):
    path = write_record(env, state="in_progress")
    logged = run("inspections", "log", str(path), "--as", INSPECTOR, "--now", "2025-03-14T10:00")
    assert logged.exit_code == 0, logged.output
    assert logged.stdout.startswith(f"Đã ghi biên bản #1: {UNIT}, ngày 12/03/2025, Đang kiểm tra")
    advanced = run(
        "inspections", "advance", "1", "follow_up", "--as", LEAD, "--now", "2025-03-20T10:00"
    )
    assert advanced.stdout == "Biên bản #1: Theo dõi xử lý sau kiểm tra.\n"
    [team] = json.loads(run("inspections", "list", "--json", "--as", LEAD).stdout)
    [unit] = json.loads(run("inspections", "list", "--json", "--as", UNIT_HEAD).stdout)
    assert team["round"] == 1 and "planned_on" in team
    assert unit["id"] == 1 and "planned_on" not in unit and "warnings" not in unit
    assert (
        json.loads(
            run("inspections", "list", "--json", "--as", "giamdoc@stp.quangninh.example").stdout
        )
        == []
    )


def test_a_bad_record_file_prints_every_problem_at_its_line_and_changes_nothing(env):
    path = write_record(env, date="2099-01-01", unit="QN-STP")
    result = run("inspections", "log", str(path), "--now", "2025-03-14T10:00")
    assert result.exit_code == 1
    assert f'{path}:{line_of(path, "unit:")}: đơn vị "QN-STP"' in result.stderr
    assert f"{path}:{line_of(path, 'date:')}: ngày kiểm tra 01/01/2099 ở tương lai" in result.stderr
    assert "cơ sở dữ liệu không thay đổi" in result.stderr
    assert json.loads(run("inspections", "list", "--json").stdout) == []


def test_compliance_for_the_office_and_the_team(env):
    office = run(
        "inspections",
        "compliance",
        "--year",
        "2025",
        "--json",
        "--as",
        COORDINATOR,
        "--today",
        "2025-07-02",
    )
    report = json.loads(office.stdout)
    assert report["as_of"] == "2025-07-02" and all(
        r["status"] == "behind" for r in report["units"] if r["duty"] == DUTY
    )
    assert all("planned" not in r for r in report["units"])
    refused = run("inspections", "compliance", "--year", "2025", "--as", UNIT_HEAD)
    assert (refused.exit_code, refused.stderr) == (3, REFUSED)
    text = run("inspections", "compliance", "--year", "2025", "--as", LEAD, "--today", "2025-07-02")
    assert "Chậm so với mốc" in text.stdout


def test_the_feed_and_the_exports_carry_what_the_viewer_may_see(env):
    ics = run(
        "inspections", "feed", "--person", INSPECTOR, "--today", "2025-01-02"
    ).stdout_bytes.decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and "CLASS:CONFIDENTIAL" in ics
    assert run("inspections", "feed", "--person", UNIT_HEAD).stdout.count("BEGIN:VEVENT") == 0
    out = env / "plan.csv"
    assert (
        run("inspections", "export", "--year", "2025", "-o", str(out), "--as", LEAD).exit_code == 0
    )
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len([r for r in rows if r["kind"] == "plan"]) == 54
    unit_out = env / "unit.json"
    run("inspections", "export", "--year", "2025", "-o", str(unit_out), "--as", UNIT_HEAD)
    assert set(json.loads(unit_out.read_text(encoding="utf-8"))) == {
        "year",
        "as_of",
        "viewer",
        "records",
    }


def test_replan_by_the_lead_writes_version_two(env):
    result = run(
        "inspections",
        "replan",
        "--year",
        "2025",
        "--duty",
        DUTY,
        "--as",
        LEAD,
        "--now",
        "2025-06-02T08:00",
    )
    assert result.exit_code == 0 and "phiên bản 2" in result.stdout
    shown = json.loads(
        run(
            "inspections",
            "show",
            "--year",
            "2025",
            "--duty",
            DUTY,
            "--json",
            "--today",
            "2025-06-02",
        ).stdout
    )
    assert {r["plan_version"] for r in shown} == {2}


def test_tasks_list_as_a_unit_person_shows_its_own_tasks_and_no_inspection(env):
    rows = json.loads(
        run("tasks", "list", "--json", "--as", "chuyenvien@ttpvhcc.quangninh.example").stdout
    )
    assert rows and {r["agency"] for r in rows} == {"QN-TTPVHCC"}
    assert all(r["inspected_unit"] is None for r in rows)
    team = json.loads(
        run("tasks", "list", "--json", "--as", LEAD, "--document", "124/NQ-HĐND").stdout
    )
    assert len([r for r in team if r["inspected_unit"]]) == 42


def test_the_check_queues_the_mid_year_warnings(env):
    result = run("inspections", "check", "--now", "2025-07-01T07:30")
    assert result.stdout.endswith("21 cảnh báo đến lượt, 21 thông báo mới vào hộp thư đi.\n")
