"""The words that say a passage assigns work: duty verbs, products, cues of a deadline,
an inspection or a directive; and how a duty is named."""

from __future__ import annotations

import re
from typing import Any

from extraction.counts import read_count
from extraction.text import Span, squeeze, strip_markup

ACTION = re.compile(
    r"^(?:tang cuong|day manh|nang cao|xay dung|thuc hien|trien khai|ra soat|to chuc|ban hanh|"
    r"hoan thien|hoan thanh|nghien cuu|chu trong|doi moi|phat huy|kien toan|tap trung|tiep tuc|"
    r"kip thoi|dinh ky|thuong xuyen|hang nam|bo tri|bo tri|cung co|khuyen khich|ca the hoa|"
    r"cong khai|giam|cat giam|so hoa|phat trien|quan tam|theo doi|don doc|kiem tra|chi dao|"
    r"huy dong|ung dung|boi duong|dao tao|chuan hoa|van hanh|khai thac|quan ly|cam ket|ho tro|"
    r"cai thien|giai quyet|xu ly|nghiem tuc|dam bao|bao dam|sap xep|chuyen doi|thi diem|"
    r"lay y kien|do luong|khao sat|danh gia|gan|phan cong|phan cap|cu the hoa|quan triet|"
    r"tuyen truyen|thu hut|uu tien|huong dan|giam sat|kiem soat|tai cau truc|tinh gian|"
    r"thanh tra|duy tri|nhan rong|ap dung|dinh ky|xac dinh|chu dong|phoi hop)\b"
)  # fmt: skip
DELIVERABLES = (
    ("ke hoach", "Kế hoạch"), ("chuong trinh", "Chương trình"), ("de an", "Đề án"),
    ("quy che", "Quy chế"), ("nghi quyet", "Dự thảo nghị quyết"), ("quyet dinh", "Quyết định"),
    ("co che, chinh sach", "Cơ chế, chính sách"), ("chinh sach", "Chính sách"), ("co che", "Cơ chế"),
    ("huong dan", "Văn bản hướng dẫn"), ("quy dinh", "Quy định"), ("chuyen de", "Chuyên đề"),
    ("bao cao", "Báo cáo"),
)  # fmt: skip
MAKE = re.compile(
    r"\b(?:xay\s+dung|ban\s+hanh|hoan\s+thien|de\s+xuat|sua\s+doi|bo\s+sung|dieu\s+chinh|"
    r"phe\s+duyet|cu\s+the\s+hoa|"
    r"(?<!qua )(?<!quy )(?<!chuong )(?<!lo )trinh(?!\s+do))\b"
)
INSPECTION = re.compile(
    r"kiem tra[^.;]{0,40}dot xuat|dot xuat[^.;]{0,40}kiem tra|\d+\s*cuoc\s*/|"
    r"dinh ky kiem tra|kiem tra dinh ky|kiem tra,\s*thanh tra dinh ky|"
    r"kiem tra[^.;]{0,120}(?<!khong qua )(?<!toi da )\b\d+\s*(?:cuoc|lan)\s*"
    r"(?:/\s*|(?:trong|moi|mot)\s+(?:1\s+|01\s+)?)(?:nam|quy|6 thang)|"
    r"kiem tra[^.;]{0,120}\b(?:6 thang|quy|nam)\s*/\s*(?:01\s+)?lan\b|kiem tra theo ke hoach|"
    r"\bto chuc kiem tra\b[^.;]{0,60}\btai\s+(?:it nhat|toi thieu|\d+%|cac|mot so)|"
    r"\bkiem tra\b[^.;]{0,80}\btai\s+(?:it nhat|toi thieu)\s+\d+\s*%|"
    r"\bkiem tra\b[^.;]{0,120}\b(?:moi|hang)\s+nam\s+(?:it\s+nhat|toi\s+thieu)\s+\d+\s+(?:don\s+vi|co\s+quan)"
)
# the verb, not the noun of its outcome ("kết quả thanh tra", "kết luận kiểm tra", "Đoàn
# kiểm tra"), which a report's count may follow ("báo cáo kết quả thanh tra 6 tháng một lần")
_INSPECTING = re.compile(r"\b(?:kiem|thanh)\s+tra\b")
_OUTCOME = re.compile(r"\b(?:ket\s+qua|ket\s+luan|doan|bien\s+ban|bao\s+cao)\s+$")
_REPORTING = re.compile(r"[;]|\bbao\s+cao\b")


def is_inspection(words: str) -> bool:
    """Words that order inspecting: the cues above, or the inspecting with a count of its
    own in the same clause, written before or after it ("mỗi năm ít nhất 03 cuộc", "định
    kỳ hằng quý kiểm tra ít nhất 01 lần", "không ít hơn hai lần trong một năm")."""
    if INSPECTION.search(words):
        return True
    count = read_count(words)
    if count is None:
        return False
    for inspecting in _INSPECTING.finditer(words):
        if _OUTCOME.search(words, max(0, inspecting.start() - 12), inspecting.start()):
            continue
        low, high = sorted((inspecting.start(), count.start))
        if not _REPORTING.search(words, low, high):  # the count is the inspecting's own
            return True
    return False


