"""The outline of a document: paragraphs, their labels ("III.", "Điều 3.", "2.1.", "a)",
"-", "Thứ hai,") and the headings each paragraph sits under.

Text copied from Word or PDF breaks paragraphs in odd places ("… giải quyết chưa\\n\\nđảm
bảo, gây khó khăn"); a line is joined to the previous one when that one does not end a
sentence and the new one does not start a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.reading import Row, Source
from extraction.text import Span, fold

# Matched on the folded text (no case, no diacritics): "Điều 3." and "Dieu 3." alike.
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chuong", re.compile(r"chuong\s+(?P<n>[ivxlc\d]+)\b[.:]?\s*")),
    ("phuluc", re.compile(r"(?P<n>phu\s+luc(?:\s+[ivx\d]+)?)\s*[.:\-–]?\s*")),
    ("dieu", re.compile(r"dieu\s+(?P<n>\d{1,3})\s*[.:]\s*")),
    ("muc", re.compile(r"(?P<n>[ivx]{1,5})\s*[.\-–)]\s+")),
    ("khoan", re.compile(r"(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\D)")),
    ("khoan", re.compile(r"(?P<n>\d{1,2})\s*[.)]\s+")),
    ("diem", re.compile(r"(?P<n>[a-z])\s*\)\s+")),
    ("thu", re.compile(r"(?P<n>thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi))\s*,\s*")),
    ("y", re.compile(r"(?P<n>[-–—+•])\s+")),
)  # fmt: skip
_TERMINAL = re.compile(r"[.;:!?…”\"')\]]\s*$")


@dataclass
class Label:
    kind: str  # chuong | dieu | muc | khoan | diem | thu | y
    number: str
    rank: int
    title: str  # the words after the label


@dataclass
class Paragraph:
    index: int
    span: Span  # the whole paragraph, label included
    body: Span  # without the label
    label: Label | None
    path: tuple[Paragraph, ...] = ()  # enclosing labelled paragraphs, outermost first
    is_title: bool = False  # followed by paragraphs that belong to it
    ordinal: int = 0  # position among the unlabelled paragraphs under the same heading
    row: Row | None = None

    def text(self, source_text: str) -> str:
        return self.body.of(source_text)


def _rank(kind: str, number: str) -> int:
    if kind == "khoan":
        return 2 + number.count(".")
    return {"chuong": 0, "phuluc": 0, "dieu": 1, "muc": 1, "diem": 6, "thu": 6, "y": 7}[kind]


def label_of(text: str) -> tuple[Label, int] | None:
    """The label a paragraph starts with, and where its body starts."""
    folded = fold(text)
    for kind, pattern in _LABELS:
        match = pattern.match(folded)
        if match:
            number = text[match.start("n") : match.end("n")]
            title = text[match.end() :].strip()
            if kind == "muc" and not (number.isupper() and title[:1].isupper()):
                continue
            return Label(kind, number, _rank(kind, number), title), match.end()
    return None


def _lines(source: Source) -> list[tuple[Span, Row | None, bool]]:
    """Non-empty lines, each with its table row and whether a blank line precedes it."""
    rows = {row.span.start: row for row in source.rows}
    lines: list[tuple[Span, Row | None, bool]] = []
    position = 0
    blank = True
    for line in source.text.split("\n"):
        start = position + (len(line) - len(line.lstrip()))
        end = position + len(line.rstrip())
        if end > start:
            lines.append((Span(start, end), rows.get(position), blank))
            blank = source.format == "docx"  # every Word paragraph is a paragraph
        else:
            blank = True
        position += len(line) + 1
    return lines


def _hard_wrapped(lines: list[tuple[Span, Row | None, bool]]) -> bool:
    """Text cut into lines of a page's width (a PDF's text layer, a wrapped .txt)."""
    lengths = [len(span) for span, _, _ in lines if len(span) >= 20]
    if len(lengths) < 5:
        return False
    wrapped = sum(1 for n in lengths if 45 <= n <= 100)
    return wrapped >= 0.6 * len(lengths) and sum(1 for n in lengths if n > 130) <= 0.1 * len(
        lengths
    )


def _joins(text: str, previous: Span, line: Span, *, blank: bool, wrapped: bool) -> bool:
    """Whether a line continues the previous one (a break inside a sentence)."""
    before = text[previous.start : previous.end]
    after = text[line.start : line.end]
    if _TERMINAL.search(before) or label_of(after) is not None:
        return False
    if after[:1].islower():
        return True
    if before.isupper() or after.isupper():
        return False
    if wrapped and not blank:
        return len(before) >= 40
    if not blank and len(before.rsplit("\n", 1)[-1]) >= 60:
        return True  # a long unfinished line, then a capital: a name cut by the line's end
    if (
        label_of(before) is not None
    ):  # "3.6. Xây dựng …" is a heading: a capital after it starts a paragraph
        return False
    # A page break inside a long paragraph ("… đưa vào\n\nCổng thông tin …").
    return len(before) >= 150


def paragraphs(source: Source) -> list[Paragraph]:
    """1. Split the text into lines; join a line to the previous one when it continues it.
    2. Read each paragraph's label; rank it (Chương > Mục/Điều > 1. > 1.1. > a) > -).
    3. Walk the paragraphs with a stack of open headings: a label pops the headings of the
       same or lower rank, so each paragraph knows the headings it sits under.
    4. A labelled paragraph is a *title* if the next paragraph belongs to it (is unlabelled
       or has a deeper label); otherwise it is an item like "1. Sở Nội vụ chủ trì …".
    """
    text = source.text
    lines = _lines(source)
    wrapped = _hard_wrapped(lines)
    merged: list[tuple[Span, Row | None]] = []
    for span, row, blank in lines:
        joined = merged and row is None and merged[-1][1] is None
        if joined and _joins(text, merged[-1][0], span, blank=blank, wrapped=wrapped):
            merged[-1] = (Span(merged[-1][0].start, span.end), None)
        else:
            merged.append((span, row))
    found: list[Paragraph] = []
    merged = _before_the_end(text, merged)
    for index, (span, row) in enumerate(merged):
        labelled = label_of(span.of(text)) if row is None else None
        label, body_at = labelled if labelled else (None, 0)
        found.append(Paragraph(index, span, Span(span.start + body_at, span.end), label, row=row))
    _nest(found)
    return found


_END = re.compile(
    r"(noi nhan|t/m\b|tm\.|kt\.|thong ke truy cap|video lien quan|xem chi tiet van ban|chu de$|"
    r"(nghi quyet|quyet dinh|ke hoach|chuong trinh|chi thi) nay (duoc )?(pho bien|co hieu luc|da duoc)|"
    r"tren\s+day\s+la\s+(nghi quyet|quyet dinh|ke hoach|chuong trinh|chi thi)|"
    r"yeu\s+cau\s[^.;:]{0,160}nghiem\s+tuc\s+(?:trien\s+khai\s+)?thuc\s+hien"
    r"(?![^.;]{0,40}(?:sau|noi dung|nhiem vu))|"
    r"trong\s+qua\s+trinh\s+(to\s+chuc\s+|trien\s+khai\s+)?thuc\s+hien,?\s+neu\s+co\s+"
    r"(kho\s+khan|vuong\s+mac|phat\s+sinh))"
)
# "… yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.", "Văn phòng … thông báo để các cơ
# quan, đơn vị biết, thực hiện./.": the closing formula of a letter or an announcement.
_CLOSING = re.compile(
    r"(?:nghiem\s+tuc\s+(?:trien\s+khai\s+)?thuc\s+hien|(?:trien\s+khai\s+)?thuc\s+hien\s+"
    r"nghiem\s+tuc|biet,?\s+(?:thuc\s+hien|phoi\s+hop))"
    r"(?:\s+(?:nghi quyet|quyet dinh|ke hoach|chuong trinh|chi thi|cong van|thong bao)\s+nay)?\W*$"
)
# "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, … phản ánh về Sở Nội vụ …" after
# the last duty, in the same paragraph as the closing formula.
_AFTERWORD = re.compile(
    r"[.;]\s*(?:trong\s+qua\s+trinh\s+(?:to\s+chuc\s+|trien\s+khai\s+)?thuc\s+hien,?\s+neu\s+co|"
    r"yeu\s+cau\s[^.;]{0,160}nghiem\s+tuc)"
)
_ASIDE = re.compile(r"(bai lien quan|tin lien quan|tin khac)\s*:?\s*$")


def _before_the_end(
    text: str, merged: list[tuple[Span, Row | None]]
) -> list[tuple[Span, Row | None]]:
    """Drop what follows the body: "Nơi nhận", the signature, a web page's footer, and the
    short headlines of a "Bài liên quan" box."""
    kept: list[tuple[Span, Row | None]] = []
    aside = False
    for span, row in merged:
        folded = fold(span.of(text)).strip()
        if row is None and (_END.match(folded) or (len(folded) < 300 and _CLOSING.search(folded))):
            break
        afterword = _AFTERWORD.search(folded) if row is None else None
        if afterword:  # the last duty, then the closing formula in the same paragraph
            kept.append((Span(span.start, span.start + afterword.start() + 1), row))
            break
        if row is None and _ASIDE.match(folded):
            aside = True
            continue
        if aside and len(folded) < 120:
            continue
        aside = False
        kept.append((span, row))
    return kept


def _nest(found: list[Paragraph]) -> None:
    stack: list[Paragraph] = []
    counters: dict[int, int] = {}
    for i, paragraph in enumerate(found):
        if paragraph.label is not None:
            while stack and stack[-1].label and stack[-1].label.rank >= paragraph.label.rank:
                stack.pop()
        paragraph.path = tuple(stack)
        if paragraph.label is not None and paragraph.label.kind == "y":
            parent = stack[-1] if stack else None
            under_item = (
                parent is not None and parent.label is not None and parent.label.kind != "y"
            )
            key = -2 - (parent.index if parent is not None and under_item else -1)
            counters[key] = counters.get(key, 0) + 1
            paragraph.ordinal = counters[key]
        if paragraph.label is not None:
            nxt = found[i + 1] if i + 1 < len(found) else None
            paragraph.is_title = nxt is not None and (
                nxt.label is None or nxt.label.rank > paragraph.label.rank
            )
            stack.append(paragraph)
        else:
            key = stack[-1].index if stack else -1
            counters[key] = counters.get(key, 0) + 1
            paragraph.ordinal = counters[key]


# The form of inspection closes a heading that lists what it covers ("Đối tượng, nội dung,
# thời gian và hình thức kiểm tra", "… và phương thức kiểm tra"), so it is looked for in the whole of a short heading.
_FORM_OF_INSPECTION = r"(?:hinh|phuong) thuc(?:\s+[a-z]+){0,3}\s+(?:kiem|thanh) tra"
_SHORT_HEADING = 14  # words

SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "implementation": (
        "to chuc thuc hien", "trach nhiem thuc hien", "phan cong",
        r"giao(?!\s+(?:thong|duc|dich|luu|tiep|nhan|ban|quyen))",
    ),
    # "Hình thức kiểm tra", "Hình thức, thời gian kiểm tra", "Nội dung, hình thức kiểm tra"
    "tasks": ("nhiem vu", "giai phap", "cong viec", _FORM_OF_INSPECTION),
    "targets": ("muc tieu cu the", "chi tieu", "muc tieu"),
    "background": (
        "tinh hinh", "ket qua", "thuc trang", "quan diem", "muc dich", "yeu cau",
        "can cu", "danh gia", "boi canh", "muc tieu chung", "su can thiet",
    ),
    "other": ("thoi gian", "kinh phi", "hieu luc", "dieu khoan thi hanh", "thi hanh"),
}  # fmt: skip
_PRIORITY = ("implementation", "tasks", "targets", "other", "background")


def classify_title(title: str) -> str | None:
    """The kind of section a heading opens, from its first words (None: not telling).

    Several kinds in one heading ("Quan điểm, mục tiêu, nhiệm vụ và giải pháp") give the
    one that assigns most: implementation, then tasks, then targets.
    """
    folded = fold(title).replace(",", " ")
    head = " ".join(folded.split()[:7])
    if re.search(r"\bmuc tieu chung\b", head):
        return "background"
    whole = len(folded.split()) <= _SHORT_HEADING
    found = {
        kind
        for kind, cues in SECTION_WORDS.items()
        for cue in cues
        if re.search(rf"\b{cue}\b", folded if _whole_heading(cue, whole) else head)
    }
    for kind in _PRIORITY:
        if kind in found:
            return kind
    return None


def _whole_heading(cue: str, short: bool) -> bool:
    """ "giao" assigns wherever it stands; the form of inspection counts anywhere in a short
    heading; every other cue only among the first words."""
    return cue.startswith("giao") or (short and cue == _FORM_OF_INSPECTION)
