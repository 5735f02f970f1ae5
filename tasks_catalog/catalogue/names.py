"""Finding an agency by the name an office writes ("Sở Nội vụ", "UBND tỉnh", "so noi vu").

Excel annexes name agencies, not codes. A name matches an agency's name, short name or
alias, ignoring case, spacing and punctuation; failing that, ignoring diacritics too, but
only when that leaves a single candidate.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[.,;:()\[\]\"'“”]+")
_SPACES = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = _PUNCTUATION.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


class NameIndex:
    """Names of one province's agencies and groups, to their codes."""

    def __init__(self) -> None:
        self._exact: dict[str, set[str]] = {}
        self._plain: dict[str, set[str]] = {}

    def add(self, code: str, *names: str | None) -> None:
        for name in (code, *names):
            if name:
                key = normalise_name(name)
                self._exact.setdefault(key, set()).add(code)
                self._plain.setdefault(strip_diacritics(key), set()).add(code)

    def lookup(self, text: str) -> str | None:
        key = normalise_name(text)
        for table, probe in ((self._exact, key), (self._plain, strip_diacritics(key))):
            codes = table.get(probe, set())
            if len(codes) == 1:
                return next(iter(codes))
        return None
