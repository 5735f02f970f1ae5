"""A year planned late, or replayed: nothing stays silent, and `preview` says why when it is."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dondoc.cli import app
from tests.helpers import copy_valid

runner = CliRunner()


def run(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args))


def loaded(tmp_path) -> None:  # noqa: ANN001
    assert run("init").exit_code == 0
    assert run("catalog", "load", str(copy_valid(tmp_path))).exit_code == 0


def test_a_year_planned_after_it_ended_chases_its_open_tasks_at_the_next_tick(cli_env, tmp_path):
    loaded(tmp_path)
    assert run("plan", "--year", "2025", "--now", "2026-02-02T09:00").exit_code == 0

    result = run("preview", "--from", "2026-02-02", "--to", "2026-02-02", "--json")

    rows = json.loads(result.stdout)
    # Each open task's latest step (its leadership escalation, a cooperating agency's one
    # reminder), on the morning it was planned.
    assert rows and "escalation" in {r["kind"] for r in rows}
    assert all(r["at"].startswith("2026-02-02T07:30") for r in rows)


def test_plan_takes_now_so_that_a_past_year_can_be_replayed(cli_env, tmp_path):
    loaded(tmp_path)
    assert run("plan", "--year", "2025", "--now", "2025-01-01T08:00").exit_code == 0

    rows = json.loads(run("preview", "--from", "2025-01-01", "--to", "2025-12-31", "--json").stdout)

    # Planned on 1 January: the reminders of March are in the plan, as for an office that
    # planned on time.
    assert any(r["at"].startswith("2025-03") and r["kind"] == "reminder" for r in rows)


def test_preview_says_the_year_is_not_planned(cli_env, tmp_path):
    loaded(tmp_path)

    result = run("preview", "--from", "2025-03-01", "--to", "2025-03-31")

    assert result.exit_code == 0
    assert "Không có thông báo nào: năm 2025 chưa được lập kế hoạch" in result.stdout
    assert "dondoc plan --year 2025" in result.stdout


def test_preview_says_when_the_next_step_falls(cli_env, tmp_path):
    loaded(tmp_path)
    assert run("plan", "--year", "2025", "--now", "2025-01-01T08:00").exit_code == 0

    result = run("preview", "--from", "2025-01-04", "--to", "2025-01-05")  # a weekend

    assert "không có mốc nhắc nào trong khoảng này; mốc kế tiếp:" in result.stdout
