"""Writing what the database holds back out as catalogue files (YAML or Excel).

An exported file validates and loads back without changing anything: the round trip is
how an office edits a catalogue it received as a database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog import models
from tasks_catalog.catalogue import schema

SCHEMA_COMMENT = "# yaml-language-server: $schema={}\n"


def document_catalogue(session: Session, number: str) -> schema.DocumentCatalogue | None:
    document = session.scalar(select(models.Document).where(models.Document.number == number))
    if document is None:
        return None
    obligations = [
        _obligation(o)
        for o in sorted(document.obligations, key=lambda o: o.position)
        if o.retired_at is None
    ]
    return schema.DocumentCatalogue(
        document=schema.Document(
            number=document.number,
            kind=document.kind,
            issuer=document.issuer,
            province=document.province,
            issued=document.issued_on,
            valid_from=document.valid_from if document.valid_from != document.issued_on else None,
            valid_until=document.valid_until,
            title=document.title,
            source=document.source,
            assumed=document.assumption is not None,
            assumption=document.assumption,
        ),
        policies={
            o.policy: schema.FollowUpSpec.model_validate(o.follow_up)
            for o in document.obligations
            if o.retired_at is None and o.follow_up
        },
        obligations=obligations,
    )


def _obligation(row: models.Obligation) -> schema.Obligation:
    document = row.document
    inspection = row.inspection
    target = row.target
    return schema.Obligation(
        code=row.code,
        clause=row.clause,
        quote=row.quote,
        title=row.title,
        kind=row.kind,
        lead=row.lead,
        cooperating=row.cooperating,
        deliverable=row.deliverable,
        schedule=schema.Schedule.model_validate(row.schedule) if row.schedule else None,
        valid_from=row.valid_from if row.valid_from != document.valid_from else None,
        valid_until=row.valid_until if row.valid_until != document.valid_until else None,
        policy=None if row.policy == "default" and not row.follow_up else row.policy,
        assumed=row.assumption is not None,
        assumption=row.assumption,
        inspection=schema.InspectionRule(
            count=inspection.count,
            per=inspection.per,
            units=inspection.units,
            unannounced=inspection.unannounced,
        )
        if inspection
        else None,
        target=schema.TargetRule(
            indicator=target.indicator,
            comparator=target.comparator,
            value=target.value,
            unit=target.unit,
            year=target.year,
            baseline_year=target.baseline_year,
        )
        if target
        else None,
    )


def agency_registry(session: Session, province: str) -> schema.AgencyRegistry | None:
    agencies = list(
        session.scalars(
            select(models.Agency)
            .where(models.Agency.province == province, models.Agency.retired_at.is_(None))
            .order_by(models.Agency.id)
        )
    )
    if not agencies:
        return None
    by_id = {a.id: a for a in agencies}
    groups = session.scalars(
        select(models.AgencyGroup)
        .where(models.AgencyGroup.province == province, models.AgencyGroup.retired_at.is_(None))
        .order_by(models.AgencyGroup.id)
    )
    return schema.AgencyRegistry(
        province=province,
        province_name=_province_name(session, province),
        agencies=[_agency(a, by_id) for a in agencies],
        groups=[
            schema.AgencyGroup(
                code=g.code,
                name=g.name,
                members=g.members,
                kinds=g.kinds,
                levels=g.levels,
                within=g.within,
            )
            for g in groups
        ],
    )


def _agency(row: models.Agency, by_id: dict[int, models.Agency]) -> schema.Agency:
    parent = by_id.get(row.parent_id) if row.parent_id else None
    return schema.Agency(
        code=row.code,
        name=row.name,
        short_name=row.short_name,
        aliases=row.aliases,
        level=row.level,
        kind=row.kind,
        parent=parent.code if parent else None,
        emails=row.emails,
        people=[
            schema.Person(name=p.name, email=p.email, position=p.position, roles=p.roles)
            for p in sorted(row.people, key=lambda p: p.id)
            if p.retired_at is None
        ],
    )


def dump_yaml(model: schema.AgencyRegistry | schema.DocumentCatalogue, schema_path: str) -> str:
    data: dict[str, Any] = model.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude_defaults=True
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return SCHEMA_COMMENT.format(schema_path) + body


def export_document(session: Session, number: str, output: Path) -> Path | None:
    catalogue = document_catalogue(session, number)
    if catalogue is None:
        return None
    if output.suffix.lower() == ".xlsx":
        from tasks_catalog.catalogue.excel import write_document_workbook

        write_document_workbook(catalogue, output, session=session)
    else:
        output.write_text(dump_yaml(catalogue, "catalogue.schema.json"), encoding="utf-8")
    return output


def export_agencies(session: Session, province: str, output: Path) -> Path | None:
    registry = agency_registry(session, province)
    if registry is None:
        return None
    if output.suffix.lower() == ".xlsx":
        from tasks_catalog.catalogue.excel import write_agency_workbook

        write_agency_workbook(registry, output)
    else:
        output.write_text(dump_yaml(registry, "catalogue.schema.json"), encoding="utf-8")
    return output


def _province_name(session: Session, code: str) -> str:
    """The province's name; its agencies reference it, so the row exists."""
    row = session.get(models.Province, code)
    if row is None:
        raise LookupError(f"province {code!r} is not in the database")
    return row.name
