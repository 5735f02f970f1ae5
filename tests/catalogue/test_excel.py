"""Excel annexes ("Phụ lục nhiệm vụ") read as offices write them, and written back."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks_catalog.catalogue import schema
from tasks_catalog.catalogue.excel import parse_excel_file
from tasks_catalog.catalogue.excel_format import CellError, format_due, format_repeat, read_schedule
from tasks_catalog.catalogue.excel_read import read_target, split_agencies
from tasks_catalog.catalogue.excel_write import (
    format_target,
    write_agency_workbook,
    write_document_workbook,
)
from tasks_catalog.catalogue.files import DocumentFile, parse_yaml_file
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem

DATA = Path(__file__).parent.parent / "data"
HEADERS = [
    "STT",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Sản phẩm",
    "Căn cứ",
    "Thời hạn",  # G
    "Lặp lại",  # H
]
DOCUMENT = [
    ("Số hiệu", "124/NQ-HĐND"),
    ("Loại văn bản", "Nghị quyết"),
    ("Cơ quan ban hành", "HĐND tỉnh Quảng Ninh"),
    ("Tỉnh", "QN"),
    ("Ngày ban hành", "04/11/2022"),
    ("Trích yếu", "Về một số giải pháp đẩy mạnh cải cách hành chính"),
]


def task(
    stt: Any = 1, title: str | None = "Ban hành kế hoạch", due: Any = "31/12/2025", repeat: Any = ""
):
    """One row of the default table: STT, Nhiệm vụ, chủ trì, phối hợp, Sản phẩm, Căn cứ, G, H."""
    return [stt, title, "Sở Nội vụ", "", "Kế hoạch", "Điều 3", due, repeat]


def annex(
    path: Path,
    rows: list[list[Any]],
    headers: list[str] = HEADERS,
    document: list[tuple[str, Any]] = DOCUMENT,
) -> Path:
    """A workbook as an office makes one: title rows above the header, tasks from row 5."""
    workbook = openpyxl.Workbook()
    info = workbook.active
    info.title = "Văn bản"
    for row in document:
        info.append(row)
    sheet = workbook.create_sheet("Nhiệm vụ")
    sheet["A1"] = "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRIỂN KHAI NGHỊ QUYẾT SỐ 124/NQ-HĐND"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/12/2022 của UBND tỉnh)"
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(CatalogueInvalid) as raised:
        parse_excel_file(path)
    return raised.value.problems


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in tmp_path so that locations read `annex.xlsx!…` as an office sees them."""
    monkeypatch.chdir(tmp_path)
    return Path()


# ---- round trips -------------------------------------------------------------------------


def through_excel(path: Path, output: Path) -> tuple[Any, Any]:
    """The model of a YAML file, and the model read back from it written as a workbook."""
    original = parse_yaml_file(path)
    if isinstance(original, DocumentFile):
        write_document_workbook(original.model, output)
    else:
        write_agency_workbook(original.model, output)
    return original.model, parse_excel_file(output).model


@pytest.mark.parametrize("name", ["nghi-quyet.yaml", "agencies.yaml"])
def test_a_yaml_catalogue_round_trips_through_excel(name, tmp_path):
    original, read_back = through_excel(DATA / "valid" / name, tmp_path / "out.xlsx")
    assert read_back == original


SEEDS = sorted((Path(__file__).parents[2] / "tasks_catalog" / "data").rglob("*.yaml"))


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name for seed in SEEDS])
def test_every_seed_catalogue_round_trips_through_excel(seed, tmp_path):
    original, read_back = through_excel(seed, tmp_path / "out.xlsx")
    assert read_back == original


def _document_with(obligation: dict[str, Any]) -> schema.DocumentCatalogue:
    base = {
        "code": "QN-1",
        "clause": "Điều 1",
        "quote": "Trích dẫn.",
        "title": "Nhiệm vụ",
        "kind": "deliverable",
        "lead": ["Sở Nội vụ", "QN-SNV"],
    }
    return schema.DocumentCatalogue.model_validate(
        {
            "document": {
                "number": "1/KH-UBND",
                "kind": "plan",
                "issuer": "UBND tỉnh",
                "province": "QN",
                "issued": "2024-01-05",
                "title": "Kế hoạch",
                "assumed": True,
                "assumption": "Văn bản không ghi hiệu lực",
            },
            "obligations": [base | obligation],
            # A named policy travels in the sheet "Chính sách đôn đốc".
            "policies": {
                "gap": {"reminder_days": [10, 2], "remind_on_due_day": False, "send_at": "08:00"}
            }
            if obligation.get("policy")
            else {},
        }
    )


