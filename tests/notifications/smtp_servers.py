"""Real SMTP servers on loopback for the tests: a recording handler and their lifecycle."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Recorder:
    """An SMTP handler that keeps what it got and refuses the recipients it is told to."""

    def __init__(
        self,
        refuse: dict[str, str] | None = None,
        data_reply: str | None = None,
        mail_reply: str | None = None,
    ):
        self.refuse = refuse or {}
        self.data_reply = data_reply
        self.mail_reply = mail_reply
        self.ehlo_peers: list[Any] = []
        self.envelopes: list[tuple[str, list[str], bytes]] = []

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        session.host_name = hostname
        self.ehlo_peers.append(session.peer)  # one EHLO per connection (no STARTTLS here)
        return responses

    async def handle_MAIL(self, server, session, envelope, address, options):  # noqa: N802
        if self.mail_reply:
            return self.mail_reply
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.data_reply:
            return self.data_reply
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


class Servers:
    def __init__(self) -> None:
        self.running: list[Controller] = []

    def start(self, handler: Recorder, port: int | None = None, **options: Any) -> Controller:
        controller = Controller(
            handler,
            hostname="127.0.0.1",
            port=port or free_port(),
            server_hostname="test",
            **options,
        )
        controller.start()
        self.running.append(controller)
        return controller

    def stop(self, controller: Controller) -> None:
        self.running.remove(controller)
        controller.stop()


@pytest.fixture
def servers() -> Iterator[Servers]:
    servers = Servers()
    yield servers
    for controller in list(servers.running):
        servers.stop(controller)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
