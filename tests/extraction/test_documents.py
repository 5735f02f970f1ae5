"""Three resolutions written the way three provinces write them, read into drafts."""

from __future__ import annotations

import unicodedata
from datetime import date

from extraction.output import to_yaml
from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.checks import KnownCodes
from tasks_catalog.catalogue.service import validate_paths
from tests.extraction.conftest import DATA, write_pdf
from tests.extraction.helpers import draft_of, obligation_quoting

HA_TINH = DATA / "ha-tinh-quyet-dinh-cchc.txt"
NGHE_AN = DATA / "nghe-an-nghi-quyet-hdnd.txt"


def test_a_decision_giao_items_become_obligations_with_their_agencies_and_dates():
    result = draft_of(HA_TINH, "agencies-ha-tinh.yaml")
    assert result.data["document"]["number"] == "412/QĐ-UBND"
    assert result.data["document"]["issued"] == date(2023, 2, 20)
    report = obligation_quoting(
        result, "báo cáo kết quả cải cách hành chính trước ngày 15/12 hằng năm"
    )
    assert report["lead"] == ["HT-SNV"] and report["cooperating"] == ["HT-VP-UBND"]
    assert report["schedule"] == {"every": "year", "month": 12, "day": 15}
    assert report["kind"] == "recurring_report"
    assert report["clause"] == "Điều 2, khoản 1"
    quarter = obligation_quoting(result, "hoàn thành trong quý II/2023")
    assert quarter["lead"] == ["HT-VP-UBND"] and quarter["schedule"] == {"once": date(2023, 6, 30)}
    assert obligation_quoting(result, "trước ngày 31/3/2023")["schedule"] == {
        "once": date(2023, 3, 31)
    }
    assert obligation_quoting(result, "hết năm 2023")["schedule"] == {"once": date(2023, 12, 31)}


def test_a_shared_duty_goes_to_every_group_named():
    result = draft_of(HA_TINH, "agencies-ha-tinh.yaml")
    both = obligation_quoting(result, "định kỳ 6 tháng báo cáo")
    assert both["lead"] == ["HT-CAC-SO", "HT-UBND-HUYEN"]
    assert both["kind"] == "recurring_report" and both["schedule"]["every"] == "half_year"


def test_an_unannounced_inspection_duty_keeps_its_count_and_units():
    result = draft_of(HA_TINH, "agencies-ha-tinh.yaml")
    inspection = obligation_quoting(result, "kiểm tra đột xuất")
    assert inspection["kind"] == "inspection_duty" and inspection["lead"] == ["HT-SNV"]
    assert inspection["inspection"] == {
        "count": 2,
        "per": "year",
        "units": "HT-DIEM-TIEP-NHAN",
        "unannounced": True,
    }


def test_targets_keep_comparator_value_year_and_baseline():
    result = draft_of(HA_TINH, "agencies-ha-tinh.yaml")
    targets = {
        o["target"]["value"]: o["target"]
        for o in result.data["obligations"]
        if o["kind"] == "target"
    }
    assert targets[99]["comparator"] == ">=" and targets[99]["year"] == 2023
    assert targets[90]["comparator"] == ">="
    assert targets[10]["baseline_year"] == 2021 and targets[10]["indicator"].startswith("Mức giảm")


def test_the_closing_article_and_the_distribution_list_give_no_obligation():
    result = draft_of(HA_TINH, "agencies-ha-tinh.yaml")
    quotes = " ".join(o["quote"] for o in result.data["obligations"])
    assert "chịu trách nhiệm thi hành" not in quotes and "Lưu: VT" not in quotes
    assert len(result.data["obligations"]) == 9


def test_every_entry_quotes_the_source_at_its_offsets():
    result = draft_of(HA_TINH, "agencies-ha-tinh.yaml")
    text = result.source.text
    for obligation in result.data["obligations"]:
        start, end = obligation["offsets"]
        assert " ".join(text[start:end].split()) == obligation["quote"]


def test_guessed_fields_are_marked_for_the_reviewer():
    result = draft_of(HA_TINH, "agencies-ha-tinh.yaml")
    stated = obligation_quoting(result, "trước ngày 31/3/2023")
    assert "assumed" not in stated and stated["confidence"]["schedule"] >= 0.9
    target = obligation_quoting(result, "đạt từ 99% trở lên")
    assert target["assumed"] is True and "tạm giao chủ trì" in target["assumption"]
    assert target["confidence"]["lead"] < 0.5


