"""Follow-up policies: when to remind, when to escalate, when to ask for reports.

The defaults are what a provincial office would accept; a catalogue may define named
policies and an obligation may pick one (`policy: strict`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import time
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class FollowUpPolicy:
    name: str = "default"
    # Reminders, in working days before the due date; the due day itself if remind_on_due_day.
    reminder_days: tuple[int, ...] = (7, 3, 1)
    remind_on_due_day: bool = True
    # Cooperating agencies (phối hợp) get only the first reminder.
    cooperating_reminders: int = 1
    # Escalation, in working days after the due date.
    overdue_owner_after: int = 1  # the owner, the assigner in copy
    overdue_head_after: int = 3  # the head of the owning agency
    overdue_leadership_after: int = 7  # Chánh Văn phòng UBND tỉnh
    weekly_repeats: int = 4  # then every 5 working days, at most this many times
    # Status collection on Nghị định 09 periods.
    status_request_before: int = 5  # working days before the cut-off
    status_grace: int = 2  # working days after the report's due date before it is "missing"
    # Long-running deliverables get a progress request at each quarterly cut-off.
    progress_requests: bool = True
    # … whose figures stop at the cut-off and are sent within this many working days.
    progress_report_after: int = 5
    send_at: time = field(default=time(7, 30))  # local time of the morning digest

    @classmethod
    def from_dict(cls, name: str, values: dict[str, Any]) -> FollowUpPolicy:
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"chính sách {name}: không có trường {', '.join(sorted(unknown))}")
        data = dict(values)
        if "reminder_days" in data:
            data["reminder_days"] = tuple(sorted(set(data["reminder_days"]), reverse=True))
        if isinstance(data.get("send_at"), str):
            data["send_at"] = time.fromisoformat(data["send_at"])
        return cls(name=name, **data)


DEFAULT_POLICY = FollowUpPolicy()


def policy_for(name: str, overrides: dict[str, Any]) -> FollowUpPolicy:
    """The policy an obligation follows: the defaults with its catalogue's overrides."""
    if not overrides:
        return DEFAULT_POLICY
    return _cached(name, json.dumps(overrides, sort_keys=True))


@lru_cache(maxsize=256)
def _cached(name: str, overrides: str) -> FollowUpPolicy:
    return FollowUpPolicy.from_dict(name, json.loads(overrides))
