"""The webhook channel against a real ThreadingHTTPServer on loopback: signed requests,
one attempt per call, failures classified as permanent or worth retrying."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from notifications.transport import TransportError
from notifications.webhook import (
    WebhookSettings,
    WebhookTransport,
    sign,
    verify_signature,
)

SECRET = "bi-mat-cua-van-phong-ubnd-tinh"
SENT_AT = 1_767_225_600  # 2026-01-01 00:00 UTC, the transport's clock in these tests
PAYLOAD = {"task_id": 7, "step": "quá hạn", "owner": "Sở Nội vụ", "due": "2025-12-15"}


class Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.release = threading.Event()  # lets the slow handler go at teardown

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    """/ok → 200; /status/N → N; /slow → answers only when the test is over."""

    server: Receiver

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.requests.append((self.path, dict(self.headers), body))
        if self.path == "/slow":
            self.server.release.wait(5)
        status = int(self.path.rsplit("/", 1)[1]) if self.path.startswith("/status/") else 200
        try:
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        except OSError:
            pass  # the client gave up (timeout test)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep pytest's output clean


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    # A short poll makes shutdown() quick: it waits for the loop to notice.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def transport(timeout: float = 0.5) -> WebhookTransport:
    settings = WebhookSettings(urls=(), secret=SECRET, timeout=timeout)
    return WebhookTransport(settings, clock=lambda: SENT_AT)


def posting_fails(url: str, timeout: float = 0.5) -> TransportError:
    with transport(timeout) as webhooks, pytest.raises(TransportError) as caught:
        webhooks.post(url, PAYLOAD, "task-7/overdue/2025-12-15")
    return caught.value


# Delivery


def test_a_delivered_webhook_carries_a_signature_the_receiver_can_verify(receiver):
    with transport() as webhooks:
        webhooks.post(f"{receiver.url}/ok", PAYLOAD, "task-7/overdue/2025-12-15")
    [(_, headers, body)] = receiver.requests
    assert headers["Content-Type"] == "application/json"
    assert headers["Idempotency-Key"] == "task-7/overdue/2025-12-15"
    assert headers["X-Dondoc-Timestamp"] == str(SENT_AT)
    assert verify_signature(
        SECRET, headers["X-Dondoc-Timestamp"], body, headers["X-Dondoc-Signature"], now=SENT_AT + 5
    )
    assert json.loads(body) == PAYLOAD


def test_the_body_is_utf8_json_with_vietnamese_left_readable(receiver):
    with transport() as webhooks:
        webhooks.post(f"{receiver.url}/ok", PAYLOAD, "k")
    body = receiver.requests[0][2]
    assert "Sở Nội vụ".encode() in body
    assert b"\\u" not in body


def test_each_call_makes_exactly_one_attempt(receiver):
    posting_fails(f"{receiver.url}/status/503")
    assert len(receiver.requests) == 1


# Failures


@pytest.mark.parametrize(
    ("status", "permanent"),
    [(500, False), (503, False), (408, False), (429, False), (404, True), (400, True), (410, True)],
)
def test_an_http_error_is_transient_for_5xx_408_429_and_permanent_for_other_4xx(
    receiver, status, permanent
):
    error = posting_fails(f"{receiver.url}/status/{status}")
    assert error.permanent is permanent
    assert f"HTTP {status}" in error.message


def test_a_redirect_is_not_followed_and_is_permanent(receiver):
    error = posting_fails(f"{receiver.url}/status/302")
    assert error.permanent
    assert len(receiver.requests) == 1


def test_a_receiver_slower_than_the_timeout_is_transient_after_about_the_timeout(receiver):
    started = time.monotonic()
    error = posting_fails(f"{receiver.url}/slow", timeout=0.3)
    elapsed = time.monotonic() - started
    assert not error.permanent
    assert 0.25 <= elapsed < 1.0


def test_connection_refused_is_transient():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nobody listens once the probe is closed
    assert not posting_fails(f"http://127.0.0.1:{port}/ok").permanent


def test_a_payload_that_is_not_json_is_permanent_and_nothing_is_sent(receiver):
    with transport() as webhooks, pytest.raises(TransportError) as caught:
        webhooks.post(f"{receiver.url}/ok", {"at": object()}, "k")
    assert caught.value.permanent
    assert receiver.requests == []


def test_a_url_that_is_not_http_is_permanent():
    assert posting_fails("ftp://127.0.0.1/hook").permanent


# Signatures


def test_a_signature_does_not_verify_for_another_body_secret_or_time():
    body = b'{"task_id":7}'
    header = sign(SECRET, SENT_AT, body)
    assert verify_signature(SECRET, str(SENT_AT), body, header, now=SENT_AT)
    assert not verify_signature(SECRET, str(SENT_AT), b'{"task_id":8}', header, now=SENT_AT)
    assert not verify_signature(
        "another-secret-of-enough-length", SENT_AT, body, header, now=SENT_AT
    )
    assert not verify_signature(SECRET, str(SENT_AT + 1), body, header, now=SENT_AT)
    assert not verify_signature(SECRET, str(SENT_AT), body, header, now=SENT_AT + 301)
    assert not verify_signature(SECRET, "hôm qua", body, header, now=SENT_AT)
    assert not verify_signature(SECRET, str(SENT_AT), body, "sha256=sai", now=SENT_AT)


# Settings (read from the environment by dondoc.settings: tests/cli/test_settings.py)


def test_a_transport_without_a_secret_is_refused():
    with pytest.raises(ValueError, match="khoá bí mật"):
        WebhookTransport(WebhookSettings(urls=(), secret=""))
