"""Bad input gets one clear Vietnamese message, a non-zero exit and no output file."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.errors import ExtractionError
from extraction.reading import read_source
from extraction.tcvn3 import _LOWER
from tests.extraction.conftest import DATA, write_scanned_pdf
from tests.extraction.helpers import draft_of, run

_TO_TCVN3 = {v: k for k, v in _LOWER.items()}


def tcvn3_bytes(text: str) -> bytes:
    """TCVN3 has no capital toned letters: headings use a capital font over the small ones."""
    return "".join(_TO_TCVN3.get(ch) or _TO_TCVN3.get(ch.lower(), ch) for ch in text).encode(
        "latin-1"
    )


def message_of(path: Path) -> str:
    with pytest.raises(ExtractionError) as caught:
        draft_of(path)
    return caught.value.message


def test_an_empty_file_is_said_to_be_empty(tmp_path):
    (tmp_path / "rong.txt").write_bytes(b"")
    (tmp_path / "trang.txt").write_text("  \n\n \t\n", encoding="utf-8")
    assert message_of(tmp_path / "rong.txt") == "tệp rỗng"
    assert message_of(tmp_path / "trang.txt") == "tệp rỗng"


def test_a_scanned_pdf_without_text_asks_for_ocr(tmp_path):
    message = message_of(write_scanned_pdf(tmp_path / "ban-quet.pdf"))
    assert "không có lớp chữ" in message and "OCR" in message


def test_a_document_without_assignments_says_what_was_looked_for(tmp_path):
    path = tmp_path / "bai-viet.txt"
    path.write_text(
        "Hôm nay tỉnh tổ chức lễ hội hoa.\n\nNhiều du khách đến tham quan.\n", encoding="utf-8"
    )
    message = message_of(path)
    assert (
        message.startswith("không tìm thấy phần giao nhiệm vụ") and "tổ chức thực hiện" in message
    )


def test_a_file_over_20_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "lon.txt"
    with path.open("wb") as stream:
        stream.truncate(21 * 2**20)
    assert message_of(path).startswith("tệp quá lớn (21.0 MB, giới hạn 20 MB)")


def test_broken_utf8_names_the_line(tmp_path):
    path = tmp_path / "hong.txt"
    path.write_bytes("Điều 1. Giao Sở Nội vụ\n".encode() + b"b\xc3\x28o c\xe1o\n")
    assert (
        message_of(path)
        == "tệp không được mã hóa UTF-8 (byte lỗi ở dòng 2); hãy lưu lại với mã UTF-8"
    )


def test_tcvn3_text_is_recognised_and_can_be_converted(tmp_path):
    source = (DATA / "ha-tinh-quyet-dinh-cchc.txt").read_text(encoding="utf-8")
    path = tmp_path / "abc.txt"
    path.write_bytes(tcvn3_bytes(source))
    assert message_of(path).startswith("tệp có vẻ mã hóa TCVN3; hãy chuyển sang Unicode (UTF-8)")
    converted = read_source(path, convert_tcvn3=True)
    assert converted.converted_from_tcvn3 and "Giao Sở Nội vụ chủ trì" in converted.text


def test_an_old_word_file_and_a_broken_docx_are_named(tmp_path):
    (tmp_path / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really")
    (tmp_path / "hong.docx").write_bytes(b"PK not a zip")
    assert (
        message_of(tmp_path / "cu.doc")
        == "tệp Word cũ (.doc) chưa được hỗ trợ; hãy lưu thành .docx"
    )
    assert message_of(tmp_path / "hong.docx").startswith("không đọc được tệp Word (.docx)")


def test_a_failed_extract_exits_non_zero_and_writes_nothing(tmp_path):
    source = tmp_path / "rong.txt"
    source.write_bytes(b"")
    output = tmp_path / "draft.yaml"
    result = run("extract", str(source), "-o", str(output))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Lỗi: {source}: tệp rỗng"
    assert not output.exists() and list(tmp_path.iterdir()) == [source]


def test_a_failed_extract_leaves_an_earlier_draft_as_it_was(tmp_path):
    output = tmp_path / "draft.yaml"
    output.write_text("# bản cũ\n", encoding="utf-8")
    source = tmp_path / "hong.txt"
    source.write_bytes(b"\xff\x00\x01binary")
    result = run("extract", str(source), "-o", str(output))
    assert result.exit_code == 1
    assert output.read_text(encoding="utf-8") == "# bản cũ\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml", "hong.txt"]
