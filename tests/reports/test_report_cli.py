"""`dondoc report …`: the monthly report read back from Excel and Word, the scorecard, the
targets, and refusals of bad arguments."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import make_engine, transaction
from tasks_catalog.models import TaskStatus
from tests.helpers import snapshot
from tests.lifecycle.world import plan_world
from tests.reports.world import add_task, agency, obligation

runner = CliRunner()
AS_OF = "2025-04-15"
QUADRANTS = ("done_on_time", "done_late", "overdue")


def run(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args))


@pytest.fixture
def planned(cli_env, calendar, tmp_path):
    engine = make_engine(cli_env)
    plan_world(engine, calendar, tmp_path)
    with transaction(engine) as session:
        stp, plan = agency(session, "HB-STP"), obligation(session, "HB99-D3.1-KEHOACH")
        add_task(
            session,
            obligation=plan,
            agency=stp,
            due=date(2025, 3, 14),
            status=TaskStatus.DONE,
            completed_on=date(2025, 3, 10),
        )
        add_task(
            session,
            obligation=plan,
            agency=stp,
            due=date(2025, 3, 14),
            status=TaskStatus.DONE,
            completed_on=date(2025, 3, 21),
        )
    engine.dispose()
    return cli_env


def _listed() -> dict[str, Counter[str]]:
    """Per agency, the statuses `dondoc tasks list --json` shows (secret inspection tasks
    left out, as every report leaves them out)."""
    result = run("tasks", "list", "--json", "--year", "2025")
    assert result.exit_code == 0, result.output
    rows = [
        r
        for r in json.loads(result.stdout)
        if r["kind"] != "inspection_duty" and r["inspected_unit"] is None
    ]
    out: dict[str, Counter[str]] = {}
    for row in rows:
        out.setdefault(row["agency_name"], Counter())[row["status"]] += 1
    return out


def test_monthly_excel_reads_back_as_the_office_prints_it(planned, tmp_path, monkeypatch):
    monkeypatch.setattr("dondoc.cli_tasks.local_today", lambda: date(2025, 4, 15))
    target = tmp_path / "bao-cao.xlsx"
    result = run("report", "tasks", "--as-of", AS_OF, "-o", str(target))
    assert result.exit_code == 0, result.output
    book = load_workbook(target)
    assert book.sheetnames == ["Tổng hợp", "Quá hạn"]
    sheet = book["Tổng hợp"]
    header = [c.value for c in sheet[4]]
    assert header[:4] == ["STT", "Cơ quan, đơn vị", "Tổng số nhiệm vụ", "Hoàn thành đúng hạn"]
    assert "Quá hạn chưa hoàn thành" in header and "Tỷ lệ hoàn thành đúng hạn" in header
    assert sheet.freeze_panes == "A5"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_area and "$A$1:$I$" in sheet.print_area
    assert sheet.column_dimensions["B"].width == 42
    assert "15/04/2025" in sheet["A2"].value
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    total = rows.pop("Tổng cộng")
    listed = _listed()
    assert set(rows) == set(listed)
    for name, row in rows.items():
        seen = listed[name]
        assert row[3] == seen["done_on_time"] and row[4] == seen["done_late"], name
        assert row[7] == seen["overdue"] and row[6] == seen["due_soon"], name
        assert row[2] == sum(seen.values()) - seen["recalled"], name
    assert total[2] == sum(r[2] for r in rows.values())
    stp = rows["Sở Tư pháp"]  # one done on time, one late, none overdue
    assert stp[8] == pytest.approx(stp[3] / (stp[3] + stp[4] + stp[7]))
    assert sheet.cell(row=5, column=9).number_format == "0.0%"
    late = book["Quá hạn"]
    assert [c.value for c in late[4]][:4] == ["STT", "Văn bản", "Điều, khoản", "Nhiệm vụ"]
    overdue_rows = list(late.iter_rows(min_row=5, values_only=True))
    assert len(overdue_rows) == total[7]
    assert all(isinstance(r[8], int) and r[8] > 0 for r in overdue_rows)


def test_monthly_word_has_both_tables_in_landscape(planned, tmp_path):
    target = tmp_path / "bao-cao.docx"
    result = run("report", "tasks", "--as-of", AS_OF, "-o", str(target))
    assert result.exit_code == 0, result.output
    document = WordDocument(str(target))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[0].page_width > document.sections[0].page_height
    summary, late = document.tables
    assert summary.rows[0].cells[1].text == "Cơ quan, đơn vị"
    assert summary.rows[-1].cells[1].text == "Tổng cộng"
    assert late.rows[0].cells[2].text == "Điều, khoản"
    assert "w:tblHeader" in summary.rows[0]._tr.xml
    json_report = json.loads(run("report", "tasks", "--as-of", AS_OF, "--json").stdout)
    assert int(summary.rows[-1].cells[2].text) == json_report["total"]["total"]
    assert len(late.rows) - 1 == len(json_report["overdue"])


def test_scorecard_ranks_by_on_time_rate(planned):
    result = run("report", "scorecard", "--as-of", AS_OF, "--json")
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    ranked = [a for a in card["agencies"] if a["rank"] is not None]
    rates = [a["on_time_rate"] for a in ranked]
    assert rates == sorted(rates, reverse=True)
    assert ranked[0]["rank"] == 1
    assert all(a["on_time_rate"] is None for a in card["agencies"] if a["rank"] is None)


def test_target_value_is_shown_against_its_target(planned, tmp_path):
    code = "HB99-D1.2-MT2025"
    before = json.loads(run("report", "targets", "--as-of", AS_OF, "--json").stdout)
    assert [t["met"] for t in before if t["code"] == code] == [None]
    assert run("report", "target-value", code, "97.5", "--on", "2025-03-31").exit_code == 0
    assert run("report", "target-value", code, "100", "--on", "2025-06-30").exit_code == 0
    on_april = json.loads(run("report", "targets", "--as-of", AS_OF, "--json").stdout)
    (line,) = [t for t in on_april if t["code"] == code]
    assert (line["latest"], line["reported_on"], line["met"]) == (97.5, "2025-03-31", False)
    july = json.loads(run("report", "targets", "--as-of", "2025-07-01", "--json").stdout)
    assert [t["met"] for t in july if t["code"] == code] == [True]
    target = tmp_path / "xep-hang.xlsx"
    assert run("report", "scorecard", "--as-of", "2025-07-01", "-o", str(target)).exit_code == 0
    sheet = load_workbook(target)["Chỉ tiêu"]
    values = [r for r in sheet.iter_rows(min_row=5, values_only=True)]
    assert values[0][3:6] == ("100%", "30/06/2025", "Đạt")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "bao-cao.pdf"), "phải là tệp .xlsx hoặc .docx"),
        (("--from", "2025-05-01", "--to", "2025-01-01"), "--from (01/05/2025) sau --to"),
        (("--agency", "HB-KHONGCO"), '--agency: không có cơ quan mã "HB-KHONGCO"'),
        (("--document", "1/XX"), '--document: không có văn bản số "1/XX"'),
        (("--kind", "meeting"), '--kind: không có loại "meeting"'),
        (("-o", "/khong/co/thu-muc/x.xlsx"), "không tồn tại"),
    ],
)
def test_bad_arguments_are_refused_in_vietnamese(planned, args, message):
    engine = make_engine(planned)
    before = snapshot(engine)
    result = run("report", "tasks", "--as-of", AS_OF, *args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(engine) == before
    engine.dispose()


def test_an_unknown_target_is_refused(planned):
    result = run("report", "target-value", "KHONG-CO", "1")
    assert result.exit_code == 1
    assert 'không có chỉ tiêu mã "KHONG-CO"' in result.stderr


def test_a_bad_date_says_which_option(planned):
    result = run("report", "tasks", "--as-of", "31/02/2025")
    assert result.exit_code == 2
    assert "--as-of" in result.output + result.stderr
