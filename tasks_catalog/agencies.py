"""Resolving agency and group codes to the agencies they stand for."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog.models import Agency, AgencyGroup


class AgencyDirectory:
    """All active agencies and groups, loaded once, for resolving many codes."""

    def __init__(self, session: Session) -> None:
        active = Agency.retired_at.is_(None)
        self.agencies = {a.code: a for a in session.scalars(select(Agency).where(active))}
        self.by_id = {a.id: a for a in self.agencies.values()}
        self.groups = {
            g.code: g
            for g in session.scalars(select(AgencyGroup).where(AgencyGroup.retired_at.is_(None)))
        }

    def resolve(self, codes: Iterable[str]) -> list[Agency]:
        """Agencies named by codes (an agency, or every member of a group), in order, once."""
        seen: dict[int, Agency] = {}
        for code in codes:
            for agency in self._expand(code):
                seen.setdefault(agency.id, agency)
        return list(seen.values())

    def _expand(self, code: str) -> list[Agency]:
        if code in self.agencies:
            return [self.agencies[code]]
        group = self.groups.get(code)
        if group is None:
            return []
        return self.members(group)

    def members(self, group: AgencyGroup) -> list[Agency]:
        chosen = [self.agencies[c] for c in group.members if c in self.agencies]
        if group.kinds:
            chosen += [
                a
                for a in self.agencies.values()
                if a.province == group.province
                and a.kind in group.kinds
                and (not group.levels or a.level in group.levels)
                and (group.within is None or self._is_within(a, group.within))
            ]
        unique = {a.id: a for a in chosen}
        return sorted(unique.values(), key=lambda a: a.code)

    def _is_within(self, agency: Agency, ancestor_code: str) -> bool:
        current: Agency | None = agency
        for _ in range(20):  # a parent cycle in bad data must not hang the planner
            if current is None:
                return False
            if current.code == ancestor_code:
                return True
            current = self.by_id.get(current.parent_id) if current.parent_id else None
        return False
