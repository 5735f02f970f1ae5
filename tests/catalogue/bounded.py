"""Running the real `dondoc` under a memory limit and a timeout, and hostile files to feed it.

A bomb must be refused quickly and in little memory; run in-process it would take the
test runner with it, so each run is a subprocess with RLIMIT_AS set before it starts.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import openpyxl

MEMORY_LIMIT = 1024 * 1024 * 1024  # address space: Python, SQLAlchemy, pydantic fit in this
TIME_LIMIT = 60.0


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float


def run_dondoc(*args: str, database_url: str, memory: int = MEMORY_LIMIT) -> Outcome:
    """`python -m dondoc ARGS` with at most `memory` bytes of address space."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "DONDOC_DATABASE_URL": database_url, "PYTHONHASHSEED": "0"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "dondoc", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIME_LIMIT,
        preexec_fn=limit,  # noqa: PLW1509 - the test starts no thread that could deadlock
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def billion_laughs(levels: int = 9, width: int = 10) -> str:
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join(f"*a{level - 1}" for _ in range(width))
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"agencies: *a{levels}")
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int = 30) -> str:
    lines = ["m0: &m0 {k: v}"]
    for level in range(1, levels + 1):
        lines.append(f"m{level}: &m{level} {{<<: [*m{level - 1}, *m{level - 1}], k{level}: v}}")
    lines.append(f"document: *m{levels}")
    return "\n".join(lines) + "\n"


RECURSIVE_ALIAS = "agencies: &a [*a, *a]\n"


def wide_workbook(path: Path, rows: int = 10_000, column: int = 16384) -> Path:
    """A small .xlsx whose rows each hold a value in column XFD (or `column`)."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Văn bản"
    workbook["Văn bản"].cell(row=1, column=1, value="Số hiệu")
    sheet = workbook.create_sheet("Nhiệm vụ")
    for row in range(1, rows + 1):
        sheet.cell(row=row, column=1, value=f"ô {row}")
        sheet.cell(row=row, column=column, value="x")
    workbook.save(path)
    return path


def long_workbook(path: Path, rows: int = 25_000) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Nhiệm vụ")
    for row in range(rows):
        sheet.append([row])
    workbook.create_sheet("Văn bản").append(["Số hiệu", "1/KH"])
    workbook.save(path)
    return path
