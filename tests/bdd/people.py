"""Who a step means: agencies as offices name them, and the people a letter goes to.

The reading here is the agency registry's (docs/catalogue-format.md), not the engine's:
an agency's "đầu mối" is its people with role `assignee` (its head when it has none, its
own addresses when it has nobody), its "thủ trưởng" its people with role `head`; the
province's "Văn phòng UBND tỉnh" is whoever has role `coordinator` there and its "Chánh
Văn phòng" whoever has role `coordination_leader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.models import Agency, Person

ROLE_WORDS = {
    "trưởng đoàn kiểm tra": ("inspection_lead",),
    "đầu mối và thủ trưởng": ("assignee", "head"),
    "đầu mối": ("assignee",),
    "thủ trưởng": ("head",),
}
ROLE_LABELS = {"assignee": "đầu mối", "head": "thủ trưởng", "inspection_lead": "trưởng đoàn"}
PROVINCE_WIDE = {
    "chánh văn phòng ubnd tỉnh": "coordination_leader",
    "văn phòng ubnd tỉnh": "coordinator",
}
# Agencies named by their part in the followed tasks rather than by name.
FOLLOWED_ROLES = {
    "cơ quan chủ trì": "lead",
    "các cơ quan chủ trì": "lead",
    "các cơ quan phối hợp": "cooperating",
}
_QUOTED = re.compile(r'^"(?P<name>[^"]+)"$')
_ROLE_OF = re.compile(r"^(?P<role>" + "|".join(ROLE_WORDS) + r") của (?P<ref>.+)$")


@dataclass(frozen=True)
class Recipients:
    """One part of an audience: a person, or the people of one role of one agency."""

    label: str
    addresses: frozenset[str]
    every: bool = True  # each address must get the letter (else: at least one of them)


@dataclass(frozen=True)
class Audience:
    """Who a step names: parts that must each be told, and every address that is theirs."""

    wording: str
    groups: tuple[Recipients, ...]

    @property
    def addresses(self) -> frozenset[str]:
        return frozenset(a for group in self.groups for a in group.addresses)


class People:
    """The registry of one scenario's database, read once."""

    def __init__(self, session: Session) -> None:
        self.directory = AgencyDirectory(session)
        self.agencies = self.directory.agencies
        self.by_id = self.directory.by_id
        self.people = list(session.scalars(select(Person).where(Person.retired_at.is_(None))))

    # --- agencies ---------------------------------------------------------------------

    def agencies_named(self, ref: str, province: str | None) -> list[Agency]:
        """ "Sở Nội vụ", "QN-SNV", "QN-CAC-SO", "Văn phòng UBND tỉnh; Sở Tư pháp" → agencies."""
        found: dict[int, Agency] = {}
        for part in (p.strip() for p in ref.split(";")):
            if part:
                for agency in self._one(part, province):
                    found.setdefault(agency.id, agency)
        return list(found.values())

    def _one(self, name: str, province: str | None) -> list[Agency]:
        if name in self.agencies or name in self.directory.groups:
            return self.directory.resolve([name])
        wanted = name.casefold()
        matches = [
            a
            for a in self.agencies.values()
            if (province is None or a.province == province)
            and wanted
            in {n.casefold() for n in (a.name, a.short_name or "", *(a.aliases or [])) if n}
        ]
        if len(matches) == 1:
            return matches
        groups = [
            g
            for g in self.directory.groups.values()
            if (province is None or g.province == province) and g.name.casefold() == wanted
        ]
        if len(groups) == 1 and not matches:
            return self.directory.members(groups[0])
        where = f" ở tỉnh {province}" if province else ""
        if matches or groups:
            codes = ", ".join([a.code for a in matches] + [g.code for g in groups])
            raise AssertionError(f'"{name}" chỉ nhiều cơ quan{where} ({codes}); hãy dùng mã')
        raise AssertionError(f'Không có cơ quan hay nhóm nào tên "{name}"{where}')

    # --- people -------------------------------------------------------------------------

    def addresses(self, agency: Agency, role: str) -> frozenset[str]:
        own = [p for p in self.people if p.agency_id == agency.id]
        chosen = {p.email.lower() for p in own if role in p.roles}
        if not chosen and role in ("assignee", "inspection_lead"):
            chosen = {p.email.lower() for p in own if "head" in p.roles}
        return frozenset(chosen or {e.lower() for e in agency.emails})

    def everyone_of(self, agency: Agency) -> frozenset[str]:
        own = {p.email.lower() for p in self.people if p.agency_id == agency.id}
        return frozenset(own | {e.lower() for e in agency.emails})

    def province_role(self, role: str, provinces: set[str]) -> frozenset[str]:
        return frozenset(
            p.email.lower()
            for p in self.people
            if role in p.roles and self.by_id[p.agency_id].province in provinces
        )

    def audience(
        self, wording: str, *, provinces: set[str], followed: dict[str, list[Agency]]
    ) -> Audience:
        """Read a "who" phrase of a step; `followed` names the agencies of followed tasks."""
        text = wording.strip()
        quoted = _QUOTED.match(text)
        if quoted and "@" in quoted["name"]:
            address = quoted["name"].lower()
            return Audience(text, (Recipients(address, frozenset({address})),))
        if text.casefold() in PROVINCE_WIDE:
            role = PROVINCE_WIDE[text.casefold()]
            addresses = self.province_role(role, provinces)
            assert addresses, f"Tỉnh {', '.join(sorted(provinces))} không có ai giữ vai trò {role}"
            return Audience(
                text, tuple(Recipients(text, frozenset({a})) for a in sorted(addresses))
            )
        role_of = _ROLE_OF.match(text)
        if role_of:
            roles = ROLE_WORDS[role_of["role"]]
            agencies = self._agencies_of(role_of["ref"], provinces, followed)
            return Audience(
                text,
                tuple(
                    Recipients(
                        f"{ROLE_LABELS[role]} của {agency.code}", self.addresses(agency, role)
                    )
                    for agency in agencies
                    for role in roles
                ),
            )
        agencies = self._agencies_of(text, provinces, followed)
        return Audience(
            text, tuple(Recipients(a.code, self.everyone_of(a), every=False) for a in agencies)
        )

    def _agencies_of(
        self, ref: str, provinces: set[str], followed: dict[str, list[Agency]]
    ) -> list[Agency]:
        if ref.casefold() in FOLLOWED_ROLES:
            return followed[FOLLOWED_ROLES[ref.casefold()]]
        quoted = _QUOTED.match(ref.strip())
        if not quoted:
            raise AssertionError(
                f'Không hiểu "{ref}": đặt tên cơ quan trong ngoặc kép, ví dụ "Sở Nội vụ"'
            )
        province = next(iter(provinces)) if len(provinces) == 1 else None
        return self.agencies_named(quoted["name"], province)
