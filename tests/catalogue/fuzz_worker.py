"""A long-lived `dondoc` for the fuzz test, under the memory limit its parent set.

Reads one JSON request a line ({"args": [...]}) and answers one JSON line: the exit
code `dondoc` would give, what it printed on stderr and stdout, the seconds it took, and
a hash of every table before and after. Running the CLI in one process avoids a second
of start-up per example; each request still goes through `dondoc.cli.main`'s guard.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys
import time

from dondoc.cli import app
from dondoc.db import make_engine
from dondoc.errors import run_guarded
from tests.helpers import snapshot


def _tables_hash(url: str) -> str:
    engine = make_engine(url)
    try:
        return hashlib.sha256(repr(snapshot(engine)).encode()).hexdigest()
    finally:
        engine.dispose()


def main() -> None:
    url = sys.argv[1]
    answers = sys.stdout  # before any redirection
    for line in sys.stdin:
        request = json.loads(line)
        before = _tables_hash(url)
        err, out = io.StringIO(), io.StringIO()
        started = time.monotonic()
        code = 0
        sys.argv = ["dondoc", *request["args"]]
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                run_guarded(lambda: app(prog_name="dondoc"))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        seconds = time.monotonic() - started
        after = _tables_hash(url)
        answer = {
            "code": code,
            "stderr": err.getvalue(),
            "stdout": out.getvalue(),
            "seconds": seconds,
            "changed": before != after,
        }
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
