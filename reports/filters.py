"""Which tasks a figure counts: the viewer's, narrowed by document, agency, kind and period.

Every filter becomes a condition on the `tasks` table alone (codes are turned into ids
first), so that counting reads one covering index and joins nothing
(migration 0011, `ix_tasks_dashboard`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, false, select
from sqlalchemy.orm import Session

from tasks_catalog.models import Agency, Document, Obligation, Task


@dataclass(frozen=True)
class ReportFilter:
    """What to count. `visible` is the viewer's WHERE clause on `Task`
    (`services.permissions.task_visible_to`); None counts every task (the administrator's
    view on the command line)."""

    document: str | None = None  # document number, e.g. 124/NQ-HĐND
    agency: str | None = None  # agency code, e.g. QN-SNV
    kind: str | None = None  # obligation kind: deliverable, recurring_report, …
    due_from: date | None = None  # planned due date (original_due_on) from …
    due_to: date | None = None  # … to, inclusive
    visible: ColumnElement[bool] | None = None

    def conditions(self, session: Session) -> list[ColumnElement[bool]]:
        """WHERE conditions on `Task` only."""
        out: list[ColumnElement[bool]] = []
        if self.visible is not None:
            out.append(self.visible)
        if self.agency:
            agency_id = session.scalar(select(Agency.id).where(Agency.code == self.agency))
            out.append(Task.agency_id == agency_id if agency_id is not None else false())
        obligations = self._obligations(session)
        if obligations is not None:
            out.append(Task.obligation_id.in_(obligations) if obligations else false())
        if self.due_from:
            out.append(Task.original_due_on >= self.due_from)
        if self.due_to:
            out.append(Task.original_due_on <= self.due_to)
        return out

    def _obligations(self, session: Session) -> list[int] | None:
        if not self.document and not self.kind:
            return None
        query: Select[tuple[int]] = select(Obligation.id)
        if self.document:
            query = query.join(Document, Obligation.document_id == Document.id).where(
                Document.number == self.document
            )
        if self.kind:
            query = query.where(Obligation.kind == self.kind)
        return list(session.scalars(query))
