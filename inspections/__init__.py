"""Inspection duties: secret unannounced plans, inspection records, compliance, access.

- `planner`: the pure planner (secret, slots, team, calendar → days and inspectors);
- `plans`: plans in the database (versions, replans, verification);
- `records`, `record_input`, `evidence`: logging a biên bản kiểm tra with its files;
- `compliance`, `facts`: required / done / planned / at risk per unit and period;
- `access`, `views`, `feed`: who may read what, as JSON-ready dicts and iCalendar.

Nothing here knows of e-mail or of time passing: the daily warnings live in
`workflows.inspections`.
"""

from inspections.models import (
    EvidenceFile,
    InspectionForm,
    InspectionPlan,
    InspectionRecord,
    PlannedInspection,
    RecordState,
    RecordStateChange,
)

__all__ = [
    "EvidenceFile",
    "InspectionForm",
    "InspectionPlan",
    "InspectionRecord",
    "PlannedInspection",
    "RecordState",
    "RecordStateChange",
]
