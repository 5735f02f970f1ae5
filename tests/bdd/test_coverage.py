"""`dondoc features coverage`: every obligation of the catalogue named by a scenario that runs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dondoc.cli_features import app
from tasks_catalog.coverage import catalogue_obligations, compute
from tests.bdd.world import ROOT, SEEDS

VALID = ROOT / "tests" / "data" / "valid"
HEAD = "# language: vi\nTính năng: Thử\n\n"
OUTLINE = """  Khung kịch bản: Nhắc trước hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "<mã>" (<khoản>) của "Sở Nội vụ" có thời hạn 31/03/2025
    Khi hệ thống chạy vào sáng 20/03/2025
    Thì đầu mối của "Sở Nội vụ" nhận thư nhắc việc về "<mã>"

    Dữ liệu:
      | mã                | khoản           |
      | HB99-D3.1-KEHOACH | Điều 3, khoản 1 |
"""
TABLE = """  Kịch bản: Chỉ tiêu
    Biết các chỉ tiêu sau phải báo cáo kết quả trước 31/12/2025:
      | mã              | khoản           | chủ trì   |
      | HB99-D1.2-MT2025 | Điều 1, khoản 2 | Sở Nội vụ |
    Khi hệ thống chạy vào sáng 22/12/2025
    Thì đầu mối của cơ quan chủ trì nhận thư nhắc việc về từng chỉ tiêu trong danh sách
"""


def features(tmp_path: Path, *scenarios: str) -> Path:
    folder = tmp_path / "features"
    folder.mkdir()
    (folder / "thu.feature").write_text(HEAD + "\n".join(scenarios), encoding="utf-8")
    return folder


def test_the_seed_catalogues_are_fully_covered_by_the_feature_files() -> None:
    coverage = compute(catalogue_obligations([SEEDS]), ROOT / "features")
    assert len(coverage.obligations) > 200
    assert coverage.uncovered == [] and coverage.problems == []
    assert not coverage.unknown


def test_outline_rows_and_table_cells_name_obligations(tmp_path: Path) -> None:
    coverage = compute(catalogue_obligations([VALID]), features(tmp_path, OUTLINE, TABLE))
    covered = {code for code, refs in coverage.scenarios.items() if refs}
    assert covered == {"HB99-D3.1-KEHOACH", "HB99-D1.2-MT2025"}
    [row] = coverage.scenarios["HB99-D3.1-KEHOACH"]
    assert (row.file, row.line) == ("features/thu.feature", 12)  # the example row itself
    assert {o.code for o in coverage.uncovered} == {"HB99-D3.2-BAOCAO", "HB99-D1.3-KTDX"}


def test_a_scenario_that_checks_nothing_or_is_expected_to_fail_does_not_count(
    tmp_path: Path,
) -> None:
    unchecked = OUTLINE.replace(
        '    Thì đầu mối của "Sở Nội vụ" nhận thư nhắc việc về "<mã>"\n', ""
    )
    xfail = "  @xfail\n" + OUTLINE.replace("HB99-D3.1-KEHOACH", "HB99-D1.3-KTDX").replace(
        "Điều 3, khoản 1", "Điều 1, khoản 3"
    )
    coverage = compute(catalogue_obligations([VALID]), features(tmp_path, unchecked, xfail))
    assert not any(coverage.scenarios.values())


def test_a_wrong_clause_is_a_problem(tmp_path: Path) -> None:
    wrong = OUTLINE.replace("| Điều 3, khoản 1 |", "| Điều 3, khoản 9 |")
    coverage = compute(catalogue_obligations([VALID]), features(tmp_path, wrong))
    [problem] = coverage.problems
    assert '"HB99-D3.1-KEHOACH" ghi ở "Điều 3, khoản 1"' in problem and "khoản 9" in problem
    assert not coverage.ok


def test_the_command_lists_each_obligation_and_fails_on_an_uncovered_one(tmp_path: Path) -> None:
    folder = features(tmp_path, OUTLINE, TABLE)
    result = CliRunner().invoke(
        app, ["coverage", "--catalog", str(VALID), "--features", str(folder)]
    )
    assert result.exit_code == 1
    assert "✓ HB99-D3.1-KEHOACH" in result.stdout and "✗ HB99-D3.2-BAOCAO" in result.stdout
    assert "2/4 nhiệm vụ có kịch bản (50%)" in result.stdout


def test_the_json_output(tmp_path: Path) -> None:
    folder = features(tmp_path, OUTLINE, TABLE)
    result = CliRunner().invoke(
        app, ["coverage", "--json", "--catalog", str(VALID), "--features", str(folder)]
    )
    data = json.loads(result.stdout)
    assert (data["total"], data["covered"]) == (4, 2)
    assert data["uncovered"] == ["HB99-D3.2-BAOCAO", "HB99-D1.3-KTDX"]
    first = next(o for o in data["obligations"] if o["code"] == "HB99-D3.1-KEHOACH")
    assert first["scenarios"] == [
        {"file": "features/thu.feature", "line": 12, "name": "Nhắc trước hạn"}
    ]


def test_the_command_passes_on_the_seeds() -> None:
    result = CliRunner().invoke(app, ["coverage"])
    assert result.exit_code == 0, result.stdout
    assert "nhiệm vụ có kịch bản (100%)" in result.stdout
