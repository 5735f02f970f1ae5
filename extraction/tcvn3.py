"""TCVN3 (the "ABC" fonts .VnTime, .VnArial): how to recognise it and turn it into Unicode.

Before Unicode most provincial offices typed in TCVN3: each Vietnamese letter is one byte
above 0x80, so a TCVN3 file is not valid UTF-8, and read as Latin-1 it shows "Uû ban nh©n
d©n". A .docx typed in a .Vn font holds the same characters as Unicode code points
U+00A1–U+00FE. Both are recognised by their share of these characters and by common words
that appear once converted.
"""

from __future__ import annotations

import re

_LOWER = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ", "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\xad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
    "¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư",
}  # fmt: skip
_TABLE = str.maketrans(_LOWER)
_MARKERS = set(_LOWER)
_VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
_COMMON_WORDS = re.compile(r"\b(của|và|các|được|trong|thực hiện|nhân dân|năm|với|những)\b")


def to_unicode(text: str) -> str:
    """TCVN3 text (read as Latin-1 or held in a .Vn font) as Unicode."""
    return text.translate(_TABLE)


def looks_like_tcvn3(text: str) -> bool:
    """True if the text is TCVN3 read as Latin-1: many TCVN3 letters, few Unicode ones,
    and the converted text reads as Vietnamese."""
    sample = text[:200_000]
    markers = sum(1 for ch in sample if ch in _MARKERS)
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters == 0 or markers < max(5, letters // 50):
        return False
    if len(_VIETNAMESE.findall(sample)) > markers:
        return False
    converted = to_unicode(sample).lower()
    return len(_COMMON_WORDS.findall(converted)) >= 3


def looks_like_tcvn3_bytes(raw: bytes) -> bool:
    return looks_like_tcvn3(raw.decode("latin-1"))
