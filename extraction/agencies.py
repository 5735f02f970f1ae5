"""Agency mentions in a text, and the registry codes they stand for.

The lexicon (lexicon.py) knows how resolutions name agencies; an agency registry, when
given, adds its own names and aliases (district names, "Ban Xúc tiến và Hỗ trợ đầu tư")
and says which code each name is. A mention the registry cannot place keeps its plain
Vietnamese name, which `names.NameIndex` may still resolve when the draft is validated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extraction.lexicon import GROUPS, GroupClass, Phrase, phrases
from extraction.text import Span, fold, words_pattern
from tasks_catalog.catalogue.schema import Agency, AgencyGroup, AgencyRegistry

_ABBREVIATIONS = (
    ("ubmttq", "uy ban mat tran to quoc"),
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("mttq", "mat tran to quoc"),
    ("bcsd", "ban can su dang"),
    ("dbqh", "dai bieu quoc hoi"),
    ("ct-xh", "chinh tri xa hoi"),
    ("vp", "van phong"),
    ("tp", "thanh pho"),
    ("tx", "thi xa"),
    ("pvhcc", "phuc vu hanh chinh cong"),
    ("tthcc", "trung tam hanh chinh cong"),
)
_STOPWORDS = {"cac", "cua", "va", "thuoc", "tinh", "viet", "nam", "cap"}


def name_key(name: str, province_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words that identify a name, for comparing two spellings of it."""
    text = re.sub(r"\([^)]*\)", " ", fold(name))
    for short, long in _ABBREVIATIONS:
        text = re.sub(rf"\b{re.escape(short)}\b", long, text)
    words = re.findall(r"[a-z0-9]+", text)
    return frozenset(w for w in words if w not in _STOPWORDS and w not in province_words)


@dataclass(frozen=True)
class Mention:
    span: Span
    name: str  # canonical (lexicon) or registry name
    codes: tuple[str, ...]  # registry codes; empty when unresolved
    group: str | None = None  # lexicon group class


