"""The command line's start and its biggest listing: wall clock, CPU and peak memory.

Each measure runs a fresh process (as a person or a script does), `--runs` times, and
prints every run and the median:
- `python -c pass`: the interpreter alone, the floor of any command;
- `dondoc --help`: the top-level listing (the commands' modules are not imported);
- `dondoc agencies list --json`: a cheap command that opens the database (300 agencies);
- `dondoc tasks list --json` on the dashboard's database of 100,000 tasks, output thrown
  away (`/dev/null`);
- the naive listing beside it: the same JSON the first way one would write it, every task
  an ORM object (`tasks_catalog.queries.task_json`, `display_status`) and `json.dumps`
  with `indent` over the whole list (`bench/cli_naive.py`).
`--commands` adds `dondoc <command> --help` for every command of `dondoc.cli.COMMANDS`:
what loading each command's module costs.

CPU time (user + system) and peak RSS are the child's own, read by `/usr/bin/time`; CPU
time moves less with the load of the machine than the wall clock does.

    .venv/bin/python -m bench.cli_bench [--runs 5] [--commands] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import load_now, machine
from bench.make_dashboard import prepare

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DONDOC = [PYTHON, "-m", "dondoc"]


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    rss_mb: float  # peak resident set of the child


def run_once(argv: list[str], env: dict[str, str]) -> Sample:
    """One run under `/usr/bin/time`: the child's own CPU and peak RSS. (A child started
    straight from here would count this process's memory: fork and vfork share it
    until the exec.)"""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        timed = ["/usr/bin/time", "-f", "%U %S %M", "-o", report.name, *argv]
        start = time.perf_counter()
        child = subprocess.run(
            timed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
        )
        wall = time.perf_counter() - start
        if child.returncode != 0:
            errors = child.stderr.decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(argv)} exited {child.returncode}: {errors}")
        user, system, rss_kb = report.read().split()[-3:]
    return Sample(wall, float(user) + float(system), int(rss_kb) / 1024)


def measure(label: str, argv: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    samples = []
    for run in range(1, runs + 1):
        load = load_now()
        sample = run_once(argv, env)
        samples.append(sample)
        print(  # noqa: T201
            f"  {label} run {run}: {sample.wall:.3f} s wall, {sample.cpu:.3f} s CPU, "
            f"{sample.rss_mb:.0f} MB peak (load {load})"
        )
    result = {
        "wall": statistics.median(s.wall for s in samples),
        "cpu": statistics.median(s.cpu for s in samples),
        "rss_mb": statistics.median(s.rss_mb for s in samples),
    }
    print(  # noqa: T201
        f"{label}: median {result['wall']:.3f} s wall, {result['cpu']:.3f} s CPU, "
        f"{result['rss_mb']:.0f} MB peak (runs: {', '.join(f'{s.wall:.3f}' for s in samples)})"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--naive-runs", type=int, default=3)
    parser.add_argument("--commands", action="store_true", help="every command's --help too")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    env = {**os.environ, "DONDOC_DATABASE_URL": prepare("sqlite"), "PYTHONPATH": str(ROOT)}
    print(f"dondoc's command line; {machine()}")  # noqa: T201
    results = {
        "python -c pass": measure("python -c pass", [PYTHON, "-c", "pass"], env, args.runs),
        "dondoc --help": measure("dondoc --help", [*DONDOC, "--help"], env, args.runs),
        "agencies list": measure(
            "dondoc agencies list --json", [*DONDOC, "agencies", "list", "--json"], env, args.runs
        ),
        "tasks list": measure(
            "dondoc tasks list --json (100,000 tasks)",
            [*DONDOC, "tasks", "list", "--json"],
            env,
            args.runs,
        ),
        "tasks list naive": measure(
            "naive listing (ORM objects, json.dumps indent)",
            [PYTHON, "-m", "bench.cli_naive"],
            env,
            args.naive_runs,
        ),
    }
    listing, naive = results["tasks list"], results["tasks list naive"]
    print(  # noqa: T201
        f"tasks list: {naive['wall'] / listing['wall']:.1f}× faster than the naive listing, "
        f"{naive['rss_mb'] / listing['rss_mb']:.1f}× less memory"
    )
    if args.commands:
        from dondoc.cli import COMMANDS

        for name in COMMANDS:
            results[f"{name} --help"] = measure(
                f"dondoc {name} --help", [*DONDOC, name, "--help"], env, 3
            )
    if args.json:
        print(json.dumps({"benchmark": "cli", **results}))  # noqa: T201


if __name__ == "__main__":
    main()
