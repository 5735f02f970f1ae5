"""Targets (chỉ tiêu) with their latest reported value against the target."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tasks_catalog.models import Document, Obligation, Target
from tasks_catalog.models_targets import TargetValue

COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "=": operator.eq,
    ">": operator.gt,
    "<": operator.lt,
}
COMPARATOR_TEXT = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}


class TargetError(ValueError):
    """A reported value refused, in Vietnamese."""


@dataclass(frozen=True)
class TargetLine:
    code: str  # the obligation's code
    document: str
    indicator: str
    comparator: str
    value: float
    unit: str
    year: int
    lead: list[str]
    latest: float | None
    reported_on: date | None
    source: str | None

    @property
    def goal_text(self) -> str:
        unit = f" {self.unit}" if self.unit and self.unit != "%" else self.unit
        return f"{COMPARATOR_TEXT[self.comparator]} {number(self.value)}{unit} (năm {self.year})"

    @property
    def met(self) -> bool | None:
        """Whether the latest value meets the target; None when nothing is reported."""
        if self.latest is None:
            return None
        return COMPARE[self.comparator](self.latest, self.value)


def target_lines(
    session: Session, *, as_of: date, document: str | None = None, agency: str | None = None
) -> list[TargetLine]:
    """Every target in force, with the last value reported on or before `as_of`."""
    latest_day = (
        select(TargetValue.obligation_id, func.max(TargetValue.reported_on).label("day"))
        .where(TargetValue.reported_on <= as_of)
        .group_by(TargetValue.obligation_id)
        .subquery()
    )
    query = (
        select(Target, Obligation, Document.number, TargetValue)
        .join(Obligation, Target.obligation_id == Obligation.id)
        .join(Document, Obligation.document_id == Document.id)
        .outerjoin(latest_day, latest_day.c.obligation_id == Obligation.id)
        .outerjoin(
            TargetValue,
            (TargetValue.obligation_id == Obligation.id)
            & (TargetValue.reported_on == latest_day.c.day),
        )
        .where(Obligation.retired_at.is_(None))
        .order_by(Document.number, Obligation.position)
    )
    if document:
        query = query.where(Document.number == document)
    lines = []
    for target, obligation, number_, reported in session.execute(query):
        if agency and agency not in obligation.lead:
            continue
        lines.append(
            TargetLine(
                code=obligation.code,
                document=number_,
                indicator=target.indicator,
                comparator=target.comparator,
                value=target.value,
                unit=target.unit,
                year=target.year,
                lead=list(obligation.lead),
                latest=reported.value if reported else None,
                reported_on=reported.reported_on if reported else None,
                source=reported.source if reported else None,
            )
        )
    return lines


def record_target_value(
    session: Session,
    *,
    code: str,
    value: float,
    reported_on: date,
    reported_by: str,
    source: str | None,
    now: datetime,
) -> TargetValue:
    """Record (or correct, for the same day) the value a target stood at on `reported_on`."""
    obligation = session.scalars(select(Obligation).where(Obligation.code == code)).one_or_none()
    if obligation is None or obligation.target is None:
        raise TargetError(f'không có chỉ tiêu mã "{code}" (xem `dondoc report targets`)')
    if value != value or value in (float("inf"), float("-inf")):
        raise TargetError(f'giá trị "{value}" không phải một số')
    row = session.scalars(
        select(TargetValue).where(
            TargetValue.obligation_id == obligation.id, TargetValue.reported_on == reported_on
        )
    ).one_or_none()
    if row is None:
        row = TargetValue(obligation_id=obligation.id, reported_on=reported_on)
        session.add(row)
    row.value, row.source, row.reported_by, row.recorded_at = value, source, reported_by, now
    session.flush()
    return row


def number(value: float) -> str:
    """86 → "86", 99.5 → "99,5" (Vietnamese decimal comma)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
