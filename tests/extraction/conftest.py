"""Fixtures for the extractor: the test documents, built where they are binary."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "extraction"
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"


def write_plan_docx(path: Path) -> Path:
    """The Bắc Giang plan (bac-giang-ke-hoach.yaml) as Word: paragraphs, then the annex
    table, with the group rows merged across the table as offices do."""
    docx = pytest.importorskip("docx")
    content = yaml.safe_load((DATA / "bac-giang-ke-hoach.yaml").read_text(encoding="utf-8"))
    document = docx.Document()
    for text in content["paragraphs"]:
        document.add_paragraph(text)
    rows = content["table"]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
        if not any(row[2:]):  # "I | Số hóa hồ sơ …": a group heading over the whole row
            table.cell(r, 1).merge(table.cell(r, len(row) - 1)).text = row[1]
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))
    return path


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF whose text layer holds these lines (Helvetica, ASCII only)."""
    ops = ["BT /F1 10 Tf 40 800 Td 13 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    return _pdf(path, "\n".join(ops).encode("latin-1"))


def write_scanned_pdf(path: Path) -> Path:
    """A PDF page with only a drawing on it, as a scan without OCR looks to a reader."""
    return _pdf(path, b"0.5 g 40 40 515 760 re f")


def _pdf(path: Path, content: bytes) -> Path:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(bytes(out))
    return path


@pytest.fixture
def plan_docx(tmp_path: Path) -> Path:
    return write_plan_docx(tmp_path / "ke-hoach-85-KH-UBND.docx")
