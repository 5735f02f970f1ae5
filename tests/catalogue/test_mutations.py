"""Property: whatever happens to a catalogue file, the loader answers with problems or
loads it, never crashes, and a refused file leaves the database exactly as it was."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dondoc.db import make_engine, transaction
from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.problems import CatalogueInvalid
from tasks_catalog.catalogue.service import load_paths
from tests.helpers import VALID, snapshot

NOW = datetime(2025, 1, 2, tzinfo=UTC)
ORIGINAL = (VALID / "nghi-quyet.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
NOISE = st.sampled_from(
    [
        ":",
        "- ",
        "  ",
        "{",
        "]",
        "'",
        '"',
        "#",
        "\t",
        "2025-13-01",
        "-1",
        "140",
        "HB-X",
        "ư",
        "null",
        "!!python/object:os.system",
        "&a",
        "*a",
        "once: 2030-01-01",
        "every: week",
        "\x00",
        "💥",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(ORIGINAL)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "splice"])
        )
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "insert":
            lines.insert(index, draw(NOISE) + "\n")
        elif action == "truncate":
            lines = lines[:index]
        else:
            line = lines[index]
            cut = draw(st.integers(0, len(line)))
            lines[index] = line[:cut] + draw(NOISE) + line[cut:]
        if not lines:
            break
    return "".join(lines)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, sqlite_template) -> Path:
    """A database holding the valid catalogue, copied before each example."""
    path = tmp_path_factory.mktemp("mutations") / "baseline.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with transaction(engine) as session:
        load_paths(session, [VALID], default_calendar(), NOW)
    engine.dispose()
    return path


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=mutated())
def test_a_mutated_file_is_loaded_or_refused_whole(text, baseline, tmp_path):
    folder = tmp_path / "catalogue"
    folder.mkdir(exist_ok=True)
    shutil.copy(VALID / "agencies.yaml", folder / "agencies.yaml")
    (folder / "nghi-quyet.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    database = tmp_path / "db.sqlite3"
    shutil.copy(baseline, database)
    engine = make_engine(f"sqlite:///{database}")
    before = snapshot(engine)
    try:
        with transaction(engine) as session:
            load_paths(session, [folder], default_calendar(), NOW)
    except CatalogueInvalid as exc:
        assert exc.problems, "a refusal must say why"
        assert all(p.where.startswith(str(folder)) for p in exc.problems)
        assert snapshot(engine) == before
    finally:
        engine.dispose()
