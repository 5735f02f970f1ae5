"""The words the extractor reads: agency names, deadlines, recurrences, counts, targets."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.agencies import AgencyIndex
from extraction.leads import read_leads, topic_agency
from extraction.targets import find_count, find_targets
from extraction.text import Span, fold
from extraction.timing import read_timing
from tests.extraction.conftest import DATA

HA_TINH = AgencyIndex.load(DATA / "agencies-ha-tinh.yaml")


def codes(text: str, index: AgencyIndex = HA_TINH) -> list[tuple[str, ...]]:
    return [m.codes for m in index.find(text, fold(text), Span(0, len(text)))]


@pytest.mark.parametrize(
    "text",
    ["Sở Nội vụ", "SỞ NỘI VỤ", "so noi vu", "Sở\nNội vụ", "SNV", "Sở Nội vụ tỉnh Hà Tĩnh"],
)
def test_an_agency_is_found_whatever_the_case_diacritics_or_line_breaks(text):
    assert codes(f"Giao {text} chủ trì") == [("HT-SNV",)]


def test_abbreviations_and_full_names_are_the_same_agency():
    assert codes("UBND tỉnh; Ủy ban nhân dân tỉnh; VP UBND tỉnh; Sở TT&TT") == [
        ("HT-UBND",), ("HT-UBND",), ("HT-VP-UBND",), ("HT-STTTT",),
    ]  # fmt: skip


def test_groups_map_to_the_registry_groups_of_that_kind():
    assert codes("Các sở, ban, ngành") == [("HT-CAC-SO",)]
    assert codes("UBND cấp huyện") == [("HT-UBND-HUYEN",)]
    assert codes("các sở, ngành, địa phương") == [("HT-CAC-SO", "HT-UBND-HUYEN")]


def test_party_and_council_bodies_are_known_without_a_registry():
    index = AgencyIndex()
    text = "Ban cán sự đảng UBND tỉnh, Đảng đoàn HĐND tỉnh và Ủy ban MTTQ Việt Nam tỉnh"
    names = [m.name for m in index.find(text, fold(text), Span(0, len(text)))]
    assert names == [
        "Ban cán sự đảng UBND tỉnh",
        "Đảng đoàn HĐND tỉnh",
        "Ủy ban MTTQ Việt Nam tỉnh",
    ]


@pytest.mark.parametrize(
    ("sentence", "lead", "cooperating"),
    [
        (
            "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp xây dựng kế hoạch.",
            ["HT-SNV"],
            ["HT-STP"],
        ),
        (
            "Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh rà soát văn bản.",
            ["HT-STP"],
            ["HT-VP-UBND"],
        ),
        ("Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành báo cáo.", ["HT-CAC-SO"], []),
        ("Định kỳ báo cáo UBND tỉnh kết quả thực hiện.", [], []),
    ],
)
def test_the_lead_is_who_the_sentence_gives_the_work_to(sentence, lead, cooperating):
    mentions = HA_TINH.find(sentence, fold(sentence), Span(0, len(sentence)))
    found = read_leads(fold(sentence), Span(0, len(sentence)), mentions)
    assert [c for m in found.lead for c in m.codes] == lead
    assert [c for m in found.cooperating for c in m.codes] == cooperating


@pytest.mark.parametrize(
    ("words", "schedule"),
    [
        ("trước ngày 15/12 hằng năm", {"every": "year", "month": 12, "day": 15}),
        ("trong quý I/2023", {"once": date(2023, 3, 31)}),
        ("hết năm 2023", {"once": date(2023, 12, 31)}),
        ("đến năm 2025", {"once": date(2025, 12, 31)}),
        ("chậm nhất ngày 30 tháng 6 năm 2024", {"once": date(2024, 6, 30)}),
        ("từ năm 2024, hằng năm", {"every": "year", "from": date(2024, 1, 1)}),
        ("hàng quý", {"every": "quarter"}),
        ("định kỳ 6 tháng", {"every": "half_year"}),
        ("2 tháng một lần", {"every": "2 months"}),
        ("hằng quý, trước ngày 20 tháng cuối quý", {"every": "quarter", "day": 20}),
        ("trong thời hạn 30 ngày kể từ ngày ký", {"once": date(2023, 3, 22)}),
    ],
)
def test_deadlines_and_recurrences_are_read_as_schedules(words, schedule):
    assert read_timing(fold(words), date(2023, 2, 20)).schedule == schedule


def test_a_vague_period_is_read_but_flagged_as_a_guess():
    timing = read_timing(fold("định kỳ rà soát, đánh giá kết quả thực hiện"), date(2023, 1, 1))
    assert timing.schedule == {"every": "year"} and timing.guess and timing.confidence < 0.5


def test_a_vague_report_to_a_party_committee_is_half_yearly_but_flagged():
    timing = read_timing(fold("định kỳ báo cáo Ban Thường vụ Tỉnh ủy"), date(2023, 1, 1))
    assert timing.schedule == {"every": "half_year"} and timing.guess and timing.confidence < 0.5


def test_a_year_in_the_title_of_a_cited_document_is_not_a_deadline():
    words = (
        "xây dựng kế hoạch triển khai Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng "
        "Chính phủ về phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025"
    )
    assert read_timing(fold(words), date(2022, 11, 4)).schedule is None
    assert read_timing(fold("hoàn thành đến năm 2025"), date(2022, 11, 4)).schedule == {
        "once": date(2025, 12, 31)
    }


def test_words_that_only_look_like_periods_are_not_periods():
    for words in ("cải tiến mọi quy trình", "tự bảo đảm chi thường xuyên", "quá trình thực hiện"):
        assert read_timing(fold(words), date(2023, 1, 1)).schedule is None


def test_inspection_counts_are_read_with_their_period():
    count = find_count(fold("kiểm tra đột xuất ít nhất 02 cuộc/năm tại bộ phận một cửa"))
    assert (count.count, count.per) == (2, "year")
    assert find_count(fold("tối thiểu 1 lần mỗi quý")).per == "quarter"


def targets(sentence: str) -> list[tuple[str, float, str, int | None]]:
    found = find_targets(sentence, fold(sentence), Span(0, len(sentence)))
    return [(t.comparator, t.value, t.unit, t.baseline_year) for t in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tỷ lệ hồ sơ đúng hạn đạt từ 99% trở lên.", [(">=", 99, "%", None)]),
        (
            "Mức độ hài lòng đạt tối thiểu 90%; trong đó, lĩnh vực đất đai đạt tối thiểu 85%.",
            [(">=", 90, "%", None), (">=", 85, "%", None)],
        ),
        ("Giảm 10% số lượng đơn vị sự nghiệp công lập so với năm 2021.", [(">=", 10, "%", 2021)]),
        ("Tỷ lệ hài lòng luôn đạt trên 99%.", [(">", 99, "%", None)]),
        ("Có ít nhất 10.000 doanh nghiệp thành lập mới.", [(">=", 10000, "doanh nghiệp", None)]),
        ("Đứng trong nhóm 03 địa phương dẫn đầu về chỉ số DTI.", [("<=", 3, "thứ hạng", None)]),
        ("Mỗi hộ gia đình có địa chỉ số.", [(">=", 100, "%", None)]),
    ],
)
def test_targets_keep_comparator_value_unit_and_baseline(sentence, expected):
    assert targets(sentence) == expected


def test_a_sentence_with_several_values_gives_each_its_own_clause():
    sentence = "90% hồ sơ tại cấp tỉnh; 80% hồ sơ tại cấp huyện và 60% hồ sơ tại cấp xã được xử lý trên môi trường mạng."
    found = find_targets(sentence, fold(sentence), Span(0, len(sentence)))
    assert [t.clause.of(sentence) for t in found] == [
        "90% hồ sơ tại cấp tỉnh",
        "80% hồ sơ tại cấp huyện",
        "60% hồ sơ tại cấp xã được xử lý trên môi trường mạng.",
    ]


def test_whom_a_passage_is_about_decides_only_when_nothing_else_does():
    skills = fold("100% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số")
    assert topic_agency(skills)[0] == "Sở Thông tin và Truyền thông"
    assert topic_agency(fold("đánh giá cán bộ, công chức, viên chức"))[0] == "Sở Nội vụ"


def test_satisfaction_goes_to_whoever_runs_the_service_measured():
    settling = fold("mức độ hài lòng của người dân về giải quyết thủ tục hành chính đạt 90%")
    serving = fold("mức độ hài lòng đối với sự phục vụ của cơ quan hành chính nhà nước")
    health = fold("mức độ hài lòng của người dân về dịch vụ y tế công lập")
    assert topic_agency(settling)[0] == "Văn phòng UBND tỉnh"
    assert topic_agency(serving)[0] == "Sở Nội vụ"
    assert topic_agency(health)[0] == "Sở Y tế"


def test_a_passage_without_cues_takes_the_topic_of_its_sentence_then_of_the_document():
    assert topic_agency("", fold("hệ thống thông tin phục vụ họp và xử lý công việc"))[0] == (
        "Sở Thông tin và Truyền thông"
    )
    assert topic_agency("", "", fold("cải thiện môi trường kinh doanh"))[0] == (
        "Sở Kế hoạch và Đầu tư"
    )
