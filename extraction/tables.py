"""Task tables in a plan's annex (.docx): one obligation per row.

Offices lay these out as "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian hoàn thành | Sản phẩm". A row whose first cell is a Roman numeral or that has no
agency is a group heading ("I | Công tác chỉ đạo, điều hành") and names the rows below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.reading import Row
from extraction.text import Span, fold

_COLUMNS = (
    ("number", re.compile(r"^(?:s?tt|so tt|so thu tu)$")),
    ("coop", re.compile(r"phoi hop")),
    (
        "lead",
        re.compile(
            r"chu tri|co quan thuc hien|don vi thuc hien|co quan, don vi thuc hien|trach nhiem"
        ),
    ),
    ("due", re.compile(r"thoi gian|thoi han|tien do|han hoan thanh")),
    ("product", re.compile(r"san pham|ket qua|hinh thuc")),
    ("task", re.compile(r"noi dung|nhiem vu|cong viec|giai phap|hoat dong")),
)


@dataclass
class TaskRow:
    row: Row
    task: Span
    lead: Span | None
    coop: Span | None
    due: Span | None
    product: Span | None
    number: str
    group: str | None


def _columns(text: str, row: Row) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(row.cells):
        words = fold(cell.of(text)).strip()
        for name, pattern in _COLUMNS:
            if name not in found and pattern.search(words):
                found[name] = i
                break
    return found if "task" in found and ("lead" in found or "due" in found) else None


def task_rows(text: str, rows: list[Row]) -> list[TaskRow]:
    """1. Find each table's header row by its column names.
    2. Read the rows below it; a row with a Roman numeral, or a task but no agency and no
       deadline, is a group heading for the rows that follow.
    """
    found: list[TaskRow] = []
    columns: dict[str, int] | None = None
    table = -1
    group: str | None = None
    for row in rows:
        if row.table != table:
            table, columns, group = row.table, None, None
        if columns is None:
            columns = _columns(text, row)
            continue
        cells = {name: row.cells[i] for name, i in columns.items() if i < len(row.cells)}
        task = cells.get("task")
        if task is None or len(task) < 3:
            continue
        number = cells["number"].of(text).strip() if "number" in cells else ""
        empty = all(len(cells[n]) == 0 for n in ("lead", "due") if n in cells)
        if re.fullmatch(r"[IVX]+\.?|[A-Z]\.?", number) or empty or _repeats(row):
            group = task.of(text).strip()
            continue
        found.append(
            TaskRow(
                row,
                task,
                cells.get("lead"),
                cells.get("coop"),
                cells.get("due"),
                cells.get("product"),
                number,
                group,
            )
        )
    return found


def _repeats(row: Row) -> bool:
    """A merged heading row: python-docx gives the same text in every cell."""
    return (
        len(row.cells) > 2
        and len({c.end - c.start for c in row.cells}) == 1
        and len(row.cells[0]) > 0
    )


def cell_timing_words(folded: str) -> str:
    """A deadline cell ("Quý I/2023", "Năm 2024", "2023 - 2025") as a sentence would say it."""
    words = folded.strip()
    period = re.fullmatch(r"(?:nam\s+|giai doan\s+)?(20\d\d)\s*[-–]\s*(20\d\d)", words)
    if period:
        return f"hang nam giai doan {period.group(1)} - {period.group(2)}"
    if re.fullmatch(r"(?:nam\s+)?20\d\d", words):
        return f"trong nam {words[-4:]}"
    if re.match(r"(?:quy|thang)\b", words):
        return f"trong {words}"
    return words
