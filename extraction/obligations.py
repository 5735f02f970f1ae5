"""Reading one unit (a sentence, an item, an enumeration part) into draft obligations.

A unit becomes obligations when its section and its words say it assigns work:

| section | which units |
|---|---|
| implementation (tổ chức thực hiện, Điều … giao) | every item; later sentences with a cue |
| tasks given to an agency, or numbered | every item; later sentences that start with a duty verb or carry a cue |
| tasks in plain prose | sentences with a recurrence, a deadline or an inspection |
| targets (mục tiêu cụ thể) | every value; sentences that complete something by a year |
| no section found (articles) | directives ("yêu cầu", "giao") and cued sentences, not past tense |

A sentence with target values gives one target per value; otherwise it is cut at ";"
into duties, a part without a cue of its own staying with its neighbour.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from extraction.fields import Draft, FieldReader
from extraction.items import Unit
from extraction.targets import TargetValue, find_count, find_targets
from extraction.text import Span, fold, squeeze, trim
from extraction.timing import Timing, deadlines, read_timing, year_mentions
from extraction.wording import (
    ACTION,
    COMPARATOR_WORDS,
    COMPLETION,
    DIRECTIVE,
    DISCIPLINE,
    FUTURE,
    LAUNCH,
    REVIEWS,
    deliverable_of,
    document_word,
    duty_title,
    is_inspection,
    opening,
    shorten,
    starts_with_deliverable,
    title_of,
)

# "…; hoàn thành trước ngày 31/3/2024": the deadline of the part before it, not a duty.
_DEADLINE_ONLY = re.compile(r"\W*(?:hoan thanh|thuc hien xong|xong)\s+(?:truoc|trong|cham nhat)\b")
_FOLLOWS_UP = re.compile(
    r"\W*(?:la\s+co\s+quan\s+thuong\s+truc,?\s*)?(?:theo\s+doi|don\s+doc)\b"
    r"(?![^.;]{0,80}\b(?:xay dung|ban hanh|trinh|de xuat|danh gia|so ket|tong ket|kiem tra|giam sat)\b)"
)
_ONLY_REVIEWS = re.compile(r"\W*(?:tham\s+muu\s+(?:[a-z]+\s+){0,6})?(?:so|tong)\s+ket\b")
_LIMIT = re.compile(r"\b(?:khong\s+qua|toi\s+da)\s+\d+\s*(?:lan|cuoc)\b")
_INTRO = re.compile(
    r"^\W*(?:de\s[^.;:]{0,80},\s*)?(?:chu\s+tich|uy\s+ban|ubnd)[^.;:]{0,60}"
    r"\b(?:yeu\s+cau|chi\s+thi|ket\s+luan|de\s+nghi)(?:\s+nhu\s+sau)?\s*:?\s*$"
)
# An inspection plan describes itself item by item ("1. Đối tượng: 08 sở, ban, ngành …",
# "3. Thời gian: từ tháng 5 đến tháng 10"): whom and when, not a duty of anyone.
_DESCRIBES = re.compile(
    r"\W*(?:doi\s+tuong|noi\s+dung|thoi\s+gian|pham\s+vi|dia\s+diem|thanh\s+phan)"
    r"(?:\s+(?:kiem|thanh)\s+tra)?\s*:"
)
_HANDS_IN = re.compile(r"\W*(?:trinh|bao\s+cao|gui|tong\s+hop)\b")
TARGET_WORDS = re.compile(r"\d\s*%|\bden\s+nam\s+20\d\d")
_HALF_AND_YEAR = re.compile(
    r"\b6\s+thang\W{0,3}(?:\(\s*)?(?:truoc|cham\s+nhat)\s+(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/)"
    r"[^.;]{0,20}?\b(?:va|,)\s+(?:ca\s+)?nam\W{0,3}(?:\(\s*)?(?:truoc|cham\s+nhat)\s+(?:ngay\s+)?"
    r"(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/)"
)
_HEAD_WORDS = {"thu", "truong", "chu", "tich", "giam", "doc", "nguoi", "dung", "dau"}


@dataclass
class Reader(FieldReader):
    """Reads units into drafts (the table above says which units)."""

    def read(self, unit: Unit) -> list[Draft]:
        """1. Targets: one per value, where the section allows them.
        2. Does the unit assign work at all (`_qualifies`, the table above)?
        3. Duties: the sentence cut at ";", each part with a cue of its own a duty, the
           parts that state a target left to the target.
        """
        words = self.folded[unit.span.start : unit.span.end]
        past = (
            unit.section == "unknown"
            and "đã " in self.text[unit.sentence.start : unit.sentence.end].lower()
        )
        targets: list[Draft] = []
        if self._targets_allowed(unit, words, past):
            targets = [
                self._target(unit, value)
                for value in find_targets(self.text, self.folded, unit.span)
            ]
        if not targets and not self._qualifies(unit, words, past):
            return []
        drafts: list[Draft] = []
        for clause in self._duty_clauses(unit.span):
            if any(clause.overlap(t.span) for t in targets):
                continue  # the part that states a target is read as the target
            if (targets or self._cue_needed(unit)) and not self._cued(clause):
                continue
            if (
                self._only_follows_up(unit, clause)
                or self._party_line(unit, clause)
                or self._not_a_duty(clause)
            ):
                continue
            drafts += self._duties(unit, clause)
        return targets + drafts

    def _cue_needed(self, unit: Unit) -> bool:
        """Plain prose assigns only what has a cue: keep just the cued parts of it."""
        if unit.section == "tasks":
            return not (unit.context or unit.enumerated)
        return unit.section in ("targets", "unknown") and not DIRECTIVE.search(
            self.folded[unit.span.start : unit.span.end]
        )

    def _targets_allowed(self, unit: Unit, words: str, past: bool) -> bool:
        if unit.section == "targets":
            return not past
        return not past and bool(FUTURE.search(words)) and unit.section != "implementation"

    def _qualifies(self, unit: Unit, words: str, past: bool) -> bool:
        timing = read_timing(words, self.issued)
        strong = timing.schedule is not None or bool(is_inspection(words))
        if unit.section == "implementation":
            return unit.first or strong or deliverable_of(words) is not None
        if unit.section == "tasks":
            if unit.context or unit.enumerated:
                return unit.first or strong or bool(ACTION.match(opening(words)))
            return strong and not past
        if unit.section == "targets":  # a goal with its own year is a milestone to follow
            dated = bool(re.search(r"\bden\s+nam\s+20\d\d", words[:100]))
            return bool(COMPLETION.search(words)) or timing.recurring or dated
        return (strong or bool(DIRECTIVE.search(words))) and not past

    def _duty_clauses(self, span: Span) -> list[Span]:
        """The parts of a sentence at ";" (outside brackets); a part without a cue of its
        own stays with the part before it."""
        parts: list[Span] = []
        start, depth = span.start, 0
        for i in range(span.start, span.end):
            ch = self.text[i]
            depth += 1 if ch in "([" else -1 if ch in ")]" else 0
            if ch == ";" and depth <= 0:
                parts.append(trim(self.text, Span(start, i)))
                start = i + 1
        parts.append(trim(self.text, Span(start, span.end)))
        merged: list[Span] = []
        for part in (p for p in parts if len(p) > 3):
            if merged and (
                not self._cued(part)
                or self._only_agencies(merged[-1])
                or _DEADLINE_ONLY.match(self.folded, part.start, part.end)
                or self._hands_in(merged[-1], part)
            ):
                merged[-1] = Span(merged[-1].start, part.end)
            else:
                merged.append(part)
        return merged or [span]

    def _only_follows_up(self, unit: Unit, clause: Span) -> bool:
        """ "Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp, báo cáo UBND tỉnh.": watching
        the others work, with no product and no date of its own, is not a task to chase."""
        title = fold(duty_title(self.text, self.folded, clause, self.mentions(unit)))
        if not _FOLLOWS_UP.match(title):
            return False
        words = self.folded[clause.start : clause.end]
        return read_timing(words, self.issued).schedule is None and not is_inspection(words)

    def _party_line(self, unit: Unit, clause: Span) -> bool:
        """A Party resolution's "Nhiệm vụ, giải pháp" without an owner or a date is a line
        of policy; its section "Tổ chức thực hiện" says who carries it out."""
        if not self.party or unit.section != "tasks":
            return False
        words = self.folded[clause.start : clause.end]
        owned = any(clause.start <= m.span.start < clause.end for m in self.mentions(unit))
        return (
            not owned
            and read_timing(words, self.issued).schedule is None
            and not (is_inspection(words) or TARGET_WORDS.search(words))
        )

    def _hands_in(self, before: Span, part: Span) -> bool:
        """ "rà soát, đơn giản hóa thủ tục; trình Chủ tịch phê duyệt trong quý III/2024": the
        part that hands the work in, with the only date, finishes the part before it."""
        words = self.folded[before.start : before.end]
        if LAUNCH.search(words) and not LAUNCH.search(self.folded[part.start : part.end]):
            # "quán triệt Nghị quyết; xây dựng chương trình hành động …, hoàn thành trong
            # quý II/2024": making it known is the first step of the dated work after it
            later = read_timing(self.folded[part.start : part.end], self.issued).schedule
            return read_timing(words, self.issued).schedule is None and "once" in (later or {})
        if not _HANDS_IN.match(self.folded, part.start, part.end):
            return False
        return read_timing(words, self.issued).schedule is None and not is_inspection(words)

    def _not_a_duty(self, clause: Span) -> bool:
        """ "Mỗi cơ quan, đơn vị được kiểm tra … không quá 01 lần/năm" limits inspections;
        "Để khắc phục tình trạng trên, Chủ tịch UBND tỉnh yêu cầu:" only opens the list."""
        words = self.folded[clause.start : clause.end]
        if re.match(r"\W*moi\s", words) and _LIMIT.search(words) and find_count(words) is None:
            return True
        if _DESCRIBES.match(words) and not (is_inspection(words) or find_count(words)):
            return True
        return bool(_INTRO.search(words))

    def _only_agencies(self, part: Span) -> bool:
        """ "Các sở, ban, ngành; UBND các huyện … báo cáo": a list of subjects, not a duty
        (a run-in heading "Tự kiểm tra:" and the heads' titles do not count as words)."""
        rest = self.text[part.start : part.end]
        heading = re.match(r"[^:;.]{1,40}:\s*", rest)
        rest = " " * heading.end() + rest[heading.end() :] if heading else rest
        for mention in sorted(
            self.index.find(self.text, self.folded, part), key=lambda m: -m.span.start
        ):
            rest = rest[: mention.span.start - part.start] + rest[mention.span.end - part.start :]
        words = [w for w in re.findall(r"\w+", rest) if fold(w) not in _HEAD_WORDS]
        return len(words) <= 2

    def _cued(self, part: Span) -> bool:
        words = self.folded[part.start : part.end]
        return bool(
            starts_with_deliverable(words)
            or read_timing(words, self.issued).schedule
            or is_inspection(words)
            or deliverable_of(words) is not None
            or REVIEWS.search(words)
            or re.search(r"\b(?:so|tong)\s+ket\b[^.;]{0,30}\bnam\s+20\d\d", words)
            or COMPLETION.search(words)
            or re.match(r"\W*giam\s+sat\s+viec\s+thuc\s+hien\b", words)
            or re.search(r"\bden\s+nam\s+20\d\d", words[:100])
        )

    def read_row(self, task: Any, clause: str, hint: str, timing: Timing | None) -> Draft:
        """One row of an annex task table: the agencies and the deadline have columns."""
        span = task.task
        words = self.folded[span.start : span.end]
        draft = Draft(span, clause, hint, "deliverable", title_of(self.text, span), [])
        if task.lead is not None:
            draft.lead = self._codes(self.index.find(self.text, self.folded, task.lead), draft)
            draft.confidence["lead"] = 0.9
        if task.coop is not None:
            draft.cooperating = self._codes(
                self.index.find(self.text, self.folded, task.coop), draft
            )
        if not draft.lead or self._is_province_committee(draft.lead):
            self._advisory_lead(draft, words, stated=bool(draft.lead))
        # the time column may give the count ("Ít nhất 01 lần/quý", "6 tháng/lần")
        when = self.folded[task.due.start : task.due.end] if task.due is not None else ""
        if is_inspection(f"{words} {when}"):
            self._inspection(draft, f"{words} {when}")
            return draft
        if task.product is not None and len(task.product) > 1:
            draft.deliverable = squeeze(task.product.of(self.text))[:120]
        self._schedule(draft, words, timing or read_timing(words, self.issued))
        return draft

    def _duties(self, unit: Unit, clause: Span) -> list[Draft]:
        words = self.folded[clause.start : clause.end]
        duties = [self._duty(unit, clause)]
        halves = self._half_and_year(duties[0], words)
        if halves:
            return halves
        duties += self._more_deadlines(duties[0], words)
        if REVIEWS.search(words):
            if _ONLY_REVIEWS.match(fold(duties[0].title)):
                duties = []  # "tham mưu sơ kết vào năm 2025 và tổng kết …": the reviews alone
            duties += [
                self._duty(unit, clause, review="sơ kết"),
                self._duty(unit, clause, review="tổng kết"),
            ]
        return duties

    def _half_and_year(self, duty: Draft, words: str) -> list[Draft]:
        """ "báo cáo kết quả 6 tháng trước ngày 10/6 và cả năm trước ngày 10/12": two
        reports, dated in a plan of one year, else every year on those days."""
        match = _HALF_AND_YEAR.search(words)
        if match is None or duty.kind not in ("deliverable", "recurring_report"):
            return []
        days = [(int(match.group(i + 1)), int(match.group(i))) for i in (1, 3)]
        if not all(1 <= m <= 12 and 1 <= d <= 31 for m, d in days):
            return []
        year = self.valid_until.year if self.valid_until else None
        once = year is not None and year == self.issued.year and "hang nam" not in words
        cut = duty.span.start + match.end(2)  # the first report's date ends its part
        spans = (Span(duty.span.start, cut), Span(cut, duty.span.end))
        drafts = []
        for (month, day), name, span in zip(days, ("6 tháng", "cả năm"), spans, strict=True):
            when = _safe_day(year or self.issued.year, month, day)
            schedule: dict[str, object] = (
                {"once": when} if once else {"every": "year", "month": month, "day": day}
            )
            drafts.append(
                replace(
                    duty,
                    span=trim(self.text, span),
                    kind="deliverable" if once else "recurring_report",
                    schedule=schedule,
                    title=f"{duty.title} ({name})",
                    confidence=dict(duty.confidence) | {"schedule": 0.8},
                    guesses=list(duty.guesses),
                )
            )
        return drafts

    def _more_deadlines(self, duty: Draft, words: str) -> list[Draft]:
        """ "báo cáo … tại phiên họp thường kỳ tháng 7/2024 và tháng 12/2024": one duty per
        deadline after the first (which the duty itself has)."""
        once = (duty.schedule or {}).get("once")
        if once is None or duty.kind != "deliverable":
            return []
        found = [d for d in deadlines(words) if d != once]
        more = []
        for when in dict.fromkeys(found):
            copy = replace(
                duty,
                schedule={"once": when},
                title=f"{duty.title} (hạn {when:%d/%m/%Y})",
                confidence=dict(duty.confidence),
                guesses=list(duty.guesses),
            )
            more.append(copy)
        return more

    def _duty(self, unit: Unit, clause: Span, review: str | None = None) -> Draft:
        words = self.folded[clause.start : clause.end]
        title = duty_title(self.text, self.folded, clause, self.mentions(unit))
        draft = Draft(clause, unit.clause, unit.code, "deliverable", title, [])
        self._assign(draft, unit, clause, words)
        if is_inspection(words) or DISCIPLINE.search(words):
            self._inspection(draft, words)
            return draft
        timing = read_timing(words, self.issued)
        if review:
            timing = self._review_timing(review)
            stated = re.search(
                rf"\b{'so' if review == 'sơ kết' else 'tong'}\s+ket\b[^.;]{{0,25}}?"
                r"(?:(quy\s+[iv]+)\s*/\s*|nam\s+)(20\d\d)",
                words,
            )
            if stated:  # "sơ kết vào năm 2025", "tổng kết vào quý IV/2025"
                year = int(stated.group(2))
                month = {"i": 3, "ii": 6, "iii": 9, "iv": 12}.get(
                    stated.group(1).split()[-1] if stated.group(1) else "iv", 12
                )
                timing = Timing({"once": _safe_day(year, month, 31)}, 0.8)
            draft.title = f"{review.capitalize()} việc thực hiện {document_word(words)}"
            draft.deliverable = f"Báo cáo {review}"
        self._schedule(draft, words, timing, unit.year if unit.section == "targets" else None)
        return draft

    def _target(self, unit: Unit, value: TargetValue) -> Draft:
        clause_words = self.folded[value.clause.start : value.clause.end]
        year = self._target_year(unit, value)
        target: dict[str, object] = {
            "indicator": value.indicator,
            "comparator": value.comparator,
            "value": int(value.value) if value.value.is_integer() else value.value,
            "unit": value.unit,
            "year": year,
        }
        if value.baseline_year:
            target["baseline_year"] = value.baseline_year
        shown = "" if value.unit in ("thứ hạng", "nhóm xếp hạng") else value.unit
        title = f"{value.indicator} {COMPARATOR_WORDS[value.comparator]} {target['value']:g}{'' if shown in ('%', '') else ' '}{shown}"
        draft = Draft(
            value.clause, unit.clause, unit.code, "target", shorten(title, 150), [], target=target
        )
        draft.confidence["target"] = value.confidence
        self._assign(draft, unit, value.clause, clause_words)
        return draft

    def _target_year(self, unit: Unit, value: TargetValue) -> int:
        sentence = self.folded[unit.sentence.start : unit.sentence.end]
        before = [
            y for at, y in year_mentions(sentence) if unit.sentence.start + at < value.value_at
        ]
        after = [
            y for at, y in year_mentions(sentence) if unit.sentence.start + at >= value.value_at
        ]
        for candidate in (before[-1:], [unit.year] if unit.year else [], after[:1]):
            if candidate:
                return candidate[0]
        # "giai đoạn 2023 - 2025, định hướng đến năm 2030": a goal without a year is the
        # main period's, not the outlook's.
        period = re.search(r"giai\s+doan\s+20\d\d\s*[-–]\s*(20\d\d)", self.topic)
        if period:
            return int(period.group(1))
        return (self.valid_until or self.issued).year


def _safe_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


__all__ = ["Draft", "Reader"]
