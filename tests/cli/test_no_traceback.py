"""No traceback reaches a person: one Vietnamese line and an exit code; the trace is logged.

The PostgreSQL connection is cut in the middle of a catalogue load by a TCP proxy
between `dondoc` and the server; the database is unreachable; a file says `value: .nan`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from dondoc.db import make_engine
from tests.conftest import SEEDS, drop_postgres_database, fresh_postgres_database, initialise
from tests.helpers import copy_valid, edit, snapshot


def run(*args: str, url: str, log: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DONDOC_DATABASE_URL": url, "DONDOC_ERROR_LOG": str(log)}
    return subprocess.run(
        [sys.executable, "-m", "dondoc", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


class CuttingProxy:
    """Forwards to PostgreSQL and cuts every connection once the client sent `limit` bytes."""

    def __init__(self, port: int, limit: int) -> None:
        self.target = ("127.0.0.1", port)
        self.limit = limit
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            sent = [0]
            threading.Thread(target=self._pipe, args=(client, server, sent), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, None), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, sent: list[int] | None) -> None:
        try:
            while data := source.recv(65536):
                if sent is not None:
                    sent[0] += len(data)
                    if sent[0] > self.limit:
                        self.cut.set()
                        break
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def postgres_world() -> Iterator[str]:
    url = fresh_postgres_database("cut")
    engine = make_engine(url)
    initialise(engine)
    engine.dispose()
    yield url
    drop_postgres_database(url)


@pytest.mark.postgres
def test_losing_postgresql_mid_load_prints_one_line_and_changes_nothing(postgres_world, tmp_path):
    if not os.environ.get("DONDOC_TEST_POSTGRES_URL"):
        pytest.skip("PostgreSQL is not configured")
    parsed = make_url(postgres_world)
    proxy = CuttingProxy(parsed.port or 5432, limit=60_000)
    through_proxy = parsed.set(port=proxy.port).render_as_string(hide_password=False)
    engine = make_engine(postgres_world)
    before = snapshot(engine)
    log = tmp_path / "errors.log"
    try:
        done = run("catalog", "load", str(SEEDS), url=through_proxy, log=log)
    finally:
        proxy.close()
    assert proxy.cut.is_set()
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: mất kết nối tới cơ sở dữ liệu")
    assert str(log) in lines[0] and "Traceback" in log.read_text(encoding="utf-8")
    assert snapshot(engine) == before
    engine.dispose()


def test_an_unreachable_database_is_one_line(tmp_path):
    log = tmp_path / "errors.log"
    done = run("tasks", "list", url=f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}", log=log)
    assert done.returncode in (2, 3), done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_value_nan_is_a_located_line_not_a_traceback(tmp_path, sqlite_template):
    database = tmp_path / "db.sqlite3"
    database.write_bytes(sqlite_template.read_bytes())
    folder = copy_valid(tmp_path)
    document = edit(folder / "nghi-quyet.yaml", "value: 100", "value: .nan")
    done = run("catalog", "load", str(folder), url=f"sqlite:///{database}", log=tmp_path / "l")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{document}:")
    assert "số hữu hạn" in done.stderr
