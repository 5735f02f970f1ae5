"""One province's files never change another's agencies, people or who reads its plans.

The registries of Quảng Ninh and Tuyên Quang are loaded; then hostile variants of each
(declaring the other's agency code, listing the other's director, hanging an agency on
the other's People's Committee, assigning a document to the other's department) are
refused with a located message, and the database is unchanged. A Hypothesis test loads
any sequence of good and hostile files and checks, after each, that the inspection team
of every inspecting agency is exactly the people its own province's file names.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from dondoc.db import make_engine, transaction
from inspections.access import TEAM_ROLES, Scope, viewer_for
from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.problems import CatalogueInvalid
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Agency, Person
from tests.conftest import NOW, SEEDS
from tests.helpers import snapshot

AGENCIES = SEEDS / "agencies"
QN_FILE, TQ_FILE = AGENCIES / "quang-ninh.yaml", AGENCIES / "tuyen-quang.yaml"
TQ_DOC = SEEDS / "de-an-cchc-tuyen-quang.yaml"
QN_DOC = SEEDS / "chi-dao-kiem-tra-dot-xuat-quang-ninh.yaml"
TQ_DIRECTOR = "giamdoc@snv.tuyenquang.example"
CAL = default_calendar()


def _read(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _agency(registry: dict[str, Any], code: str) -> dict[str, Any]:
    return next(a for a in registry["agencies"] if a["code"] == code)


def _intruder(registry: dict[str, Any], code: str) -> None:
    """Declare another province's agency, with an invented inspection lead."""
    registry["agencies"].append(
        {
            "code": code,
            "name": "Cơ quan giả",
            "level": "province",
            "kind": "department",
            "people": [
                {
                    "name": "Người lạ",
                    "email": f"nguoila.{code.lower()}@evil.example",
                    "roles": ["inspection_lead", "inspector"],
                }
            ],
        }
    )


def _steal_person(registry: dict[str, Any], email: str) -> None:
    registry["agencies"][0]["people"].append(
        {"name": "Giám đốc", "email": email, "roles": ["inspection_lead", "inspector"]}
    )


def _foreign_parent(registry: dict[str, Any], parent: str) -> None:
    registry["agencies"][-1]["parent"] = parent


def _foreign_member(registry: dict[str, Any], member: str) -> None:
    registry["groups"][0].setdefault("members", []).append(member)


HOSTILE: dict[str, tuple[Path, Callable[[dict[str, Any]], None]]] = {
    "qn-declares-TQ-SNV": (QN_FILE, lambda r: _intruder(r, "TQ-SNV")),
    "qn-lists-tq-director": (QN_FILE, lambda r: _steal_person(r, TQ_DIRECTOR)),
    "qn-parent-in-tq": (QN_FILE, lambda r: _foreign_parent(r, "TQ-UBND")),
    "qn-group-member-in-tq": (QN_FILE, lambda r: _foreign_member(r, "TQ-SNV")),
    "tq-declares-QN-SNV": (TQ_FILE, lambda r: _intruder(r, "QN-SNV")),
    "tq-lists-qn-lead": (
        TQ_FILE,
        lambda r: _steal_person(r, "chanhthanhtra@snv.quangninh.example"),
    ),
}


def _write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files: dict[str, Path] = {}
    for name, (source, change) in HOSTILE.items():
        data = _read(source)
        change(data)
        files[name] = _write(folder, name, data)
    document = _read(QN_DOC)
    document["obligations"][0]["lead"] = ["TQ-SNV"]
    files["qn-document-assigns-TQ-SNV"] = _write(folder, "qn-document-assigns-TQ-SNV", document)
    return files


def _load(engine: Engine, *paths: Path) -> None:
    with transaction(engine) as session:
        load_paths(session, list(paths), CAL, NOW)


def _declared_teams() -> set[tuple[str, str]]:
    """(email, agency code) of every inspection role the two provinces' own files name."""
    team = set()
    for path in (QN_FILE, TQ_FILE):
        for agency in _read(path)["agencies"]:
            for person in agency.get("people", []):
                if TEAM_ROLES & set(person.get("roles", [])):
                    team.add((person["email"].lower(), agency["code"]))
    return team


