"""Loading catalogues: transactional, idempotent, never deleting."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from dondoc.db import transaction
from tasks_catalog.catalogue.problems import CatalogueInvalid
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Agency, Document, InspectionDuty, Obligation, Person, Target
from tests.conftest import NOW
from tests.helpers import copy_valid, edit, snapshot


def load(engine: Engine, calendar, *paths: Path):  # noqa: ANN001, ANN201
    with transaction(engine) as session:
        return load_paths(session, list(paths), calendar, NOW)


def test_loading_a_catalogue_writes_every_entry(engine, calendar, tmp_path):
    report = load(engine, calendar, copy_valid(tmp_path))
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(Agency)) == 7
        assert session.scalar(select(func.count()).select_from(Person)) == 7
        document = session.scalar(select(Document))
        assert (document.number, document.valid_from.isoformat()) == ("99/NQ-HĐND", "2024-12-10")
        codes = session.scalars(select(Obligation.code).order_by(Obligation.position)).all()
        assert codes[0] == "HB99-D3.1-KEHOACH" and len(codes) == 4
        duty = session.scalar(select(InspectionDuty))
        assert (duty.count, duty.per, duty.units, duty.unannounced) == (
            2,
            "year",
            "HB-DIEM-TIEP-NHAN",
            True,
        )
        target = session.scalar(select(Target))
        assert (target.comparator, target.value, target.year) == (">=", 100.0, 2025)
        parent = session.scalar(select(Agency).where(Agency.code == "HB-SNV")).parent
        assert parent.code == "HB-UBND"
    assert report.as_dict()["obligation"] == {"created": 4}


def test_loading_the_same_files_twice_changes_nothing(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    load(engine, calendar, folder)
    before = snapshot(engine)
    report = load(engine, calendar, folder)
    assert report.changed() == 0
    assert snapshot(engine) == before


def test_an_entry_removed_from_its_file_is_retired_and_comes_back(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    load(engine, calendar, folder)
    document = folder / "nghi-quyet.yaml"
    original = document.read_text(encoding="utf-8")
    start = original.index("  - code: HB99-D1.2-MT2025")
    document.write_text(original[:start], encoding="utf-8")
    report = load(engine, calendar, folder)
    assert report.as_dict()["obligation"] == {"retired": 1, "unchanged": 3}
    with transaction(engine) as session:
        retired = session.scalar(select(Obligation).where(Obligation.code == "HB99-D1.2-MT2025"))
        assert retired is not None and retired.retired_at is not None
    document.write_text(original, encoding="utf-8")
    load(engine, calendar, folder)
    with transaction(engine) as session:
        back = session.scalar(select(Obligation).where(Obligation.code == "HB99-D1.2-MT2025"))
        assert back.retired_at is None


def test_a_changed_entry_is_updated_in_place(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    load(engine, calendar, folder)
    edit(folder / "nghi-quyet.yaml", "{once: 2025-03-31}", "{once: 2025-04-30}")
    report = load(engine, calendar, folder)
    assert report.as_dict()["obligation"] == {"updated": 1, "unchanged": 3}
    with transaction(engine) as session:
        row = session.scalar(select(Obligation).where(Obligation.code == "HB99-D3.1-KEHOACH"))
        assert row.schedule == {"once": "2025-04-30"}


def test_an_invalid_file_leaves_the_database_as_it_was(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    load(engine, calendar, folder)
    before = snapshot(engine)
    edit(folder / "agencies.yaml", "name: Sở Tư pháp", "name: Sở Tư pháp (đổi tên)")
    edit(
        folder / "nghi-quyet.yaml",
        "lead: [HB-SNV]\n    cooperating",
        "lead: [HB-KHONG-CO]\n    cooperating",
    )
    with pytest.raises(CatalogueInvalid):
        load(engine, calendar, folder)
    assert snapshot(engine) == before


def test_a_document_may_name_agencies_already_in_the_database(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    load(engine, calendar, folder / "agencies.yaml")
    report = load(engine, calendar, folder / "nghi-quyet.yaml")
    assert report.as_dict()["obligation"] == {"created": 4}


def test_an_obligation_code_cannot_move_to_another_document(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    load(engine, calendar, folder)
    edit(folder / "nghi-quyet.yaml", "number: 99/NQ-HĐND", "number: 100/NQ-HĐND")
    with pytest.raises(CatalogueInvalid) as caught:
        load(engine, calendar, folder)
    assert any("đã thuộc văn bản 99/NQ-HĐND" in p.message for p in caught.value.problems)


def test_agencies_written_by_name_are_stored_as_codes(engine, calendar, tmp_path):
    folder = copy_valid(tmp_path)
    load(engine, calendar, folder / "agencies.yaml")
    edit(
        folder / "nghi-quyet.yaml",
        "lead: [HB-SNV]\n    cooperating: [HB-VP]",
        "lead: [sở nội vụ]\n    cooperating: [Van phong UBND tinh]",
    )
    edit(folder / "nghi-quyet.yaml", "lead: [HB-CAC-SO]", "lead: ['Các sở, ban, ngành']")
    load(engine, calendar, folder / "nghi-quyet.yaml")
    with transaction(engine) as session:
        rows = {o.code: (o.lead, o.cooperating) for o in session.scalars(select(Obligation))}
    assert rows["HB99-D3.1-KEHOACH"] == (["HB-SNV"], ["HB-VP"])
    assert rows["HB99-D3.2-BAOCAO"] == (["HB-CAC-SO"], [])
