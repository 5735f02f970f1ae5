"""The count reader (extraction.counts) on sentences written for these tests: numbers in
figures and words, the period after or before the count, floors and limits, units, times a
year; and the inspection cue that sees a count written before the inspecting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extraction.counts import implied_count, read_count, read_counts
from extraction.draft import extract_draft
from extraction.structure import classify_title
from extraction.text import fold
from extraction.wording import is_inspection
from tests.extraction.helpers import obligation_quoting


def count_of(words: str) -> tuple[int, int, bool]:
    count = read_count(fold(words))
    assert count is not None, words
    return count.times, count.months, count.floor


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the period after the count
        ("kiểm tra tại trụ sở 03 lần/năm", (3, 12, False)),
        ("tổ chức kiểm tra 2 cuộc / quý", (2, 3, False)),
        ("thực hiện tối thiểu 01 đợt trong mỗi quý", (1, 3, True)),
        ("với tần suất ít nhất hai lần một năm", (2, 12, True)),
        ("ít nhất ba cuộc trên 01 năm", (3, 12, True)),
        ("mỗi huyện được kiểm tra 01 lần trong năm", (1, 12, False)),
        ("kiểm tra 01 lần/6 tháng", (1, 6, False)),
        ("kiểm tra bốn lần mỗi năm", (4, 12, False)),
        ("kiểm tra năm lần mỗi năm", (5, 12, False)),
        ("kiểm tra không dưới 02 lần trong 1 năm", (2, 12, True)),
        ("kiểm tra ít nhất 01 lần hằng tháng", (1, 1, True)),
        ("tự kiểm tra mười hai lần mỗi năm", (12, 12, False)),
        # the period before the count
        ("Mỗi năm, Sở Tư pháp kiểm tra ít nhất hai cuộc", (2, 12, True)),
        ("hằng quý tự kiểm tra tối thiểu một lần", (1, 3, True)),
        (
            "Hàng năm, Thanh tra tỉnh chủ trì tổ chức ít nhất 05 đợt thanh tra công vụ",
            (5, 12, True),
        ),
        ("định kỳ sáu tháng kiểm tra không ít hơn 01 lần", (1, 6, True)),
        ("trong mỗi quý kiểm tra ít nhất 02 cuộc", (2, 3, True)),
        ("1 năm 2 lần", (2, 12, False)),
        # "N tháng một lần": once in each period of N months
        ("kiểm tra đột xuất 3 tháng một lần", (1, 3, False)),
        ("tự kiểm tra 6 tháng 01 lần", (1, 6, False)),
        ("hai tháng một lần kiểm tra sổ sách", (1, 2, False)),
        ("nửa năm một lần", (1, 6, False)),
        ("kiểm tra quý/lần", (1, 3, False)),
        ("thanh tra 6 tháng/01 lần", (1, 6, False)),
        # floors and ranges
        ("kiểm tra từ 02 đến 03 lần/năm", (2, 12, True)),
        ("kiểm tra 2 - 3 cuộc mỗi năm", (2, 12, True)),
        ("kiểm tra không thấp hơn 04 lần/năm", (4, 12, True)),
        # lines broken as in a PDF
        ("kiểm tra, mỗi năm ít\nnhất 02\ncuộc", (2, 12, True)),
    ],
)
def test_a_count_is_read_with_its_period_and_floor(words, expected):
    assert count_of(words) == expected


@pytest.mark.parametrize(
    ("words", "per_year", "catalogue"),
    [
        ("ít nhất 01 lần mỗi quý", 4, (1, "quarter")),
        ("định kỳ 6 tháng một lần", 2, (1, "half_year")),
        ("hằng tháng kiểm tra 01 lần", 12, (3, "quarter")),
        ("hai tháng một lần", 6, (3, "half_year")),
        ("ít nhất 03 cuộc/năm", 3, (3, "year")),
        ("04 tháng một lần", 3, (3, "year")),
    ],
)
def test_a_count_is_turned_into_times_a_year_and_a_catalogue_period(words, per_year, catalogue):
    count = read_count(fold(words))
    assert count is not None
    assert count.per_year == per_year
    assert count.catalogue() == catalogue


@pytest.mark.parametrize(
    "words",
    [
        "mỗi đơn vị không quá 01 lần/năm",
        "mỗi cơ quan tối đa hai cuộc trong năm",
        "một đơn vị không bị kiểm tra quá 02 lần trong một năm",
        "không vượt quá 03 đợt mỗi năm",
    ],
)
def test_a_limit_is_read_as_a_limit_and_is_not_a_duty_count(words):
    found = read_counts(fold(words))
    assert [c.limit for c in found] == [True]
    assert read_count(fold(words)) is None


def test_a_floor_beside_a_limit_gives_the_floor():
    words = fold("kiểm tra ít nhất 02 lần/năm mỗi huyện; mỗi xã không quá 01 lần trong năm")
    count = read_count(words)
    assert count is not None and (count.times, count.months, count.limit) == (2, 12, False)


@pytest.mark.parametrize(
    "words",
    [
        "hai năm một lần",  # longer than a catalogue's year
        "mỗi năm lần lượt kiểm tra các huyện",  # "năm" the year, "lần lượt" no count
        "kiểm tra nhiều lần trong năm",
        "tại 03 sở, ngành trong năm 2026",
        "lần thứ hai trong năm",
    ],
)
def test_words_that_only_look_like_counts_are_not_counts(words):
    assert read_count(fold(words)) is None


def test_a_count_without_a_period_is_taken_per_year_and_said_so():
    count = read_count(fold("Đoàn kiểm tra thực hiện 04 cuộc kiểm tra chuyên đề"))
    assert count is not None
    assert (count.times, count.months, count.period_stated) == (4, 12, False)


@pytest.mark.parametrize(
    ("words", "months"),
    [
        ("kiểm tra định kỳ hằng quý", 3),
        ("hằng năm tự kiểm tra", 12),
        ("định kỳ 6 tháng kiểm tra", 6),
    ],
)
def test_a_regular_period_without_a_count_implies_once_each(words, months):
    count = implied_count(fold(words))
    assert count is not None and (count.times, count.months) == (1, months)


@pytest.mark.parametrize(
    "words",
    [
        "Sở Y tế mỗi năm ít nhất hai cuộc kiểm tra an toàn thực phẩm",
        "định kỳ hằng quý tự kiểm tra tối thiểu một lần tại đơn vị",
        "Hàng năm, Thanh tra tỉnh thanh tra công vụ không dưới 03 đợt",
        "các huyện kiểm tra Bộ phận Một cửa không ít hơn hai lần trong một năm",
    ],
)
def test_the_inspecting_with_a_count_before_or_after_it_is_an_inspection(words):
    assert is_inspection(fold(words))


@pytest.mark.parametrize(
    "words",
    [
        "báo cáo Chủ tịch UBND tỉnh kết quả thanh tra 6 tháng một lần",
        "thành lập Đoàn kiểm tra; tổ chức đối thoại 02 lần/năm",
        "tổ chức hội nghị sơ kết 01 lần/năm",
    ],
)
def test_a_count_that_belongs_to_something_else_does_not_make_an_inspection(words):
    assert not is_inspection(fold(words))


@pytest.mark.parametrize(
    "heading",
    [
        "II. NỘI DUNG, ĐỐI TƯỢNG VÀ PHƯƠNG THỨC KIỂM TRA",
        "Phương thức kiểm tra",
        "3. Thời gian, phương thức thanh tra",
    ],
)
def test_the_manner_of_inspection_opens_a_section_of_duties_like_its_form(heading):
    assert classify_title(heading) == "tasks"


_PLAN_WITH_COUNTS_BEFORE_THE_VERB = """ỦY BAN NHÂN DÂN
TỈNH MẪU

