"""What the draft assumes when the text gives no date, as an office clerk would: each
guess is a schedule (or inspection) with `assumed: true` and a low confidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.extraction.helpers import draft_of, obligation_quoting

RESOLUTION = """NGHỊ QUYẾT
Về đẩy mạnh cải cách hành chính tỉnh giai đoạn 2023 - 2027
Hòa Bình, ngày 10 tháng 3 năm 2023

III. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân tỉnh triển khai thực hiện Nghị quyết.
2. Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo rà soát, bổ sung và ban hành các cơ chế, chính sách phù hợp để thực hiện Nghị quyết.
3. Ủy ban nhân dân tỉnh hoàn thiện Đề án sắp xếp đơn vị sự nghiệp công lập giai đoạn 2024 - 2026.
4. Nghiên cứu, từng bước thực hiện việc sát hạch công chức định kỳ.
5. Tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ.
6. Ban cán sự đảng Ủy ban nhân dân tỉnh định kỳ báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện.
7. Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ về Chương trình Chuyển đổi số quốc gia đến năm 2025.
"""


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    path: Path = tmp_path_factory.mktemp("defaults") / "nghi-quyet.txt"
    path.write_text(RESOLUTION, encoding="utf-8")
    return draft_of(path)


@pytest.mark.parametrize(
    ("words", "schedule"),
    [
        # making the resolution known and starting it: within 30 days of issue
        ("triển khai thực hiện Nghị quyết.", {"once": date(2023, 4, 9)}),
        # an open set of rules reviewed as needed: an ongoing, yearly-followed duty
        ("ban hành các cơ chế, chính sách", {"every": "year"}),
        # a product for a period starting next year: ready by the end of the year before
        ("hoàn thiện Đề án sắp xếp", {"once": date(2023, 12, 31)}),
        # a study: reported before the mid-term review, whatever it says is periodic
        ("Nghiên cứu, từng bước thực hiện", {"once": date(2025, 6, 30)}),
        # "định kỳ" reports to a Party committee: every six months
        ("định kỳ báo cáo Ban Thường vụ", {"every": "half_year"}),
        # "đến năm 2025" belongs to the cited programme: the plan is due in 30 days
        ("xây dựng kế hoạch triển khai Quyết định số 749", {"once": date(2023, 4, 9)}),
    ],
)
def test_a_missing_date_is_filled_as_an_office_would_and_marked(result, words, schedule):
    entry = obligation_quoting(result, words)
    assert {k: v for k, v in entry["schedule"].items() if k in schedule} == schedule
    assert entry["assumed"] is True and entry["confidence"]["schedule"] <= 0.4


def test_tightening_discipline_is_followed_up_by_inspections(result):
    entry = obligation_quoting(result, "kỷ luật, kỷ cương hành chính")
    assert entry["kind"] == "inspection_duty"
    assert entry["inspection"]["count"] == 1 and entry["inspection"]["per"] == "year"
    assert "kiểm tra công vụ" in entry["assumption"]


def test_a_list_of_task_groups_written_as_short_sentences_gives_one_duty_each(tmp_path):
    text = (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nVề cải cách hành chính giai đoạn 2023 - 2025\n"
        "Hòa Bình, ngày 10 tháng 3 năm 2023\n\n"
        "Chương trình đề ra các nhiệm vụ, bao gồm: Cải cách thể chế. Cải cách thủ tục hành "
        "chính. Cải cách tài chính công. Xây dựng chính quyền điện tử.\n"
    )
    path = tmp_path / "chuong-trinh.txt"
    path.write_text(text, encoding="utf-8")
    titles = [o["quote"] for o in draft_of(path).data["obligations"]]
    assert titles == [
        "Cải cách thể chế.",
        "Cải cách thủ tục hành chính.",
        "Cải cách tài chính công.",
        "Xây dựng chính quyền điện tử.",
    ]
