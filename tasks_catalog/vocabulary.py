"""The words a person reads for the domain's codes, in one place for e-mails and web pages."""

from __future__ import annotations

from tasks_catalog.models import AssignmentRole

# Keyed by the stored value: e-mail payloads carry the role as text.
ROLE_LABELS = {AssignmentRole.LEAD.value: "chủ trì", AssignmentRole.COOPERATING.value: "phối hợp"}