def _plan_readers(engine: Engine) -> set[tuple[str, str]]:
    """(email, agency) of every active person who is on some inspecting agency's team."""
    readers = set()
    with transaction(engine) as session:
        scope = Scope(session)
        leads = {lead for duty in scope.duties.values() for lead in duty.leads}
        codes = {a.id: a.code for a in session.scalars(select(Agency))}
        emails = session.scalars(select(Person.email).where(Person.retired_at.is_(None)))
        for email in emails:
            viewer = viewer_for(session, email)
            for lead in leads:
                if scope.is_team(viewer, lead):
                    readers.add((email.lower(), codes[lead]))
    return readers


@pytest.fixture
def two_provinces(engine: Engine) -> Engine:
    _load(engine, QN_FILE, QN_DOC, TQ_FILE, TQ_DOC)
    return engine


REFUSALS = {
    "qn-declares-TQ-SNV": 'mã cơ quan "TQ-SNV" thuộc tỉnh TQ',
    "qn-lists-tq-director": f'"{TQ_DIRECTOR}" là người của tỉnh TQ',
    "qn-parent-in-tq": 'cơ quan cấp trên "TQ-UBND" thuộc tỉnh TQ',
    "qn-group-member-in-tq": 'cơ quan "TQ-SNV" thuộc tỉnh TQ',
    "tq-declares-QN-SNV": 'mã cơ quan "QN-SNV" thuộc tỉnh QN',
    "tq-lists-qn-lead": "là người của tỉnh QN",
    "qn-document-assigns-TQ-SNV": 'cơ quan hoặc nhóm "TQ-SNV" thuộc tỉnh TQ',
}


def test_a_file_cannot_touch_another_provinces_agencies_or_people(
    two_provinces: Engine, hostile_files: dict[str, Path]
) -> None:
    before = snapshot(two_provinces)
    for name, needle in REFUSALS.items():
        path = hostile_files[name]
        with pytest.raises(CatalogueInvalid) as refused:
            _load(two_provinces, path)
        assert any(needle in p.message for p in refused.value.problems), (name, refused.value)
        assert all(p.where.startswith(f"{path}:") for p in refused.value.problems), name
    assert snapshot(two_provinces) == before


def test_the_loader_itself_refuses_a_foreign_code_even_without_the_checks(
    two_provinces: Engine, hostile_files: dict[str, Path]
) -> None:
    from tasks_catalog.catalogue.files import parse_files
    from tasks_catalog.catalogue.loader import load_files

    before = snapshot(two_provinces)
    files = parse_files([hostile_files["qn-declares-TQ-SNV"]])
    with pytest.raises(CatalogueInvalid, match="TQ-SNV"), transaction(two_provinces) as session:
        load_files(session, files, NOW)
    assert snapshot(two_provinces) == before


@pytest.fixture(scope="module")
def loaded_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    path = tmp_path_factory.mktemp("provinces") / "two.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    _load(engine, QN_FILE, QN_DOC, TQ_FILE, TQ_DOC)
    engine.dispose()
    return path


GOOD = ["qn", "tq", "qn+tq"]
ANY_FILE = st.sampled_from([*GOOD, *HOSTILE, "qn-document-assigns-TQ-SNV"])


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(sequence=st.lists(ANY_FILE, min_size=1, max_size=3))
def test_no_sequence_of_loads_lets_anyone_outside_a_team_read_a_plan(
    sequence: list[str],
    loaded_template: Path,
    hostile_files: dict[str, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    path = tmp_path_factory.mktemp("seq") / "db.sqlite3"
    shutil.copy(loaded_template, path)
    engine = make_engine(f"sqlite:///{path}")
    good = {"qn": [QN_FILE], "tq": [TQ_FILE], "qn+tq": [QN_FILE, TQ_FILE]}
    try:
        expected = _declared_teams()
        for name in sequence:
            if name in good:
                _load(engine, *good[name])
            else:
                with pytest.raises(CatalogueInvalid):
                    _load(engine, hostile_files[name])
            readers = _plan_readers(engine)
            assert readers <= expected, readers - expected
            assert {code for _, code in readers} == {"QN-SNV", "TQ-SNV"}
    finally:
        engine.dispose()
        path.unlink()