@dataclass
class AgencyIndex:
    """Names to codes for one province; empty (names only) without a registry."""

    province: str | None = None
    province_name: str | None = None
    agencies: dict[str, Agency] = field(default_factory=dict)
    groups: dict[str, AgencyGroup] = field(default_factory=dict)
    _keys: dict[frozenset[str], set[str]] = field(default_factory=dict)
    _patterns: list[Phrase] = field(default_factory=list)
    _province_words: frozenset[str] = frozenset()
    _regex: re.Pattern[str] | None = None
    _ordered: list[tuple[Phrase, bool]] = field(default_factory=list)

    @classmethod
    def from_registry(cls, registry: AgencyRegistry) -> AgencyIndex:
        index = cls(registry.province, registry.province_name)
        index._province_words = frozenset(fold(registry.province_name).split())
        for agency in registry.agencies:
            index.agencies[agency.code] = agency
            names = [agency.name, agency.short_name, *agency.aliases]
            index._add(agency.code, [n for n in names if n])
        for group in registry.groups:
            index.groups[group.code] = group
            index._add(group.code, [group.name])
        index._patterns = sorted(index._patterns, key=lambda p: -len(p.pattern))
        return index

    @classmethod
    def load(cls, path: Path) -> AgencyIndex:
        from tasks_catalog.catalogue.files import RegistryFile, parse_file

        parsed = parse_file(path)
        if not isinstance(parsed, RegistryFile):
            from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem

            raise CatalogueInvalid(
                [Problem(str(path), "không phải tệp danh mục cơ quan (agencies)")]
            )
        return cls.from_registry(parsed.model)

    def _add(self, code: str, names: list[str]) -> None:
        for name in names:
            bare = re.sub(r"\([^)]*\)", " ", name)
            bare = re.sub(r"^\s*(các|cac)\s+", "", bare, flags=re.IGNORECASE)
            for variant in {name, bare}:
                key = name_key(variant, self._province_words)
                if key:
                    self._keys.setdefault(key, set()).add(code)
            if len(re.findall(r"\w+", bare)) >= 2 or len(bare.strip()) >= 3:
                self._patterns.append(Phrase(words_pattern(bare), name, None))

    # ------------------------------------------------------------------ resolving
    def resolve(self, name: str, group: str | None = None) -> tuple[str, ...]:
        """Codes for a name: its registry entry, else the registry group of its class."""
        codes = self._keys.get(name_key(name, self._province_words), set())
        if len(codes) == 1:
            return (next(iter(codes)),)
        if group is not None:
            return self.group_codes(GROUPS[group][0])
        return ()

    def group_codes(self, wanted: GroupClass) -> tuple[str, ...]:
        """The registry group(s) whose kinds and levels are those of a class."""
        if wanted.parts:
            found: list[str] = []
            for part in wanted.parts:
                found += [c for c in self.group_codes(GROUPS[part][0]) if c not in found]
            return tuple(found)
        best: tuple[int, int, str] | None = None
        for code, group in self.groups.items():
            kinds, levels = self._kinds_levels(group)
            if not kinds or wanted.kinds[0] not in kinds or not kinds <= set(wanted.kinds):
                continue
            if wanted.levels and levels and not levels <= set(wanted.levels):
                continue
            score = (len(kinds), len(levels), code)
            if best is None or score[:2] > best[:2]:
                best = score
        return (best[2],) if best else ()

    def _kinds_levels(self, group: AgencyGroup) -> tuple[set[str], set[str]]:
        members = [self.agencies[m] for m in group.members if m in self.agencies]
        kinds: set[str] = set(group.kinds) | {a.kind for a in members}
        levels: set[str] = set(group.levels) | {a.level for a in members}
        return kinds, levels

    def code_of(self, canonical: str) -> str | None:
        codes = self.resolve(canonical)
        return codes[0] if codes else None

    def is_province_committee(self, code: str) -> bool:
        agency = self.agencies.get(code)
        return (
            agency is not None and agency.kind == "peoples_committee" and agency.level == "province"
        )

    def name_of(self, code: str) -> str:
        if code in self.agencies:
            return self.agencies[code].short_name or self.agencies[code].name
        if code in self.groups:
            return self.groups[code].name
        return code

    # ------------------------------------------------------------------ finding
    def find(self, text: str, folded: str, span: Span) -> list[Mention]:
        """Mentions in a span, in text order, none overlapping another.

        One regular expression holds every phrase, longest first, so at each place the
        longest name is taken ("Văn phòng UBND tỉnh", not "UBND tỉnh"); the phrase that
        matched is then looked up to know which agency it names.
        """
        regex, ordered = self._combined()
        window = folded[span.start : span.end]
        taken: list[Mention] = self._council_bodies(window, span.start)
        for match in regex.finditer(window):
            start, end = span.start + match.start(), span.start + match.end()
            if any(m.span.start < end and start < m.span.end for m in taken):
                continue
            phrase, from_registry = next(
                (p, r)
                for p, r in ordered
                if _compiled(p.pattern).fullmatch(window, match.start(), match.end())
            )
            end = _province_tail(text, folded, end, span.end)
            taken.append(self._mention(text, Span(start, end), phrase, from_registry))
        return sorted(self._named_units(text, folded, span, taken), key=lambda m: m.span.start)

    def _named_units(
        self, text: str, folded: str, span: Span, taken: list[Mention]
    ) -> list[Mention]:
        """Provincial units the lexicon does not list, by the words their names start with
        and the "tỉnh" they end with ("Ban Quản lý Khu kinh tế tỉnh", "Văn phòng Đăng ký
        đất đai tỉnh", "Trường Chính trị tỉnh"): the whole name, not a part of it."""
        for match in _NAMED_UNIT.finditer(folded, span.start, span.end):
            start = match.start()
            end = _province_tail(text, folded, match.end(), span.end)
            if any(m.span.start == start for m in taken) or any(
                m.span.start < start < m.span.end for m in taken
            ):
                continue
            taken = [m for m in taken if not (start <= m.span.start and m.span.end <= end)]
            # named without the province ("… tỉnh Long An" is "… tỉnh"), as the lexicon does
            surface = " ".join(text[start : match.end()].split())
            name = surface[:1].upper() + surface[1:]
            taken.append(Mention(Span(start, end), name, self.resolve(name)))
        return taken

    def _combined(self) -> tuple[re.Pattern[str], list[tuple[Phrase, bool]]]:
        if self._regex is None:
            ordered = [(p, True) for p in self._patterns] + [(p, False) for p in _LEXICON]
            ordered.sort(key=lambda item: (-len(item[0].pattern), not item[1]))
            self._ordered = ordered
            self._regex = _compiled("|".join(f"(?:{p.pattern})" for p, _ in ordered))
        return self._regex, self._ordered

    def _council_bodies(self, window: str, offset: int) -> list[Mention]:
        """ "Thường trực, các ban, các tổ và đại biểu HĐND tỉnh": each body of the council."""
        found: list[Mention] = []
        for match in _COUNCIL_BODIES.finditer(window):
            bodies = re.findall(r"thuong truc|cac ban|cac to|dai bieu", match.group("bodies"))
            codes: list[str] = []
            for body in bodies:
                codes += [c for c in self.resolve(f"{body} HĐND tỉnh") if c not in codes]
            name = "Thường trực, các ban HĐND tỉnh"
            span = Span(offset + match.start(), offset + match.end())
            found.append(Mention(span, name, tuple(codes) or self.resolve("HĐND tỉnh")))
        return found

    def _mention(self, text: str, span: Span, phrase: Phrase, from_registry: bool) -> Mention:
        if from_registry:
            return Mention(span, phrase.name, self.resolve(phrase.name))
        surface = self.resolve(span.of(text))  # the words as written may name a registry entry
        if surface:
            return Mention(span, self.name_of(surface[0]), surface, phrase.group)
        codes = self.resolve(phrase.name, phrase.group)
        return Mention(span, phrase.name, codes, phrase.group)