def test_a_plan_annex_table_gives_one_obligation_per_row(plan_docx):
    result = draft_of(plan_docx, "agencies-bac-giang.yaml")
    rows = [o for o in result.data["obligations"] if o["clause"].startswith("Phụ lục")]
    assert [o["clause"].split(",")[2].split("(")[0].strip() for o in rows] == [
        f"dòng {n}" for n in range(1, 6)
    ]
    first, inspection, upgrade, report, budget = rows
    assert first["lead"] == ["BG-VP-UBND"] and first["cooperating"] == ["BG-STTTT"]
    assert (
        first["schedule"] == {"once": date(2024, 6, 30)}
        and first["deliverable"] == "Báo cáo kết quả số hóa"
    )
    assert "Số hóa hồ sơ" in first["clause"]  # the group row above it
    assert inspection["kind"] == "inspection_duty" and inspection["inspection"]["count"] == 2
    assert upgrade["schedule"] == {"once": date(2024, 9, 30)}
    assert report["lead"] == ["BG-STTTT"] and report["schedule"]["every"] == "half_year"
    assert budget["lead"] == ["BG-STC"] and budget["schedule"] == {"once": date(2024, 12, 31)}


def test_a_plan_implementation_section_is_read_beside_its_table(plan_docx):
    result = draft_of(plan_docx, "agencies-bac-giang.yaml")
    quarterly = obligation_quoting(result, "hằng quý, trước ngày 20 tháng cuối quý")
    assert quarterly["lead"] == ["BG-CAC-SO", "BG-UBND-HUYEN"]
    assert quarterly["schedule"] == {"every": "quarter", "day": 20}
    assert not any(o["quote"].startswith("PHỤ LỤC") for o in result.data["obligations"])


def test_drafts_of_the_test_documents_pass_catalogue_validation(tmp_path, plan_docx):
    for source, registry in (
        (HA_TINH, "agencies-ha-tinh.yaml"),
        (plan_docx, "agencies-bac-giang.yaml"),
    ):
        draft = tmp_path / f"{source.stem}.yaml"
        draft.write_text(to_yaml(draft_of(source, registry).data, source.name), encoding="utf-8")
        validate_paths([draft, DATA / registry], KnownCodes(), default_calendar())


def test_without_a_registry_agencies_keep_their_vietnamese_names():
    result = draft_of(NGHE_AN)
    assert result.data["document"]["province"] == "NA"
    council = obligation_quoting(result, "giám sát việc thực hiện")
    assert council["lead"] == ["Thường trực HĐND tỉnh", "Các ban của HĐND tỉnh"]
    plan = obligation_quoting(result, "xây dựng Đề án nền tảng số")
    assert plan["lead"] == ["Sở Thông tin và Truyền thông"] and plan["cooperating"] == [
        "Văn phòng UBND tỉnh"
    ]
    assert plan["schedule"] == {"once": date(2024, 3, 31)}


def test_lines_broken_inside_sentences_are_joined():
    result = draft_of(NGHE_AN)
    report = obligation_quoting(result, "hằng năm báo cáo kết quả thực hiện tại kỳ họp cuối năm")
    assert report["quote"].endswith("của Hội đồng nhân dân tỉnh.")
    assert obligation_quoting(result, "Từ năm 2024, 100% cuộc họp")["target"]["year"] == 2024


def _plain(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def test_a_text_pdf_without_diacritics_is_read_like_the_text(tmp_path):
    lines = [_plain(line) for line in NGHE_AN.read_text(encoding="utf-8").splitlines()]
    result = draft_of(write_pdf(tmp_path / "nghi-quyet.pdf", lines))
    assert result.data["document"]["number"] == "27/2023/NQ-HDND"
    kinds = [(o["clause"], o["kind"]) for o in result.data["obligations"]]
    assert kinds == [(o["clause"], o["kind"]) for o in draft_of(NGHE_AN).data["obligations"]]
    plan = obligation_quoting(result, "xay dung De an nen tang so")
    assert plan["lead"] == ["Sở Thông tin và Truyền thông"] and plan["schedule"] == {
        "once": date(2024, 3, 31)
    }
