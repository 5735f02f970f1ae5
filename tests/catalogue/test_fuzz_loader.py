"""Fuzz: mutated seed catalogues (YAML and Excel) and hostile files of every kind.

Hypothesis mutates the seed catalogues (a value replaced by a hostile one, a line lost or
repeated, the file cut short, bytes that are not UTF-8, an alias bomb, a cell of the
workbook changed, a value in column XFD, another province's agency) or swaps the file
for a link to /dev/zero, a FIFO, or a folder named like a catalogue. Each is loaded with
`dondoc catalog load` in a worker process limited to 1.5 GB of address space, and
must end in bounded time with either exit 1, every line located at the file and the
database unchanged (a hash of every table), or exit 0 with the catalogue loaded.
"""

from __future__ import annotations

import json
import os
import random
import resource
import select
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dondoc.db import make_engine, transaction
from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.excel_write import write_document_workbook
from tasks_catalog.catalogue.files import parse_file
from tasks_catalog.catalogue.service import load_paths
from tests.catalogue.bounded import billion_laughs
from tests.conftest import NOW, SEEDS

MEMORY = 1536 * 1024 * 1024
SECONDS = 20.0
DOCUMENT = SEEDS / "chi-dao-kiem-tra-dot-xuat-quang-ninh.yaml"
REGISTRY = SEEDS / "agencies" / "quang-ninh.yaml"
BASE = [SEEDS / "agencies", DOCUMENT, SEEDS / "de-an-cchc-tuyen-quang.yaml"]
HOSTILE = [
    ".nan", ".inf", "-.inf", "1e999", "9999-12-31", "2025-13-01", "A" * 3000, "", "null",
    "[]", "{}", "TQ-SNV", "TQ-UBND", "../../../../etc/passwd", "/etc/shadow", "*nope",
    "&a x", 2**70, -1, 0, True, "<script>alert(1)</script>", "‮", "\x00", "ư" * 300,
    "QN-SNV", "giamdoc@snv.tuyenquang.example", "=HYPERLINK(\"http://x\")",
]  # fmt: skip


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "baseline.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with transaction(engine) as session:
        load_paths(session, BASE, default_calendar(), NOW)
    engine.dispose()
    return path


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz-xlsx") / "chi-dao.xlsx"
    write_document_workbook(parse_file(DOCUMENT).model, path)  # type: ignore[arg-type]
    return path


class Worker:
    def __init__(self, database: Path) -> None:
        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.catalogue.fuzz_worker", f"sqlite:///{database}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={
                **os.environ,
                "DONDOC_DATABASE_URL": f"sqlite:///{database}",
                "DONDOC_ERROR_LOG": str(database.parent / "errors.log"),
            },
            preexec_fn=limit,  # noqa: PLW1509 - no threads run in the test process here
        )

    def load(self, target: Path) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"args": ["catalog", "load", str(target)]}) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], SECONDS * 3)
        assert ready, f"no answer in {SECONDS * 3} s for {target}"
        line = self.process.stdout.readline()
        assert line, "the worker died (memory limit?)"
        return json.loads(line)

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def tally() -> Iterator[Counter[str]]:
    counts: Counter[str] = Counter()
    yield counts
    report = os.environ.get("DONDOC_FUZZ_REPORT")  # the figures README quotes
    if report:
        Path(report).write_text(json.dumps(dict(counts), sort_keys=True) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def worker(
    baseline: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Worker, Path]]:
    database = tmp_path_factory.mktemp("fuzz-db") / "db.sqlite3"
    shutil.copy(baseline, database)
    running = Worker(database)
    yield running, database
    running.close()


def _set(data: Any, rng: random.Random, value: Any) -> None:
    """Replace one scalar somewhere inside `data` by `value`."""
    for _ in range(50):
        node: Any = data
        key: Any = None
        parent: Any = None
        while isinstance(node, dict | list) and node:
            parent = node
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            node = node[key]
        if parent is not None:
            parent[key] = value
            return


def _yaml_case(rng: random.Random, source: Path, kind: str, value: Any) -> str:
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = rng.randrange(len(lines))
    if kind == "value":
        data = yaml.safe_load(text)
        _set(data, rng, value)
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if kind == "drop-line":
        return "".join(lines[:at] + lines[at + 1 :])
    if kind == "repeat-line":
        return "".join(lines[: at + 1] + lines[at:])
    if kind == "cut":
        return text[: rng.randrange(len(text))]
    if kind == "bomb":
        return billion_laughs(rng.randint(5, 9)) + text
    raise AssertionError(kind)