_LEXICON = phrases()
# Heads of the names of provincial units, then at most seven words up to the first "tỉnh".
_NAMED_UNIT = re.compile(
    r"\b(?:ban quan ly|ban chi dao|van phong dang ky|truong chinh tri|truong cao dang|"
    r"dai phat thanh|bo chi huy|lien doan lao dong|hoi nong dan|hoi cuu chien binh|"
    r"ban an toan giao thong|quy dau tu phat trien)"
    r"(?:\s+(?!tinh\b)[a-z0-9&]+(?:-[a-z0-9]+)?){0,7}?\s+tinh\b"
)
_BODY = r"(?:thuong\s+truc|cac\s+ban|cac\s+to|dai\s+bieu)"
_COUNCIL_BODIES = re.compile(
    rf"(?P<bodies>{_BODY}(?:\s*,\s*{_BODY}|\s+va\s+{_BODY})+)\s+"
    r"(?:hdnd|hoi\s+dong\s+(?:nhan\s+dan|dan\s+nhan))\s+tinh"
)
_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    found = _CACHE.get(pattern)
    if found is None:
        found = _CACHE[pattern] = re.compile(pattern)
    return found


_TAIL = re.compile(r"[ \t]+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*)")


def _province_tail(text: str, folded: str, end: int, limit: int) -> int:
    """After "tỉnh"/"huyện"/"thành phố", take a capitalised place name ("tỉnh Quảng Ninh")."""
    if not re.search(r"(tinh|huyen|thanh pho|thi xa)$", folded[max(0, end - 10) : end]):
        return end
    for _ in range(3):
        match = _TAIL.match(text, end, limit)
        if not match or not match.group(1)[0].isupper() or match.group(1).isupper():
            break
        end = match.end()
    return end
