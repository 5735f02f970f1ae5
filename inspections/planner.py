"""The planner of unannounced inspections: a pure function of its inputs.

`propose(request, calendar)` gives every required inspection (one per round task: unit ×
round × period) a working day and an inspector. The same request always gives the same
proposals; a different secret gives unrelated ones. Nobody without the secret can predict
a date better than "some working day in this part of the period", which is all the rules
themselves reveal.

1. Carry over what is fixed: inspections already done (their real day and leader) and, on
   a replan, entries still ahead of the replanning day. They occupy their inspector's day
   and count towards the inspector's load and the week's load.
2. Order the remaining slots by period, then round, then a secret shuffle, so that no unit
   is systematically served first and every round-1 day is known before round 2 is drawn.
3. For each slot take its window: the round's share of the period (round 2 of 2 in a year:
   July to December), clipped to `not_before` and kept at least `min_gap_days` away from
   the unit's neighbouring rounds. A window already past (a replan late in the period)
   widens to the rest of the period; if even that is empty, the slot stays unplaced and is
   reported, never dropped.
4. Keep the working days of the window whose ISO week is below its even share (+ slack)
   and on which some inspector is free. Draw one uniformly with HMAC(secret, context, slot).
5. Give it to the free inspector with the least load (other duties of the team included),
   ties broken by another draw; the inspector's day is then taken.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from tasks_catalog.calendar import WorkCalendar

_DOMAIN = b"dondoc.inspections.plan/v1\x00"
_ONE_DAY = timedelta(days=1)


class PlanningError(ValueError):
    """A request the planner cannot work with (no inspector, a window upside down …)."""


@dataclass(frozen=True)
class Slot:
    """One required inspection: the round task's occurrence key names it."""

    key: str  # "2025/QN-HALONG-TTHCC/1"
    unit: str
    round: int  # 1..count
    count: int  # rounds required in the period
    period_start: date
    period_end: date


@dataclass(frozen=True)
class Fixed:
    """A slot whose day is already decided: done (the record's day) or kept from a plan."""

    key: str
    day: date
    inspector: str | None
    origin: str  # done | kept


