"""The scorecard: agencies ranked by their on-time rate over a period, counts beside it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from reports.counts import Grouping, StatusCounts, counts_by
from reports.filters import ReportFilter
from tasks_catalog.status_sql import AsOf


@dataclass(frozen=True)
class ScoreLine:
    rank: int | None  # None: nothing done or overdue yet, so no rate to rank by
    counts: StatusCounts


def scorecard(session: Session, *, filters: ReportFilter, as_of: AsOf) -> list[ScoreLine]:
    """Highest on-time rate first; equal rates share a rank (1, 1, 3), the agency with more
    tasks settled listed first; agencies without a rate come last, unranked."""
    return rank(counts_by(session, by=Grouping.AGENCY, filters=filters, as_of=as_of))


def rank(rows: list[StatusCounts]) -> list[ScoreLine]:
    """The ranking of rows already counted (the dashboard counts once for both)."""
    rated = sorted(
        (r for r in rows if r.on_time_rate is not None),
        key=lambda r: (-(r.on_time_rate or 0.0), -r.settled, r.key),
    )
    lines: list[ScoreLine] = []
    for position, row in enumerate(rated, start=1):
        tied = lines and lines[-1].counts.on_time_rate == row.on_time_rate
        lines.append(ScoreLine(lines[-1].rank if tied else position, row))
    unrated = [ScoreLine(None, r) for r in rows if r.on_time_rate is None]
    return lines + unrated
