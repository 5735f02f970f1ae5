"""A pytest plugin that runs each scenario once with the rules intact and once per broken rule.

Only `test_rules_broken.py` loads it (`-p tests.bdd.broken_rules`, in a separate pytest
process), to show that the feature files notice when the rule they describe changes.
Each breakage is one small, plausible mistake in the engine or its calendar.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import workflows.policy
import workflows.recipients
from tasks_catalog.calendar import WorkCalendar
from tests.bdd.world import TemplateStore
from workflows.rules import Audience

BREAKAGES = (
    "intact",
    "reminder-5-days",  # reminders 5, 3, 1 working days before the due date, not 7, 3, 1
    "no-roll-forward",  # a due date on a day off stays there (Bộ luật Dân sự, Điều 148)
    "escalation-to-coordinator",  # the top escalation goes to the clerk, not the Chánh VP
    "status-request-3-days",  # report requests 3 working days before the cut-off, not 5
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "bdd_backend" in metafunc.fixturenames and "rule_breakage" in metafunc.fixturenames:
        metafunc.parametrize("rule_breakage", BREAKAGES, indirect=True)


_PLANNED_BROKEN: dict[str, TemplateStore] = {}


@pytest.fixture(autouse=True)
def rule_breakage(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> str | None:
    breakage = getattr(request, "param", None)
    policy = workflows.policy.DEFAULT_POLICY
    if breakage == "reminder-5-days":
        monkeypatch.setattr(
            workflows.policy, "DEFAULT_POLICY", replace(policy, reminder_days=(5, 3, 1))
        )
    elif breakage == "status-request-3-days":
        monkeypatch.setattr(
            workflows.policy, "DEFAULT_POLICY", replace(policy, status_request_before=3)
        )
    elif breakage == "no-roll-forward":
        monkeypatch.setattr(WorkCalendar, "roll_forward", lambda self, day: day)
        # Planning uses the calendar too: plan these scenarios' years with the broken one.
        if breakage not in _PLANNED_BROKEN:
            _PLANNED_BROKEN[breakage] = TemplateStore("sqlite", tmp_path_factory.mktemp(breakage))
        stores = request.getfixturevalue("bdd_templates")
        monkeypatch.setitem(stores, "sqlite", _PLANNED_BROKEN[breakage])
    elif breakage == "escalation-to-coordinator":
        monkeypatch.setitem(workflows.recipients.ROLE_OF, Audience.LEADERSHIP, "coordinator")
    return breakage
