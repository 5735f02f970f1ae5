"""Evidence comes from the record's own folder only, never scriptable, each file its own row.

A record's `evidence:` could name `../../../../etc/passwd`, an absolute path, or a link in
its folder to /etc/shadow or /dev/zero; each is refused at its line, nothing is stored and
the database is unchanged. HTML and SVG (a browser runs their scripts) are refused by name
and by content. Two files with equal bytes keep both names and descriptions.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from dondoc.db import transaction
from inspections.evidence import EvidenceStore
from inspections.models import InspectionRecord
from tests.helpers import line_of
from tests.inspections.conftest import write_record
from tests.inspections.test_records import PDF, log, problems_of

DEPTH = "../" * 12


def _record(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_record(folder, evidence=[{"file": name}])


@pytest.mark.parametrize(
    "name",
    [f"{DEPTH}etc/passwd", "/etc/passwd", "sub/../../outside.pdf", "..\\..\\outside.pdf"],
)
def test_a_path_out_of_the_record_folder_is_refused_at_its_line(world, tmp_path, name):
    (tmp_path / "outside.pdf").write_bytes(PDF)
    (tmp_path / "record" / "sub").mkdir(parents=True)
    path = _record(tmp_path / "record", name)
    [problem] = problems_of(world, path, tmp_path)
    line = line_of(path, "file:")
    assert problem.startswith(f"{path}:{line}: ")
    assert "phải nằm trong thư mục của biên bản" in problem or "không tìm thấy" in problem
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("target", ["/etc/shadow", "/etc/passwd", "/dev/zero", "../outside.pdf"])
def test_a_link_leading_out_of_the_record_folder_is_refused(world, tmp_path, target):
    (tmp_path / "outside.pdf").write_bytes(PDF)
    folder = tmp_path / "record"
    folder.mkdir()
    (folder / "bien-ban.pdf").symlink_to(target)
    path = _record(folder, "bien-ban.pdf")
    [problem] = problems_of(world, path, tmp_path)
    assert problem.startswith(f"{path}:{line_of(path, 'file:')}: ")
    assert "phải nằm trong thư mục của biên bản" in problem
    assert not (tmp_path / "store").exists()


def test_a_fifo_in_the_folder_is_refused_without_blocking(world, tmp_path):
    folder = tmp_path / "record"
    folder.mkdir()
    os.mkfifo(folder / "bien-ban.pdf")
    path = _record(folder, "bien-ban.pdf")
    [problem] = problems_of(world, path, tmp_path)
    assert "không phải một tệp thông thường" in problem


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.html", b"<p>bao cao</p>"),
        ("so-do.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("trang.htm", b"hello"),
        ("anh.png", b"  <svg onload='alert(1)'/>"),
        ("bien-ban.pdf", b"\xef\xbb\xbf<!DOCTYPE html><script>x</script>"),
    ],
)
def test_scriptable_files_are_refused_by_name_or_content(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    reason = EvidenceStore(tmp_path / "store").check(tmp_path / name)
    assert reason is not None and name in reason


def test_two_files_with_equal_bytes_keep_both_names_and_descriptions(world, tmp_path):
    folder = tmp_path / "record"
    folder.mkdir()
    (folder / "bien-ban.pdf").write_bytes(PDF)
    (folder / "ban-sao.pdf").write_bytes(PDF)
    path = write_record(
        folder,
        evidence=[
            {"file": "bien-ban.pdf", "description": "Biên bản ký số"},
            {"file": "ban-sao.pdf", "description": "Bản sao gửi đơn vị"},
        ],
    )
    record_id = log(world, path, tmp_path)
    with transaction(world) as session:
        record = session.get(InspectionRecord, record_id)
        kept = [(e.name, e.description, e.sha256) for e in record.evidence]
    assert [(n, d) for n, d, _ in kept] == [
        ("bien-ban.pdf", "Biên bản ký số"),
        ("ban-sao.pdf", "Bản sao gửi đơn vị"),
    ]
    assert kept[0][2] == kept[1][2]
    assert len(list((tmp_path / "store" / "sha256").rglob("*"))) == 2  # ab/ and one file


def test_the_same_file_listed_twice_is_refused_at_the_second_line(world, tmp_path):
    folder = tmp_path / "record"
    folder.mkdir()
    (folder / "bien-ban.pdf").write_bytes(PDF)
    path = write_record(folder, evidence=[{"file": "bien-ban.pdf"}, {"file": "./bien-ban.pdf"}])
    [problem] = problems_of(world, path, tmp_path)
    assert problem.startswith(f"{path}:{line_of(path, './bien-ban.pdf')}: ")
    assert "đã có ở trên" in problem


def test_a_file_in_a_subfolder_of_the_record_is_taken(world, tmp_path):
    folder = tmp_path / "record"
    (folder / "minh-chung").mkdir(parents=True)
    (folder / "minh-chung" / "bien-ban.pdf").write_bytes(PDF)
    record_id = log(
        world, write_record(folder, evidence=[{"file": "minh-chung/bien-ban.pdf"}]), tmp_path
    )
    with transaction(world) as session:
        names = session.scalars(select(InspectionRecord).where(InspectionRecord.id == record_id))
        assert [e.name for e in next(iter(names)).evidence] == ["bien-ban.pdf"]
