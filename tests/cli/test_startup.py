"""`dondoc` starts without importing the database, web or Prefect layers."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys

import typer
from typer.testing import CliRunner

from dondoc.cli import COMMANDS, app

HEAVY = ("sqlalchemy", "alembic", "fastapi", "prefect", "pydantic_settings", "uvicorn")


def test_importing_the_command_line_imports_no_heavy_library():
    probe = (
        "import json, sys, dondoc.cli; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = json.loads(
        subprocess.run(
            [sys.executable, "-c", probe], check=True, capture_output=True, text=True
        ).stdout
    )
    assert [name for name in HEAVY if name in loaded] == []
    assert "dondoc" in loaded and "typer" in loaded


def test_help_lists_every_command_with_its_own_help():
    result = CliRunner().invoke(app, ["--help"], prog_name="dondoc", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    listed = {
        line.split()[0]: line.split(maxsplit=1)[1]
        for line in result.output.split("Commands:")[1].splitlines()
        if line.strip()
    }
    assert set(listed) == {*COMMANDS, "init", "plan", "up"}
    assert listed["tasks"] == "Nhiệm vụ đã lập kế hoạch (tasks)."
    assert listed["tick"].startswith("Một lượt: lập kế hoạch")


def test_the_table_says_what_each_command_says_of_itself():
    for name, entry in COMMANDS.items():
        target = getattr(importlib.import_module(entry.module), entry.attribute)
        own = target.info.help if isinstance(target, typer.Typer) else target.__doc__
        assert entry.help == inspect.cleandoc(own or ""), name


def test_a_lazy_command_runs_and_shows_its_options():
    result = CliRunner().invoke(app, ["tasks", "list", "--help"], prog_name="dondoc")
    assert result.exit_code == 0
    assert "--json" in result.output and "--as" in result.output
    assert "Usage: dondoc tasks list" in result.output
    unknown = CliRunner().invoke(app, ["taks"], prog_name="dondoc")
    assert unknown.exit_code == 2
    assert "No such command 'taks'" in unknown.output
