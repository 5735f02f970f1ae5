"""Vietnamese names of agencies and groups as resolutions write them.

Each entry is a canonical name, the phrases (with their abbreviations) that mean it, and
for groups the *class* of agencies it stands for, so that a registry group can be found
by its kinds and levels when its name differs ("các sở, ban, ngành" ↔ "Các sở, ban, ngành
thuộc tỉnh"). Phrases are written as a person writes them; matching folds case and
diacritics and accepts any whitespace, line breaks included, between words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.text import fold, words_pattern

# (canonical department name, abbreviations written after "Sở")
DEPARTMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Nội vụ", ("NV",)),
    ("Tư pháp", ("TP",)),
    ("Tài chính", ("TC",)),
    ("Kế hoạch và Đầu tư", ("KH&ĐT", "KHĐT", "KH và ĐT")),
    ("Thông tin và Truyền thông", ("TT&TT", "TTTT", "TT và TT")),
    ("Khoa học và Công nghệ", ("KH&CN", "KHCN")),
    ("Y tế", ("YT",)),
    ("Giáo dục và Đào tạo", ("GD&ĐT", "GDĐT")),
    ("Lao động - Thương binh và Xã hội", ("LĐ-TB&XH", "LĐTBXH", "LĐ, TB&XH")),
    ("Công Thương", ("CT",)),
    ("Xây dựng", ("XD",)),
    ("Giao thông vận tải", ("GTVT",)),
    ("Tài nguyên và Môi trường", ("TN&MT", "TNMT")),
    ("Nông nghiệp và Phát triển nông thôn", ("NN&PTNT", "NNPTNT")),
    ("Văn hóa, Thể thao và Du lịch", ("VHTTDL", "VH,TT&DL", "VH-TT-DL")),
    ("Ngoại vụ", ()),
    ("Du lịch", ()),
)

# canonical name -> phrases; "{tinh}" stands for "tỉnh" optionally followed by a name
AGENCIES: dict[str, tuple[str, ...]] = {
    "Ban Thường vụ Tỉnh ủy": ("Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy", "Thường trực Tỉnh ủy"),
    "Ban Chấp hành Đảng bộ tỉnh": ("Ban Chấp hành Đảng bộ tỉnh", "BCH Đảng bộ tỉnh"),
    "Văn phòng Tỉnh ủy": ("Văn phòng Tỉnh ủy", "VP Tỉnh ủy"),
    "Ban Tổ chức Tỉnh ủy": ("Ban Tổ chức Tỉnh ủy",),
    "Ban Tuyên giáo Tỉnh ủy": ("Ban Tuyên giáo Tỉnh ủy",),
    "Ban Dân vận Tỉnh ủy": ("Ban Dân vận Tỉnh ủy",),
    "Ban Nội chính Tỉnh ủy": ("Ban Nội chính Tỉnh ủy",),
    "Ủy ban Kiểm tra Tỉnh ủy": ("Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy"),
    "Tỉnh ủy": ("Tỉnh ủy",),
    "Đảng đoàn HĐND tỉnh": ("Đảng đoàn HĐND {tinh}", "Đảng đoàn Hội đồng nhân dân {tinh}"),
    "Ban cán sự đảng UBND tỉnh": (
        "Ban cán sự đảng UBND {tinh}",
        "Ban cán sự đảng Ủy ban nhân dân {tinh}",
        "BCSĐ UBND {tinh}",
    ),
    "Đảng đoàn MTTQ tỉnh": ("Đảng đoàn MTTQ {tinh}", "Đảng đoàn Ủy ban MTTQ {tinh}"),
    "Thường trực HĐND tỉnh": ("Thường trực HĐND {tinh}", "Thường trực Hội đồng nhân dân {tinh}"),
    "Các ban của HĐND tỉnh": (
        "các Ban của HĐND {tinh}",
        "các Ban của Hội đồng nhân dân {tinh}",
        "các Ban HĐND {tinh}",
        "các Ban Hội đồng nhân dân {tinh}",
    ),
    "Ban Pháp chế HĐND tỉnh": ("Ban Pháp chế HĐND {tinh}", "Ban Pháp chế Hội đồng nhân dân {tinh}"),
    "Ban Kinh tế - Ngân sách HĐND tỉnh": ("Ban Kinh tế - Ngân sách HĐND {tinh}",),
    "Ban Văn hóa - Xã hội HĐND tỉnh": ("Ban Văn hóa - Xã hội HĐND {tinh}",),
    "Ban Dân tộc HĐND tỉnh": ("Ban Dân tộc HĐND {tinh}",),
    "HĐND tỉnh": ("HĐND {tinh}", "Hội đồng nhân dân {tinh}", "Hội đồng dân nhân {tinh}"),
    "Chủ tịch UBND tỉnh": ("Chủ tịch UBND {tinh}", "Chủ tịch Ủy ban nhân dân {tinh}"),
    "Văn phòng UBND tỉnh": (
        "Văn phòng UBND {tinh}",
        "Văn phòng Ủy ban nhân dân {tinh}",
        "VP UBND {tinh}",
    ),
    "UBND tỉnh": ("UBND {tinh}", "Ủy ban nhân dân {tinh}"),
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh": ("Văn phòng Đoàn ĐBQH và HĐND {tinh}",),
    "Thanh tra tỉnh": ("Thanh tra {tinh}",),
    "Công an tỉnh": ("Công an {tinh}",),
    "Ban Xúc tiến và Hỗ trợ đầu tư": ("Ban Xúc tiến và Hỗ trợ đầu tư",),
    "Trung tâm Phục vụ hành chính công tỉnh": (
        "Trung tâm Phục vụ hành chính công {tinh}",
        "Trung tâm hành chính công {tinh}",
    ),
    "Ủy ban MTTQ Việt Nam tỉnh": (
        "Ủy ban Mặt trận Tổ quốc Việt Nam {tinh}",
        "Ủy ban Mặt trận Tổ quốc {tinh}",
        "Ủy ban MTTQ Việt Nam {tinh}",
        "Ủy ban MTTQ {tinh}",
        "UBMTTQ {tinh}",
        "MTTQ {tinh}",
    ),
    "Tỉnh đoàn": ("Tỉnh đoàn",),
    "Hội Liên hiệp Phụ nữ tỉnh": ("Hội Liên hiệp Phụ nữ {tinh}", "Hội LHPN {tinh}"),
    "Ngân hàng Nhà nước chi nhánh tỉnh": (
        "Ngân hàng Nhà nước chi nhánh {tinh}",
        "Ngân hàng Nhà nước",
    ),
    "Bảo hiểm xã hội tỉnh": ("Bảo hiểm xã hội {tinh}", "BHXH {tinh}"),
    "Cục Thuế tỉnh": ("Cục Thuế {tinh}",),
}


@dataclass(frozen=True)
class GroupClass:
    """A set of agencies described by kind and level (how a registry group is found):
    a registry group matches if it holds agencies of the first kind and of no kind outside
    `kinds`, at the given levels. `parts` makes a class the union of other classes."""

    name: str
    kinds: tuple[str, ...]
    levels: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()


GROUPS: dict[str, tuple[GroupClass, tuple[str, ...]]] = {
    "so": (
        GroupClass("Các sở, ban, ngành", ("department", "office", "inspectorate"), ("province",)),
        (
            "các sở, ban, ngành thuộc tỉnh",
            "các sở, ban, ngành cấp tỉnh",
            "các sở, ban, ngành tỉnh",
            "các sở, ban, ngành",
            "các sở, ban ngành",
            "các sở ban ngành",
            "các sở, ngành",
            "các cơ quan chuyên môn thuộc UBND tỉnh",
            "các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
            "các cơ quan chuyên môn",
        ),
    ),
    "ban-nganh": (
        GroupClass("Các ban, ngành", (), (), ("so",)),
        ("các ban, ngành cấp tỉnh", "các ban, ngành"),
    ),
    "huyen": (
        GroupClass("UBND các huyện, thị xã, thành phố", ("peoples_committee",), ("district",)),
        (
            "UBND các huyện, thị xã, thành phố",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "UBND các huyện, thành phố",
            "Ủy ban nhân dân các huyện, thành phố",
            "UBND các huyện, thị, thành phố",
            "UBND cấp huyện",
            "Ủy ban nhân dân cấp huyện",
            "các huyện, thị xã, thành phố",
            "các địa phương",
        ),
    ),
    "xa": (
        GroupClass("UBND các xã, phường, thị trấn", ("peoples_committee",), ("commune",)),
        ("UBND các xã, phường, thị trấn", "UBND cấp xã", "Ủy ban nhân dân cấp xã"),
    ),
    "so-huyen": (
        GroupClass("Các sở, ngành, địa phương", (), (), ("so", "huyen")),
        (
            "các cơ quan, đơn vị, địa phương",
            "các sở, ban, ngành, địa phương",
            "các sở, ngành, địa phương",
            "các ngành, địa phương",
            "các cấp, các ngành",
            "các sở, ban, ngành và UBND các huyện, thị xã, thành phố",
        ),
    ),
    "huyen-uy": (
        GroupClass("Các huyện, thị, thành ủy", ("party_committee",), ("district",)),
        (
            "các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
            "các huyện, thị, thành ủy",
            "các huyện ủy, thị ủy, thành ủy",
            "các huyện ủy, thành ủy",
        ),
    ),
    "tham-muu-tu": (
        GroupClass("Các cơ quan tham mưu, giúp việc của Tỉnh ủy", ("party_body", "office")),
        ("các cơ quan tham mưu, giúp việc của Tỉnh ủy", "các ban xây dựng Đảng"),
    ),
    "mttq-doan-the": (
        GroupClass("Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", ("front",)),
        (
            "Mặt trận Tổ quốc và đoàn thể chính trị - xã hội các cấp",
            "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
            "Mặt trận Tổ quốc và đoàn thể chính trị - xã hội",
            "MTTQ và các đoàn thể",
            "MTTQ và các tổ chức chính trị - xã hội",
            "Ủy ban Mặt trận Tổ quốc và tổ chức chính trị - xã hội các cấp",
            "các tổ chức chính trị - xã hội",
        ),
    ),
    "diem-tiep-nhan": (
        GroupClass(
            "Trung tâm hành chính công và bộ phận một cửa",
            ("one_stop_unit", "public_service_centre"),
        ),
        (
            "Trung tâm hành chính công các cấp và Bộ phận tiếp nhận và trả kết quả hiện đại cấp xã",
            "Trung tâm Phục vụ hành chính công và bộ phận một cửa",
            "Bộ phận tiếp nhận và trả kết quả",
            "Bộ phận một cửa các cấp",
            "Bộ phận một cửa",
        ),
    ),
    "cqhc": (
        GroupClass("Các cơ quan hành chính nhà nước", (), (), ("so", "huyen")),
        (
            "các cơ quan hành chính nhà nước",
            "các cơ quan, đơn vị được kiểm tra",
            "cơ quan, đơn vị được kiểm tra",
            "đơn vị được kiểm tra",
            "các cơ quan, đơn vị",
        ),
    ),
}


@dataclass(frozen=True)
class Phrase:
    pattern: str  # folded regex
    name: str  # canonical name
    group: str | None  # key of GROUPS, for group phrases


def _expand(phrase: str) -> str:
    """A folded regex; "{tinh}" is the word "tỉnh" (a province name after it is added by
    the mention finder, which can see capital letters)."""
    return words_pattern(phrase.replace("{tinh}", "tỉnh"))


def phrases() -> list[Phrase]:
    """Every phrase of the lexicon as a folded regex, longest first."""
    found: list[Phrase] = []
    for name, variants in AGENCIES.items():
        found += [Phrase(_expand(v), name, None) for v in variants]
    for department, abbreviations in DEPARTMENTS:
        name = f"Sở {department}"
        found.append(Phrase(_expand(name), name, None))
        for abbreviation in abbreviations:
            found.append(Phrase(_expand(f"Sở {abbreviation}"), name, None))
            plain = re.sub(r"[^a-z]", "", fold(abbreviation))
            if len(plain) >= 2:
                found.append(Phrase(rf"\bs{plain}\b", name, None))
    for key, (group, variants) in GROUPS.items():
        found += [Phrase(_expand(v), group.name, key) for v in variants]
    return sorted(found, key=lambda p: -len(p.pattern))
