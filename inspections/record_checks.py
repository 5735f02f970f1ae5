"""The checks a record file must pass before anything is written (see `records.py`).

Every reference is looked up (the duty, the unit, the team, earlier records, evidence
files) and every problem is reported at its line; doubtful but acceptable facts become
warnings kept on the record.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspections.access import TEAM_ROLES, AccessDenied, Scope, Viewer
from inspections.evidence import EvidenceStore
from inspections.models import InspectionForm, InspectionRecord
from inspections.record_input import ParsedRecord, TeamMemberInput
from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem
from tasks_catalog.dates import dmy, local_date
from tasks_catalog.models import Agency, InspectionDuty, Obligation, Person

LOGGING_GRACE_WORKING_DAYS = 5  # a record logged later than this gets a warning


def warning(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


class Checked:
    """What a record file refers to, once every reference has been found."""

    duty: InspectionDuty
    unit: Agency
    leader: Person
    team: list[dict[str, Any]]
    evidence: list[tuple[Any, str]]  # (path, description)
    warnings: list[dict[str, str]]


def check_record(
    session: Session,
    parsed: ParsedRecord,
    store: EvidenceStore,
    calendar: WorkCalendar,
    now: datetime,
    viewer: Viewer,
) -> Checked:
    """Everything the record refers to, or CatalogueInvalid with every problem at its line.

    An unknown duty or unit stops at once (nothing else can be checked without them);
    otherwise date, team, duplicates and evidence are all checked and reported together.
    """
    where, record_in = parsed.where, parsed.record
    problems: list[Problem] = []
    checked = Checked()
    checked.warnings = []
    obligation = session.scalars(
        select(Obligation).where(Obligation.code == record_in.duty)
    ).first()
    if obligation is None or obligation.inspection is None or obligation.retired_at is not None:
        raise CatalogueInvalid(
            [Problem(where(("duty",)), f'không có nhiệm vụ kiểm tra mã "{record_in.duty}"')]
        )
    duty = checked.duty = obligation.inspection
    scope = Scope(session)
    if not scope.may_log(viewer, duty.id):
        raise AccessDenied("ông/bà không có quyền ghi biên bản kiểm tra của nhiệm vụ này")
    directory = AgencyDirectory(session)
    unit = directory.agencies.get(record_in.unit)
    if unit is None:
        raise CatalogueInvalid(
            [Problem(where(("unit",)), f'không có đơn vị mã "{record_in.unit}"')]
        )
    checked.unit = unit
    if unit.id not in scope.duties[duty.id].units:
        problems.append(
            Problem(
                where(("unit",)),
                f'đơn vị "{unit.code}" ({unit.name}) không thuộc nhóm đơn vị phải kiểm tra '
                f'"{duty.units}" của nhiệm vụ {obligation.code}',
            )
        )
    problems += _check_date(parsed, obligation, calendar, now, checked)
    problems += _check_team(session, parsed, scope, duty, unit, checked)
    if problems:
        raise CatalogueInvalid(problems)
    problems += _check_duplicates(session, parsed, checked)
    problems += _check_evidence(parsed, store, checked)
    if problems:
        raise CatalogueInvalid(problems)
    if duty.unannounced and parsed.form == InspectionForm.SCHEDULED:
        checked.warnings.append(
            warning(
                "form_differs",
                "nhiệm vụ yêu cầu kiểm tra đột xuất; biên bản ghi hình thức theo kế hoạch",
            )
        )
    return checked


def _check_date(
    parsed: ParsedRecord,
    obligation: Obligation,
    calendar: WorkCalendar,
    now: datetime,
    checked: Checked,
) -> list[Problem]:
    day, today, where = parsed.record.date, local_date(now), parsed.where(("date",))
    if day > today:
        return [Problem(where, f"ngày kiểm tra {dmy(day)} ở tương lai (hôm nay là {dmy(today)})")]
    if day < obligation.valid_from or (obligation.valid_until and day > obligation.valid_until):
        return [
            Problem(
                where,
                f"ngày kiểm tra {dmy(day)} ngoài thời gian hiệu lực của nhiệm vụ {obligation.code}",
            )
        ]
    late = calendar.working_days_between(day, today)
    if late > LOGGING_GRACE_WORKING_DAYS:
        checked.warnings.append(
            warning(
                "logged_late", f"ghi nhận sau {late} ngày làm việc kể từ ngày kiểm tra {dmy(day)}"
            )
        )
    return []


def _person(session: Session, email: str) -> Person | None:
    return session.scalars(
        select(Person).where(func.lower(Person.email) == email.lower(), Person.retired_at.is_(None))
    ).first()


def _check_team(
    session: Session,
    parsed: ParsedRecord,
    scope: Scope,
    duty: InspectionDuty,
    unit: Agency,
    checked: Checked,
) -> list[Problem]:
    problems: list[Problem] = []
    checked.team = []
    seen: set[str] = set()
    inspecting = min(scope.duties[duty.id].leads, default=-1)
    members: list[tuple[tuple[str | int, ...], TeamMemberInput]]
    members = [(("leader",), parsed.record.leader)]
    members += [(("members", i), m) for i, m in enumerate(parsed.record.members)]
    for loc, member in members:
        where = parsed.where((*loc, "email"))
        person = _person(session, member.email)
        if person is None:
            problems.append(
                Problem(where, f'không có người có thư "{member.email}" trong danh bạ cơ quan')
            )
            continue
        if person.email.lower() in seen:
            problems.append(Problem(where, f'"{member.email}" có tên hai lần trong đoàn kiểm tra'))
        seen.add(person.email.lower())
        agency = scope.agencies[person.agency_id]
        as_viewer = Viewer(email=person.email, name=person.name, agency_id=person.agency_id)
        if scope.on_unit_side(as_viewer, unit.id, inspecting):
            problems.append(
                Problem(where, f"{person.name} thuộc chính đơn vị được kiểm tra ({agency.name})")
            )
        if loc == ("leader",):
            if not set(person.roles) & TEAM_ROLES:
                problems.append(
                    Problem(
                        where,
                        f"{person.name} không phải thành viên đoàn kiểm tra (vai trò inspector hoặc inspection_lead)",
                    )
                )
            elif person.agency_id not in scope.duties[duty.id].leads:
                problems.append(
                    Problem(
                        where,
                        f"{person.name} không thuộc cơ quan chủ trì kiểm tra của nhiệm vụ {duty.obligation.code}",
                    )
                )
            checked.leader = person
        checked.team.append(
            {
                "name": member.name or person.name,
                "email": person.email,
                "position": member.position or person.position,
                "unit": member.unit or agency.name,
                "duty": member.duty or ("Trưởng đoàn" if loc == ("leader",) else "Thành viên"),
            }
        )
    return problems


def _check_duplicates(session: Session, parsed: ParsedRecord, checked: Checked) -> list[Problem]:
    record_in, problems = parsed.record, []
    same_visit = session.scalars(
        select(InspectionRecord).where(
            InspectionRecord.unit_id == checked.unit.id,
            InspectionRecord.inspected_on == record_in.date,
            InspectionRecord.leader_id == checked.leader.id,
        )
    ).first()
    if same_visit is not None:
        problems.append(
            Problem(
                parsed.where(("date",)),
                f"cuộc kiểm tra này đã được ghi nhận (biên bản #{same_visit.id}: {checked.unit.code}, "
                f"ngày {dmy(record_in.date)}, trưởng đoàn {checked.leader.email})",
            )
        )
    if record_in.minutes_number:
        same_number = session.scalars(
            select(InspectionRecord).where(
                InspectionRecord.agency_id == checked.leader.agency_id,
                InspectionRecord.minutes_number == record_in.minutes_number,
            )
        ).first()
        if same_number is not None:
            problems.append(
                Problem(
                    parsed.where(("minutes_number",)),
                    f'số biên bản "{record_in.minutes_number}" đã dùng cho biên bản #{same_number.id}',
                )
            )
    return problems


def _check_evidence(parsed: ParsedRecord, store: EvidenceStore, checked: Checked) -> list[Problem]:
    problems: list[Problem] = []
    checked.evidence = []
    seen: set[Path] = set()
    for i, item in enumerate(parsed.record.evidence):
        path, reason = evidence_path(parsed.folder, item.file)
        if path is not None and path in seen:
            reason = f'tệp "{item.file}" đã có ở trên'
        reason = reason or store.check(path)  # type: ignore[arg-type]
        if reason:
            problems.append(Problem(parsed.where(("evidence", i, "file")), reason))
        else:
            assert path is not None
            seen.add(path)
            checked.evidence.append((path, item.description))
    return problems


def evidence_path(folder: Path, name: str) -> tuple[Path | None, str | None]:
    """The file `name` inside the record's folder, or why it is refused.

    Evidence comes from the record's own folder and below: no absolute path, no `..`, and no
    link that leads out of it (to /etc/shadow, another record's folder, /dev/zero)."""
    given = Path(name)
    outside = f'tệp minh chứng "{name}" phải nằm trong thư mục của biên bản'
    if given.is_absolute() or name.startswith(("/", "\\")) or ".." in given.parts:
        return None, outside
    root = folder.resolve()
    try:
        path = (root / given).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a loop of links
        return None, f'không tìm thấy tệp "{name}" trong thư mục của biên bản'
    if not path.is_relative_to(root):
        return None, outside
    return path, None