# "tăng cường kỷ luật, kỷ cương hành chính": offices follow this up by inspecting how
# public servants keep it (kiểm tra công vụ, Chỉ thị 26/CT-TTg), so it is an inspection duty.
DISCIPLINE = re.compile(
    r"\b(?:tang cuong|siet chat|chan chinh)\s+ky\s+luat,?\s+ky\s+cuong\b(?!\s+tai\s+chinh)"
)
# A duty to study something ("Nghiên cứu, từng bước thực hiện …") without a product.
RESEARCH = re.compile(r"^(?:nghien cuu|thi diem)\b")
# The first step of carrying out a document: make it known and start it ("quán triệt Nghị
# quyết", "Ủy ban nhân dân tỉnh triển khai thực hiện Nghị quyết"), not a document it cites.
LAUNCH = re.compile(
    r"(?<!de )\b(?:quan\s+triet|pho\s+bien|trien\s+khai\s+thuc\s+hien|to\s+chuc\s+thuc\s+hien|"
    r"to\s+chuc\s+trien\s+khai|(?:huong\s+dan\s+)?tuyen\s+truyen)\s+"
    r"(?:co hieu qua\s+)?(?:nghi quyet|chi thi|ket luan|de an|chuong trinh|ke hoach)\b"
    r"(?!\s+(?:so|cua|ve)\b)"
)
# "ban hành các cơ chế, chính sách phù hợp": an open set of rules, reviewed as the need
# arises, rather than one named product.
OPEN_SET = re.compile(
    r"\b(?:ban hanh|bo sung|sua doi|dieu chinh|hoan thien|xay dung)\s+(?:cac|nhung)\s+"
    r"(?:co che|chinh sach|quy dinh|van ban|quy che)\b"
)
DIRECTIVE = re.compile(r"\b(?:yeu cau|de nghi|giao|phai|can phai|chi dao|nhan manh)\b")
COMPLETION = re.compile(r"\b(?:hoan thanh|hoan thien|dua vao van hanh|hinh thanh)\b")
FUTURE = re.compile(r"\b(?:phan dau|den nam|dam bao|muc tieu|toi thieu|it nhat|tro len|moi)\b")
REVIEWS = re.compile(r"\bso ket\b[^.;]{0,20}\btong ket\b")


COMPARATOR_WORDS = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}


def opening(words: str) -> str:
    return re.sub(r"^[\s\-–+•*,]*(?:\d+(?:\.\d+)*[.)]\s*|[a-z]\)\s*)?", "", words)


def deliverable_of(words: str) -> str | None:
    """The product a passage asks for: a document someone makes ("xây dựng kế hoạch",
    "trình … nghị quyết"), else a report if it asks for one."""
    for make in MAKE.finditer(words):
        near = words[make.end() : make.end() + 60]
        found = [
            (m.start(), name)
            for cue, name in DELIVERABLES
            for m in [re.search(r"\b" + cue.replace(" ", r"\s+") + r"\b", near)]
            if m
        ]
        if found:
            return min(found)[1]
    return "Báo cáo" if re.search(r"\bbao cao\b", words) else None


def product_of(words: str) -> str | None:
    """The product a duty makes: one it names after a making verb, else the one a part
    starts with ("chính sách hỗ trợ …" after "ban hành chính sách thu hút …;",
    "có quy chế phối hợp …"), else a report if it asks for one."""
    made = deliverable_of(words)
    if made and made != "Báo cáo":
        return made
    lead = re.match(r"\W*(?:co\s+)?(" + "|".join(c for c, _ in DELIVERABLES) + r")\b", words)
    if lead:
        return dict(DELIVERABLES)[lead.group(1)]
    return made


def starts_with_deliverable(words: str) -> bool:
    """A part that starts with a product ("chính sách hỗ trợ …" after "ban hành chính sách
    thu hút …;") or says one must exist ("có quy chế phối hợp …") is a duty of its own."""
    return bool(
        re.match(r"\W*(?:co\s+)?(?:" + "|".join(c for c, _ in DELIVERABLES) + r")\b", words)
    )


def document_word(words: str) -> str:
    for cue, word in (
        ("nghi quyet", "Nghị quyết"),
        ("ke hoach", "Kế hoạch"),
        ("chuong trinh", "Chương trình"),
        ("de an", "Đề án"),
    ):
        if cue in words:
            return word
    return "văn bản"


def shorten(text: str, limit: int) -> str:
    text = squeeze(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def title_of(text: str, clause: Span) -> str:
    """A short Vietnamese name for a duty: its first words, without list markers."""
    words = strip_markup(clause.of(text))
    words = re.sub(r"^[\s\-–+•]*(?:\d+(?:\.\d+)*[.)]\s*|[a-zđ]\)\s*)", "", words)
    words = words.strip(" ,;:.")
    if not words:
        return "Nhiệm vụ"
    words = words[0].upper() + words[1:]
    return shorten(words, 120)


_ROLE = re.compile(
    r"[\s,;:]*(?:giao|de nghi|yeu cau|chu tri|phoi hop(?:\s+chat che)?(?:\s+voi|\s+cung)?|"
    r"co trach nhiem|tham muu(?:\s+cho)?|cac|va|la co quan)\b[\s,;:]*"
)


def duty_title(text: str, folded: str, clause: Span, mentions: list[Any]) -> str:
    """The duty without who does it: "Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND
    tỉnh tổng hợp, báo cáo …" is named "Tổng hợp, báo cáo …"."""
    position = clause.start
    starts = {
        m.span.start: m.span.end for m in mentions if clause.start <= m.span.start < clause.end
    }
    while position < clause.end:
        while position < clause.end and text[position] in " \t\n,;:-–":
            position += 1
        if position in starts:
            position = starts[position]
            continue
        role = _ROLE.match(folded, position, clause.end)
        if not role or role.end() == position:
            break
        position = role.end()
    if clause.end - position < 12:
        return title_of(text, clause)
    return title_of(text, Span(position, clause.end))
