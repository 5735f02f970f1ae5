"""The command line as an IT officer uses it: exit codes, messages, JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import make_engine
from tests.helpers import copy_valid, edit, line_of, snapshot

runner = CliRunner()


def run(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args))


@pytest.fixture
def loaded(cli_env, tmp_path):
    folder = copy_valid(tmp_path)
    assert run("init").exit_code == 0
    result = run("catalog", "load", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def test_init_reports_the_declared_days_it_added(cli_env):
    result = run("init")
    assert result.exit_code == 0
    assert "ngày nghỉ/làm bù" in result.output
    assert "thêm 0" in run("init").output  # a second init adds nothing


def test_a_command_before_init_says_what_to_do(cli_env, tmp_path, monkeypatch):
    monkeypatch.setenv("DONDOC_DATABASE_URL", f"sqlite:///{tmp_path / 'new.sqlite3'}")
    result = run("tasks", "list")
    assert result.exit_code == 2
    assert "dondoc init" in result.stderr


def test_validate_prints_each_problem_with_its_place_and_exits_non_zero(cli_env, tmp_path):
    folder = copy_valid(tmp_path)
    document = edit(folder / "nghi-quyet.yaml", "{once: 2025-03-31}", "{once: 2025-02-30}")
    result = run("catalog", "validate", str(folder))
    assert result.exit_code == 1
    line = line_of(document, "2025-02-30")
    assert (
        f"{document}:{line}: schedule" in result.stderr
        or f"{document}:{line}: once" in result.stderr
    )
    assert "1 lỗi." in result.stderr


def test_a_failed_load_leaves_the_database_unchanged(loaded, cli_env):
    engine = make_engine(cli_env)
    before = snapshot(engine)
    edit(loaded / "nghi-quyet.yaml", "value: 100", "value: 140")
    edit(loaded / "agencies.yaml", "name: Sở Tư pháp", "name: Sở Tư pháp mới")
    result = run("catalog", "load", str(loaded))
    assert result.exit_code == 1
    assert "cơ sở dữ liệu không thay đổi" in result.stderr
    assert snapshot(engine) == before
    engine.dispose()


def test_catalog_list_json_has_stable_fields(loaded):
    result = run("catalog", "list", "--json")
    assert result.exit_code == 0
    [document] = json.loads(result.stdout)
    assert document == {
        "number": "99/NQ-HĐND",
        "kind": "resolution",
        "issuer": "HĐND tỉnh Hòa Bình Mẫu",
        "province": "HB",
        "issued": "2024-12-10",
        "valid_from": "2024-12-10",
        "valid_until": "2026-12-31",
        "title": "Nghị quyết mẫu để kiểm thử",
        "obligations": 4,
        "file": "nghi-quyet.yaml",
    }


def test_plan_then_list_tasks_filtered_by_agency_and_document(loaded):
    assert "tạo mới 15" in run("plan", "--year", "2025").output
    result = run("tasks", "list", "--json", "--agency", "HB-STP", "--document", "99/NQ-HĐND")
    rows = json.loads(result.stdout)
    assert [r["due"] for r in rows] == ["2025-03-19", "2025-06-18", "2025-09-17", "2025-12-17"]
    assert set(rows[0]) >= {"obligation", "clause", "agency", "role", "period", "due", "status"}
    assert rows[0]["period"] == "2025-Q1" and rows[0]["role"] == "lead"


def test_tasks_can_be_filtered_by_status(loaded):
    run("plan", "--year", "2025")
    overdue = json.loads(run("tasks", "list", "--json", "--status", "overdue").stdout)
    # Today is after 2025 in every real run of this suite, so every 2025 task is overdue.
    assert len(overdue) == 15 and {r["status_label"] for r in overdue} == {
        "Quá hạn chưa hoàn thành"
    }
    bad = run("tasks", "list", "--status", "late")
    assert bad.exit_code == 2


def test_agencies_list_json_names_heads(loaded):
    rows = json.loads(run("agencies", "list", "--json").stdout)
    snv = next(r for r in rows if r["code"] == "HB-SNV")
    assert snv["head"] == {"name": "Nguyễn Văn Giám", "email": "giamdoc@snv.hoabinh.example"}
    assert snv["parent"] == "HB-UBND" and snv["level"] == "province"


def test_calendar_commands_answer_like_the_decree(cli_env):
    run("init")
    assert (
        run("calendar", "period", "monthly", "2025-03").stdout.strip() == "2025-02-15..2025-03-14"
    )
    assert (
        run("calendar", "period", "quarterly", "2025-Q1").stdout.strip() == "2024-12-15..2025-03-14"
    )
    assert run("calendar", "is-working-day", "2025-04-26").exit_code == 0  # make-up Saturday
    off = run("calendar", "is-working-day", "2025-05-02")
    assert off.exit_code == 1 and "ngày nghỉ" in off.stdout
    assert run("calendar", "add-working-days", "2025-01-24", "1").stdout.strip() == "2025-02-03"
    assert run("calendar", "period", "weekly", "2025").exit_code == 2


def test_a_declared_day_overrides_the_default_calendar(cli_env):
    run("init")
    assert run("calendar", "is-working-day", "2026-06-15").exit_code == 0
    declared = run("calendar", "declare", "2026-06-15", "--off", "--reason", "Nghỉ bù thử")
    assert declared.exit_code == 0
    result = run("calendar", "is-working-day", "2026-06-15")
    assert result.exit_code == 1 and "Nghỉ bù thử" in result.stdout


def test_a_bad_date_argument_is_a_usage_error(cli_env):
    run("init")
    result = run("calendar", "add-working-days", "31/02/2025", "3")
    assert result.exit_code == 2 and "không phải ngày hợp lệ" in result.output


def test_export_yaml_round_trips_without_changes(loaded, cli_env, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert (
        run(
            "catalog", "export", "--document", "99/NQ-HĐND", "-o", str(out / "nghi-quyet.yaml")
        ).exit_code
        == 0
    )
    assert (
        run("catalog", "export", "--agencies", "HB", "-o", str(out / "agencies.yaml")).exit_code
        == 0
    )
    engine = make_engine(cli_env)
    before = snapshot(engine)
    result = run("catalog", "load", str(out))
    assert result.exit_code == 0, result.output
    assert "0 thay đổi" in result.output
    assert snapshot(engine) == before
    engine.dispose()


def test_export_excel_round_trips_without_changes(loaded, cli_env, tmp_path):
    out = tmp_path / "excel"
    out.mkdir()
    assert (
        run("catalog", "export", "--agencies", "HB", "-o", str(out / "agencies.xlsx")).exit_code
        == 0
    )
    result = run(
        "catalog", "export", "--document", "99/NQ-HĐND", "-o", str(out / "nghi-quyet.xlsx")
    )
    assert result.exit_code == 0, result.output
    assert "Hợp lệ: 2 tệp, 4 nhiệm vụ." in run("catalog", "validate", str(out)).stdout
    engine = make_engine(cli_env)
    before = snapshot(engine)
    result = run("catalog", "load", str(out))
    assert result.exit_code == 0, result.output
    assert "nhiệm vụ: giữ nguyên 4" in result.output
    after = snapshot(engine)
    # Only the record of which file a document came from changes (nghi-quyet.xlsx).
    assert {k: v for k, v in after.items() if k != "documents"} == {
        k: v for k, v in before.items() if k != "documents"
    }
    engine.dispose()


def test_an_excel_annex_with_a_bad_date_names_sheet_and_cell(loaded, cli_env, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "phu-luc.xlsx"
    run("catalog", "export", "--document", "99/NQ-HĐND", "-o", str(path))
    workbook = load_workbook(path)
    sheet = workbook["Nhiệm vụ"]
    header_row = next(r for r in range(1, 16) if sheet.cell(r, 1).value == "STT")
    due_column = next(c for c in range(1, 30) if sheet.cell(header_row, c).value == "Thời hạn")
    sheet.cell(header_row + 1, due_column).value = "31/13/2025"
    workbook.save(path)
    result = run("catalog", "validate", str(path))
    assert result.exit_code == 1
    cell = f"{sheet.cell(header_row + 1, due_column).coordinate}"
    assert f"{path}!Nhiệm vụ!{cell}:" in result.stderr and "31/13/2025" in result.stderr
