"""The report's tables as rows of cells, shared by the Excel and the Word writers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reports.counts import StatusCounts
from reports.lists import TaskLine
from reports.monthly import vn_date
from reports.scorecard import ScoreLine
from reports.targets import TargetLine, number


@dataclass(frozen=True)
class Column:
    title: str
    width: int  # Excel character widths
    colour: str | None = None  # header fill (hex RGB): the status colours of DESIGN.md
    percent: bool = False


# DESIGN.md: green, dark orange, blue, orange (due soon), red.
GREEN, DARK_ORANGE, BLUE, ORANGE, RED = "2E7D32", "E65100", "1565C0", "FB8C00", "C62828"

AGENCY_COLUMNS = (
    Column("STT", 5),
    Column("Cơ quan, đơn vị", 42),
    Column("Tổng số nhiệm vụ", 11),
    Column("Hoàn thành đúng hạn", 12, GREEN),
    Column("Hoàn thành quá hạn", 12, DARK_ORANGE),
    Column("Đang thực hiện trong hạn", 13, BLUE),
    Column("Trong đó: sắp đến hạn", 12, ORANGE),
    Column("Quá hạn chưa hoàn thành", 13, RED),
    Column("Tỷ lệ hoàn thành đúng hạn", 13, percent=True),
)

OVERDUE_COLUMNS = (
    Column("STT", 5),
    Column("Văn bản", 16),
    Column("Điều, khoản", 14),
    Column("Nhiệm vụ", 60),
    Column("Cơ quan thực hiện", 32),
    Column("Kỳ", 10),
    Column("Thời hạn", 12),
    Column("Thời hạn ban đầu", 12),
    Column("Số ngày làm việc quá hạn", 12, RED),
)

SCORE_COLUMNS = (
    Column("Xếp hạng", 8),
    Column("Cơ quan, đơn vị", 42),
    Column("Tỷ lệ hoàn thành đúng hạn", 13, percent=True),
    Column("Hoàn thành đúng hạn", 12, GREEN),
    Column("Hoàn thành quá hạn", 12, DARK_ORANGE),
    Column("Quá hạn chưa hoàn thành", 13, RED),
    Column("Đang thực hiện trong hạn", 13, BLUE),
    Column("Tổng số nhiệm vụ", 11),
)

TARGET_COLUMNS = (
    Column("Văn bản", 16),
    Column("Chỉ tiêu", 60),
    Column("Mục tiêu", 16),
    Column("Giá trị báo cáo gần nhất", 14),
    Column("Ngày báo cáo", 12),
    Column("Đánh giá", 12),
)


def agency_cells(position: int | None, row: StatusCounts) -> list[Any]:
    return [
        position if position is not None else "",
        row.name,
        row.total,
        row.done_on_time,
        row.done_late,
        row.in_time,
        row.due_soon,
        row.overdue,
        row.on_time_rate,
    ]


def overdue_cells(position: int, line: TaskLine) -> list[Any]:
    return [
        position,
        line.document,
        line.clause,
        line.title,
        line.agency_name,
        line.period,
        vn_date(line.due),
        vn_date(line.original_due),
        line.days_late,
    ]


def score_cells(line: ScoreLine) -> list[Any]:
    row = line.counts
    return [
        line.rank if line.rank is not None else "—",
        row.name,
        row.on_time_rate,
        row.done_on_time,
        row.done_late,
        row.overdue,
        row.in_time,
        row.total,
    ]


MET_TEXT = {True: "Đạt", False: "Chưa đạt", None: "Chưa có số liệu"}


def target_cells(line: TargetLine) -> list[Any]:
    latest = "" if line.latest is None else number(line.latest) + (line.unit or "")
    return [
        line.document,
        line.indicator,
        line.goal_text,
        latest,
        vn_date(line.reported_on) if line.reported_on else "",
        MET_TEXT[line.met],
    ]