def _excel_case(rng: random.Random, source: Path, output: Path, kind: str, value: Any) -> None:
    book = openpyxl.load_workbook(source)
    sheet = book[rng.choice(book.sheetnames)]
    row = rng.randint(1, max(sheet.max_row, 1))
    column = rng.randint(1, max(sheet.max_column, 1))
    if kind == "cell":
        text = value if isinstance(value, str | int | float) else str(value)
        sheet.cell(
            row=row,
            column=column,
            value=text.replace("\x00", "") if isinstance(text, str) else text,
        )
    elif kind == "xfd":
        sheet.cell(row=row, column=16384, value="x")
    elif kind == "drop-row":
        sheet.delete_rows(row)
    book.save(output)
    if kind == "cut":
        raw = output.read_bytes()
        output.write_bytes(raw[: rng.randrange(len(raw))])


CASES = st.sampled_from(
    [
        "yaml-value", "yaml-value", "yaml-value", "yaml-drop-line", "yaml-repeat-line",
        "yaml-cut", "yaml-bomb", "registry-value", "registry-drop-line", "xlsx-cell",
        "xlsx-cell", "xlsx-xfd", "xlsx-drop-row", "xlsx-cut", "bytes", "dev-zero", "fifo",
        "folder",
    ]
)  # fmt: skip


def _make(case: str, rng: random.Random, value: Any, folder: Path, workbook: Path) -> Path:
    folder.mkdir(parents=True)
    family, _, kind = case.partition("-")
    if family == "yaml":
        path = folder / DOCUMENT.name
        path.write_text(_yaml_case(rng, DOCUMENT, kind, value), encoding="utf-8", errors="replace")
    elif family == "registry":
        path = folder / REGISTRY.name
        path.write_text(_yaml_case(rng, REGISTRY, kind, value), encoding="utf-8", errors="replace")
    elif family == "xlsx":
        path = folder / "chi-dao.xlsx"
        _excel_case(rng, workbook, path, kind, value)
    elif case == "bytes":
        path = folder / DOCUMENT.name
        raw = bytearray(DOCUMENT.read_bytes())
        raw[rng.randrange(len(raw))] = rng.choice([0x00, 0xFF, 0xC3, 0x80])
        path.write_bytes(bytes(raw))
    elif case == "dev-zero":
        path = folder / "zero.yaml"
        path.symlink_to("/dev/zero")
    elif case == "fifo":
        path = folder / "fifo.yaml"
        os.mkfifo(path)
    else:
        path = folder / "x.yaml"
        path.mkdir()
    return path


@settings(
    max_examples=int(os.environ.get("DONDOC_FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=CASES, seed=st.integers(0, 2**32), value=st.sampled_from(HOSTILE))
def test_every_mutated_or_hostile_file_is_loaded_or_refused_in_bounds(
    case: str,
    seed: int,
    value: Any,
    worker: tuple[Worker, Path],
    workbook: Path,
    baseline: Path,
    tally: Counter[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    running, database = worker
    folder = tmp_path_factory.mktemp("case") / "catalogue"
    path = _make(case, random.Random(seed), value, folder, workbook)
    answer = running.load(path)
    assert answer["seconds"] < SECONDS, (case, answer["seconds"])
    assert answer["code"] in (0, 1), (case, answer)
    stderr = answer["stderr"]
    assert "Traceback" not in stderr
    if answer["code"] == 1:
        lines = stderr.strip().splitlines()
        assert lines[-1].endswith("lỗi; cơ sở dữ liệu không thay đổi."), (case, stderr)
        assert all(line.startswith(str(path)) for line in lines[:-1]), (case, stderr)
        assert not answer["changed"], (case, stderr)
        tally["refused"] += 1
        tally[f"refused {case}"] += 1
    else:
        assert "Đã nạp danh mục" in answer["stdout"], (case, answer)
        tally["loaded"] += 1
        tally[f"loaded {case}"] += 1
        shutil.copy(baseline, database)  # the next example starts from the seeds again
