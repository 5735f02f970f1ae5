"""What leaders read: the dashboard figures, the monthly report, the scorecard and the
targets, computed from the tasks as of a given day.

Public surface (the web pages, the API and the CLI use these):

- `ReportFilter`: which tasks (the viewer's SQL filter, document, agency, kind, period);
- `AsOf.of(day, calendar)`: the day the figures are read at;
- `counts_by(session, by=Grouping.AGENCY|DOCUMENT, filters=…, as_of=…)`, `total_of(rows)`;
- `overdue(…)`, `due_this_week(…)`: task lists;
- `on_time_by_month(…)`: completion on time by month.
"""

from reports.counts import (
    DUE_SOON_LABEL,
    QUADRANT_LABELS,
    Grouping,
    Quadrant,
    StatusCounts,
    counts_by,
    total_of,
)
from reports.filters import ReportFilter
from reports.lists import TaskLine, count_overdue, due_this_week, overdue
from reports.months import MonthRate, on_time_by_month
from tasks_catalog.status_sql import AsOf, status_expression

__all__ = [
    "DUE_SOON_LABEL",
    "QUADRANT_LABELS",
    "AsOf",
    "Grouping",
    "MonthRate",
    "Quadrant",
    "ReportFilter",
    "StatusCounts",
    "TaskLine",
    "count_overdue",
    "counts_by",
    "due_this_week",
    "on_time_by_month",
    "overdue",
    "status_expression",
    "total_of",
]
