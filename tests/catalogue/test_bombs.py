"""Memory and time bombs in catalogues are refused quickly, in little memory, at their place.

Each file is given to the real `dondoc catalog validate` in a subprocess limited to 1 GB
of address space and 60 seconds: a billion-laughs YAML, a `<<` merge bomb, a recursive
alias, a link to /dev/zero or /dev/urandom, a FIFO, a folder named x.yaml, and workbooks
with a value in column XFD or 25 000 rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.catalogue.bounded import (
    RECURSIVE_ALIAS,
    billion_laughs,
    long_workbook,
    merge_bomb,
    run_dondoc,
    wide_workbook,
)


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def _link(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


BOMBS: dict[str, tuple[str, Callable[[Path], object], str]] = {
    "billion-laughs": ("a.yaml", _text(billion_laughs()), "bí danh YAML"),
    "merge-keys": ("a.yaml", _text(merge_bomb()), "bí danh YAML"),
    "recursive-alias": ("a.yaml", _text(RECURSIVE_ALIAS), "YAML"),
    "dev-zero": ("a.yaml", _link("/dev/zero"), "không phải tệp thông thường"),
    "dev-urandom": ("a.yaml", _link("/dev/urandom"), "không phải tệp thông thường"),
    "fifo": ("a.yaml", os.mkfifo, "không phải tệp thông thường"),
    "folder": ("x.yaml", Path.mkdir, "không tìm thấy tệp danh mục nào"),
    "column-xfd": ("a.xlsx", wide_workbook, "rộng quá 60 cột"),
    "25000-rows": ("a.xlsx", long_workbook, "dài quá 20000 hàng"),
}


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_a_bomb_is_refused_in_bounded_time_and_memory(tmp_path: Path, bomb: str) -> None:
    name, make, needle = BOMBS[bomb]
    path = tmp_path / name
    make(path)
    outcome = run_dondoc(
        "catalog", "validate", str(path), database_url=f"sqlite:///{tmp_path / 'none.sqlite3'}"
    )
    assert outcome.code == 1, outcome
    assert "Traceback" not in outcome.stderr
    first = outcome.stderr.splitlines()[0]
    assert first.startswith(str(path)) and needle in first, outcome.stderr
    assert outcome.seconds < 20, outcome.seconds


def test_a_folder_named_like_a_catalogue_inside_a_folder_is_passed_over(tmp_path: Path) -> None:
    from tasks_catalog.catalogue.files import discover

    (tmp_path / "x.yaml").mkdir()
    (tmp_path / "x.yaml" / "inside.yaml").write_text("a: 1\n", encoding="utf-8")
    assert discover([tmp_path]) == [tmp_path / "x.yaml" / "inside.yaml"]
