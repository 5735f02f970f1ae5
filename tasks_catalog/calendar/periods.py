"""Reporting periods of Nghị định 09/2019/NĐ-CP, Điều 12 (thời gian chốt số liệu).

Every period ends on the 14th (the cut-off day, inclusive) and starts on the 15th of the
month before its first month:

- monthly ``2025-03``: 15/02/2025 – 14/03/2025
- quarterly ``2025-Q1``: 15/12/2024 – 14/03/2025
- six_months ``2025-H1``: 15/12/2024 – 14/06/2025
- nine_months ``2025-9M``: 15/12/2024 – 14/09/2025
- annual ``2025``: 15/12/2024 – 14/12/2025

Điều 12 names only the first six months; ``2025-H2`` (15/06 – 14/12/2025) follows the
same rule for regimes that ask for a report of the last six months.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

CUTOFF_DAY = 14

# kind -> (label pattern, months per period, example label)
_KINDS: dict[str, tuple[str, int, str]] = {
    "monthly": (r"(?P<year>[1-9]\d{3})-(?P<n>0[1-9]|1[0-2])", 1, "2025-03"),
    "quarterly": (r"(?P<year>[1-9]\d{3})-Q(?P<n>[1-4])", 3, "2025-Q1"),
    "six_months": (r"(?P<year>[1-9]\d{3})-H(?P<n>[12])", 6, "2025-H1"),
    "nine_months": (r"(?P<year>[1-9]\d{3})-9M(?P<n>)", 9, "2025-9M"),
    "annual": (r"(?P<year>[1-9]\d{3})(?P<n>)", 12, "2025"),
}
PERIOD_KINDS = tuple(_KINDS)


@dataclass(frozen=True)
class ReportingPeriod:
    """One reporting period; ``end`` is the cut-off day, included in the period."""

    kind: str
    label: str
    start: date
    end: date


def reporting_period(kind: str, label: str) -> ReportingPeriod:
    """The period of ``kind`` named ``label``, e.g. ``("quarterly", "2025-Q1")``."""
    pattern, months, example = _kind(kind)
    match = re.fullmatch(pattern, label)
    if match is None:
        raise ValueError(
            f'Nhãn kỳ báo cáo "{label}" không hợp lệ cho loại {kind}, ví dụ "{example}" '
            f'(bad label "{label}" for kind {kind}, expected e.g. "{example}")'
        )
    index = int(match["n"] or 1)
    return _period(kind, label, int(match["year"]), (index - 1) * months + 1, months)


def periods_in_year(kind: str, year: int) -> list[ReportingPeriod]:
    """Every period of ``kind`` whose label carries ``year``, in order."""
    _kind(kind)
    labels = {
        "monthly": [f"{year}-{m:02d}" for m in range(1, 13)],
        "quarterly": [f"{year}-Q{q}" for q in range(1, 5)],
        "six_months": [f"{year}-H1", f"{year}-H2"],
        "nine_months": [f"{year}-9M"],
        "annual": [str(year)],
    }[kind]
    return [reporting_period(kind, label) for label in labels]


def _kind(kind: str) -> tuple[str, int, str]:
    if kind not in _KINDS:
        raise ValueError(
            f'Loại kỳ báo cáo "{kind}" không hợp lệ, dùng một trong: {", ".join(_KINDS)} '
            f'(unknown reporting period kind "{kind}")'
        )
    return _KINDS[kind]


def _period(kind: str, label: str, year: int, first_month: int, months: int) -> ReportingPeriod:
    """The period covering ``months`` calendar months from ``first_month`` of ``year``."""
    start_year, start_month = (year - 1, 12) if first_month == 1 else (year, first_month - 1)
    last_month = first_month + months - 1
    return ReportingPeriod(
        kind=kind,
        label=label,
        start=date(start_year, start_month, CUTOFF_DAY + 1),
        end=date(year, last_month, CUTOFF_DAY),
    )
