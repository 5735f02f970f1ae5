"""A draft agency registry for a province that has none (`catalog extract --registry-draft`).

Every agency and group the text names becomes an entry: a code made from the province
code and the name's initials ("Sở Nội vụ" → "LC-SNV"), its name and the spellings met in
the text as aliases, its kind and level read from the name, and for groups the kinds and
levels of agencies they stand for (as the lexicon describes them). People are left empty
for the clerk to fill (each agency says so in a comment); the registry validates as it is,
so that the draft document validates and loads with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extraction.agencies import AgencyIndex, Mention
from extraction.lexicon import GROUPS
from extraction.text import Span, fold
from tasks_catalog.catalogue.schema import AgencyRegistry

# (folded cue at the start of a canonical name, kind, level); first match wins.
_KINDS: tuple[tuple[str, str, str], ...] = (
    (r"chu tich ubnd tinh|ubnd tinh$", "peoples_committee", "province"),
    (r"(thuong truc|cac ban|ban [\w\s-]+) hdnd tinh", "council_body", "province"),
    (r"dang doan|ban can su dang|ban (to chuc|tuyen giao|dan van|noi chinh) tinh uy|uy ban kiem tra tinh uy", "party_body", "province"),
    (r"ban thuong vu tinh uy|ban chap hanh dang bo|tinh uy$", "party_committee", "province"),
    (r"hdnd tinh$", "council", "province"),
    (r"van phong", "office", "province"),
    (r"thanh tra", "inspectorate", "province"),
    (r"trung tam phuc vu hanh chinh cong", "public_service_centre", "province"),
    (r"mttq|tinh doan|hoi lien hiep|mat tran", "front", "province"),
    (r"so |ban xuc tien|cong an|ngan hang|bao hiem|cuc thue|ban quan ly", "department", "province"),
)  # fmt: skip
# Names that are a person of an agency, not an agency: "Chủ tịch UBND tỉnh" is UBND tỉnh.
_SAME_AS = {"Chủ tịch UBND tỉnh": "UBND tỉnh"}
_TO_FILL = "cần điền: thủ trưởng (roles: [head]) và chuyên viên đầu mối (roles: [assignee])"


def kind_and_level(name: str) -> tuple[str, str]:
    folded = fold(name)
    for cue, kind, level in _KINDS:
        if re.search(rf"^(?:{cue})", folded):
            return kind, level
    return "other", "province"


@dataclass
class RegistryDraft:
    province: str
    province_name: str
    agencies: dict[str, dict[str, Any]] = field(default_factory=dict)  # canonical name -> entry
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)  # lexicon key -> entry
    _codes: set[str] = field(default_factory=set)

    def add_agency(self, name: str, spelling: str | None = None) -> None:
        name = _SAME_AS.get(name, name)
        entry = self.agencies.get(name)
        if entry is None:
            kind, level = kind_and_level(name)
            entry = {
                "code": self._code(name),
                "name": name,
                "aliases": [],
                "level": level,
                "kind": kind,
                "people": [],
            }
            self.agencies[name] = entry
        written = spelling and not spelling.isupper() and fold(spelling) != fold(name)
        if written and spelling not in entry["aliases"]:
            entry["aliases"].append(spelling)

    def add_group(self, key: str) -> None:
        group_class, _ = GROUPS[key]
        if group_class.parts:  # "các sở, ngành, địa phương": each part is a group of its own
            for part in group_class.parts:
                self.add_group(part)
            return
        if key not in self.groups:
            self.groups[key] = {
                "code": self._code(group_class.name, group=True),
                "name": group_class.name,
                "kinds": list(group_class.kinds),
                **({"levels": list(group_class.levels)} if group_class.levels else {}),
            }

    def _code(self, name: str, group: bool = False) -> str:
        words = [
            w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in {"va", "cac", "tinh", "cua"}
        ]
        initials = "".join(w[0] for w in words) if len(words) > 1 else "".join(words[:1])
        initials = initials.upper()[:10]
        base = f"{self.province}-{'NHOM-' if group else ''}{initials or 'CQ'}"
        code, n = base, 1
        while code in self._codes:
            n += 1
            code = f"{base}{n}"
        self._codes.add(code)
        return code

    def data(self) -> dict[str, Any]:
        agencies = []
        for entry in self.agencies.values():
            out = {k: v for k, v in entry.items() if v != [] or k == "people"}
            agencies.append(out)
        return {
            "province": self.province,
            "province_name": self.province_name,
            "agencies": agencies,
            "groups": list(self.groups.values()),
        }

    def registry(self) -> AgencyRegistry:
        return AgencyRegistry.model_validate(self.data())


def registry_draft(
    text: str, province: str, province_name: str, drafted: list[dict[str, Any]]
) -> RegistryDraft:
    """The registry of a province that has none, from the text and a draft read without one.

    1. Every agency and group the text names (the lexicon's mentions), with the spellings
       met in the text.
    2. Every agency the draft names as lead or cooperating (the advisory departments it
       chose for passages that name nobody are not always written in the text).
    3. The provincial People's Committee, the issuer of most documents and the fallback
       lead; and the groups of inspected units the draft's inspection duties need.
    """
    found = RegistryDraft(province, province_name)
    mentions: list[Mention] = AgencyIndex().find(text, fold(text), Span(0, len(text)))
    for mention in mentions:
        if mention.group is not None:
            found.add_group(mention.group)
        else:
            found.add_agency(mention.name, " ".join(mention.span.of(text).split()))
    found.add_agency("UBND tỉnh")
    _members_said(text, mentions, found)
    group_names = {GROUPS[key][0].name: key for key in GROUPS}
    for obligation in drafted:
        for name in [*obligation.get("lead", []), *obligation.get("cooperating", [])]:
            if name in group_names:
                found.add_group(group_names[name])
            else:
                found.add_agency(name)
        if obligation.get("inspection"):
            words = fold(obligation["quote"])
            wanted = _inspected_class(words)
            found.add_group(wanted)
    return found


_LISTED = re.compile(r"\s*[(:,]?\s*(?:gom|bao\s+gom)\s*:?\s*$")
_BETWEEN = re.compile(r"^\s*(?:,|va)?\s*$")


def _members_said(text: str, mentions: list[Mention], found: RegistryDraft) -> None:
    """ "Các sở, ban, ngành (gồm Sở Nội vụ, Sở Tư pháp và Sở Tài chính)": the group is
    these agencies, not every agency of its kinds."""
    folded = fold(text)
    for i, mention in enumerate(mentions):
        if mention.group is None or mention.group not in found.groups or i + 1 >= len(mentions):
            continue
        if not _LISTED.match(folded[mention.span.end : mentions[i + 1].span.start]):
            continue
        listed = [mentions[i + 1]]
        for nxt in mentions[i + 2 :]:
            if not _BETWEEN.match(folded[listed[-1].span.end : nxt.span.start]):
                break
            listed.append(nxt)
        if len(listed) < 2 or any(m.group is not None for m in listed):
            continue
        codes = [found.agencies[_SAME_AS.get(m.name, m.name)]["code"] for m in listed]
        group = found.groups[mention.group]
        group["members"] = codes
        group.pop("kinds", None)
        group.pop("levels", None)


def _inspected_class(words: str) -> str:
    """The group of inspected units a duty needs (as `FieldReader._inspected_units` asks)."""
    if re.search(r"mot cua|hanh chinh cong|tiep nhan va tra", words):
        return "diem-tiep-nhan"
    return "cqhc"


def annotate(yaml_text: str) -> str:
    """Mark each agency's empty list of people as the clerk's to fill."""
    return re.sub(r"(?m)^(\s*people: \[\])$", rf"\1  # {_TO_FILL}", yaml_text)


def extract_with_registry_draft(
    path: Any, *, today: Any, convert_tcvn3: bool = False
) -> tuple[Any, RegistryDraft]:
    """Read a document of a province without a registry: a first reading gives the
    agencies by name, the registry is drafted from them, and a second reading with that
    registry gives a draft whose agencies are its codes."""
    from extraction.draft import extract_draft, province_code

    first = extract_draft(path, today=today, convert_tcvn3=convert_tcvn3)
    document = first.data["document"]
    province_name = first.header_province or "(chưa rõ tên tỉnh)"
    draft = registry_draft(
        first.source.text,
        document["province"] if first.header_province else province_code(None),
        province_name,
        first.data["obligations"],
    )
    index = AgencyIndex.from_registry(draft.registry())
    second = extract_draft(path, today=today, agencies=index, convert_tcvn3=convert_tcvn3)
    return second, draft
