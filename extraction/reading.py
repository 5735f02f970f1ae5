"""Reading a resolution from .txt, .docx or text-based .pdf into one plain text.

The offsets in a draft refer to this text: for a .txt file it is the file itself (decoded,
Unicode NFC); for .docx it is the paragraphs and table rows in document order, one per
line, cells joined by " | "; for .pdf the text layer of each page. `dondoc catalog extract
--text-output` writes it out so a reviewer can check an offset.
"""

from __future__ import annotations

import logging
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from extraction.errors import ExtractionError
from extraction.tcvn3 import looks_like_tcvn3, looks_like_tcvn3_bytes, to_unicode
from extraction.text import Span

MAX_BYTES = 20 * 1024 * 1024
TCVN3_MESSAGE = (
    "tệp có vẻ mã hóa TCVN3; hãy chuyển sang Unicode (UTF-8) "
    "(hoặc chạy lại với --tcvn3 để dondoc tự chuyển)"
)
SUFFIXES = {".txt", ".docx", ".pdf"}


@dataclass(frozen=True)
class Row:
    """One table row of a .docx: its line in the text and the span of each cell."""

    table: int
    index: int
    span: Span
    cells: tuple[Span, ...]


@dataclass
class Source:
    path: Path
    text: str
    format: str
    rows: list[Row] = field(default_factory=list)
    converted_from_tcvn3: bool = False


def read_source(path: Path, *, convert_tcvn3: bool = False) -> Source:
    """The text of a .txt, .docx or .pdf file, or ExtractionError saying what is wrong."""
    if not path.exists():
        raise ExtractionError("không tìm thấy tệp")
    if not path.is_file():
        raise ExtractionError("không phải một tệp (là thư mục?)")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ExtractionError("tệp Word cũ (.doc) chưa được hỗ trợ; hãy lưu thành .docx")
    if suffix not in SUFFIXES:
        raise ExtractionError(
            f"chỉ nhận tệp .txt, .docx hoặc .pdf (tệp này là {suffix or 'không có đuôi'})"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractionError(f"không đọc được tệp: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise ExtractionError(
            f"tệp quá lớn ({size / 2**20:.1f} MB, giới hạn {MAX_BYTES // 2**20} MB); "
            "hãy tách phần tổ chức thực hiện ra tệp riêng"
        )
    if size == 0:
        raise ExtractionError("tệp rỗng")
    try:
        if suffix == ".txt":
            source = _read_txt(path, convert_tcvn3)
        elif suffix == ".docx":
            source = _read_docx(path)
        else:
            source = _read_pdf(path)
    except PermissionError as exc:
        raise ExtractionError(f"không đọc được tệp: {exc.strerror or exc}") from None
    return _finish(source, convert_tcvn3)


def _finish(source: Source, convert_tcvn3: bool) -> Source:
    if source.format != "txt" and looks_like_tcvn3(source.text):
        if not convert_tcvn3:
            raise ExtractionError(TCVN3_MESSAGE)
        source.text = to_unicode(source.text)
        source.converted_from_tcvn3 = True
    if not source.text.strip():
        raise ExtractionError("tệp rỗng" if source.format != "pdf" else _SCANNED)
    return source


def _read_txt(path: Path, convert_tcvn3: bool) -> Source:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Source(path, _nfc(raw.decode("utf-16")), "txt")
    if b"\x00" in raw[:4096]:
        raise ExtractionError("tệp nhị phân, không phải tệp văn bản (.txt)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if looks_like_tcvn3_bytes(raw):
            if convert_tcvn3:
                return Source(path, _nfc(to_unicode(raw.decode("latin-1"))), "txt", [], True)
            raise ExtractionError(TCVN3_MESSAGE) from None
        line = raw[: exc.start].count(b"\n") + 1
        raise ExtractionError(
            f"tệp không được mã hóa UTF-8 (byte lỗi ở dòng {line}); hãy lưu lại với mã UTF-8"
        ) from None
    if looks_like_tcvn3(text):
        if not convert_tcvn3:
            raise ExtractionError(TCVN3_MESSAGE)
        return Source(path, _nfc(to_unicode(text)), "txt", [], True)
    return Source(path, _nfc(text), "txt")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _read_docx(path: Path) -> Source:
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a dependency of dondoc
        raise ExtractionError("cần gói python-docx để đọc tệp .docx") from None
    if not zipfile.is_zipfile(path):
        raise ExtractionError("không đọc được tệp Word (.docx): tệp hỏng hoặc không phải .docx")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise ExtractionError(
            f"không đọc được tệp Word (.docx): {exc.__class__.__name__}"
        ) from None
    return _docx_text(path, document)


def _docx_text(path: Path, document: object) -> Source:
    """Paragraphs and table rows in body order: each paragraph a line, each row a line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    rows: list[Row] = []
    offset = 0
    tables = 0
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            line = _nfc(block.text).replace("\n", " ")
            lines.append(line)
            offset += len(line) + 1
        elif isinstance(block, Table):
            for index, row in enumerate(block.rows):
                line, cells = _row_line(row, offset)
                rows.append(Row(tables, index, Span(offset, offset + len(line)), cells))
                lines.append(line)
                offset += len(line) + 1
            tables += 1
    return Source(path, "\n".join(lines), "docx", rows)


def _row_line(row: object, offset: int) -> tuple[str, tuple[Span, ...]]:
    texts: list[str] = []
    seen: list[object] = []  # lxml elements; a merged cell appears once per grid column
    for cell in row.cells:  # type: ignore[attr-defined]
        if any(cell._tc is element for element in seen):
            continue
        seen.append(cell._tc)
        texts.append(" ".join(_nfc(cell.text).split()))
    spans: list[Span] = []
    position = offset
    for text in texts:
        spans.append(Span(position, position + len(text)))
        position += len(text) + 3
    return " | ".join(texts), tuple(spans)


_SCANNED = (
    "tệp PDF không có lớp chữ (có thể là bản quét); hãy dùng bản PDF có chữ, tệp .docx, "
    "hoặc nhận dạng ký tự (OCR) trước"
)


def _read_pdf(path: Path) -> Source:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a dependency of dondoc
        raise ExtractionError("cần gói pypdf để đọc tệp .pdf") from None
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR + 10)  # its warnings about a broken file are said below, once
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ExtractionError("tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi chạy lại")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(f"không đọc được tệp PDF: {exc.__class__.__name__}") from None
    finally:
        quiet.setLevel(level)
    text = _nfc("\n\n".join(pages))
    if sum(ch.isalpha() for ch in text) < 20:
        raise ExtractionError(_SCANNED)
    return Source(path, text, "pdf")
