"""The monthly report and the scorecard as Excel workbooks, laid out for printing.

Each table: title and scope on top, one header row in the status colours, frozen under the
header, column widths set, the print area on the table, A4 landscape, one page wide, the
header repeated on every printed page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.columns import (
    AGENCY_COLUMNS,
    OVERDUE_COLUMNS,
    SCORE_COLUMNS,
    TARGET_COLUMNS,
    Column,
    agency_cells,
    overdue_cells,
    score_cells,
    target_cells,
)
from reports.monthly import MonthlyReport
from reports.scorecard import ScoreLine
from reports.targets import TargetLine

HEADER_ROW = 4
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE = "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO"
SCORE_TITLE = "BẢNG XẾP HẠNG CƠ QUAN, ĐƠN VỊ THEO TỶ LỆ HOÀN THÀNH NHIỆM VỤ ĐÚNG HẠN"


def monthly_workbook(report: MonthlyReport) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    rows = [agency_cells(i, row) for i, row in enumerate(report.agencies, start=1)]
    total = agency_cells(None, report.total)
    total[1] = "Tổng cộng"
    _table(summary, TITLE, report.scope_text, AGENCY_COLUMNS, rows, total)
    late = book.create_sheet("Quá hạn")
    _table(
        late,
        "DANH SÁCH NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH",
        report.scope_text,
        OVERDUE_COLUMNS,
        [overdue_cells(i, line) for i, line in enumerate(report.overdue, start=1)],
    )
    return _bytes(book)


def scorecard_workbook(lines: list[ScoreLine], targets: list[TargetLine], scope_text: str) -> bytes:
    book = Workbook()
    ranking = book.active
    assert ranking is not None
    ranking.title = "Xếp hạng"
    _table(ranking, SCORE_TITLE, scope_text, SCORE_COLUMNS, [score_cells(x) for x in lines])
    sheet = book.create_sheet("Chỉ tiêu")
    _table(
        sheet,
        "CHỈ TIÊU VÀ KẾT QUẢ THỰC HIỆN",
        scope_text,
        TARGET_COLUMNS,
        [target_cells(t) for t in targets],
    )
    return _bytes(book)


def _table(
    sheet: Worksheet,
    title: str,
    subtitle: str,
    columns: Sequence[Column],
    rows: Iterable[list[Any]],
    total: list[Any] | None = None,
) -> None:
    last_col = get_column_letter(len(columns))
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(f"A1:{last_col}1")
    sheet["A2"] = subtitle
    sheet["A2"].font = Font(italic=True)
    sheet.merge_cells(f"A2:{last_col}2")
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.title)
        cell.font = Font(bold=True, color="FFFFFF" if column.colour else "000000")
        cell.fill = PatternFill("solid", fgColor=column.colour or "E0E0E0")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = 48
    row_number = HEADER_ROW
    for values in [*rows, *([total] if total else [])]:
        row_number += 1
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=row_number, column=index, value=value)
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=column.width >= 30)
            if column.percent:
                cell.number_format = "0.0%"
                if value is None:
                    cell.value = "—"
    if total:
        for cell in sheet[row_number]:
            cell.font = Font(bold=True)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_area = f"A1:{last_col}{row_number}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _bytes(book: Workbook) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()
