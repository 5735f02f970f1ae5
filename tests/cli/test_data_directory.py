"""The signing key, the evidence store and the mail catcher's folder live in one data
directory, whatever folder a command is started from; the database refuses another key."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dondoc.db import make_engine, transaction
from tasks_catalog.catalogue.service import load_paths
from tests.conftest import NOW
from tests.helpers import copy_valid, snapshot
from workflows.plan_and_schedule import plan_and_schedule

MORNING = "2025-03-20T07:30"
NEXT_MORNING = "2025-03-21T07:30"


@pytest.fixture
def data(tmp_path: Path, sqlite_template: Path, calendar) -> Path:  # noqa: ANN001
    """A planned SQLite database in its own folder, and nothing else there yet."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(sqlite_template, folder / "dondoc.sqlite3")
    engine = make_engine(f"sqlite:///{folder / 'dondoc.sqlite3'}")
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
        plan_and_schedule(session, year=2025, calendar=calendar, now=NOW)
    engine.dispose()
    return folder


def dondoc(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`dondoc …` as cron runs it: another folder, only the variables it is given."""
    cwd.mkdir(exist_ok=True)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DONDOC_")}
    return subprocess.run(
        [sys.executable, "-m", "dondoc", *args],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_tick_from_any_folder_uses_the_key_and_mailbox_beside_the_database(data, tmp_path):
    url = f"sqlite:///{data / 'dondoc.sqlite3'}"
    first = dondoc(tmp_path / "cron", "tick", "--now", MORNING, DONDOC_DATABASE_URL=url)
    assert first.returncode == 0, first.stderr
    key = (data / "dondoc-secret.key").read_text(encoding="utf-8")
    delivered = list((data / "dondoc-mail" / "new").iterdir())
    assert delivered

    second = dondoc(tmp_path / "home", "tick", "--now", NEXT_MORNING, DONDOC_DATABASE_URL=url)
    assert second.returncode == 0, second.stderr
    assert (data / "dondoc-secret.key").read_text(encoding="utf-8") == key
    assert set(delivered) <= set((data / "dondoc-mail" / "new").iterdir())
    # Nothing in the folders the commands ran from: no second key, mailbox or store.
    assert list((tmp_path / "cron").iterdir()) == list((tmp_path / "home").iterdir()) == []


@pytest.mark.parametrize(
    "other_key",
    [
        {"DONDOC_SECRET_KEY": "z" * 40},
        {"DONDOC_HOME": "elsewhere"},  # relative: a new folder, where a new key would be made
    ],
)
def test_a_different_key_is_refused_and_nothing_is_sent(data, tmp_path, other_key):
    url = f"sqlite:///{data / 'dondoc.sqlite3'}"
    assert (
        dondoc(tmp_path / "cron", "tick", "--now", MORNING, DONDOC_DATABASE_URL=url).returncode == 0
    )
    engine = make_engine(url)
    before = snapshot(engine)

    refused = dondoc(
        tmp_path / "cron", "tick", "--now", NEXT_MORNING, DONDOC_DATABASE_URL=url, **other_key
    )

    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert "khoá ký liên kết" in refused.stderr and "DONDOC_HOME" in refused.stderr
    assert snapshot(engine) == before
    engine.dispose()


def test_up_prints_the_data_directory(tmp_path):
    result = dondoc(tmp_path, "up", "--setup-only")
    assert result.returncode == 0, result.stderr
    assert f"Thư mục dữ liệu (DONDOC_HOME): {tmp_path.resolve()}" in result.stdout
    assert (tmp_path / "dondoc-secret.key").exists()


def test_mail_list_shows_the_date_the_message_was_written_not_when_it_arrived(data, tmp_path):
    database = f"sqlite:///{data / 'dondoc.sqlite3'}"
    assert (
        dondoc(tmp_path / "cron", "tick", "--now", MORNING, DONDOC_DATABASE_URL=database).returncode
        == 0
    )

    listed = dondoc(tmp_path / "cron", "mail", "list", DONDOC_DATABASE_URL=database)

    lines = [line for line in listed.stdout.splitlines() if "@" in line]
    assert lines and all("20/03/2025 07:30" in line for line in lines), listed.stdout
