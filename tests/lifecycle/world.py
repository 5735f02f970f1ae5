"""The small valid catalogue (Hòa Bình Mẫu) planned for 2025, and ways to find its tasks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dondoc.db import transaction
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Agency, AssignmentRole, Obligation, Task
from tests.conftest import NOW
from tests.helpers import copy_valid
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ

PLAN = "HB99-D3.1-KEHOACH"  # due 31/03/2025, lead HB-SNV, cooperating HB-VP
INSPECTION = "HB99-D1.3-KTDX"  # lead HB-SNV, inspecting the one-stop units
SNV_HEAD = "giamdoc@snv.hoabinh.example"
SNV_STAFF = "chuyenvien@snv.hoabinh.example"  # assignee and inspector
VP_COORDINATOR = "dieuphoi@vp.hoabinh.example"
VP_CHIEF = "chanhvp@vp.hoabinh.example"  # coordination_leader and head of the VP
STP_HEAD = "giamdoc@stp.hoabinh.example"
DISTRICT_HEAD = "chutich@lacson.hoabinh.example"


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


def plan_world(engine: Engine, calendar: WorkCalendar, tmp_path: Path) -> Engine:
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)
    return engine


def find_task(
    session: Session, code: str, agency: str = "HB-SNV", role: AssignmentRole = AssignmentRole.LEAD
) -> Task:
    query = (
        select(Task)
        .join(Obligation, Task.obligation_id == Obligation.id)
        .join(Agency, Task.agency_id == Agency.id)
        .where(Obligation.code == code, Agency.code == agency, Task.role == role)
        .order_by(Task.id)
    )
    return session.scalars(query).first()
