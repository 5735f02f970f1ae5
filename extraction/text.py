"""Text helpers that keep character offsets: folding, spans, sentence-level cleaning.

Every search the extractor makes runs on a *folded* copy of the source text (lower case,
no diacritics, đ → d) that has exactly one character for each character of the source,
so a match in the folded copy is a span of the original. This is what makes the lexicon
tolerant of case, of missing diacritics and of line breaks (patterns use `\\s+`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    lower = ch.lower()
    if len(lower) != 1:
        lower = ch
    base = unicodedata.normalize("NFD", lower)[0]
    return base if len(base) == 1 else lower


def fold(text: str) -> str:
    """Lower case without diacritics, one output character per input character."""
    return "".join(_fold_char(ch) for ch in text)


def squeeze(text: str) -> str:
    """Whitespace runs (line breaks included) become one space; ends are trimmed."""
    return _SPACES.sub(" ", text).strip()


_WORD = re.compile(r"[^\W_]+")
SEPARATOR = r"[\s,;\-–—&/]+"


def words_pattern(phrase: str) -> str:
    """A folded regex for a Vietnamese phrase: its words in order, with any whitespace
    (line breaks too) or light punctuation (, ; - & /) between them."""
    parts = [re.escape(w) for w in _WORD.findall(fold(phrase))]
    return r"\b" + SEPARATOR.join(parts) + r"\b"


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [start, end) of the source text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlap(self, other: Span) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def __len__(self) -> int:
        return self.end - self.start


def trim(text: str, span: Span, chars: str = " \t\r\n,;:.-–") -> Span:
    """The span without leading and trailing whitespace and separators."""
    start, end = span.start, span.end
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars.replace(".", ""):
        end -= 1
    return Span(start, end)


def strip_markup(text: str) -> str:
    """Remove Markdown emphasis stars and footnote marks a web copy leaves in a quote."""
    return squeeze(text.replace("*", ""))


_ABBREVIATIONS = ("tp", "tx", "ths", "ts", "pgs", "gs", "v.v", "tt", "q", "p", "s")


def sentence_spans(text: str, span: Span) -> list[Span]:
    """Sentences of a paragraph: a full stop, "?" or "!" followed by a capital or digit.

    Abbreviations such as "TP." and numbers such as "10.000" or "4.0" do not end a
    sentence, and neither does a stop inside parentheses.
    """
    pieces: list[Span] = []
    start = span.start
    depth = 0
    i = span.start
    while i < span.end:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ".?!…" and depth == 0 and _ends_sentence(text, i, span.end):
            pieces.append(Span(start, i + 1))
            start = i + 1
        i += 1
    if start < span.end:
        pieces.append(Span(start, span.end))
    return [t for t in (trim(text, p, " \t\r\n") for p in pieces) if len(t) > 1]


def _ends_sentence(text: str, i: int, end: int) -> bool:
    j = i + 1
    while j < end and text[j] in "*”\"'":
        j += 1
    if j >= end:
        return True
    if not text[j].isspace():
        return False
    while j < end and text[j].isspace():
        j += 1
    if j >= end:
        return True
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in '(“"*-–'):
        return False
    word = re.search(r"(\w+)\.$", text[max(0, i - 6) : i + 1])
    return not (word and fold(word.group(1)) in _ABBREVIATIONS)


def ascii_code(text: str, limit: int = 24) -> str:
    """Letters and digits of a label for an obligation code: "124/NQ-HĐND" → "124-NQ-HDND"."""
    plain = "".join(_fold_char(c) if c.isalpha() else c for c in text).upper()
    plain = re.sub(r"[^A-Z0-9.]+", "-", plain).strip("-.")
    return plain[:limit].rstrip("-.") or "VB"
