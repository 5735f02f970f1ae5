"""From paragraphs to the passages that may assign work ("units"), each knowing its
section, its clause, the agency its section gives work to and the year in force.

1. Each paragraph's section is the kind of the nearest heading that tells one
   (implementation, tasks, targets, background, other). A document without such headings
   (a news article) is read by cues in its paragraphs instead: "mục tiêu" opens targets,
   "giải pháp", "nhiệm vụ, bao gồm" open tasks, "tổ chức thực hiện" opens implementation.
2. A paragraph that ends with ":" and starts with an agency ("Ủy ban nhân dân tỉnh …
   triển khai một số giải pháp sau:") gives that agency to what follows under the same
   heading; so does a heading naming one ("2. Sở Nội vụ:", "Điều 2. Giao UBND tỉnh").
3. A year at the start of a heading or paragraph ("a) Đến năm 2025", "Đến năm 2030, …")
   holds for what follows under the same heading; one later in a sentence only for it.
4. The body of each paragraph is cut into inline items ("(1) … (2) …"), sentences, and
   the parts of an enumeration after "bao gồm:"; each piece is a unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from extraction.agencies import AgencyIndex, Mention
from extraction.leads import read_leads
from extraction.structure import Paragraph, classify_title
from extraction.text import Span, fold, sentence_spans, trim
from extraction.timing import year_mentions

T = TypeVar("T")


@dataclass
class Unit:
    span: Span
    sentence: Span
    paragraph: Paragraph
    section: str
    clause: str
    code: str  # ASCII clause label for obligation codes
    context: list[Mention] = field(default_factory=list)
    year: int | None = None
    enumerated: bool = False
    first: bool = True  # the first sentence of its paragraph or item


_MODE_CUES = (
    ("implementation", re.compile(
        r"\bto chuc thuc hien\s*:|\bphan cong nhiem vu\b|"
        r"\b(?:thuc\s+hien|trien\s+khai)\s+(?:mot\s+so|cac)\s+(?:noi\s+dung|nhiem\s+vu|viec)\s+"
        r"(?:sau|nhu\s+sau)\s*:|"
        # "Để khắc phục …, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:", "… chỉ thị:", "… kết luận:"
        r"\b(?:chu\s+tich|uy\s+ban\s+nhan\s+dan|ubnd)[^.;:]{0,40}\b"
        r"(?:yeu\s+cau|chi\s+thi|ket\s+luan(?:\s+nhu\s+sau)?)\s*:\s*$"
    )),
    ("tasks", re.compile(
        r"\b(?:giai phap thuc hien|nhom giai phap|cac giai phap|nhiem vu, bao gom|de ra cac nhiem vu|"
        r"nhiem vu va giai phap|nhiem vu, giai phap)\b"
    )),
    ("targets", re.compile(
        r"\bmuc tieu (?:cu the|cua (?:de an|chuong trinh|ke hoach|nghi quyet)|den nam|la)\b|"
        r"\bde ra (?:\d+ )?muc tieu\b"
    )),
    ("background", re.compile(r"^(?:muc dich|thuc trang)\b")),
)  # fmt: skip
_INLINE = re.compile(r"(?:(?<=^)|(?<=[\s:;.,]))\*?\((\d{1,2})\)\*?\s*")
_ENUMERATION = re.compile(r"\b(?:bao gom|gom|nhu sau|sau day)\s*:")
_START_YEAR = 90  # a year this near the start of a paragraph holds for what follows


class Walker:
    """Walks the paragraphs once, keeping the section, agency and year in force."""

    def __init__(self, text: str, index: AgencyIndex, paragraphs: list[Paragraph]) -> None:
        self.text = text
        self.folded = fold(text)
        self.index = index
        self.paragraphs = paragraphs
        self.has_sections = any(
            self._title_kind(p) in {"implementation", "tasks", "targets"} for p in paragraphs
        )
        self.mode = "unknown"
        self.agencies: dict[int, list[Mention]] = {}  # heading index -> agency given to its content
        self.years: dict[int, int] = {}  # heading index -> year in force

    def _title_kind(self, paragraph: Paragraph) -> str | None:
        label = paragraph.label
        if label is None or not paragraph.is_title or label.kind in ("thu", "y"):
            return None
        if len(label.title.split()) > 30:
            return None
        return classify_title(label.title)

    def section_of(self, paragraph: Paragraph) -> str:
        for heading in (paragraph, *reversed(paragraph.path)):
            kind = self._title_kind(heading)
            if kind is not None:
                return kind
        label = paragraph.label
        # "Điều 2. Giao Văn phòng UBND tỉnh chủ trì …": an article that is its own body
        own_body = label is not None and label.kind == "dieu" and not paragraph.is_title
        if own_body and label and classify_title(label.title[:80]) == "implementation":
            return "implementation"
        if self.has_sections:
            return "none"
        return self.mode

    def units(self) -> Iterator[Unit]:
        for paragraph in self.paragraphs:
            if paragraph.row is not None:
                continue
            folded = self.folded[paragraph.span.start : paragraph.span.end]
            opens = False
            if not self.has_sections and (paragraph.label is None or paragraph.is_title):
                opens = self._update_mode(folded)
            section = self.section_of(paragraph)
            self._remember(paragraph, folded)
            if opens and folded.rstrip().endswith(":"):
                continue  # "… yêu cầu … thực hiện một số nội dung sau:" introduces the items
            if section in ("none", "background", "other"):
                continue
            if paragraph.is_title and paragraph.label and not _has_content(paragraph.label.title):
                continue
            yield from self._paragraph_units(paragraph, section)

    def _update_mode(self, folded: str) -> bool:
        """Whether this paragraph opens a section of its own (a cue at its start or, for a
        sentence that introduces a list, at its end)."""
        ends = folded.rstrip().endswith(":")
        for mode, cue in _MODE_CUES:
            if cue.search(folded[:250]) or (ends and cue.search(folded[-200:])):
                self.mode = mode
                return True
        return False

    def _parent(self, paragraph: Paragraph) -> int:
        return paragraph.path[-1].index if paragraph.path else -1

    def _remember(self, paragraph: Paragraph, folded: str) -> None:
        """Agency and year that this paragraph gives to what follows it."""
        key = paragraph.index if paragraph.is_title else self._parent(paragraph)
        years = [y for at, y in year_mentions(folded) if at < _START_YEAR]
        if years:
            self.years[key] = years[0]
        body = paragraph.body
        ends_with_colon = self.text[body.start : body.end].rstrip().endswith(":")
        if paragraph.is_title or ends_with_colon:
            mentions = self.index.find(self.text, self.folded, body)
            first = sentence_spans(self.text, body)[:1] or [body]
            leads = read_leads(self.folded, first[0], mentions)
            if leads.lead:
                self.agencies[key] = leads.lead

    def _inherited(self, paragraph: Paragraph, table: Mapping[int, T]) -> T | None:
        keys = [self._parent(paragraph), *(p.index for p in reversed(paragraph.path)), -1]
        for key in keys:
            if key in table:
                return table[key]
        return None

    def _paragraph_units(self, paragraph: Paragraph, section: str) -> Iterator[Unit]:
        context = self._inherited(paragraph, self.agencies) or []
        year = self._own_year(paragraph) or self._inherited(paragraph, self.years)
        clause, code = clause_label(paragraph)
        enumerated = paragraph.label is not None
        for item, item_label in _inline_items(self.text, paragraph.body):
            item_clause = f"{clause}, ý ({item_label})" if item_label else clause
            item_code = f"{code}.{item_label}" if item_label else code
            item_year = _leading_year(self.folded, item) or year
            sentences = sentence_spans(self.text, item)
            listed = set() if section == "targets" else _listed_sentences(self.folded, sentences)
            for n, sentence in enumerate(sentences):
                if n in listed:
                    pieces = [(_after_colon(self.text, self.folded, sentence), True)]
                    sentence = pieces[0][0]
                elif section == "targets":
                    pieces = [(sentence, False)]
                else:
                    pieces = _enumeration(self.text, self.folded, sentence)
                for piece, in_list in pieces:
                    yield Unit(
                        piece, sentence, paragraph, section, item_clause, item_code,
                        list(context), item_year, enumerated or bool(item_label) or in_list,
                        n == 0 or n in listed,
                    )  # fmt: skip

    def _own_year(self, paragraph: Paragraph) -> int | None:
        folded = self.folded[paragraph.body.start : paragraph.body.end]
        years = [y for at, y in year_mentions(folded) if at < _START_YEAR]
        return years[0] if years else None


def _has_content(title: str) -> bool:
    return len(title.split()) >= 12 and title.rstrip().endswith((".", ";"))


def _leading_year(folded: str, span: Span) -> int | None:
    years = [y for at, y in year_mentions(folded[span.start : span.end]) if at < 40]
    return years[0] if years else None


def _inline_items(text: str, body: Span) -> list[tuple[Span, str | None]]:
    """ "(1) … (2) …" inside a paragraph: one span per item (the text before the first
    marker stays a piece of its own)."""
    window = text[body.start : body.end]
    marks = [m for m in _INLINE.finditer(window)]
    if len(marks) < 2:
        return [(body, None)]
    pieces: list[tuple[Span, str | None]] = []
    if marks[0].start() > 0:
        pieces.append((trim(text, Span(body.start, body.start + marks[0].start())), None))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(window)
        pieces.append((trim(text, Span(body.start + mark.end(), body.start + end)), mark.group(1)))
    return [(span, label) for span, label in pieces if len(span) > 3]


def _enumeration(text: str, folded: str, sentence: Span) -> list[tuple[Span, bool]]:
    """The parts of "… bao gồm: A; B; C và D", each a piece; else the sentence itself."""
    match = _ENUMERATION.search(folded, sentence.start, sentence.end)
    if not match or sentence.end - match.end() < 10:
        return [(sentence, False)]
    rest = Span(match.end(), sentence.end)
    parts = [trim(text, s) for s in _split(folded, rest, ";")]
    if len(parts) < 2:
        return [(sentence, False)]
    head = fold(text[parts[0].start : parts[0].end]).split()[:2]
    more: list[Span] = []
    for part in parts:  # "… hạ tầng CNTT và Nhóm giải pháp về …": the same head word again
        cut = re.search(
            r"\s+va\s+" + r"\s+".join(map(re.escape, head)) + r"\b", folded[part.start : part.end]
        )
        if head and cut:
            more += [
                Span(part.start, part.start + cut.start()),
                Span(part.start + cut.start() + 4, part.end),
            ]
        else:
            more.append(part)
    return [(trim(text, s), True) for s in more if len(s) > 3]


_SHORT = 12  # words: "Cải cách thể chế." is a list entry, not a sentence of its own


def _listed_sentences(folded: str, sentences: list[Span]) -> set[int]:
    """ "… các nhiệm vụ, bao gồm: Công tác chỉ đạo, điều hành. Cải cách thể chế. Cải cách
    thủ tục hành chính." — a list written as short sentences after "bao gồm:": the
    sentence that opens it and the short ones that follow, each an entry of the list."""
    listed: set[int] = set()
    for n, sentence in enumerate(sentences):
        match = _ENUMERATION.search(folded, sentence.start, sentence.end)
        if not match or len(folded[match.end() : sentence.end].split()) > _SHORT:
            continue
        run = [n]
        for m in range(n + 1, len(sentences)):
            if len(folded[sentences[m].start : sentences[m].end].split()) > _SHORT:
                break
            run.append(m)
        if len(run) >= 3:
            listed.update(run)
    return listed


def _after_colon(text: str, folded: str, sentence: Span) -> Span:
    match = _ENUMERATION.search(folded, sentence.start, sentence.end)
    return trim(text, Span(match.end(), sentence.end)) if match else sentence


def _split(folded: str, span: Span, separator: str) -> list[Span]:
    parts: list[Span] = []
    start = span.start
    for i in range(span.start, span.end):
        if folded[i] == separator:
            parts.append(Span(start, i))
            start = i + 1
    parts.append(Span(start, span.end))
    return parts


def clause_label(paragraph: Paragraph) -> tuple[str, str]:
    """ "Điều 1, khoản 3, điểm c, đoạn 9" and its ASCII form "D1.3c.p9"."""
    words: list[str] = []
    code: list[str] = []
    headings = [h for h in (*paragraph.path, paragraph) if h.label is not None]
    for n, heading in enumerate(headings):
        label = heading.label
        if label is None:
            continue
        if _numbered_again(label, headings[n + 1 :]):
            continue  # "khoản 2, điểm 2.1" says 2 twice: "điểm 2.1" says it all
        if label.kind == "dieu":
            words.append(f"Điều {label.number}")
            code.append(f"D{label.number}")
        elif label.kind in ("muc", "chuong"):
            words.append(f"{'Mục' if label.kind == 'muc' else 'Chương'} {label.number}")
            code.append(label.number)
        elif label.kind == "phuluc":
            words.append(label.number.capitalize())
            code.append("PL")
        elif label.kind == "khoan":
            words.append(
                f"khoản {label.number}" if "." not in label.number else f"điểm {label.number}"
            )
            code.append(label.number)
        elif label.kind == "diem":
            words.append(f"điểm {label.number}")
            code.append(label.number)
        elif label.kind == "thu":
            words.append(label.number.capitalize())
            code.append("T" + str(_ORDINALS.get(fold(label.number).split()[-1], "")))
    if paragraph.label is not None and paragraph.label.kind == "y":
        words.append(f"gạch đầu dòng {paragraph.ordinal}")
        code.append(f"g{paragraph.ordinal}")
    if paragraph.label is None:
        words.append(f"đoạn {paragraph.ordinal}")
        code.append(f"p{paragraph.ordinal}")
    text = ", ".join(words) or "Phần mở đầu"
    return text[0].upper() + text[1:], _join_code(code)


def _numbered_again(label: object, below: list[Paragraph]) -> bool:
    """Whether a deeper heading's number repeats this one's ("2." above "2.1.", "II." above
    "II.1")."""
    number = getattr(label, "number", "")
    return any(h.label is not None and h.label.number.startswith(f"{number}.") for h in below)


_ORDINALS = {
    "nhat": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}


def _join_code(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif len(part) == 1 and part.isalpha():
            out += part
        else:
            out += "." + part
    return out or "P"
