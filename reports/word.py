"""The monthly report as a Word document: A4 landscape, the two tables of the Excel file,
header rows repeated on every page."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from reports.columns import AGENCY_COLUMNS, OVERDUE_COLUMNS, Column, agency_cells, overdue_cells
from reports.excel import TITLE
from reports.monthly import MonthlyReport, percent


def monthly_document(report: MonthlyReport) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    _centred(document.add_paragraph(), TITLE, bold=True, size=14)
    _centred(document.add_paragraph(), report.scope_text, italic=True)
    document.add_paragraph("I. TỔNG HỢP THEO CƠ QUAN, ĐƠN VỊ").runs[0].bold = True
    rows = [agency_cells(i, row) for i, row in enumerate(report.agencies, start=1)]
    total = agency_cells(None, report.total)
    total[1] = "Tổng cộng"
    _table(document, AGENCY_COLUMNS, [*rows, total], bold_last=True)
    document.add_paragraph()
    heading = document.add_paragraph("II. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH")
    heading.runs[0].bold = True
    lines = [overdue_cells(i, line) for i, line in enumerate(report.overdue, start=1)]
    if lines:
        _table(document, OVERDUE_COLUMNS, lines)
    else:
        document.add_paragraph("Không có nhiệm vụ quá hạn.")
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _centred(paragraph: Any, text: str, **font: Any) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = font.get("bold", False)
    run.italic = font.get("italic", False)
    if "size" in font:
        run.font.size = Pt(font["size"])


def _table(
    document: Any, columns: Sequence[Column], rows: list[list[Any]], bold_last: bool = False
) -> Table:
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, column in zip(header.cells, columns, strict=True):
        cell.text = column.title
        run = cell.paragraphs[0].runs[0]
        run.bold = True
        if column.colour:
            run.font.color.rgb = RGBColor.from_string("FFFFFF")
        _shade(cell, column.colour or "E0E0E0")
    for values in rows:
        cells = table.add_row().cells
        for cell, column, value in zip(cells, columns, values, strict=True):
            cell.text = percent(value) if column.percent else str(value)
    if bold_last and rows:
        for cell in table.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    total_width = sum(c.width for c in columns)
    for row in table.rows:
        for cell, column in zip(row.cells, columns, strict=True):
            cell.width = Cm(26.7 * column.width / total_width)
    return table


def _repeat_as_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _shade(cell: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
