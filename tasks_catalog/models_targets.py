"""Reported values of targets (chỉ tiêu): what an agency says a measure stands at.

Kept per obligation rather than per `targets` row: the catalogue loader replaces a target's
row when its rule changes, and a reported value outlives that.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tasks_catalog.models import Base, Obligation
from tasks_catalog.types import UtcDateTime


class TargetValue(Base):
    __tablename__ = "target_values"
    __table_args__ = (UniqueConstraint("obligation_id", "reported_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligations.id"))
    reported_on: Mapped[date] = mapped_column(Date)  # the day the value was measured
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(Text)  # e.g. "Báo cáo số 12/BC-SNV"
    reported_by: Mapped[str] = mapped_column(String(254))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())

    obligation: Mapped[Obligation] = relationship()
