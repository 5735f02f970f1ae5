"""Compliance of one unit in one period: pure functions of plain facts and a day.

A duty asks for `count` inspections of each unit per period. Two checkpoints inside the
period say how far along a unit should be, the period's end closes it:

- `mid`: by the end of the period's middle month, at least half the count (rounded down;
  none for a single inspection) — in a year, 30 June: "no inspection by 30 June";
- `late`: by the end of the period's second-to-last month or so, the full count — in a
  year, 31 October: "fewer than two by 31 October";
- `end`: the period's last day, the full count (the coordination office is told).

A unit is `behind` once a checkpoint has passed unmet; for the inspection team it is also
`at_risk` when its plan cannot get it there (a planned day missed, no day found, or fewer
planned inspections ahead than it still needs).
"""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date

DONE = "done"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
BEHIND = "behind"
STATUS_LABELS = {
    DONE: "Đã kiểm tra đủ",
    ON_TRACK: "Đúng tiến độ",
    AT_RISK: "Có nguy cơ không đủ",
    BEHIND: "Chậm so với mốc",
}


@dataclass(frozen=True)
class Checkpoint:
    name: str  # mid | late | end
    on: date  # inspections dated up to this day count
    expected: int


@dataclass(frozen=True)
class UnitPeriod:
    """What is known of one unit in one period (plan facts only for the team's eyes)."""

    duty_id: int
    agency_id: int  # the inspecting agency
    unit_id: int
    period: str  # "2025", "2025-H1" …
    start: date
    end: date
    required: int
    done_on: tuple[date, ...]  # days of the inspections that count, in order
    planned_on: tuple[date | None, ...] = ()  # the plan's days of rounds not done yet
    task_ids: tuple[int, ...] = ()  # round tasks, round 1 first


@dataclass(frozen=True)
class Standing:
    required: int
    done: int
    remaining: int
    planned: int  # plan days ahead (today or later) for rounds not done
    missed: int  # plan days passed without an inspection
    unplaced: int  # rounds the planner found no day for
    behind: Checkpoint | None  # the latest checkpoint passed unmet
    status: str  # done | on_track | at_risk | behind (at_risk only with the plan)

    @property
    def at_risk(self) -> bool:
        return self.status in (AT_RISK, BEHIND)


def month_end(year: int, month: int) -> date:
    return date(year, month, month_calendar.monthrange(year, month)[1])


def _months_after(start: date, months: int) -> date:
    """The last day of the `months`-th month of a period starting at `start`."""
    index = start.year * 12 + start.month - 1 + months - 1
    return month_end(index // 12, index % 12 + 1)


def checkpoints(start: date, end: date, count: int) -> list[Checkpoint]:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    found = []
    mid_month = months // 2 if count // 2 >= 1 else 0
    if mid_month >= 1:
        found.append(Checkpoint("mid", _months_after(start, mid_month), count // 2))
    late_month = months - max(1, round(months / 6))
    if mid_month < late_month < months:
        found.append(Checkpoint("late", _months_after(start, late_month), count))
    found.append(Checkpoint("end", end, count))
    return found


def latest_passed(facts: UnitPeriod, today: date) -> Checkpoint | None:
    """The latest checkpoint before `today` (a checkpoint passes the day after it)."""
    passed = [c for c in checkpoints(facts.start, facts.end, facts.required) if c.on < today]
    return passed[-1] if passed else None


def standing(facts: UnitPeriod, today: date, *, with_plan: bool) -> Standing:
    done = len([d for d in facts.done_on if d <= today])
    remaining = max(facts.required - done, 0)
    ahead = [d for d in facts.planned_on if d is not None and d >= today]
    missed = [d for d in facts.planned_on if d is not None and d < today]
    unplaced = [d for d in facts.planned_on if d is None]
    checkpoint = latest_passed(facts, today)
    behind = checkpoint if checkpoint is not None and done < checkpoint.expected else None
    if remaining == 0:
        status = DONE
    elif behind is not None:
        status = BEHIND
    elif with_plan and (missed or unplaced or len(ahead) < remaining):
        status = AT_RISK
    else:
        status = ON_TRACK
    return Standing(
        required=facts.required,
        done=done,
        remaining=remaining,
        planned=len(ahead) if with_plan else 0,
        missed=len(missed) if with_plan else 0,
        unplaced=len(unplaced) if with_plan else 0,
        behind=behind,
        status=status,
    )


@dataclass(frozen=True)
class TargetFacts:
    code: str
    document: str
    indicator: str
    comparator: str
    value: float
    year: int


def digital_share(recorded: int, digital: int, target: TargetFacts | None) -> dict[str, object]:
    """The share of inspections recorded digitally, against the scheme's target."""
    share = round(100 * digital / recorded, 1) if recorded else None
    met = None
    if target is not None and share is not None:
        met = {
            ">=": share >= target.value,
            ">": share > target.value,
            "<=": share <= target.value,
            "<": share < target.value,
            "=": share == target.value,
        }[target.comparator]
    return {
        "recorded": recorded,
        "digital": digital,
        "share": share,
        "target": None
        if target is None
        else {
            "code": target.code,
            "document": target.document,
            "indicator": target.indicator,
            "comparator": target.comparator,
            "value": target.value,
            "year": target.year,
        },
        "met": met,
    }
