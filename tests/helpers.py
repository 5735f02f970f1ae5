"""Small factories and probes shared by the tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

import inspections.models  # noqa: F401
import notifications.models  # noqa: F401
import tasks_catalog.models_lifecycle  # noqa: F401
import tasks_catalog.models_targets  # noqa: F401 - reported values of targets
from tasks_catalog.models import Base

VALID = Path(__file__).parent / "data" / "valid"


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: equal snapshots, equal databases."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            out[table.name] = [tuple(row) for row in connection.execute(query)]
    return out


def copy_valid(tmp_path: Path) -> Path:
    """A writable copy of the small valid catalogue; returns its folder."""
    folder = tmp_path / "catalogue"
    shutil.copytree(VALID, folder)
    return folder


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