@pytest.mark.parametrize(
    "obligation",
    [
        {"schedule": {"every": "month", "working_day": -2, "from": "2024-02-01"}},
        {"schedule": {"every": "half_year", "report": True, "until": "2026-06-30"}},
        {"schedule": {"every": "year", "day": 20}, "valid_from": "2024-03-01"},
        {"schedule": {"every": "6 months", "from": "2024-03-01"}, "policy": "gap"},
        {"schedule": {"every": "quarter", "month": 2, "day": 31}},
        {"schedule": {"every": "month", "day": 5}, "assumed": True, "assumption": "Đoán"},
        {
            "kind": "target",
            "target": {
                "indicator": "Thời gian giải quyết",
                "comparator": "=",
                "value": 5.5,
                "unit": "ngày",
                "year": 2025,
                "baseline_year": 2021,
            },
        },
        {
            "kind": "inspection_duty",
            "inspection": {"count": 3, "per": "quarter", "units": "QN-X", "unannounced": False},
        },
    ],
)
def test_unusual_fields_round_trip_through_excel(obligation, tmp_path):
    catalogue = _document_with(obligation)
    write_document_workbook(catalogue, tmp_path / "out.xlsx")
    assert parse_excel_file(tmp_path / "out.xlsx").model == catalogue


def test_a_target_written_with_equals_is_text_not_a_formula(tmp_path):
    target = {"indicator": "Nhiệm vụ", "comparator": "=", "value": 3, "unit": "ngày", "year": 2025}
    write_document_workbook(
        _document_with({"kind": "target", "target": target}), tmp_path / "o.xlsx"
    )
    sheet = openpyxl.load_workbook(tmp_path / "o.xlsx")["Nhiệm vụ"]
    assert sheet["L2"].value == "= 3 ngày" and sheet["L2"].data_type == "s"


def test_the_written_workbook_has_a_frozen_bold_header_and_real_dates(tmp_path):
    original = parse_yaml_file(DATA / "valid" / "nghi-quyet.yaml")
    write_document_workbook(original.model, tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Nhiệm vụ"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet["G2"].value == datetime(2025, 3, 31) and sheet["G2"].number_format == "DD/MM/YYYY"
    assert sheet["H3"].value == "Hằng quý (NĐ 09) +3 ngày làm việc"


class _Codes:
    """Stands in for a session: answers the agency query, then the group query."""

    def __init__(self) -> None:
        self.answers = [[("HB-SNV", "Sở Nội vụ")], [("HB-CAC-SO", "Các sở, ban, ngành")]]

    def execute(self, query: Any) -> list[tuple[str, str]]:
        return self.answers.pop(0)


def test_with_a_session_a_code_lookup_sheet_is_added_and_ignored_on_reading(tmp_path):
    original = parse_yaml_file(DATA / "valid" / "nghi-quyet.yaml").model
    write_document_workbook(original, tmp_path / "out.xlsx", session=_Codes())
    lookup = openpyxl.load_workbook(tmp_path / "out.xlsx")["Tra cứu mã"]
    assert [row[0] for row in lookup.iter_rows(values_only=True)] == ["Mã", "HB-SNV", "HB-CAC-SO"]
    assert parse_excel_file(tmp_path / "out.xlsx").model == original


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    output = tmp_path / "out.xlsx"
    output.write_bytes(b"old")

    def broken_save(self, filename):
        Path(filename).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError):
        write_document_workbook(parse_yaml_file(DATA / "valid" / "nghi-quyet.yaml").model, output)
    assert output.read_bytes() == b"old" and list(tmp_path.iterdir()) == [output]


_EVERY = st.sampled_from(["year", "half_year", "quarter", "month", "6 months", "06 months"])
_DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def schedules(draw: st.DrawFn) -> schema.Schedule:
    once = draw(st.none() | _DAYS)
    every = None if once else draw(_EVERY | st.integers(1, 99).map(lambda n: f"{n} months"))
    optional = {
        "day": st.integers(1, 31),
        "month": st.integers(1, 12),
        "working_day": st.integers(-23, 23),
        "after_cutoff": st.integers(1, 60),
        "report": st.just(True),
        "from": _DAYS,
        "until": _DAYS,
    }
    fields = {name: draw(st.none() | value) for name, value in optional.items()}
    fields = {name: value for name, value in fields.items() if value is not None}
    return schema.Schedule.model_validate({"once": once, "every": every} | fields)


