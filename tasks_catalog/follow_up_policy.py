"""The follow-up policy: when to remind, escalate and ask for reports — its one model.

The defaults are what a provincial office would accept; a catalogue may define named
policies that override some of them (YAML `policies:`, the Excel sheet "Chính sách đôn
đốc"), and an obligation may pick one. The catalogue's schema, its Excel columns and the
engine all read the fields, bounds and labels declared here, and a policy is checked as
it will run: after its overrides are merged into the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import time
from typing import Any


def _spec(label: str, low: int | None = None, high: int | None = None) -> dict[str, Any]:
    return {"label": label, "ge": low, "le": high}


@dataclass(frozen=True)
class FollowUpPolicy:
    name: str = "default"
    # Reminders, in working days before the due date; the due day itself if remind_on_due_day.
    reminder_days: tuple[int, ...] = field(
        default=(7, 3, 1), metadata=_spec("Nhắc trước hạn (ngày làm việc)", 1, 60)
    )
    remind_on_due_day: bool = field(default=True, metadata=_spec("Nhắc ngày đến hạn"))
    # Cooperating agencies (phối hợp) get only the first reminders.
    cooperating_reminders: int = field(
        default=1, metadata=_spec("Số lần nhắc cơ quan phối hợp", 0, 5)
    )
    # Escalation, in working days after the due date: owner, then head, then leadership.
    overdue_owner_after: int = field(
        default=1, metadata=_spec("Báo chủ trì khi quá hạn (ngày)", 1, 60)
    )
    overdue_head_after: int = field(
        default=3, metadata=_spec("Báo thủ trưởng khi quá hạn (ngày)", 1, 60)
    )
    overdue_leadership_after: int = field(
        default=7, metadata=_spec("Báo lãnh đạo Văn phòng khi quá hạn (ngày)", 1, 120)
    )
    weekly_repeats: int = field(
        default=4, metadata=_spec("Số lần nhắc hằng tuần sau đó", 0, 52)
    )  # then every 5 working days, at most this many times
    # Status collection on Nghị định 09 periods.
    status_request_before: int = field(
        default=5, metadata=_spec("Đề nghị báo cáo trước ngày chốt (ngày)", 0, 30)
    )  # working days before the cut-off
    status_grace: int = field(
        default=2, metadata=_spec("Ân hạn báo cáo (ngày)", 0, 30)
    )  # working days after the report's due date before it is "missing"
    # Long-running deliverables get a progress request at each quarterly cut-off …
    progress_requests: bool = field(default=True, metadata=_spec("Hỏi tiến độ hằng quý"))
    # … whose figures stop at the cut-off and are sent within this many working days.
    progress_report_after: int = field(
        default=5, metadata=_spec("Hạn gửi báo cáo tiến độ sau ngày chốt (ngày)", 1, 30)
    )
    send_at: time = field(default=time(7, 30), metadata=_spec("Giờ gửi"))  # local time

    @classmethod
    def from_dict(cls, name: str, values: dict[str, Any]) -> FollowUpPolicy:
        """The defaults with `values` merged in; ValueError (Vietnamese) if the result is not
        a policy the engine can follow."""
        unknown = set(values) - OVERRIDABLE
        if unknown:
            raise ValueError(f"chính sách {name}: không có trường {', '.join(sorted(unknown))}")
        data = dict(values)
        if "reminder_days" in data:
            data["reminder_days"] = tuple(sorted(set(data["reminder_days"]), reverse=True))
        if isinstance(data.get("send_at"), str):
            data["send_at"] = time.fromisoformat(data["send_at"])
        policy = cls(name=name, **data)
        problem = policy.problem()
        if problem:
            raise ValueError(f"chính sách {name}: {problem}")
        return policy

    def problem(self) -> str | None:
        """What makes this policy wrong as a whole, or None."""
        steps = (self.overdue_owner_after, self.overdue_head_after, self.overdue_leadership_after)
        if not steps[0] < steps[1] < steps[2]:
            return (
                "các mốc báo cáo vượt cấp phải tăng dần: chủ trì < thủ trưởng < lãnh đạo "
                f"(sau khi ghép với mặc định: {steps[0]}/{steps[1]}/{steps[2]} ngày làm việc)"
            )
        return None


DEFAULT_POLICY = FollowUpPolicy()
# What a catalogue may set, in order, with its label and bounds.
OVERRIDABLE = frozenset(f.name for f in fields(FollowUpPolicy) if f.name != "name")
POLICY_FIELDS = tuple(f for f in fields(FollowUpPolicy) if f.name != "name")


def policy_problem(overrides: dict[str, Any]) -> str | None:
    """The problem of `overrides` merged into the defaults, or None."""
    try:
        FollowUpPolicy.from_dict("x", overrides)
    except ValueError as exc:
        return str(exc).removeprefix("chính sách x: ")
    return None
