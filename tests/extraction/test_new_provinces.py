"""Issue #13: what a new user's texts broke, read from the tuned half of the corpus (the
held-out half is only measured, never used here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from extraction.agencies import AgencyIndex
from extraction.corpus import CORPUS
from extraction.draft import extract_draft
from extraction.leads import read_leads
from extraction.output import to_yaml
from extraction.text import Span, fold
from tests.extraction.helpers import obligation_quoting, run

TUNED = CORPUS / "tuned"
LAI_CHAU = TUNED / "01-lai-chau-ke-hoach-kiem-tra.txt"
SON_LA = TUNED / "02-son-la-nghi-quyet-hdnd.txt"
THAI_BINH = TUNED / "03-thai-binh-thong-bao-ket-luan.txt"
YEN_BAI = TUNED / "06-yen-bai-cong-van.txt"


def _draft(path: Path, issued: date):  # noqa: ANN202 - a DraftResult
    return extract_draft(path, today=issued)


def test_forms_of_inspection_outside_the_implementation_section_are_inspection_duties():
    draft = _draft(LAI_CHAU, date(2024, 1, 22))
    duty = obligation_quoting(draft, "không báo trước tối thiểu 02")
    assert duty["kind"] == "inspection_duty"
    assert duty["inspection"]["count"] == 2
    assert duty["inspection"]["per"] == "year"
    assert duty["inspection"]["unannounced"] is True
    assert duty["lead"] == ["Sở Nội vụ"]
    assert duty["cooperating"] == ["Văn phòng UBND tỉnh"]


def test_heads_of_groups_lead_as_groups_and_keep_their_quarterly_count():
    draft = _draft(LAI_CHAU, date(2024, 1, 22))
    duty = obligation_quoting(draft, "ít nhất 01 lần/quý")
    assert duty["kind"] == "inspection_duty"
    assert (duty["inspection"]["count"], duty["inspection"]["per"]) == (1, "quarter")
    assert set(duty["lead"]) == {"Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"}


def test_the_last_numbered_item_of_the_implementation_section_is_a_duty():
    draft = _draft(LAI_CHAU, date(2024, 1, 22))
    duty = obligation_quoting(draft, "Sở Tài chính bảo đảm kinh phí")
    assert duty["lead"] == ["Sở Tài chính"]
    assert duty["schedule"] == {"once": date(2024, 12, 31)}  # the plan is for 2024


def test_a_monthly_report_keeps_its_day_of_the_following_month_and_its_owner():
    draft = _draft(LAI_CHAU, date(2024, 1, 22))
    duty = obligation_quoting(draft, "trước ngày 05 của tháng sau")
    assert duty["schedule"] == {"every": "month", "day": 5}
    assert duty["kind"] == "recurring_report"
    assert duty["lead"] == ["UBND các huyện, thị xã, thành phố"]


def test_a_deadline_counted_from_an_event_is_kept_as_such():
    draft = _draft(LAI_CHAU, date(2024, 1, 22))
    duty = obligation_quoting(draft, "kể từ ngày nhận được kết luận kiểm tra")
    assert duty["schedule"] == {
        "after": "nhận được kết luận kiểm tra",
        "within": 10,
        "working": True,
    }


def test_a_deadline_counted_from_receiving_this_document_is_a_date():
    draft = _draft(THAI_BINH, date(2024, 3, 14))
    duty = obligation_quoting(draft, "nhận được Thông báo này")
    assert duty["schedule"] == {"once": date(2024, 3, 29)}
    assert set(duty["lead"]) == {"Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"}


def test_monthly_and_quarterly_reports_keep_their_days_and_a_named_meeting_month():
    draft = _draft(YEN_BAI, date(2024, 4, 3))
    assert obligation_quoting(draft, "hằng quý về Sở Nội vụ")["schedule"] == {
        "every": "quarter",
        "day": 20,
    }
    assert obligation_quoting(draft, "hằng tháng, trước ngày 25")["schedule"] == {
        "every": "month",
        "day": 25,
    }
    meeting = obligation_quoting(draft, "phiên họp thường kỳ tháng")
    assert meeting["schedule"] == {"once": date(2024, 7, 31)}
    inspection = obligation_quoting(draft, "tối thiểu 01 lần/quý")
    assert inspection["kind"] == "inspection_duty"


def test_the_councils_supervision_stays_the_councils_and_targets_starting_with_a_year():
    draft = _draft(SON_LA, date(2024, 7, 10))
    supervision = obligation_quoting(draft, "giám sát việc thực hiện Nghị quyết")
    assert set(supervision["lead"]) == {"Thường trực HĐND tỉnh", "Các ban của HĐND tỉnh"}
    assert supervision["kind"] == "recurring_report"
    assert supervision["deliverable"] == "Báo cáo kết quả giám sát"
    target = obligation_quoting(draft, "đúng hạn đạt")
    assert target["target"]["year"] == 2025
    assert (
        target["target"]["indicator"] == "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn"
    )


def test_x_chu_tri_names_the_lead_wherever_the_clause_starts():
    text = "Kiểm tra đột xuất: Sở Nội vụ chủ trì, phối hợp với Thanh tra tỉnh kiểm tra."
    folded = fold(text)
    index = AgencyIndex()
    found = read_leads(folded, Span(0, len(text)), index.find(text, folded, Span(0, len(text))))
    assert [m.name for m in found.lead] == ["Sở Nội vụ"]
    assert [m.name for m in found.cooperating] == ["Thanh tra tỉnh"]


def test_clause_labels_do_not_repeat_a_number(tmp_path):
    path = tmp_path / "tb.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nSố: 12/TB-UBND\nĐiện Biên, ngày 05 tháng 3 năm 2024\n"
        "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\nII. NHIỆM VỤ\n"
        "2. Về cải cách thủ tục hành chính\n"
        "2.1. Sở Tư pháp rà soát thủ tục hành chính, hoàn thành trước ngày 30/6/2024.\n",
        encoding="utf-8",
    )
    duty = extract_draft(path, today=date(2024, 3, 5)).data["obligations"][0]
    assert duty["clause"] == "Mục II, điểm 2.1"


def test_drafts_never_contain_yaml_aliases():
    shared = ["QN-SNV"]
    data = {"obligations": [{"lead": shared}, {"lead": shared}]}
    text = to_yaml(data, "x.txt")
    assert "&" not in text and "*id" not in text
    assert yaml.safe_load(text)["obligations"][1]["lead"] == ["QN-SNV"]


def test_registry_draft_writes_both_files_that_validate_together(tmp_path):
    draft, agencies = tmp_path / "draft.yaml", tmp_path / "agencies.yaml"
    result = run("extract", str(LAI_CHAU), "--registry-draft", str(agencies), "-o", str(draft))
    assert result.exit_code == 0, result.output
    registry = yaml.safe_load(agencies.read_text(encoding="utf-8"))
    assert registry["province"] == "LC" and registry["province_name"] == "Lai Châu"
    names = {a["name"]: a for a in registry["agencies"]}
    assert names["Sở Nội vụ"]["kind"] == "department"
    assert names["Văn phòng UBND tỉnh"]["kind"] == "office"
    assert all(a["people"] == [] for a in registry["agencies"])
    assert "# cần điền" in agencies.read_text(encoding="utf-8")
    groups = {g["name"]: g for g in registry["groups"]}
    assert groups["UBND các huyện, thị xã, thành phố"]["levels"] == ["district"]
    codes = {a["code"] for a in registry["agencies"]} | {g["code"] for g in registry["groups"]}
    used = {c for o in yaml.safe_load(draft.read_text())["obligations"] for c in o["lead"]}
    assert used <= codes


def test_registry_draft_and_agencies_together_are_refused(tmp_path):
    result = run(
        "extract", str(LAI_CHAU), "--registry-draft", str(tmp_path / "a.yaml"),
        "--agencies", str(tmp_path / "b.yaml"),
    )  # fmt: skip
    assert result.exit_code != 0
    assert "--registry-draft" in result.output
    assert not (tmp_path / "a.yaml").exists()


def test_validating_a_draft_of_a_province_without_registry_says_what_to_do_in_one_line(tmp_path):
    from tasks_catalog.calendar import default_calendar
    from tasks_catalog.catalogue.checks import KnownCodes
    from tasks_catalog.catalogue.problems import CatalogueInvalid
    from tasks_catalog.catalogue.service import validate_paths

    draft = tmp_path / "draft.yaml"
    assert run("extract", str(LAI_CHAU), "-o", str(draft)).exit_code == 0
    try:
        validate_paths([draft], KnownCodes(), default_calendar())
    except CatalogueInvalid as exc:
        problems = exc.problems
    else:
        raise AssertionError("a draft without its province's registry must not validate")
    assert len(problems) == 1
    assert "--registry-draft" in problems[0].message
    assert 'tỉnh "LC"' in problems[0].message


def test_a_cooperating_group_in_the_registry_is_kept():
    from extraction.registry_draft import extract_with_registry_draft

    result, registry = extract_with_registry_draft(SON_LA, today=date(2024, 7, 10))
    front = obligation_quoting(result, "Đề nghị Ủy ban Mặt trận")
    groups = {g["name"]: g["code"] for g in registry.data()["groups"]}
    assert front["cooperating"] == [groups["Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội"]]


def test_a_group_whose_members_the_text_lists_has_those_members(tmp_path):
    from extraction.registry_draft import extract_with_registry_draft

    path = tmp_path / "kh.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\n\nSố: 30/KH-UBND\n\nĐiện Biên, ngày 05 tháng 3 năm 2024\n\n"
        "KẾ HOẠCH\nRà soát thủ tục hành chính năm 2024\n\nIII. TỔ CHỨC THỰC HIỆN\n"
        "1. Các sở, ban, ngành (gồm Sở Nội vụ, Sở Tư pháp và Sở Tài chính) rà soát thủ tục "
        "hành chính, hoàn thành trước ngày 30/6/2024.\n",
        encoding="utf-8",
    )
    result, registry = extract_with_registry_draft(path, today=date(2024, 3, 5))
    data = registry.data()
    codes = {a["name"]: a["code"] for a in data["agencies"]}
    group = next(g for g in data["groups"] if g["name"] == "Các sở, ban, ngành")
    assert group["members"] == [codes["Sở Nội vụ"], codes["Sở Tư pháp"], codes["Sở Tài chính"]]
    assert "kinds" not in group
    assert result.data["obligations"][0]["lead"] == [group["code"]]
