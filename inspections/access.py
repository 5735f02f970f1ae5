"""Who may see what of inspections: the one place every read asks (CLI now, web later).

A `Viewer` is a person of the registry (or the IT administrator: the CLI without `--as`).
The rules, all pure functions of plain data loaded once per request (`Scope`):

- **Plan entries** (a unit, a day, an inspector) of an unannounced duty: the inspection
  lead of the inspecting agency sees all of that agency's plans; an inspector sees the
  entries assigned to them. Nobody else, whatever their rank. An announced duty's entry is
  also seen by the province's coordination office and by the unit inspected.
- **Records**: the inspecting agency's team sees everything; the coordination office of
  the province and the inspecting agency's head see the record without its plan links and
  warnings; the unit inspected (and its parent, e.g. a district over its centre) sees its
  own records once out of draft, also without plan links and warnings. Others: nothing.
- **Compliance**: the team in full; the coordination office, leadership and the
  inspecting agency's head without what comes from the plan (planned, missed). Rows about
  a unit are never shown to that unit's side.
- **Tasks** (as services/permissions.py rules them): an ordinary task to the people of its agency and
  the province's coordination office; an inspection task only to the inspection roles of
  the inspecting agency.

"The unit's side" is the unit itself and its ancestors, except the ancestors it shares
with the inspecting agency (the provincial People's Committee is above both).
Every refusal says the same words, so that a refusal reveals nothing about what exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.models import Agency, InspectionDuty, Obligation, Person

TEAM_ROLES = frozenset({"inspector", "inspection_lead"})
TASK_COORDINATION_ROLES = frozenset({"coordinator", "coordination_leader"})
OFFICE_ROLES = TASK_COORDINATION_ROLES | {"leader"}
NOT_ALLOWED = "ông/bà không có quyền xem nội dung này"


class AccessDenied(Exception):
    def __init__(self, reason: str = NOT_ALLOWED) -> None:
        super().__init__(reason)
        self.reason = reason


class View(StrEnum):
    FULL = "full"  # the team (or the administrator): plan links and warnings included
    OFFICE = "office"  # coordination, leadership, the inspecting agency's head
    UNIT = "unit"  # the unit inspected: its own records, after the fact


@dataclass(frozen=True)
class Viewer:
    email: str | None  # None: the IT administrator (the CLI without --as)
    name: str
    person_id: int | None = None
    agency_id: int | None = None
    province: str | None = None
    roles: frozenset[str] = frozenset()

    @property
    def is_admin(self) -> bool:
        return self.email is None

    def label(self) -> str:
        return self.email or "admin"


ADMIN = Viewer(email=None, name="Quản trị hệ thống (toàn quyền)")


def viewer_for(session: Session, email: str | None) -> Viewer:
    """The viewer named by `--as EMAIL`; without one, the administrator."""
    if email is None:
        return ADMIN
    person = session.scalars(
        select(Person).where(
            func.lower(Person.email) == email.strip().lower(), Person.retired_at.is_(None)
        )
    ).first()
    if person is None:
        raise AccessDenied(f"không có người dùng {email} trong danh bạ")
    agency = session.get(Agency, person.agency_id)
    return Viewer(
        email=person.email,
        name=person.name,
        person_id=person.id,
        agency_id=person.agency_id,
        province=agency.province if agency else None,
        roles=frozenset(person.roles),
    )


@dataclass(frozen=True)
class DutyScope:
    duty_id: int
    code: str  # the obligation code
    unannounced: bool
    leads: frozenset[int]  # inspecting agencies
    units: frozenset[int]
    province: str


class Scope:
    """Agencies' parents and duties' leads and units, loaded once for many questions."""

    def __init__(self, session: Session) -> None:
        directory = AgencyDirectory(session)
        self.agencies = {a.id: a for a in session.scalars(select(Agency))}
        self.duties: dict[int, DutyScope] = {}
        query = select(InspectionDuty).join(InspectionDuty.obligation)
        for duty in session.scalars(query.where(Obligation.retired_at.is_(None))):
            group = directory.groups.get(duty.units)
            units = directory.members(group) if group else []
            leads = directory.resolve(duty.obligation.lead)
            self.duties[duty.id] = DutyScope(
                duty_id=duty.id,
                code=duty.obligation.code,
                unannounced=duty.unannounced,
                leads=frozenset(a.id for a in leads),
                units=frozenset(a.id for a in units),
                province=leads[0].province if leads else "",
            )
        self.by_code = {d.code: d for d in self.duties.values()}

    # --- relations between agencies -------------------------------------------------

    def ancestors(self, agency_id: int) -> list[int]:
        chain, current = [], self.agencies.get(agency_id)
        for _ in range(20):  # a parent cycle in bad data must not hang a request
            if current is None or current.parent_id is None:
                break
            chain.append(current.parent_id)
            current = self.agencies.get(current.parent_id)
        return chain

    def on_unit_side(self, viewer: Viewer, unit_id: int, inspecting_id: int) -> bool:
        """The viewer's agency is the unit, or above it but not above the inspectors."""
        if viewer.agency_id is None:
            return False
        if viewer.agency_id == unit_id:
            return True
        above_unit = self.ancestors(unit_id)
        return viewer.agency_id in above_unit and viewer.agency_id not in self.ancestors(
            inspecting_id
        )

    def province_of(self, agency_id: int) -> str | None:
        agency = self.agencies.get(agency_id)
        return agency.province if agency else None

    # --- who is who -----------------------------------------------------------------

    @staticmethod
    def is_team(viewer: Viewer, agency_id: int) -> bool:
        return viewer.is_admin or (
            viewer.agency_id == agency_id and bool(viewer.roles & TEAM_ROLES)
        )

    @staticmethod
    def is_team_lead(viewer: Viewer, agency_id: int) -> bool:
        return viewer.is_admin or (
            viewer.agency_id == agency_id and "inspection_lead" in viewer.roles
        )

    def is_office(self, viewer: Viewer, inspecting_id: int) -> bool:
        """Coordination or leadership of the province, or the inspecting agency's head."""
        if viewer.agency_id == inspecting_id and "head" in viewer.roles:
            return True
        return bool(viewer.roles & OFFICE_ROLES) and viewer.province == self.province_of(
            inspecting_id
        )

    # --- the rules ------------------------------------------------------------------

    def may_see_entry(
        self,
        viewer: Viewer,
        *,
        duty_id: int,
        agency_id: int,
        unit_id: int,
        inspector_id: int | None,
    ) -> bool:
        if self.is_team_lead(viewer, agency_id):
            return True
        if self.is_team(viewer, agency_id) and inspector_id == viewer.person_id:
            return True
        duty = self.duties.get(duty_id)
        if duty is None or duty.unannounced:
            return False
        return self.is_office(viewer, agency_id) or self.on_unit_side(viewer, unit_id, agency_id)

    def own_side(self, viewer: Viewer) -> set[int] | None:
        """The only units whose records a viewer could see, or None when not limited so.

        A viewer with no inspection or office role reads records of their own unit side at
        most: their agency and the agencies below it. (An upper bound for the query; the
        rules above still decide each record.)
        """
        if self.may_read_compliance(viewer):  # the team, the office, an inspecting head
            return None
        if viewer.agency_id is None:
            return set()
        below = {viewer.agency_id}
        for agency_id in self.agencies:
            if viewer.agency_id in self.ancestors(agency_id):
                below.add(agency_id)
        return below

    def may_read_compliance(self, viewer: Viewer) -> bool:
        """By role alone: the team, the office, the head of an inspecting agency."""
        if viewer.is_admin or viewer.roles & (TEAM_ROLES | OFFICE_ROLES):
            return True
        leads = {lead for duty in self.duties.values() for lead in duty.leads}
        return "head" in viewer.roles and viewer.agency_id in leads

    def may_see_some_plan(self, viewer: Viewer) -> bool:
        """Whether any plan entry could be this viewer's to see (by role and duty kind alone)."""
        if viewer.is_admin or viewer.roles & TEAM_ROLES:
            return True
        return any(not duty.unannounced for duty in self.duties.values())

    def may_plan(self, viewer: Viewer, agency_id: int) -> bool:
        """Draw or redraw a plan: the administrator or the agency's inspection lead."""
        return self.is_team_lead(viewer, agency_id)

    def may_log(self, viewer: Viewer, duty_id: int) -> bool:
        """Log or advance a record: the administrator or the team of a lead agency."""
        duty = self.duties.get(duty_id)
        if viewer.is_admin:
            return True
        return duty is not None and any(self.is_team(viewer, lead) for lead in duty.leads)

    def record_view(
        self, viewer: Viewer, *, agency_id: int, unit_id: int, is_draft: bool
    ) -> View | None:
        if self.is_team(viewer, agency_id):
            return View.FULL
        if self.on_unit_side(viewer, unit_id, agency_id):
            return None if is_draft else View.UNIT
        if self.is_office(viewer, agency_id):
            return View.OFFICE
        return None

    def compliance_view(self, viewer: Viewer, *, agency_id: int, unit_id: int) -> View | None:
        if self.is_team(viewer, agency_id):
            return View.FULL
        if self.on_unit_side(viewer, unit_id, agency_id):
            return None
        return View.OFFICE if self.is_office(viewer, agency_id) else None

    def may_see_task(self, viewer: Viewer, *, agency_id: int, is_inspection: bool) -> bool:
        if viewer.is_admin:
            return True
        if is_inspection:
            return viewer.agency_id == agency_id and bool(viewer.roles & TEAM_ROLES)
        if viewer.agency_id == agency_id:
            return True
        return bool(viewer.roles & TASK_COORDINATION_ROLES) and viewer.province == self.province_of(
            agency_id
        )
