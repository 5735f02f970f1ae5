"""Writing validated catalogue files into the database.

Loading is idempotent (a second load of the same files changes nothing) and never
deletes: an agency, group, person or obligation that disappears from its file is
retired, and comes back if it reappears. The caller owns the transaction, so an error
anywhere leaves the database as it was.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog import models
from tasks_catalog.catalogue import schema
from tasks_catalog.catalogue.checks import KnownCodes
from tasks_catalog.catalogue.files import CatalogueFile, DocumentFile, RegistryFile
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem


@dataclass
class LoadReport:
    """How many rows of each kind were created, updated, retired or left as they were."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, entity: str, action: str) -> None:
        self.counts[(entity, action)] += 1

    def changed(self) -> int:
        return sum(n for (_, action), n in self.counts.items() if action != "unchanged")

    def as_dict(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for (entity, action), n in sorted(self.counts.items()):
            out.setdefault(entity, {})[action] = n
        return out


def known_codes(session: Session) -> KnownCodes:
    known = KnownCodes()
    agencies = session.execute(
        select(
            models.Agency.code,
            models.Agency.province,
            models.Agency.name,
            models.Agency.short_name,
            models.Agency.aliases,
        ).where(models.Agency.retired_at.is_(None))
    )
    for code, province, name, short_name, aliases in agencies:
        known.agencies_by_province.setdefault(province, set()).add(code)
        names = known.names_by_province.setdefault(province, [])
        names.append((code, name, short_name or "", *aliases))
    groups = session.execute(
        select(models.AgencyGroup.code, models.AgencyGroup.province, models.AgencyGroup.name).where(
            models.AgencyGroup.retired_at.is_(None)
        )
    )
    for code, province, name in groups:
        known.groups_by_province.setdefault(province, set()).add(code)
        known.names_by_province.setdefault(province, []).append((code, name))
    rows = session.execute(
        select(models.Obligation.code, models.Document.number).join(models.Document)
    )
    known.obligation_documents = {code: number for code, number in rows}
    numbers = select(models.Document.number, models.Document.province)
    known.document_provinces = {n: p for n, p in session.execute(numbers)}
    for cls in (models.Agency, models.AgencyGroup):
        known.code_provinces.update(
            (c, p) for c, p in session.execute(select(cls.code, cls.province))
        )
    people = session.execute(
        select(models.Person.email, models.Agency.province)
        .join(models.Agency, models.Person.agency_id == models.Agency.id)
        .where(models.Person.retired_at.is_(None))
    )
    known.person_provinces = {email.lower(): province for email, province in people}
    return known


def _refuse_foreign(registry: RegistryFile, what: str, owner: str) -> CatalogueInvalid:
    """The last guard (the checks refuse this first): a registry never writes across a
    province's border, whoever calls the loader."""
    province = registry.model.province
    return CatalogueInvalid(
        [
            Problem(
                registry.where(("province",)),
                f"{what} thuộc tỉnh {owner}; tệp của tỉnh {province} không được sửa",
            )
        ]
    )


def load_files(session: Session, files: list[CatalogueFile], now: datetime) -> LoadReport:
    report = LoadReport()
    for registry in (f for f in files if isinstance(f, RegistryFile)):
        _load_registry(session, registry, now, report)
    session.flush()
    for document in (f for f in files if isinstance(f, DocumentFile)):
        _load_document(session, document, now, report)
    session.flush()
    return report


def _sync(row: Any, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; say whether any did."""
    changed = False
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    return changed


def _upsert(
    session: Session,
    existing: dict[str, Any],
    cls: type,
    key: str,
    values: dict[str, Any],
    report: LoadReport,
    entity: str,
) -> Any:
    row = existing.get(values[key])
    if row is None:
        row = cls(**values)
        session.add(row)
        existing[values[key]] = row
        report.add(entity, "created")
    elif _sync(row, values):
        report.add(entity, "updated")
    else:
        report.add(entity, "unchanged")
    return row


def _retire_missing(
    rows: dict[str, Any], keep: set[str], now: datetime, report: LoadReport, entity: str
) -> None:
    for key, row in rows.items():
        if key not in keep and row.retired_at is None:
            row.retired_at = now
            report.add(entity, "retired")


def _load_registry(
    session: Session, registry: RegistryFile, now: datetime, report: LoadReport
) -> None:
    model = registry.model
    province = model.province
    _upsert(
        session,
        {p.code: p for p in session.scalars(select(models.Province))},
        models.Province,
        "code",
        {"code": province, "name": model.province_name},
        report,
        "province",
    )
    agencies = {a.code: a for a in session.scalars(select(models.Agency))}
    provincial = {c: a for c, a in agencies.items() if a.province == province}
    for agency in model.agencies:
        row = agencies.get(agency.code)
        if row is not None and row.province != province:
            raise _refuse_foreign(registry, f'cơ quan "{agency.code}"', row.province)
        _upsert(
            session,
            agencies,
            models.Agency,
            "code",
            _agency_values(agency, province),
            report,
            "agency",
        )
    session.flush()
    for agency in model.agencies:  # second pass: parents may come later in the file
        row = agencies[agency.code]
        parent_id = agencies[agency.parent].id if agency.parent else None
        if row.parent_id != parent_id:
            row.parent_id = parent_id
    _retire_missing(provincial, {a.code for a in model.agencies}, now, report, "agency")
    _load_people(session, registry, agencies, now, report)
    groups = {g.code: g for g in session.scalars(select(models.AgencyGroup))}
    provincial_groups = {c: g for c, g in groups.items() if g.province == province}
    for group in model.groups:
        existing = groups.get(group.code)
        if existing is not None and existing.province != province:
            raise _refuse_foreign(registry, f'nhóm "{group.code}"', existing.province)
        _upsert(
            session,
            groups,
            models.AgencyGroup,
            "code",
            _group_values(group, province),
            report,
            "group",
        )
    _retire_missing(provincial_groups, {g.code for g in model.groups}, now, report, "group")


def _agency_values(agency: schema.Agency, province: str) -> dict[str, Any]:
    return {
        "code": agency.code,
        "province": province,
        "name": agency.name,
        "short_name": agency.short_name,
        "aliases": list(agency.aliases),
        "level": agency.level,
        "kind": agency.kind,
        "emails": list(agency.emails),
        "retired_at": None,
    }


def _group_values(group: schema.AgencyGroup, province: str) -> dict[str, Any]:
    return {
        "code": group.code,
        "province": province,
        "name": group.name,
        "members": list(group.members),
        "kinds": list(group.kinds),
        "levels": list(group.levels),
        "within": group.within,
        "retired_at": None,
    }


def _load_people(
    session: Session,
    registry: RegistryFile,
    agencies: dict[str, models.Agency],
    now: datetime,
    report: LoadReport,
) -> None:
    model = registry.model
    province_ids = {a.id for a in agencies.values() if a.province == model.province}
    people = {p.email.lower(): p for p in session.scalars(select(models.Person))}
    provincial = {e: p for e, p in people.items() if p.agency_id in province_ids}
    listed: set[str] = set()
    for agency in model.agencies:
        for person in agency.people:
            email = person.email.lower()
            row = people.get(email)
            if row is not None and row.retired_at is None and row.agency_id not in province_ids:
                owner = next(a.province for a in agencies.values() if a.id == row.agency_id)
                raise _refuse_foreign(registry, f'người "{person.email}"', owner)
            listed.add(email)
            values = {
                "email": email,
                "name": person.name,
                "position": person.position,
                "agency_id": agencies[agency.code].id,
                "roles": list(person.roles),
                "retired_at": None,
            }
            _upsert(session, people, models.Person, "email", values, report, "person")
    _retire_missing(provincial, listed, now, report, "person")


def _load_document(session: Session, file: DocumentFile, now: datetime, report: LoadReport) -> None:
    doc = file.model.document
    existing = {
        d.number: d
        for d in session.scalars(
            select(models.Document).where(models.Document.number == doc.number)
        )
    }
    values = {
        "number": doc.number,
        "kind": doc.kind,
        "issuer": doc.issuer,
        "province": doc.province,
        "issued_on": doc.issued,
        "valid_from": doc.valid_from or doc.issued,
        "valid_until": doc.valid_until,
        "title": doc.title,
        "source": doc.source,
        "catalogue_file": file.path.name,
        "assumption": doc.assumption,
        "retired_at": None,
    }
    document = _upsert(session, existing, models.Document, "number", values, report, "document")
    session.flush()
    obligations = {
        o.code: o
        for o in session.scalars(
            select(models.Obligation).where(models.Obligation.document_id == document.id)
        )
    }
    for position, obligation in enumerate(file.model.obligations):
        values = _obligation_values(obligation, document, position)
        values["policy"], values["follow_up"] = file.model.follow_up_of(obligation)
        row = _upsert(session, obligations, models.Obligation, "code", values, report, "obligation")
        session.flush()
        _sync_inspection(session, row, obligation.inspection)
        _sync_target(session, row, obligation.target)
    _retire_missing(
        obligations, {o.code for o in file.model.obligations}, now, report, "obligation"
    )


def _obligation_values(
    obligation: schema.Obligation, document: models.Document, position: int
) -> dict[str, Any]:
    schedule = (
        obligation.schedule.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        if obligation.schedule
        else {}
    )
    return {
        "code": obligation.code,
        "document_id": document.id,
        "clause": obligation.clause,
        "quote": obligation.quote,
        "title": obligation.title,
        "kind": obligation.kind,
        "lead": list(obligation.lead),
        "cooperating": list(obligation.cooperating),
        "deliverable": obligation.deliverable,
        "schedule": schedule,
        "valid_from": obligation.valid_from or document.valid_from,
        "valid_until": obligation.valid_until or document.valid_until,
        "assumption": obligation.assumption if obligation.assumed else None,
        "position": position,
        "retired_at": None,
    }


def _sync_inspection(
    session: Session, row: models.Obligation, rule: schema.InspectionRule | None
) -> None:
    if rule is None:
        if row.inspection is not None:
            session.delete(row.inspection)  # the obligation changed kind; it keeps its tasks
        return
    values = {
        "count": rule.count,
        "per": rule.per,
        "units": rule.units,
        "unannounced": rule.unannounced,
    }
    if row.inspection is None:
        row.inspection = models.InspectionDuty(**values)
    else:
        _sync(row.inspection, values)


def _sync_target(session: Session, row: models.Obligation, rule: schema.TargetRule | None) -> None:
    if rule is None:
        if row.target is not None:
            session.delete(row.target)
        return
    values = rule.model_dump()
    if row.target is None:
        row.target = models.Target(**values)
    else:
        _sync(row.target, values)
