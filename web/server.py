"""The web in the embedded mode: uvicorn in a background thread of `dondoc run`.

Bound to 127.0.0.1 on the port it is given (`dondoc run`: DONDOC_WEB_PORT, 8000 by
default; 0 picks a free one). Uvicorn does not
install signal handlers outside the main thread, so Ctrl+C stays with `dondoc run`,
which calls `handle.stop()`. The access log keeps method, path and status with any link
token cut out (`web.security.redact`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import uvicorn
from sqlalchemy import Engine

from web.app import WebSettings, create_app
from web.security import redact_uvicorn_logs

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
START_TIMEOUT = 15.0


class WebStartError(RuntimeError):
    """The web could not start; the message is Vietnamese, for the person running dondoc."""


@dataclass
class WebHandle:
    server: uvicorn.Server
    thread: threading.Thread
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the requests in flight, then stop."""
        self.server.should_exit = True
        self.thread.join(timeout)

    def __enter__(self) -> WebHandle:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def start_in_thread(
    settings: WebSettings,
    engine: Engine,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    clock: Callable[[], datetime] | None = None,
) -> WebHandle:
    """Serve the web in a daemon thread; returns once it accepts connections."""
    sock = _bind(host, port)
    redact_uvicorn_logs()
    config = uvicorn.Config(
        create_app(settings, engine, clock=clock),
        host=host,
        port=port,
        log_config=None,  # keep the process's logging as `dondoc run` set it up
        lifespan="off",
        server_header=False,
        proxy_headers=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="dondoc-web", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise WebStartError(
                f"trang web tại {host}:{port} không khởi động được; "
                "xem nhật ký (log) của dondoc để biết nguyên nhân"
            )
        time.sleep(0.02)
    return WebHandle(server, thread, host, sock.getsockname()[1])


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a busy port is an error in this thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart without waiting
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise WebStartError(
            f"không mở được trang web tại {host}:{port} ({exc.strerror}); "
            "đặt DONDOC_WEB_PORT sang cổng khác"
        ) from None
    sock.set_inheritable(True)
    return sock
