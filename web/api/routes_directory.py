"""`/api/v1/me`, `/agencies`, `/documents`: who is calling, and the province's registry."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from inspections.access import Scope
from tasks_catalog.models import Document, Obligation
from tasks_catalog.queries import list_agencies
from web.api.auth import CallerDep
from web.api.schemas import AgencyItem, DocumentItem, Me
from web.deps import SessionDep

router = APIRouter(tags=["directory"])


@router.get("/me", response_model=Me, summary="Người gọi API")
def me(caller: CallerDep, session: SessionDep) -> dict[str, Any]:
    viewer = caller.viewer
    agency = Scope(session).agencies.get(viewer.agency_id or -1)
    return {
        "email": caller.email,
        "name": viewer.name,
        "agency": agency.code if agency else None,
        "province": viewer.province,
        "roles": sorted(viewer.roles),
    }


@router.get("/agencies", response_model=list[AgencyItem], summary="Cơ quan, đơn vị của tỉnh")
def agencies(caller: CallerDep, session: SessionDep) -> list[dict[str, Any]]:
    """The registry of the caller's own province (other provinces' are not theirs to read)."""
    if caller.viewer.province is None:
        return []
    return list_agencies(session, caller.viewer.province)


@router.get("/documents", response_model=list[DocumentItem], summary="Văn bản đã nạp")
def documents(
    caller: CallerDep,
    session: SessionDep,
    kind: Annotated[str | None, Query(max_length=20, description="Loại văn bản")] = None,
) -> list[dict[str, Any]]:
    counts = dict(
        session.execute(
            select(Obligation.document_id, func.count())
            .where(Obligation.retired_at.is_(None))
            .group_by(Obligation.document_id)
        ).all()
    )
    query = select(Document).where(
        Document.province == (caller.viewer.province or ""), Document.retired_at.is_(None)
    )
    if kind:
        query = query.where(Document.kind == kind)
    return [
        {
            "number": d.number,
            "kind": d.kind,
            "issuer": d.issuer,
            "province": d.province,
            "issued": d.issued_on.isoformat(),
            "valid_from": d.valid_from.isoformat(),
            "valid_until": d.valid_until.isoformat() if d.valid_until else None,
            "title": d.title,
            "obligations": counts.get(d.id, 0),
        }
        for d in session.scalars(query.order_by(Document.number))
    ]