Số: 15/KH-UBND

Mẫu, ngày 20 tháng 01 năm 2025

KẾ HOẠCH
Kiểm tra công tác văn thư, lưu trữ năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng công tác văn thư, lưu trữ.

II. THỜI GIAN VÀ PHƯƠNG THỨC KIỂM TRA
1. Sở Nội vụ chủ trì, mỗi năm ít nhất ba cuộc kiểm tra công tác lưu trữ tại các sở, ngành.
2. Ủy ban nhân dân các huyện hằng quý tự kiểm tra tối thiểu một lần tại các xã.

III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí kiểm tra, hoàn thành trước ngày 31/3/2025.
"""


def test_a_plan_whose_counts_come_before_the_inspecting_gives_them(tmp_path: Path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(_PLAN_WITH_COUNTS_BEFORE_THE_VERB, encoding="utf-8")
    result = extract_draft(path, today=date(2025, 1, 20))
    yearly = obligation_quoting(result, "mỗi năm ít nhất ba cuộc")
    assert yearly["kind"] == "inspection_duty"
    assert (yearly["inspection"]["count"], yearly["inspection"]["per"]) == (3, "year")
    quarterly = obligation_quoting(result, "tối thiểu một lần tại các xã")
    assert quarterly["kind"] == "inspection_duty"
    assert (quarterly["inspection"]["count"], quarterly["inspection"]["per"]) == (1, "quarter")
