"""Deadlines counted from an event ("trong thời hạn 10 ngày làm việc kể từ ngày nhận được
kết luận kiểm tra"): a schedule of their own, checked, and never planned from the calendar."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from tasks_catalog.catalogue.schema import Schedule
from tasks_catalog.obligation_schedule import schedule_from_json, waits_for_event

EVENT = {"after": "nhận được kết luận kiểm tra", "within": 10, "working": True}


def test_an_event_schedule_names_the_event_and_the_time_allowed():
    schedule = Schedule.model_validate(EVENT)
    assert schedule.on_event and schedule.within == 10 and schedule.working


@pytest.mark.parametrize(
    "data",
    [
        {"after": "nhận được kết luận"},
        {"within": 10},
        {**EVENT, "once": date(2024, 6, 30)},
        {**EVENT, "every": "year"},
        {**EVENT, "within": 0},
    ],
)
def test_an_incomplete_or_mixed_event_schedule_is_refused(data):
    with pytest.raises(ValidationError):
        Schedule.model_validate(data)


def test_the_yearly_plan_waits_for_the_event_and_calendar_rules_ignore_its_keys():
    assert waits_for_event(EVENT)
    assert not waits_for_event({"every": "year"})
    assert schedule_from_json({"every": "year", "working": False}).every == "year"
