"""The web in a thread of the embedded mode: it serves, logs without tokens, and a link
clicked twice at the same instant acts once."""

from __future__ import annotations

import logging
import threading

import httpx
import pytest

from notifications.links import REPORT_PROGRESS, VIEW
from tests.lifecycle.world import SNV_STAFF
from tests.web.support import csrf_of
from web.server import WebStartError, start_in_thread


@pytest.fixture
def served(web, settings):  # noqa: ANN001, ANN201
    with start_in_thread(settings, web.engine, port=0, clock=web.clock) as handle:
        yield handle


def test_the_web_starts_on_a_loopback_port_and_answers(served):
    assert served.host == "127.0.0.1" and served.port > 0
    assert httpx.get(f"{served.url}/healthz").json() == {"status": "ok"}


def test_a_busy_port_is_a_clear_error(served, settings, web):
    with pytest.raises(WebStartError, match="không mở được trang web tại 127.0.0.1"):
        start_in_thread(settings, web.engine, port=served.port)


def test_the_access_log_never_contains_a_token(served, web, caplog):
    path = web.link(VIEW, web.task_id(), SNV_STAFF)
    token = path.split("?t=")[1]
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        assert httpx.get(f"{served.url}{path}").status_code == 200
        action = web.link(REPORT_PROGRESS, web.task_id(), SNV_STAFF)
        httpx.get(f"{served.url}{action}")
    assert "GET /tasks/" in caplog.text and "?t=…" in caplog.text
    assert token not in caplog.text and action.rsplit("/", 1)[1] not in caplog.text


def double_click(base_url: str, path: str, csrf: str, cookies: httpx.Cookies) -> list[int]:
    """The same form posted twice at the same instant, from the same browser."""
    start = threading.Barrier(2)
    statuses: list[int] = []

    def click(n: int) -> None:
        with httpx.Client(base_url=base_url, cookies=cookies) as client:
            start.wait()
            response = client.post(path, data={"csrf": csrf, "note": f"Lần {n}"})
            statuses.append(response.status_code)

    threads = [threading.Thread(target=click, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return statuses


def test_a_double_click_acts_once(served, web):
    """Two POSTs of one link at the same instant: one is honoured, the other is told."""
    for day in range(3):  # a few rounds, so the requests really overlap at least once
        web.clock.now = web.clock.now.replace(day=20 + day)  # each day's e-mail, a new link
        path = web.link(REPORT_PROGRESS, web.task_id(), SNV_STAFF)
        with httpx.Client(base_url=served.url) as browser:
            csrf = csrf_of(browser.get(path).text)
            statuses = double_click(served.url, path, csrf, browser.cookies)
        assert sorted(statuses) == [200, 409], statuses
