"""Who an audience is: the people of the owning agency, or of the province's office."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog.models import Agency, Person, Province
from workflows.rules import Audience

ROLE_OF = {
    Audience.ASSIGNEE: "assignee",
    Audience.HEAD: "head",
    Audience.ASSIGNER: "coordinator",
    Audience.LEADERSHIP: "coordination_leader",
}
PROVINCE_WIDE = {Audience.ASSIGNER, Audience.LEADERSHIP}


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    reason: str  # why this person is told, shown in the e-mail


class RecipientDirectory:
    """Active people by agency and role, loaded once per sweep."""

    def __init__(self, session: Session) -> None:
        self.agencies = {a.id: a for a in session.scalars(select(Agency))}
        self.provinces = {p.code: p.name for p in session.scalars(select(Province))}
        self.by_agency_role: dict[tuple[int, str], list[Person]] = defaultdict(list)
        self.by_province_role: dict[tuple[str, str], list[Person]] = defaultdict(list)
        people = session.scalars(
            select(Person).where(Person.retired_at.is_(None)).order_by(Person.id)
        )
        for person in people:
            agency = self.agencies[person.agency_id]
            for role in person.roles:
                self.by_agency_role[(agency.id, role)].append(person)
                self.by_province_role[(agency.province, role)].append(person)

    def resolve(self, agency_id: int, audience: Audience) -> list[Recipient]:
        agency = self.agencies[agency_id]
        role = ROLE_OF[audience]
        if audience in PROVINCE_WIDE:
            people = self.by_province_role[(agency.province, role)]
        else:
            people = self.by_agency_role[(agency_id, role)]
            if not people and audience == Audience.ASSIGNEE:
                # No named staff: the head receives what the assignee would.
                people = self.by_agency_role[(agency_id, "head")]
        if not people and audience in (Audience.ASSIGNEE, Audience.HEAD):
            return [Recipient(e, agency.name, _reason(audience, agency)) for e in agency.emails]
        return [Recipient(p.email, p.name, _reason(audience, agency)) for p in people]


def _reason(audience: Audience, agency: Agency) -> str:
    return {
        Audience.ASSIGNEE: f"Đầu mối thực hiện của {agency.name}",
        Audience.HEAD: f"Thủ trưởng {agency.name}",
        Audience.ASSIGNER: "Văn phòng UBND tỉnh (nơi giao việc), để theo dõi",
        Audience.LEADERSHIP: "Lãnh đạo Văn phòng UBND tỉnh, báo cáo vượt cấp",
    }[audience]