@dataclass(frozen=True)
class Constraints:
    min_gap_days: int | None = None  # between rounds of one unit; None: a quarter window, ≥ 7
    week_slack: int = 1  # inspections a week may exceed its even share by

    def gap_for(self, slot: Slot) -> int:
        if self.min_gap_days is not None:
            return self.min_gap_days
        window = ((slot.period_end - slot.period_start).days + 1) // max(slot.count, 1)
        return max(7, window // 4)


@dataclass(frozen=True)
class PlanRequest:
    secret: bytes
    context: str  # what makes this draw unique: duty, agency, year, version
    slots: tuple[Slot, ...]
    inspectors: tuple[str, ...]
    not_before: date
    fixed: tuple[Fixed, ...] = ()
    busy: frozenset[tuple[str, date]] = frozenset()  # (inspector, day) taken elsewhere
    load: Mapping[str, int] = field(default_factory=dict)  # inspections elsewhere this year
    constraints: Constraints = Constraints()


@dataclass(frozen=True)
class Proposal:
    key: str
    unit: str
    round: int
    day: date | None  # None: unplaced (no working day left in the period)
    inspector: str | None
    origin: str  # drawn | kept | done | unplaced


class Draw:
    """Deterministic, secret-keyed choices: HMAC-SHA256 as a random source."""

    def __init__(self, secret: bytes, context: str) -> None:
        if len(secret) < 16:
            raise PlanningError(
                "chuỗi bí mật lập kế hoạch (DONDOC_INSPECTION_SECRET) quá ngắn: cần ít nhất "
                "16 byte; hãy đặt một chuỗi dài hơn rồi chạy lại"
            )
        self._key = hmac.new(secret, _DOMAIN + context.encode(), hashlib.sha256).digest()

    def bytes(self, label: str) -> bytes:
        return hmac.new(self._key, label.encode(), hashlib.sha256).digest()

    def below(self, n: int, label: str) -> int:
        """Uniform in [0, n), by rejection sampling (no modulo bias)."""
        if n <= 0:
            raise ValueError("n must be positive")
        limit = (1 << 64) - (1 << 64) % n
        for attempt in range(1000):
            value = int.from_bytes(self.bytes(f"{label}#{attempt}")[:8], "big")
            if value < limit:
                return value % n
        raise AssertionError("unreachable: HMAC output rejected 1000 times")


def secret_id(secret: bytes) -> str:
    """A fingerprint naming the secret in stored plans (the secret itself is never stored)."""
    return hmac.new(secret, b"dondoc.inspections.secret-id", hashlib.sha256).hexdigest()[:16]


def window_of(slot: Slot) -> tuple[date, date]:
    """The round's share of the period: round r of c gets the r-th of c equal parts."""
    days = (slot.period_end - slot.period_start).days + 1
    first = slot.period_start + timedelta(days=(slot.round - 1) * days // slot.count)
    last = slot.period_start + timedelta(days=slot.round * days // slot.count - 1)
    return first, last


def propose(request: PlanRequest, calendar: WorkCalendar) -> list[Proposal]:
    """Every slot with a day and an inspector (or unplaced), in the order of `slots`."""
    if not request.inspectors:
        raise PlanningError(
            "đoàn kiểm tra chưa có ai: trong danh bạ, cơ quan chủ trì chưa có người được giao "
            "vai trò thanh tra viên (inspector) hay trưởng đoàn (inspection_lead); hãy bổ sung "
            "rồi chạy lại"
        )
    state = _State(request, calendar)
    for slot in _draw_order(request, state.draw):
        state.place(slot)
    return [state.result[slot.key] for slot in request.slots]


def _draw_order(request: PlanRequest, draw: Draw) -> list[Slot]:
    fixed = {f.key for f in request.fixed}
    todo = [slot for slot in request.slots if slot.key not in fixed]
    return sorted(todo, key=lambda s: (s.period_start, s.round, draw.bytes(f"order|{s.key}")))


class _State:
    """What is taken so far: days per unit, inspectors' days and loads, weeks' loads."""

    def __init__(self, request: PlanRequest, calendar: WorkCalendar) -> None:
        self.request = request
        self.calendar = calendar
        self.draw = Draw(request.secret, request.context)
        self.taken: set[tuple[str, date]] = set(request.busy)
        self.load: Counter[str] = Counter({i: request.load.get(i, 0) for i in request.inspectors})
        self.week_load: Counter[tuple[int, int]] = Counter()
        self.days: dict[tuple[str, date, int], date] = {}  # (unit, period, round) -> day
        self.result: dict[str, Proposal] = {}
        self.caps = _week_caps(request, calendar)
        by_key = {slot.key: slot for slot in request.slots}
        for fixed in request.fixed:
            slot = by_key.get(fixed.key)
            if slot is None:
                continue  # a fixed entry of a slot no longer required: nothing to keep
            self._occupy(slot, fixed.day, fixed.inspector, fixed.origin)

    def place(self, slot: Slot) -> None:
        for lo, hi, capped in self._windows(slot):
            days = _working_days(self.calendar, lo, hi)
            candidates = [day for day in days if self._fits(day, capped)]
            if candidates:
                day = candidates[self.draw.below(len(candidates), f"day|{slot.key}")]
                self._occupy(slot, day, self._inspector_for(slot, day), "drawn")
                return
        self.result[slot.key] = Proposal(slot.key, slot.unit, slot.round, None, None, "unplaced")

    def _windows(self, slot: Slot) -> Iterable[tuple[date, date, bool]]:
        """The slot's window, then wider ones when it is empty (see step 3)."""
        gap = self.request.constraints.gap_for(slot)
        prev_day = self._neighbour(slot, -1)
        next_day = self._neighbour(slot, +1)
        after_prev = prev_day + timedelta(days=gap) if prev_day else slot.period_start
        before_next = next_day - timedelta(days=gap) if next_day else slot.period_end
        first, last = window_of(slot)
        start = max(first, self.request.not_before, after_prev)
        yield start, min(last, before_next), True
        start = max(slot.period_start, self.request.not_before, after_prev)
        yield start, min(slot.period_end, before_next), True
        yield start, min(slot.period_end, before_next), False
        # Last resort: the gap gives way, the period does not.
        start = max(slot.period_start, self.request.not_before, (prev_day or date.min) + _ONE_DAY)
        end = min(slot.period_end, (next_day or date.max) - _ONE_DAY)
        yield start, end, False

    def _neighbour(self, slot: Slot, step: int) -> date | None:
        """The day of the unit's nearest earlier (step -1) or later (+1) decided round."""
        rounds = range(slot.round + step, 0 if step < 0 else slot.count + 1, step)
        for other in rounds:
            day = self.days.get((slot.unit, slot.period_start, other))
            if day is not None:
                return day
        return None

    def _fits(self, day: date, capped: bool) -> bool:
        if capped and self.week_load[_week(day)] >= self.caps.get(_week(day), 1):
            return False
        return any((i, day) not in self.taken for i in self.request.inspectors)

    def _inspector_for(self, slot: Slot, day: date) -> str:
        free = [i for i in self.request.inspectors if (i, day) not in self.taken]
        least = min(self.load[i] for i in free)
        tied = [i for i in free if self.load[i] == least]
        return tied[self.draw.below(len(tied), f"inspector|{slot.key}")]

    def _occupy(self, slot: Slot, day: date, inspector: str | None, origin: str) -> None:
        self.days[(slot.unit, slot.period_start, slot.round)] = day
        self.week_load[_week(day)] += 1
        if inspector is not None:
            self.taken.add((inspector, day))
            if inspector in self.load:
                self.load[inspector] += 1
        self.result[slot.key] = Proposal(slot.key, slot.unit, slot.round, day, inspector, origin)


def _week_caps(request: PlanRequest, calendar: WorkCalendar) -> dict[tuple[int, int], int]:
    """Per ISO week: the even share of the inspections whose window covers it, plus slack."""
    share: dict[tuple[int, int], float] = {}
    groups: Counter[tuple[date, date]] = Counter()
    for slot in request.slots:
        first, last = window_of(slot)
        groups[(max(first, request.not_before), last)] += 1
    for (first, last), n in groups.items():
        weeks = {_week(day) for day in _working_days(calendar, first, last)}
        for week in weeks:  # a window already past has no weeks, and no share
            share[week] = share.get(week, 0.0) + n / len(weeks)
    slack = request.constraints.week_slack
    return {week: math.ceil(value) + slack for week, value in share.items()}


def _working_days(calendar: WorkCalendar, first: date, last: date) -> list[date]:
    days = []
    day = first
    while day <= last:
        if calendar.is_working_day(day):
            days.append(day)
        day += _ONE_DAY
    return days


def _week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week
