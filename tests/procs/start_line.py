"""A start line for helper processes that must begin their work at the same moment.

Each process does its slow part first (imports, connecting), then writes `<go>.<name>.ready`
and waits for the file `<go>`; the test creates `<go>` once every process is ready.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

WAIT_SECONDS = 30.0  # a test that never says go must not leave us behind


def wait_for_go(go: Path | None, name: str) -> None:
    if go is None:
        return
    Path(f"{go}.{name}.ready").touch()
    deadline = time.monotonic() + WAIT_SECONDS
    while not go.exists():
        if time.monotonic() > deadline:
            sys.exit(f"{name}: no go after {WAIT_SECONDS:.0f} s")
        time.sleep(0.001)
