"""Who a passage gives the work to: the lead (chủ trì), the cooperating agencies (phối hợp)
and, when the text names none, the advisory department an office would make responsible.

Rules, in order (each on the mentions found by `AgencyIndex.find`):

1. "phối hợp (với|cùng) X, Y" → X, Y cooperate.
2. "giao / yêu cầu / đề nghị / phân công X …" → X leads; whoever speaks before the verb
   ("HĐND tỉnh giao", "Chủ tịch UBND tỉnh yêu cầu") only assigns.
3. "X chủ trì" → X leads.
4. Otherwise the agencies the sentence starts with ("Sở Nội vụ, Sở Tư pháp …") lead,
   unless followed by "giao" (then they assign).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extraction.agencies import Mention
from extraction.text import Span

_HEADS = r"(?:thu\s+truong|chu\s+tich|giam\s+doc|nguoi\s+dung\s+dau)"
_JOIN = re.compile(
    r"^[\s,;]*(?:(?:va|cung|voi|cac|cung voi)\s+)*[\s,;]*(?:" + _HEADS + r"\s+)?(?:cac\s+)?$"
)
_COOPERATE = re.compile(r"\bphoi\s+hop(?:\s+chat\s+che)?(?:\s+(?:voi|cung))?\s*(?:cac\s+)?")
_TRIGGER = re.compile(
    r"\b(?:giao|yeu\s+cau|de\s+nghi|phan\s+cong|chi\s+dao)(?:\s+cho)?\s*(?:cac\s+)?$"
)
_CHAIR = re.compile(
    r"\s*,?\s*(?:chu\s+tri|la\s+co\s+quan\s+chu\s+tri|lam\s+dau\s+moi|la\s+dau\s+moi)\b"
)
_ASSIGNS = re.compile(r"\s*(?:giao|yeu\s+cau|de\s+nghi|chi\s+dao\s+(?:cac|so|ubnd|uy))\b")
_OPENING = re.compile(
    r"[\s\-–+•*]*(?:\d+(?:\.\d+)*[.)]\s*|[a-zđ]\)\s*)?"
    r"(?:[a-z][a-z ,]{2,40}:\s*)?"  # "Tự kiểm tra: Thủ trưởng …", a run-in heading
    r"(?:" + _HEADS + r"\s+)?"
    r"(?:(?:giao|de\s+nghi|yeu\s+cau|dong\s+thoi|ngoai\s+ra|trong\s+do|cac|cu\s+the)\s*[,:]?\s*)*"
)


@dataclass
class Leads:
    lead: list[Mention] = field(default_factory=list)
    cooperating: list[Mention] = field(default_factory=list)
    assigners: list[Mention] = field(default_factory=list)


def _run(folded: str, mentions: list[Mention], first: int) -> list[Mention]:
    """Mentions from `first` on that follow each other with only "," / "và" between."""
    run = [mentions[first]]
    for nxt in mentions[first + 1 :]:
        if not _JOIN.match(folded[run[-1].span.end : nxt.span.start]):
            break
        run.append(nxt)
    return run


def read_leads(folded: str, clause: Span, mentions: list[Mention]) -> Leads:
    inside = [m for m in mentions if clause.start <= m.span.start < clause.end]
    found = Leads()
    used: set[int] = set()
    for match in _COOPERATE.finditer(folded, clause.start, clause.end):
        for i, mention in enumerate(inside):
            # "phối hợp với các tổ chức chính trị - xã hội": the pattern took the "các" of the
            # group's own name, so the mention may start inside the match.
            if match.start() < mention.span.start <= match.end() + 2:
                run = _run(folded, inside, i)
                found.cooperating += run
                used |= {id(m) for m in run}
    for i, mention in enumerate(inside):
        if id(mention) in used:
            continue
        before = folded[clause.start : mention.span.start]
        trigger = _TRIGGER.search(before[-40:])
        if trigger and _directs_own_units(folded, trigger, inside[:i]):
            found.lead = [m for m in _run(folded, inside, 0) if id(m) not in used]
            return found
        if trigger and _party_leads(folded, inside[:i]):
            # "Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo Sở Nội vụ xây dựng Đề án":
            # the party body the resolution addresses answers for it; the department helps.
            found.lead = [inside[0]]
            found.cooperating += [
                m for m in _run(folded, inside, i) if id(m) not in used and m.name != "UBND tỉnh"
            ]
            return found
        if trigger:
            found.assigners = [m for m in inside[:i] if id(m) not in used]
            found.lead = [m for m in _run(folded, inside, i) if id(m) not in used]
            return found
    for mention in inside:
        if id(mention) not in used and _CHAIR.match(folded, mention.span.end, clause.end):
            found.lead = [mention]
            return found
    opening = _OPENING.match(folded, clause.start, clause.end)
    start = opening.end() if opening else clause.start
    if inside and id(inside[0]) not in used and inside[0].span.start <= start + 1:
        run = [m for m in _run(folded, inside, 0) if id(m) not in used]
        if _ASSIGNS.match(folded, run[-1].span.end, clause.end):
            found.assigners = run
        else:
            found.lead = run
    return found


_PARTY_BODY = re.compile(r"\s*(?:lanh\s+dao|chi\s+dao)\b")


def _party_leads(folded: str, speakers: list[Mention]) -> bool:
    """A party body (ban cán sự đảng, đảng đoàn) that leads another body to do the work."""
    return bool(speakers) and (
        speakers[0].name.startswith(("Ban cán sự đảng", "Đảng đoàn"))
        and bool(_PARTY_BODY.match(folded, speakers[0].span.end))
    )


def _directs_own_units(folded: str, trigger: re.Match[str], speakers: list[Mention]) -> bool:
    """ "UBND các huyện, thành phố chỉ đạo Bộ phận một cửa cấp xã tự kiểm tra …": a group of
    local committees directing their own units keeps the duty; "UBND tỉnh chỉ đạo Sở …"
    or "HĐND tỉnh giao …" hands it on."""
    return (
        bool(speakers)
        and speakers[0].group is not None
        and trigger.group(0).lstrip().startswith("chi dao")
    )


# (folded pattern, canonical agency, what it is about) — the advisory department an office
# makes responsible when the text names nobody (docs/catalogue-format.md).
TOPICS: tuple[tuple[str, str, str], ...] = (
    (r"phuc vu cua co quan hanh chinh|\bsipas\b|par index|\bpapi\b|chi so cai cach hanh chinh|bien che|vi tri viec lam|"
     r"tinh gian|to chuc bo may|thi tuyen|nang ngach|tuyen dung", "Sở Nội vụ", "cải cách hành chính, tổ chức bộ máy"),
    (r"hai long[^.;]{0,30}giai quyet|thu tuc hanh chinh|\btthc\b|mot cua|dich vu cong|cong dich vu cong|ho so(?!\s+(?:cong viec|benh an|so))"
     r"|tiep nhan va tra ket qua|hanh chinh cong|(?<!chu )ky so|bao cao quoc gia", "Văn phòng UBND tỉnh", "thủ tục hành chính, một cửa"),
    (r"chuyen doi so|chinh quyen (?:dien tu|so)|cong nghe thong tin|\bcntt\b|dinh danh|du lieu|"
     r"ha tang so|ky nang so|cong nghe so|\bdti\b|truc tuyen|moi truong so|moi truong mang|dia chi so|"
     r"cap quang|internet|xu ly cong viec|ho so cong viec|nen tang|chu ky so|(?<!mot cua )dien tu\b",
     "Sở Thông tin và Truyền thông", "chuyển đổi số"),
    (r"van ban quy pham|\bvbqppl\b|the che|thi hanh phap luat|phap luat", "Sở Tư pháp", "thể chế, văn bản quy phạm pháp luật"),
    (r"ngan sach|tai chinh|chi thuong xuyen|tu chu|tai san cong|du toan|chi dau tu|co phan", "Sở Tài chính", "tài chính công"),
    (r"doanh nghiep|dau tu|\bpci\b|moi truong kinh doanh|\bfdi\b|xuc tien|\bddci\b", "Sở Kế hoạch và Đầu tư", "môi trường đầu tư, kinh doanh"),
    (r"\by te\b|benh vien|kham benh|suc khoe|don thuoc|gia thuoc|tram y te|benh an", "Sở Y tế", "y tế"),
    (r"giao duc|hoc sinh|truong hoc|hoc phi|hoc lieu|day va hoc|co so dao tao", "Sở Giáo dục và Đào tạo", "giáo dục"),
    (r"lao dong|viec lam|giao duc nghe", "Sở Lao động - Thương binh và Xã hội", "lao động"),
    (r"khieu nai|to cao|ket luan thanh tra|sau thanh tra", "Thanh tra tỉnh", "thanh tra"),
    (r"khoi nghiep|doi moi sang tao|khoa hoc", "Sở Khoa học và Công nghệ", "khoa học, đổi mới sáng tạo"),
    (r"giao thong", "Sở Giao thông vận tải", "giao thông"),
    (r"di san|van hoa|du lich", "Sở Văn hóa, Thể thao và Du lịch", "văn hóa, du lịch"),
    (r"ngan hang|tai khoan giao dich|khong dung tien mat", "Ngân hàng Nhà nước chi nhánh tỉnh", "ngân hàng"),
    (r"an ninh|trat tu|can cuoc|danh tinh so", "Công an tỉnh", "an ninh, định danh"),
    (r"cai cach hanh chinh|\bcchc\b|par index|\bsipas\b|\bpapi\b|to chuc bo may|bien che|"
     r"vi tri viec lam|boi duong|tinh gian|su nghiep cong lap|"
     r"kiem tra|hai long|cong vu|thi dua|tuyen truyen", "Sở Nội vụ", "cải cách hành chính, công vụ"),
)  # fmt: skip
# Words that name whom a passage is about rather than what: they decide only when nothing
# else does ("100% cán bộ, công chức được tập huấn kỹ năng số" is about digital skills).
WHO: tuple[str, str, str] = (r"cong chuc|vien chuc|can bo", "Sở Nội vụ", "công chức, viên chức")
_TOPICS = [(re.compile(p), name, about, 1.0) for p, name, about in TOPICS]
_TOPICS.append((re.compile(WHO[0]), WHO[1], WHO[2], 0.01))


# "Bố trí ngân sách … cho chuyển đổi số": what is allocated is the budget, whatever for.
_BUDGET = re.compile(r"^\W*(?:bo tri|can doi|dam bao|cap)\s+(?:ngan sach|kinh phi|von)\b")


def topic_agency(folded: str, *fallbacks: str) -> tuple[str, str]:
    """The advisory department for what a passage is about (most distinct cue words wins,
    a word repeated counts once; on a tie the earlier, more specific topic); else for what
    the `fallbacks` are about in turn (the whole sentence, the document's title); else
    Sở Nội vụ, the adviser on administrative reform."""
    if _BUDGET.match(folded):
        return "Sở Tài chính", "tài chính công"
    best: tuple[float, int, str, str] | None = None
    for order, (pattern, name, about, weight) in enumerate(_TOPICS):
        hits = len(set(pattern.findall(folded))) * weight
        if hits and (best is None or (hits, -order) > (best[0], best[1])):
            best = (hits, -order, name, about)
    if best is None:
        if fallbacks:
            return topic_agency(fallbacks[0], *fallbacks[1:])
        return "Sở Nội vụ", "cải cách hành chính"
    return best[2], best[3]
