"""The Quảng Ninh world of the inspection tests, built once per process and copied per test.

`world` is a database (SQLite and PostgreSQL, like the `engine` fixture) holding the
Quảng Ninh seed catalogues, the 2025 tasks, and the inspection plans the engine drew on
2 January 2025 with `SECRET`. Building it takes about a second; copying it takes
milliseconds (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from dondoc.db import make_engine, transaction
from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.dates import LOCAL_TZ
from tests.conftest import (
    SEEDS,
    _pg_admin_url,
    drop_postgres_database,
    fresh_postgres_database,
    initialise,
)
from workflows.inspections import check_inspections
from workflows.plan_and_schedule import plan_and_schedule

QN = [
    SEEDS / "124-NQ-HDND-quang-ninh.yaml",
    SEEDS / "chi-dao-kiem-tra-dot-xuat-quang-ninh.yaml",
    SEEDS / "agencies" / "quang-ninh.yaml",
]
TQ = [SEEDS / "de-an-cchc-tuyen-quang.yaml", SEEDS / "agencies" / "tuyen-quang.yaml"]
DUTY = "QN124-D1.3c-KTDX"
LEAD = "chanhthanhtra@snv.quangninh.example"  # inspection_lead and inspector of QN-SNV
INSPECTOR = "thanhtravien1@snv.quangninh.example"
COORDINATOR = "theodoi.nhiemvu@vpubnd.quangninh.example"
OFFICE_LEADER = "chanhvanphong@vpubnd.quangninh.example"
SNV_HEAD = "giamdoc@snv.quangninh.example"
UNIT = "QN-HALONG-TTHCC"
UNIT_HEAD = "giamdoc.hcc@halong.quangninh.example"
SECRET = b"the-inspection-secret-of-the-tests-0001"
START = datetime(2025, 1, 2, 7, 30, tzinfo=LOCAL_TZ)
CAL = default_calendar()


def build_world(engine: Engine, *, secret: bytes | None = SECRET, paths: list[Path] = QN) -> None:
    with transaction(engine) as session:
        load_paths(session, paths, CAL, START)
        plan_and_schedule(session, year=2025, calendar=CAL, now=START)
        if secret is not None:
            check_inspections(session, now=START, calendar=CAL, secret=secret)


@pytest.fixture(scope="session")
def world_sqlite(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    path = tmp_path_factory.mktemp("world") / "world.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    build_world(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def world_postgres() -> Iterator[str]:
    url = fresh_postgres_database("inspections_world")
    engine = make_engine(url)
    initialise(engine)
    build_world(engine)
    engine.dispose()
    yield url
    drop_postgres_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the world, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "world.sqlite3"
        shutil.copy(request.getfixturevalue("world_sqlite"), path)
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        yield engine
        engine.dispose()
        return
    template = request.getfixturevalue("world_postgres")
    name = f"{make_url(template).database}_{abs(hash(request.node.nodeid)) % 10**8}"
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(
            text(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template).database}"')
        )
    admin.dispose()
    url = make_url(template).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    drop_postgres_database(url)


@pytest.fixture
def world_url(world: Engine) -> str:
    return world.url.render_as_string(hide_password=False)


def write_record(folder: Path, name: str = "record.yaml", **fields: Any) -> Path:
    """A record file with sensible defaults; `fields` override (None removes a key)."""
    data: dict[str, Any] = {
        "duty": DUTY,
        "form": "unannounced",
        "basis": "Quyết định số 15/QĐ-SNV ngày 03/03/2025 của Giám đốc Sở Nội vụ",
        "unit": UNIT,
        "content": "Việc giải quyết thủ tục hành chính, kỷ luật, kỷ cương hành chính",
        "scope": "Hồ sơ tiếp nhận từ 01/01/2025 đến ngày kiểm tra",
        "date": "2025-03-12",
        "place": "Trụ sở Trung tâm Hành chính công thành phố Hạ Long",
        "leader": {"email": LEAD, "duty": "Trưởng đoàn"},
        "members": [{"email": INSPECTOR, "duty": "Thành viên"}],
        "findings": "Tiếp nhận, trả kết quả đúng quy trình; 03 hồ sơ trễ hạn.",
        "violations": ["03 hồ sơ trả kết quả quá hạn không có văn bản xin lỗi"],
        "conclusion": "Cơ bản chấp hành tốt; chấn chỉnh việc xin lỗi khi trễ hạn.",
        "recommendations": ["Gửi văn bản xin lỗi công dân trong 03 ngày"],
        "state": "follow_up",
        "minutes_number": "05/BB-KTĐX",
    }
    for key, value in fields.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_text(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


# --- replayed years (tests/inspections/replay.py) ------------------------------------------

OTHER_SECRET = b"another-inspection-secret-for-the-control-world"


class Replayed:
    """A replayed year: its database, its mail catcher's folder, its secret."""

    def __init__(self, engine: Engine, mail: Path, secret: bytes, folder: Path) -> None:
        self.engine, self.mail, self.secret, self.folder = engine, mail, secret, folder

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)


@contextmanager
def built_once(factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """A folder shared by the xdist workers of this run; `True` when it still has to be built.

    The first worker builds under an exclusive lock and marks the folder done; the others
    wait for the lock and reuse what it built (pytest-xdist's recipe for session data).
    """
    base = factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            done = folder / "built"
            yield folder, not done.exists()
            done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _replayed_sqlite(
    factory: pytest.TempPathFactory, template: Path, secret: bytes, name: str
) -> Replayed:
    from tests.inspections.replay import replay

    with built_once(factory, name) as (folder, build):
        if build:
            shutil.copy(template, folder / "db.sqlite3")
            engine = make_engine(f"sqlite:///{folder / 'db.sqlite3'}")
            replay(engine, secret=secret, mail=folder / "mail", folder=folder, every=91)
            engine.dispose()
    return Replayed(
        make_engine(f"sqlite:///{folder / 'db.sqlite3'}"), folder / "mail", secret, folder
    )


@pytest.fixture(scope="session")
def replayed(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Replayed]:
    """2025 replayed on SQLite with `SECRET` (built once per run, shared by the workers)."""
    world = _replayed_sqlite(tmp_path_factory, sqlite_template, SECRET, "inspection-replay-a")
    yield world
    world.engine.dispose()


@pytest.fixture(scope="session")
def replayed_control(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[Replayed]:
    """The same year, the same inspections, another secret: other plans, nothing else."""
    world = _replayed_sqlite(tmp_path_factory, sqlite_template, OTHER_SECRET, "inspection-replay-b")
    yield world
    world.engine.dispose()
