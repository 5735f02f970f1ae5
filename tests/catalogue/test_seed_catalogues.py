"""The seed catalogues: valid, faithful to their sources, and planned for 2025 and 2026."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dondoc.db import transaction
from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.checks import KnownCodes, check_files
from tasks_catalog.catalogue.files import DocumentFile, RegistryFile, parse_files
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Document, Obligation, Task
from tasks_catalog.year_plan import plan_year
from tests.conftest import NOW, SEEDS

SHARED_SEEDS = SEEDS.parents[2] / "shared" / "seeds"
FILES = parse_files([SEEDS])
DOCUMENTS = [f for f in FILES if isinstance(f, DocumentFile)]
REGISTRIES = [f for f in FILES if isinstance(f, RegistryFile)]


def _squash(text: str) -> str:
    # Sources break lines and pages mid-sentence; compare with white space folded.
    return re.sub(r"\s+", " ", text).strip()


def test_the_seed_catalogues_have_no_problem():
    assert check_files(FILES, KnownCodes(), default_calendar()) == []


def test_every_seed_document_has_a_catalogue():
    sources = sorted(Path(d.model.document.source).name for d in DOCUMENTS)
    assert sources == [
        "000_4d3257c3b2aec28d.txt",
        "001_a2993abeacf280c1.txt",
        "002_de54bd7c1f2ad1a0.txt",
        "003_219d0095f18ffe31.txt",
        "004_6c10444a01f2d5a1.txt",
    ]
    assert {r.model.province for r in REGISTRIES} == {"QN", "QT", "TQ"}


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this clone")
@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.path.name)
def test_every_quote_is_copied_from_its_source(doc):
    source = _squash(
        (SHARED_SEEDS / Path(doc.model.document.source).name).read_text(encoding="utf-8")
    )
    missing = [o.code for o in doc.model.obligations if _squash(o.quote) not in source]
    assert missing == []


def test_every_assumption_says_why():
    for doc in DOCUMENTS:
        for obligation in doc.model.obligations:
            assert obligation.clause and obligation.quote
            if obligation.assumed:
                assert len(obligation.assumption or "") > 10, obligation.code


def test_demo_addresses_use_the_reserved_example_domain():
    addresses = [
        address
        for registry in REGISTRIES
        for agency in registry.model.agencies
        for address in [*agency.emails, *(p.email for p in agency.people)]
    ]
    assert addresses and all(a.endswith(".example") for a in addresses)


def test_every_agency_that_receives_tasks_has_a_head_and_an_assignee():
    leads = {code for d in DOCUMENTS for o in d.model.obligations for code in o.lead}
    for registry in REGISTRIES:
        for agency in registry.model.agencies:
            if agency.code in leads:
                roles = {role for person in agency.people for role in person.roles}
                assert {"head", "assignee"} <= roles, agency.code


@pytest.fixture
def planned(engine):
    calendar = default_calendar()
    with transaction(engine) as session:
        load_paths(session, [SEEDS], calendar, NOW)
        for year in (2025, 2026):
            plan_year(session, year=year, calendar=calendar, now=NOW)
    return engine


def _tasks_per_document(session, year: int) -> Counter[str]:
    rows = session.execute(
        select(Document.number, func.count(Task.id))
        .join(Obligation, Obligation.document_id == Document.id)
        .join(Task, Task.obligation_id == Obligation.id)
        .where(Task.original_due_on.between(date(year, 1, 1), date(year, 12, 31)))
        .group_by(Document.number)
    )
    return Counter(dict(rows.all()))


def test_planning_2025_and_2026_gives_every_seed_document_tasks(planned):
    with transaction(planned) as session:
        numbers = set(session.scalars(select(Document.number)))
        in_2025 = _tasks_per_document(session, 2025)
        in_2026 = _tasks_per_document(session, 2026)
        valid_2026 = set(
            session.scalars(select(Document.number).where(Document.valid_until >= date(2026, 1, 1)))
        )
    assert set(in_2025) == numbers
    # The Quảng Trị resolution and its programme cover 2021–2025 and end with 2025.
    assert set(in_2026) == valid_2026 and len(valid_2026) == 3


def test_quang_ninh_plans_two_unannounced_inspections_a_year_at_every_unit(planned):
    with transaction(planned) as session:
        duty = session.scalar(
            select(Obligation)
            .join(Document)
            .where(Document.number == "124/NQ-HĐND", Obligation.kind == "inspection_duty")
        )
        assert duty.inspection.count == 2 and duty.inspection.unannounced
        directory = AgencyDirectory(session)
        units = {a.code for a in directory.members(directory.groups[duty.inspection.units])}
        assert len(units) >= 10
        for year in (2025, 2026):
            tasks = session.scalars(
                select(Task).where(
                    Task.obligation_id == duty.id,
                    Task.period_label == str(year),
                    Task.role == "lead",
                )
            ).all()
            per_unit = Counter(t.subject.code for t in tasks)
            assert set(per_unit) == units
            assert set(per_unit.values()) == {2 * len(duty.lead)}
