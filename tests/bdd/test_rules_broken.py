"""A test of the tests: the feature files fail when the rule they describe is broken.

A separate pytest process runs three scenarios on SQLite once with the rules intact and
once for each deliberate mistake in `broken_rules.py`; each scenario must pass intact,
fail under every breakage of a rule it describes, and pass under the others (a scenario
that fails whatever is broken would prove nothing).
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# scenario (a -k expression) -> the breakages it must catch; it must pass under the rest.
SCENARIOS = {
    # features/chung/ngay-nghi.feature: a deadline in Tết, reminders and overdue notices
    "rơi_vào_tết": {"reminder-5-days", "no-roll-forward"},
    # features/chung/bao-cao-dinh-ky.feature: a half-year report never sent
    "không_nộp_báo_cáo": {
        "reminder-5-days",
        "no-roll-forward",
        "escalation-to-coordinator",
        "status-request-3-days",
    },
    # features/quang-ninh/nghi-quyet-124-NQ-HDND/nhiem-vu.feature, one example row
    "nhiệm_vụ_đến_hạn_năm_2025 and CHONGCHEO": {"reminder-5-days", "escalation-to-coordinator"},
}
BREAKAGES = (
    "intact",
    "reminder-5-days",
    "no-roll-forward",
    "escalation-to-coordinator",
    "status-request-3-days",
)


def test_each_scenario_fails_exactly_when_a_rule_it_describes_is_broken(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    selection = " or ".join(f"({k})" for k in SCENARIOS)
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/bdd/test_features.py",
            "-p",
            "tests.bdd.broken_rules",
            "-p",
            "no:xdist",
            "-p",
            "no:cacheprovider",
            "-k",
            f"sqlite and ({selection})",
            "-q",
            f"--basetemp={tmp_path / 'run'}",
            f"--junitxml={report}",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert report.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    outcomes = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        failed = case.find("failure") is not None or case.find("error") is not None
        outcomes[case.get("name")] = "failed" if failed else "passed"
    seen = set()
    for name, outcome in outcomes.items():
        scenario = next(k for k in SCENARIOS if _matches(k, name))
        params = "-" + name.split("[", 1)[1].rstrip("]") + "-"
        breakage = next(b for b in BREAKAGES if f"-{b}-" in params)
        expected = "failed" if breakage in SCENARIOS[scenario] else "passed"
        assert outcome == expected, (name, completed.stdout[-3000:])
        seen.add((scenario, breakage))
    assert seen == {(s, b) for s in SCENARIOS for b in BREAKAGES}, sorted(outcomes)


def _matches(expression: str, name: str) -> bool:
    return all(word.lower() in name.lower() for word in expression.split(" and "))