@given(schedules())
@settings(max_examples=200)
def test_every_schedule_reads_back_from_the_phrases_written_for_it(schedule):
    assert (
        schema.Schedule.model_validate(read_schedule(format_due(schedule), format_repeat(schedule)))
        == schedule
    )


@given(
    st.sampled_from([">=", "<=", "=", ">", "<"]),
    st.floats(0, 100, allow_nan=False) | st.integers(0, 100).map(float),
    st.sampled_from(["%", "thứ hạng", "ngày", "điểm"]),
    st.sampled_from(["Nhiệm vụ", "Tỷ lệ hồ sơ: trực tuyến"]),
    st.none() | st.integers(2000, 2100),
)
def test_every_target_reads_back_from_the_text_written_for_it(cmp, value, unit, indicator, base):
    target = schema.TargetRule(
        indicator=indicator, comparator=cmp, value=value, unit=unit, year=2025, baseline_year=base
    )
    text = format_target(target, "Nhiệm vụ")
    assert schema.TargetRule.model_validate(read_target(text, 2025, "Nhiệm vụ")) == target


@pytest.mark.parametrize(
    ("written", "comparator", "value", "unit"),
    [
        (">= 90%", ">=", 90, "%"),
        ("≥ 86 %", ">=", 86, "%"),
        ("tối thiểu 90%", ">=", 90, "%"),
        ("100%", ">=", 100, "%"),
        ("<= 3 thứ hạng", "<=", 3, "thứ hạng"),
        ("không quá 7,5 ngày", "<=", 7.5, "ngày"),
        ("95% trở lên", ">=", 95, "%"),
    ],
)
def test_targets_read_as_offices_write_them(written, comparator, value, unit):
    assert read_target(written, "năm 2025", "Tỷ lệ") == {
        "indicator": "Tỷ lệ",
        "comparator": comparator,
        "value": value,
        "unit": unit,
        "year": 2025,
    }


@pytest.mark.parametrize("written", ["90", "khoảng 90%", "1.000 hồ sơ", "≤ 5% trở lên"])
def test_a_target_without_a_clear_number_and_unit_is_refused(written):
    with pytest.raises(CellError) as raised:
        read_target(written, 2025, "Tỷ lệ")
    assert raised.value.column == "target"


# ---- a hand-made annex -----------------------------------------------------------------------


