"""The fields of a draft obligation: who leads, what it produces, when it falls due, how
often it inspects. Each field says how sure the reading is (`confidence`) and, when it is
a guess, why (`guesses`, written as the entry's `assumption`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extraction.agencies import AgencyIndex, Mention
from extraction.counts import implied_count
from extraction.items import Unit
from extraction.leads import read_leads, topic_agency
from extraction.targets import find_count
from extraction.text import Span
from extraction.timing import Timing, in_cited_title
from extraction.wording import (
    LAUNCH,
    MAKE,
    OPEN_SET,
    RESEARCH,
    opening,
    product_of,
    starts_with_deliverable,
)

# "giai đoạn 2022 - 2025", "03 năm 2023 - 2025": the period a product is for.
_PRODUCT_PERIOD = re.compile(r"(?:giai\s+doan|\d+\s+nam)\s+(20\d\d)\s*[-–]\s*20\d\d")


_SUPERVISES = re.compile(r"(?:[^.;]{0,200}?\b)?(?:tham gia\s+)?giam\s+sat\s+viec\s+thuc\s+hien\b")


@dataclass
class Draft:
    """One obligation as read, before it is given a code."""

    span: Span
    clause: str
    code_hint: str
    kind: str
    title: str
    lead: list[str]
    cooperating: list[str] = field(default_factory=list)
    deliverable: str | None = None
    schedule: dict[str, object] | None = None
    inspection: dict[str, object] | None = None
    target: dict[str, object] | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    guesses: list[str] = field(default_factory=list)


@dataclass
class FieldReader:
    """What every field reading needs: the text, the registry, the document's dates."""

    text: str
    folded: str
    index: AgencyIndex
    issued: date
    valid_until: date | None
    topic: str = ""  # the document's title, folded: what it is about
    party: bool = False  # a Party committee's resolution (Tỉnh ủy, Ban Thường vụ)
    _mentions: dict[int, list[Mention]] = field(default_factory=dict)

    def mentions(self, unit: Unit) -> list[Mention]:
        key = unit.paragraph.index
        if key not in self._mentions:
            self._mentions[key] = self.index.find(self.text, self.folded, unit.paragraph.span)
        return self._mentions[key]

    def _assign(self, draft: Draft, unit: Unit, clause: Span, words: str) -> None:
        mentions = self.mentions(unit)
        own = read_leads(self.folded, clause, mentions)
        sentence = read_leads(self.folded, unit.sentence, mentions) if not own.lead else own
        draft.cooperating = self._codes(own.cooperating or sentence.cooperating, draft)
        for found, confidence in ((own.lead, 0.9), (sentence.lead, 0.8), (unit.context, 0.6)):
            codes = self._codes(found, draft)
            if codes:
                draft.lead, draft.confidence["lead"] = codes, confidence
                break
        if draft.lead and not self._is_province_committee(draft.lead):
            return
        sentence_words = self.folded[unit.sentence.start : unit.sentence.end]
        self._advisory_lead(draft, words, stated=bool(draft.lead), sentence=sentence_words)

    def _is_province_committee(self, codes: list[str]) -> bool:
        return len(codes) == 1 and (
            self.index.is_province_committee(codes[0]) or codes[0] == "UBND tỉnh"
        )

    def _advisory_lead(self, draft: Draft, words: str, *, stated: bool, sentence: str = "") -> None:
        """The department an office makes responsible when the text names no one (or names
        the provincial People's Committee as a whole): by what the passage is about, else
        its sentence, else the document."""
        name, about = topic_agency(words, *([sentence] if sentence else []), self.topic)
        code = self.index.code_of(name) if self.index.province else name
        if code is None:
            code = next(
                (c for c, a in self.index.agencies.items() if self.index.is_province_committee(c)),
                name,
            )
        said = "Văn bản giao UBND tỉnh" if stated else "Văn bản không nêu cơ quan chủ trì"
        draft.lead = [code]
        draft.confidence["lead"] = 0.3 if not stated else 0.4
        draft.guesses.append(
            f"{said}; {self.index.name_of(code)} là cơ quan tham mưu về {about} nên tạm giao chủ trì"
        )

    def _codes(self, mentions: list[Mention], draft: Draft) -> list[str]:
        codes: list[str] = []
        for mention in mentions:
            if mention.codes:
                codes += [c for c in mention.codes if c not in codes]
            elif self.index.province is None:
                codes.append(mention.name)
            else:
                draft.guesses.append(
                    f"“{mention.name}” không có trong danh mục cơ quan nên không ghi vào"
                )
        return codes

    def _inspection(self, draft: Draft, words: str) -> None:
        count = find_count(words)
        regular = implied_count(words) if count is None else None
        times, per = regular.catalogue() if regular else (1, "year")
        units = self._inspected_units(words)
        draft.kind = "inspection_duty"
        draft.deliverable = "Biên bản kiểm tra"
        draft.inspection = {
            "count": count.count if count else times,
            "per": count.per if count else per,
            "units": units,
            "unannounced": bool(re.search(r"dot xuat|khong bao truoc", words)),
        }
        draft.confidence["inspection"] = 0.9 if count else 0.4
        if not re.search(r"kiem tra|thanh tra", words):
            draft.guesses.append(
                "văn bản giao tăng cường kỷ luật, kỷ cương; việc này được theo dõi bằng kiểm tra công vụ"
            )
        if regular:
            draft.guesses.append(
                "văn bản nêu kỳ kiểm tra nhưng không nêu số cuộc; tạm lấy 01 cuộc mỗi kỳ"
            )
        elif not count:
            draft.guesses.append(
                "văn bản không nêu số cuộc kiểm tra; tạm lấy ít nhất 01 cuộc mỗi năm"
            )

    def _inspected_units(self, words: str) -> str:
        from extraction.lexicon import GROUPS

        wanted = (
            "diem-tiep-nhan"
            if re.search(r"mot cua|hanh chinh cong|tiep nhan va tra", words)
            else "cqhc"
        )
        codes = self.index.group_codes(GROUPS[wanted][0]) or tuple(self.index.groups)
        return codes[0] if codes else "CHUA-RO-NHOM"

    def _review_timing(self, review: str) -> Timing:
        end = self.valid_until or date(self.issued.year + 5, 12, 31)
        if review == "sơ kết":
            middle = self.issued.year + (end.year - self.issued.year) // 2
            when = date(middle, 6, 30)
            guess = f"văn bản không nêu thời điểm sơ kết; tạm lấy giữa giai đoạn ({when:%d/%m/%Y})"
        else:
            when = date(end.year, 9, 30)
            guess = (
                f"văn bản không nêu thời điểm tổng kết; tạm lấy quý III năm cuối ({when:%d/%m/%Y})"
            )
        return Timing({"once": when}, 0.3, guess)

    def _schedule(self, draft: Draft, words: str, timing: Timing, year: int | None = None) -> None:
        deliverable = draft.deliverable or product_of(words)
        vague = timing.recurring and timing.confidence <= 0.4
        if timing.schedule is None or (vague and RESEARCH.match(opening(words))):
            timing = self._default_timing(words, deliverable, year)
        draft.schedule = timing.schedule
        if timing.schedule and "after" in timing.schedule:
            draft.schedule = {
                **timing.schedule,
                "after": self._unfolded(str(timing.schedule["after"])),
            }
        draft.confidence["schedule"] = timing.confidence
        if timing.guess:
            draft.guesses.append(timing.guess)
        recurring = timing.schedule if timing.recurring else None  # a recurring one has one
        reports = deliverable == "Báo cáo" or re.search(r"\bbao\s+cao\b|\bgui\s+ket\s+qua\b", words)
        if recurring is not None and reports:
            draft.kind = "recurring_report"
            deliverable = "Báo cáo định kỳ"
            if not {"day", "month", "working_day"} & set(recurring):  # no date of its own:
                draft.schedule = {
                    **recurring,
                    "report": True,
                    "after_cutoff": 5,
                }  # Nghị định 09
                draft.guesses.append(
                    "báo cáo định kỳ theo kỳ chốt số liệu của Nghị định 09/2019/NĐ-CP, nộp 5 ngày làm việc sau ngày chốt"
                )
        if timing.recurring and draft.kind == "deliverable" and _SUPERVISES.match(opening(words)):
            # "Thường trực HĐND tỉnh … giám sát việc thực hiện Nghị quyết": the Council's own
            # supervision, reported on each period; it stays with the Council.
            draft.kind = "recurring_report"
            deliverable = "Báo cáo kết quả giám sát"
        draft.deliverable = draft.deliverable or deliverable or "Báo cáo kết quả thực hiện"
        draft.confidence["deliverable"] = 0.7 if deliverable else 0.3

    def not_before_issue(self, draft: Draft) -> None:
        """A date the text gives that had passed when the document was issued ("Quý I năm
        2025, toàn tỉnh có …" in a conclusion of April) would never fall due, and a catalogue
        with such a schedule does not validate: the draft keeps the entry, due on the issue
        date, and says so for the reviewer."""
        once = (draft.schedule or {}).get("once")
        if not isinstance(once, date) or once >= self.issued:
            return
        draft.schedule = {**(draft.schedule or {}), "once": self.issued}
        draft.confidence["schedule"] = 0.2
        draft.guesses.append(
            f"mốc văn bản nêu ({once:%d/%m/%Y}) đã qua khi văn bản ban hành: có thể là kết quả "
            f"đã đạt, không phải nhiệm vụ; tạm lấy ngày ban hành {self.issued:%d/%m/%Y}"
        )

    def _unfolded(self, folded_words: str) -> str:
        """The source's own words (with diacritics) for words read from the folded text."""
        pattern = r"\s+".join(re.escape(w) for w in folded_words.split())
        match = re.search(pattern, self.folded)
        return " ".join(self.text[match.start() : match.end()].split()) if match else folded_words

    def _default_timing(
        self, words: str, deliverable: str | None, year: int | None = None
    ) -> Timing:
        if year is not None:
            guess = f"văn bản nêu mốc năm {year}, không nêu ngày; tạm lấy 31/12/{year}"
            return Timing({"once": date(year, 12, 31)}, 0.5, guess)
        made = bool(MAKE.search(words) or starts_with_deliverable(words))
        product = deliverable if deliverable != "Báo cáo" else None
        if RESEARCH.match(opening(words)) and not (product and made):
            when = self._review_timing("sơ kết").schedule["once"]  # type: ignore[index]
            guess = f"văn bản giao nghiên cứu, không nêu thời hạn; kết quả nghiên cứu thường báo cáo trước khi sơ kết: tạm lấy {when:%d/%m/%Y}"
            return Timing({"once": when}, 0.3, guess)
        if product in ("Kế hoạch", "Chương trình") and made:
            when = date.fromordinal(self.issued.toordinal() + 30)
            guess = "văn bản không nêu thời hạn; văn phòng thường yêu cầu kế hoạch, chương trình trong 30 ngày kể từ ngày ban hành"
            return Timing({"once": when}, 0.3, guess)
        if product and made and OPEN_SET.search(words):
            guess = "văn bản giao rà soát, ban hành các cơ chế, chính sách, quy định khi cần (không nêu văn bản cụ thể): việc thường xuyên, tạm theo dõi hằng năm"
            return Timing({"every": "year"}, 0.3, guess, recurring=True)
        if LAUNCH.search(words):
            when = date.fromordinal(self.issued.toordinal() + 30)
            guess = "văn bản không nêu thời hạn; việc quán triệt, triển khai một văn bản (và kế hoạch thực hiện) thường làm trong 30 ngày kể từ ngày ban hành"
            return Timing({"once": when}, 0.3, guess)
        if product and made:
            period = next(
                (
                    m
                    for m in _PRODUCT_PERIOD.finditer(words)
                    if not in_cited_title(words, m.start())
                ),
                None,
            )
            if period:
                start = int(period.group(1))
                when = date(max(self.issued.year, start - 1), 12, 31)
                guess = f"văn bản không nêu thời hạn; sản phẩm cho giai đoạn bắt đầu năm {start} cần có trước hoặc ngay trong năm đầu: tạm lấy {when:%d/%m/%Y}"
                return Timing({"once": when}, 0.3, guess)
            when = date(self.issued.year + 1, 12, 31)
            guess = "văn bản không nêu thời hạn; xây dựng cơ chế, chính sách, quy định thường mất khoảng một năm: tạm lấy 31/12 năm sau"
            return Timing({"once": when}, 0.3, guess)
        end = self.valid_until
        if end is not None and end.year == self.issued.year:  # "Kế hoạch … năm 2024"
            guess = f"văn bản không nêu thời hạn; văn bản chỉ có hiệu lực trong năm {end.year}: tạm lấy {end:%d/%m/%Y}"
            return Timing({"once": end}, 0.3, guess)
        guess = "văn bản không nêu thời hạn; nhiệm vụ thường xuyên nên theo dõi, báo cáo hằng năm (31/12)"
        return Timing({"every": "year"}, 0.3, guess, recurring=True)
