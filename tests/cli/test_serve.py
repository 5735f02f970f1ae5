"""`dondoc serve`: the web application alone, as a reverse proxy would reach it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_the_sign_in_page_and_refuses_an_uninitialised_database(tmp_path, processes):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DONDOC_")}
    env["DONDOC_DATABASE_URL"] = f"sqlite:///{tmp_path / 'dondoc.sqlite3'}"
    command = [sys.executable, "-m", "dondoc", "serve", "--port", str(free_port())]
    early = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert early.returncode == 2 and "dondoc init" in early.stderr
    subprocess.run(
        [sys.executable, "-m", "dondoc", "init"], env=env, check=True, capture_output=True
    )
    port = free_port()
    command[-1] = str(port)
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    processes.append(server)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as answer:
                page = answer.read().decode()
            break
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, (
                "dondoc serve did not start"
            )
            time.sleep(0.2)
    assert "Đăng nhập" in page
    server.terminate()
    server.wait(timeout=20)