def test_a_hand_made_annex_reads_as_the_office_meant_it(tmp_path):
    headers = [
        "STT",
        "Nhiệm vụ",
        "Cơ quan\nchủ trì (*)",
        "Co quan phoi hop",  # typed without diacritics
        "SẢN PHẨM",
        "Căn cứ",
        "Thời hạn",
        "Lặp lại",
        "Chỉ tiêu",
        "Năm chỉ tiêu",
        "Kiểm tra",
    ]
    headers[5] = "Ca\u0306n cu\u031b\u0301"  # "Căn cứ" as decomposed (NFD) text
    numbering = [f"({n})" for n in range(1, 12)]
    rows = [
        numbering,
        ["I", "CẢI CÁCH THỂ CHẾ"],
        [1, "Ban hành kế hoạch", "Sở Nội vụ", "Văn phòng UBND tỉnh, Sở Tư pháp", "Kế hoạch",
         "Điều 3", "Quý II/2025", "Một lần"],
        [2, "Lấy ý kiến doanh nghiệp", "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch",
         "Báo cáo", "Điều 3", "15/12", "Hàng năm"],
        [3, "Báo cáo tình hình", "Các sở, ban, ngành", None, "Báo cáo", "Điều 4",
         "ngày 20 tháng cuối quý", "Hằng quý"],
        [4, "Cập nhật dữ liệu", "QN-SNV; QN-STP", None, None, "Điều 4",
         "trước ngày 15 hằng tháng", None],
        [5, "Tổng kết", "UBND tỉnh", None, None, "Điều 5", "hết năm 2025", None],
        [6, "Báo cáo Nghị định 09", "Sở Nội vụ", None, None, "Điều 5", None,
         "Báo cáo quý (NĐ 09) +5 ngày làm việc; từ năm 2024 đến 2025"],
        [7, "Giao ban", "Sở Nội vụ", None, None, "Điều 5", "ngày làm việc thứ 5", "hằng tháng"],
        [8, "Sơ kết", "Sở Nội vụ", None, None, "Điều 5", datetime(2025, 6, 30), None],
        [9],
        [10, "Tỷ lệ hài lòng", "Sở Nội vụ", None, None, "Điều 1", None, None, "≥ 86 %", 2025],
        [11, "Kiểm tra đột xuất", "Sở Nội vụ", None, None, "Điều 1", None, None, None, None,
         "ít nhất 02 cuộc/năm; nhóm QN-DIEM-TIEP-NHAN; đột xuất"],
    ]  # fmt: skip
    model = parse_excel_file(annex(tmp_path / "annex.xlsx", rows, headers)).model
    by_code = {o.code: o for o in model.obligations}
    assert list(by_code) == [f"124-NQ-HDND-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 11)]
    schedules = {code[12:]: o.schedule for code, o in by_code.items()}
    assert schedules == {
        "1": schema.Schedule(once=date(2025, 6, 30)),
        "2": schema.Schedule(every="year", month=12, day=15),
        "3": schema.Schedule(every="quarter", day=20),
        "4": schema.Schedule(every="month", day=15),
        "5": schema.Schedule(once=date(2025, 12, 31)),
        "6": schema.Schedule.model_validate(
            {
                "every": "quarter",
                "report": True,
                "after_cutoff": 5,
                "from": "2024-01-01",
                "until": "2025-12-31",
            }
        ),  # fmt: skip
        "7": schema.Schedule(every="month", working_day=5),
        "8": schema.Schedule(once=date(2025, 6, 30)),
        "10": None,
        "11": None,
    }
    first, second, third = model.obligations[:3]
    assert first.cooperating == ["Văn phòng UBND tỉnh", "Sở Tư pháp"]
    assert second.cooperating == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert third.lead == ["Các sở, ban, ngành"] and third.kind == "recurring_report"
    assert by_code["124-NQ-HDND-4"].lead == ["QN-SNV", "QN-STP"]
    assert first.quote == first.title == "Ban hành kế hoạch" and first.kind == "deliverable"
    target = by_code["124-NQ-HDND-10"]
    assert target.kind == "target" and target.target == schema.TargetRule(
        indicator="Tỷ lệ hài lòng", comparator=">=", value=86, unit="%", year=2025
    )
    inspection = by_code["124-NQ-HDND-11"].inspection
    assert inspection == schema.InspectionRule(
        count=2, per="year", units="QN-DIEM-TIEP-NHAN", unannounced=True
    )
    assert model.document.issued == date(2022, 11, 4)


def test_a_two_row_header_under_merged_cells_is_read(here):
    headers = ["STT", "Nhiệm vụ", "Cơ quan thực hiện", None, "Sản phẩm", "Căn cứ", "Thời hạn"]
    sub_header = [None, None, "Chủ trì", "Phối hợp"]
    row = [1, "Ban hành kế hoạch", "Sở Nội vụ", "Sở Tư pháp", "Kế hoạch", "Điều 3", "Quý IV/2025"]
    path = annex(Path("annex.xlsx"), [sub_header, row], [*headers, "Lặp lại"])
    obligation = parse_excel_file(path).model.obligations[0]
    assert obligation.lead == ["Sở Nội vụ"] and obligation.cooperating == ["Sở Tư pháp"]
    row[-1] = "31/13/2025"
    path = annex(Path("annex.xlsx"), [sub_header, row], [*headers, "Lặp lại"])
    assert only_problem(path).where == "annex.xlsx!Nhiệm vụ!G6"


@pytest.mark.parametrize(
    ("written", "agencies"),
    [
        ("Sở Nội vụ, Sở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"]),
        ("UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
        ("QN-SNV, QN-VP\nCông an tỉnh", ["QN-SNV", "QN-VP", "Công an tỉnh"]),
        ("Ban Dân tộc, Bộ Chỉ huy Quân sự tỉnh", ["Ban Dân tộc", "Bộ Chỉ huy Quân sự tỉnh"]),
    ],
)
def test_agencies_split_on_commas_only_between_agencies(written, agencies):
    assert split_agencies(written) == agencies


# ---- bad workbooks ---------------------------------------------------------------------------


def test_an_impossible_date_is_reported_at_its_cell(here):
    problem = only_problem(annex(Path("annex.xlsx"), [task(due="31/13/2025")]))
    assert problem == Problem(
        "annex.xlsx!Nhiệm vụ!G5", 'thời hạn "31/13/2025" không phải ngày hợp lệ'
    )


def test_an_unreadable_repeat_lists_what_may_be_written(here):
    rows = [task(), task(2, due=None, repeat="hai lần một năm")]
    problem = only_problem(annex(Path("annex.xlsx"), rows))
    assert problem == Problem(
        "annex.xlsx!Nhiệm vụ!H6",
        'không hiểu "hai lần một năm"; dùng: Một lần, Hằng năm, 6 tháng, Hằng quý, Hằng tháng, '
        "N tháng",
    )


def test_a_date_with_a_yearly_repeat_is_not_guessed(here):
    problem = only_problem(
        annex(Path("annex.xlsx"), [task(due=datetime(2025, 12, 15), repeat="Hằng năm")])
    )
    assert problem.where == "annex.xlsx!Nhiệm vụ!G5"
    assert problem.message.startswith('thời hạn "15/12/2025" là một ngày cụ thể')


def test_a_day_and_month_without_a_repeat_asks_for_the_year(here):
    problem = only_problem(annex(Path("annex.xlsx"), [task(due="15/12")]))
    assert problem.where == "annex.xlsx!Nhiệm vụ!G5" and "không có năm" in problem.message


def test_a_row_without_its_task_text_is_reported_at_that_cell(here):
    rows = [task(), task(2, title=None)]
    problem = only_problem(annex(Path("annex.xlsx"), rows))
    assert problem == Problem(
        "annex.xlsx!Nhiệm vụ!B6", "thiếu nội dung nhiệm vụ (cột Nhiệm vụ trống)"
    )


def test_a_missing_lead_is_reported_by_pydantic_at_its_cell(here):
    row = task()
    row[2] = None
    problem = only_problem(annex(Path("annex.xlsx"), [row]))
    assert problem == Problem("annex.xlsx!Nhiệm vụ!C5", "lead: thiếu trường bắt buộc")


def test_a_task_without_a_deadline_is_reported_at_its_row(here):
    problem = only_problem(annex(Path("annex.xlsx"), [task(due=None)]))
    assert problem.where == "annex.xlsx!Nhiệm vụ!A5" and "schedule" in problem.message


def test_an_unknown_document_kind_is_reported_at_its_value(here):
    document = [*DOCUMENT[:1], ("Loại văn bản", "Công văn"), *DOCUMENT[2:]]
    problem = only_problem(annex(Path("annex.xlsx"), [task()], document=document))
    assert problem.where == "annex.xlsx!Văn bản!B2"
    assert problem.message.startswith('không hiểu loại "Công văn"; dùng: Nghị quyết')


def test_a_missing_document_field_is_reported_on_its_sheet(here):
    problem = only_problem(annex(Path("annex.xlsx"), [task()], document=DOCUMENT[:-1]))
    assert problem == Problem("annex.xlsx!Văn bản", "title: thiếu trường bắt buộc")


def test_a_missing_required_column_is_named(here):
    headers = [h for h in HEADERS if h != "Lặp lại"]
    problem = only_problem(annex(Path("annex.xlsx"), [task()[:-1]], headers))
    assert problem == Problem("annex.xlsx!Nhiệm vụ", "thiếu cột: Lặp lại")


def test_a_sheet_without_a_header_row_says_what_it_looked_for(here):
    problem = only_problem(annex(Path("annex.xlsx"), [], headers=["Ghi chú"]))
    assert problem.where == "annex.xlsx!Nhiệm vụ"
    assert problem.message.startswith("không tìm thấy hàng tiêu đề (STT, Nhiệm vụ")


def test_an_empty_task_sheet_is_reported(here):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Văn bản"
    workbook.create_sheet("Nhiệm vụ")
    workbook.save("annex.xlsx")
    assert only_problem(Path("annex.xlsx")) == Problem("annex.xlsx!Nhiệm vụ", "trang tính trống")


def test_a_missing_sheet_is_named(here):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Văn bản"
    workbook.save("annex.xlsx")
    assert only_problem(Path("annex.xlsx")) == Problem("annex.xlsx", 'thiếu trang tính "Nhiệm vụ"')


def test_a_file_that_is_not_a_workbook_is_refused(here):
    Path("annex.xlsx").write_text("STT;Nhiệm vụ\n1;Ban hành kế hoạch\n", encoding="utf-8")
    problem = only_problem(Path("annex.xlsx"))
    assert problem.where == "annex.xlsx" and "không phải tệp Excel .xlsx" in problem.message


def test_a_zip_that_is_not_a_workbook_is_refused(here):
    shutil.make_archive("annex", "zip", DATA / "valid")
    Path("annex.zip").rename("annex.xlsx")
    problem = only_problem(Path("annex.xlsx"))
    assert problem == Problem("annex.xlsx", "tệp nén này không phải bảng tính Excel .xlsx")


def test_a_password_protected_workbook_asks_for_the_password_to_be_removed(here):
    shutil.copy(DATA / "excel" / "password.xlsx", "annex.xlsx")
    problem = only_problem(Path("annex.xlsx"))
    assert problem == Problem(
        "annex.xlsx", "tệp có mật khẩu; hãy gỡ mật khẩu trong Excel rồi lưu lại"
    )


def test_a_file_over_the_size_limit_is_not_opened(here):
    Path("annex.xlsx").write_bytes(b"PK" + b"\0" * (5 * 2**20))
    problem = only_problem(Path("annex.xlsx"))
    assert problem.where == "annex.xlsx" and problem.message.startswith("tệp quá lớn")


def test_problems_of_several_rows_come_together(here):
    rows = [task(due="31/13/2025"), task(2, repeat="thỉnh thoảng"), task(3, title=None)]
    wheres = [p.where for p in problems_of(annex(Path("annex.xlsx"), rows))]
    assert wheres == ["annex.xlsx!Nhiệm vụ!B7", "annex.xlsx!Nhiệm vụ!G5", "annex.xlsx!Nhiệm vụ!H6"]


def test_an_agency_workbook_names_the_cell_of_an_unknown_level_and_agency(here, tmp_path):
    registry = parse_yaml_file(DATA / "valid" / "agencies.yaml").model
    write_agency_workbook(registry, tmp_path / "agencies.xlsx")
    workbook = openpyxl.load_workbook("agencies.xlsx")
    workbook["Cơ quan"]["E3"] = "liên tỉnh"
    workbook["Người"]["D2"] = "Sở Ngoại vụ"
    workbook.save("agencies.xlsx")
    problems = problems_of(Path("agencies.xlsx"))
    assert [p.where for p in problems] == ["agencies.xlsx!Cơ quan!E3", "agencies.xlsx!Người!D2"]
    assert problems[0].message == 'không hiểu "liên tỉnh"; dùng: tỉnh, huyện, xã'
    assert problems[1].message == 'cơ quan "Sở Ngoại vụ" không có trong trang Cơ quan'


def test_people_may_name_their_agency_and_roles_in_vietnamese(here):
    registry = parse_yaml_file(DATA / "valid" / "agencies.yaml").model
    write_agency_workbook(registry, Path("agencies.xlsx"))
    workbook = openpyxl.load_workbook("agencies.xlsx")
    workbook["Người"]["D2"] = "ủy ban nhân dân tỉnh hòa bình mẫu"
    workbook["Người"]["E2"] = "leader, Thủ trưởng"
    workbook.save("agencies.xlsx")
    person = parse_excel_file(Path("agencies.xlsx")).model.agencies[0].people[0]
    assert person.roles == ["leader", "head"]


# ---- random text ---------------------------------------------------------------------------

_PHRASES = st.sampled_from(
    ["Hằng", "quý", "năm", "tháng", "6", "/", "2025", "31/12", "ngày", "làm việc", "thứ", "(NĐ 09)",
     "+3", "từ", "đến", ";", "\n", " ", "cuối", "II", "0", "99/99/9999", "Một lần", "-", "e"]
)  # fmt: skip
_CELL_TEXT = st.lists(_PHRASES | st.text(max_size=4), max_size=8).map("".join)


@given(_CELL_TEXT, _CELL_TEXT)
@settings(max_examples=200)
def test_any_text_in_due_and_repeat_is_read_or_refused_with_a_cell_error(due, repeat):
    try:
        read_schedule(due, repeat)
    except CellError as exc:
        assert exc.column in {"due", "repeat"} and exc.message


_LEGAL = st.characters(exclude_categories=("Cc", "Cs"))  # openpyxl refuses control chars
_WORKBOOK_TEXT = st.lists(_PHRASES | st.text(_LEGAL, max_size=4), max_size=6).map("".join)


@given(_WORKBOOK_TEXT, _WORKBOOK_TEXT)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_in_a_workbook_gives_a_model_or_catalogue_invalid(tmp_path, due, repeat):
    path = annex(tmp_path / "annex.xlsx", [task(due=due, repeat=repeat)])
    try:
        parse_excel_file(path)
    except CatalogueInvalid as exc:
        assert all(p.where.startswith(f"{path}!Nhiệm vụ!") for p in exc.problems)
