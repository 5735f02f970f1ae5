"""Each kind of bad catalogue gets one clear message at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.checks import KnownCodes, check_files
from tasks_catalog.catalogue.files import parse_files
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem
from tests.helpers import copy_valid, edit, line_of


def problems_of(*paths: Path) -> list[Problem]:
    try:
        files = parse_files(list(paths))
    except CatalogueInvalid as exc:
        return exc.problems
    return check_files(files, KnownCodes(), default_calendar())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_valid(tmp_path)


def only_problem(folder: Path) -> Problem:
    problems = problems_of(folder)
    assert len(problems) == 1, problems
    return problems[0]


def test_the_valid_catalogue_has_no_problem(folder):
    assert problems_of(folder) == []


def test_an_impossible_date_names_file_line_and_value(folder):
    document = edit(folder / "nghi-quyet.yaml", "{once: 2025-03-31}", "{once: 2025-13-01}")
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, '2025-13-01')}"
    assert '"2025-13-01" không phải ngày hợp lệ' in problem.message


def test_an_unknown_agency_is_named(folder):
    document = edit(folder / "nghi-quyet.yaml", "cooperating: [HB-VP]", "cooperating: [HB-SO-MA]")
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, 'HB-SO-MA')}"
    assert problem.message == 'cơ quan hoặc nhóm "HB-SO-MA" không có trong danh mục'


def test_a_duplicate_obligation_code_is_reported_at_both_places(folder):
    document = edit(folder / "nghi-quyet.yaml", "code: HB99-D3.2-BAOCAO", "code: HB99-D3.1-KEHOACH")
    problems = problems_of(folder)
    assert {p.message for p in problems} == {'mã nhiệm vụ "HB99-D3.1-KEHOACH" bị trùng'}
    assert len(problems) == 2 and all(p.where.startswith(f"{document}:") for p in problems)


def test_a_duplicate_agency_code_across_files_is_reported(folder, tmp_path):
    other = tmp_path / "more.yaml"
    other.write_text(
        "province: HX\nprovince_name: Khác\nagencies:\n"
        "  - {code: HB-SNV, name: Trùng, level: province, kind: department}\n",
        encoding="utf-8",
    )
    problems = problems_of(folder, other)
    assert {p.message for p in problems} == {'mã cơ quan "HB-SNV" bị trùng'}
    assert f"{other}:4" in {p.where for p in problems}


def test_a_recurrence_that_never_fires_is_refused(folder):
    document = edit(
        folder / "nghi-quyet.yaml",
        "{every: quarter, report: true, after_cutoff: 3}",
        "{every: year, from: 2030-01-01}",
    )
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, 'from: 2030-01-01')}"
    assert "không bao giờ đến hạn" in problem.message and "10/12/2024–31/12/2026" in problem.message


def test_a_target_of_140_percent_is_refused(folder):
    document = edit(folder / "nghi-quyet.yaml", "value: 100", "value: 140")
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, 'value: 140')}"
    assert "140% nằm ngoài khoảng 0–100%" in problem.message


def test_an_empty_file_is_refused(folder):
    (folder / "nghi-quyet.yaml").write_text("# chưa có gì\n\n", encoding="utf-8")
    assert only_problem(folder) == Problem(f"{folder / 'nghi-quyet.yaml'}:1", "tệp rỗng")


def test_a_binary_file_is_refused(folder):
    (folder / "nghi-quyet.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    problem = only_problem(folder)
    assert problem.message == "tệp nhị phân, không phải tệp văn bản YAML"


def test_a_file_in_another_encoding_is_refused_at_its_line(folder):
    (folder / "nghi-quyet.yaml").write_bytes(
        "document:\n  title: Ngh\u1ecb quy\u1ebft\n".encode("utf-16-le")
    )
    problem = only_problem(folder)
    assert "tệp nhị phân" in problem.message or "UTF-8" in problem.message


def test_a_50_megabyte_file_is_refused_before_reading(folder):
    with (folder / "nghi-quyet.yaml").open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)
    problem = only_problem(folder)
    assert problem.message == "tệp quá lớn (52.4 MB, giới hạn 5 MB)"


def test_a_repeated_key_is_refused(folder):
    document = edit(
        folder / "nghi-quyet.yaml", "  kind: resolution\n", "  kind: resolution\n  kind: plan\n"
    )
    problem = only_problem(folder)
    assert problem == Problem(
        f"{document}:{line_of(document, 'kind: plan')}", 'khóa "kind" bị lặp lại'
    )


def test_a_yaml_syntax_error_names_its_line(folder):
    document = edit(folder / "nghi-quyet.yaml", "title: Báo cáo quý", "title: [Báo cáo quý")
    problem = only_problem(folder)
    assert problem.where.startswith(f"{document}:") and "lỗi cú pháp YAML" in problem.message


def test_a_misspelt_field_is_named(folder):
    document = edit(folder / "nghi-quyet.yaml", "deliverable: Kế hoạch", "deliverabel: Kế hoạch")
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, 'deliverabel')}"
    assert problem.message.startswith("deliverabel: trường không có trong mẫu")


def test_every_problem_of_every_file_is_reported_at_once(folder):
    edit(folder / "nghi-quyet.yaml", "value: 100", "value: 140")
    edit(
        folder / "agencies.yaml",
        "level: district\n    kind: one_stop_unit",
        "level: county\n    kind: one_stop_unit",
    )
    assert len(problems_of(folder)) == 2


def test_an_inspection_of_an_unknown_group_is_named(folder):
    document = edit(folder / "nghi-quyet.yaml", "units: HB-DIEM-TIEP-NHAN", "units: HB-KHONG-CO")
    problem = only_problem(folder)
    assert problem == Problem(
        f"{document}:{line_of(document, 'HB-KHONG-CO')}",
        'nhóm đơn vị "HB-KHONG-CO" không có trong danh mục',
    )


def test_an_unknown_policy_name_is_refused(folder):
    edit(
        folder / "nghi-quyet.yaml",
        "    deliverable: Kế hoạch\n",
        "    deliverable: Kế hoạch\n    policy: gap\n",
    )
    problem = only_problem(folder)
    assert problem.message == "chính sách chưa khai báo trong mục policies: gap"


def test_escalation_steps_out_of_order_are_refused(folder):
    document = edit(
        folder / "nghi-quyet.yaml",
        "obligations:\n",
        "policies:\n  odd: {overdue_head_after: 9, overdue_leadership_after: 5}\nobligations:\n",
    )
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, 'odd:')}"
    assert "tăng dần" in problem.message


def test_a_policy_that_escalates_backwards_once_merged_with_the_defaults_is_refused(folder):
    # Only the head's step is given: 1 (owner, default) / 10 (head) / 7 (leadership, default)
    # would tell the head after the office's leadership.
    document = edit(
        folder / "nghi-quyet.yaml",
        "obligations:\n",
        "policies:\n  late_head: {overdue_head_after: 10}\nobligations:\n",
    )
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, 'late_head:')}"
    assert "tăng dần" in problem.message and "1/10/7" in problem.message


def test_an_inspection_rule_on_a_task_that_is_not_an_inspection_duty_is_refused(folder):
    """Only inspection duties are planned as secret visits; on another kind the rule would
    be ignored and the dates followed up in the open."""
    document = edit(folder / "nghi-quyet.yaml", "kind: inspection_duty", "kind: deliverable")
    problems = problems_of(folder)
    assert any(
        p.where.startswith(f"{document}:") and "chỉ dùng cho nhiệm vụ kiểm tra" in p.message
        for p in problems
    ), problems
