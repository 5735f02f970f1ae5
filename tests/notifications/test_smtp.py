"""The SMTP channel against real aiosmtpd servers on loopback: one connection per batch,
failures classified as permanent or worth retrying, settings from DONDOC_SMTP_URL."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from notifications.mime import OutgoingEmail, compose
from notifications.smtp import SmtpSettings, SmtpTransport
from notifications.transport import TransportError
from tests.notifications.smtp_servers import Recorder, free_port

OFFICE = "snv@quangtri.gov.vn"


def transport_for(port: int) -> SmtpTransport:
    return SmtpTransport(SmtpSettings.from_url(f"smtp://127.0.0.1:{port}?timeout=0.5"))


def message(to: str = OFFICE, n: int = 0) -> OutgoingEmail:
    """A digest-shaped e-mail, built as delivery builds them (notifications.mime.compose)."""
    body = "Kính gửi Giám đốc Sở Nội vụ: đề nghị báo cáo tiến độ trước ngày 15/12."
    return compose(
        headers=[("Subject", f"Nhắc việc số {n}: Kế hoạch cải cách hành chính năm 2025")],
        address_headers=[("From", "Văn phòng UBND tỉnh <vp@quangtri.gov.vn>"), ("To", to)],
        text=body,
        html=f"<p>{body}</p>",
        message_id=f"<task-{n}@dondoc.test>",
    )


def sending_fails(transport: SmtpTransport, mail: OutgoingEmail) -> TransportError:
    with pytest.raises(TransportError) as caught:
        transport.send(mail)
    return caught.value


# Connection reuse


def test_a_batch_of_50_messages_goes_over_one_connection(servers):
    recorder = Recorder()
    server = servers.start(recorder)
    with transport_for(server.port) as transport:
        for n in range(50):
            transport.send(message(n=n))
    assert len(recorder.envelopes) == 50
    assert len(recorder.ehlo_peers) == 1
    assert transport.connections_opened == 1


def test_no_connection_is_opened_before_the_first_message(servers):
    recorder = Recorder()
    server = servers.start(recorder)
    with transport_for(server.port):
        pass
    assert recorder.ehlo_peers == []


def test_a_connection_the_server_dropped_while_idle_is_reopened_once(servers):
    recorder = Recorder()
    server = servers.start(recorder, timeout=0.2)  # the server hangs up after 0.2 s idle
    with transport_for(server.port) as transport:
        transport.send(message(n=1))
        time.sleep(0.4)
        transport.send(message(n=2))
    assert len(recorder.envelopes) == 2
    assert len(recorder.ehlo_peers) == 2


def test_a_server_stopped_mid_batch_is_transient_and_sending_resumes_after_restart(servers):
    first = Recorder()
    server = servers.start(first)
    port = server.port
    # A stopped server fails at once (refused, or the NOOP on the old connection); the
    # restarted one must be given time to answer on a loaded machine: 0.5 s per reply was
    # missed under `-n 4` on two cores, and the test failed one run in a few.
    patient = SmtpSettings.from_url(f"smtp://127.0.0.1:{port}?timeout=15")
    with SmtpTransport(patient) as transport:
        transport.send(message(n=1))
        servers.stop(server)
        error = sending_fails(transport, message(n=2))
        second = Recorder()
        servers.start(second, port=port)
        transport.send(message(n=2))
    assert not error.permanent
    assert [len(first.envelopes), len(second.envelopes)] == [1, 1]


def test_connection_refused_is_transient():
    with transport_for(free_port()) as transport:
        error = sending_fails(transport, message())
    assert not error.permanent
    assert "Không kết nối được" in error.message


# Refusals


def test_a_recipient_refused_with_550_is_permanent(servers):
    server = servers.start(Recorder(refuse={OFFICE: "550 5.1.1 No such user"}))
    with transport_for(server.port) as transport:
        error = sending_fails(transport, message())
    assert error.permanent
    assert "550" in error.message and OFFICE in error.message


def test_a_recipient_answered_451_is_transient(servers):
    server = servers.start(Recorder(refuse={OFFICE: "451 4.3.0 Try again later"}))
    with transport_for(server.port) as transport:
        error = sending_fails(transport, message())
    assert not error.permanent


def test_refusals_mixing_550_and_451_are_transient(servers):
    refuse = {"a@quangtri.gov.vn": "550 5.1.1 No such user", "b@quangtri.gov.vn": "451 4.3.0 Later"}
    server = servers.start(Recorder(refuse=refuse))
    with transport_for(server.port) as transport:
        error = sending_fails(transport, message(to="a@quangtri.gov.vn, b@quangtri.gov.vn"))
    assert not error.permanent


def test_a_partial_refusal_is_permanent_since_a_retry_would_duplicate(servers):
    recorder = Recorder(refuse={"gone@quangtri.gov.vn": "451 4.3.0 Later"})
    server = servers.start(recorder)
    with transport_for(server.port) as transport:
        error = sending_fails(transport, message(to=f"{OFFICE}, gone@quangtri.gov.vn"))
    assert error.permanent
    assert [rcpt for _, rcpt, _ in recorder.envelopes] == [[OFFICE]]


@pytest.mark.parametrize(
    ("reply", "permanent"), [("552 5.3.4 Message too big", True), ("451 4.3.0 Disk full", False)]
)
def test_a_refused_message_body_is_classified_by_its_code(servers, reply, permanent):
    server = servers.start(Recorder(data_reply=reply))
    with transport_for(server.port) as transport:
        error = sending_fails(transport, message())
    assert error.permanent is permanent


def test_a_refused_sender_is_transient_since_it_is_our_configuration(servers):
    server = servers.start(Recorder(mail_reply="553 5.7.1 Sender not allowed"))
    with transport_for(server.port) as transport:
        error = sending_fails(transport, message())
    assert not error.permanent
    assert "dondoc@localhost" in error.message


def test_the_connection_stays_usable_after_a_refusal(servers):
    recorder = Recorder(refuse={"gone@quangtri.gov.vn": "550 5.1.1 No such user"})
    server = servers.start(recorder)
    with transport_for(server.port) as transport:
        sending_fails(transport, message(to="gone@quangtri.gov.vn"))
        transport.send(message(n=2))
    assert len(recorder.envelopes) == 1
    assert len(recorder.ehlo_peers) == 1


# Addresses


@pytest.mark.parametrize(
    "to", ["not-an-address", "a@@quangtri.gov.vn", "so noi vu@quangtri.gov.vn", "a@-x-.vn"]
)
def test_a_malformed_address_is_permanent_and_the_server_is_not_touched(servers, to):
    recorder = Recorder()
    server = servers.start(recorder)
    with transport_for(server.port) as transport:
        error = sending_fails(transport, replace(message(), recipients=(to,)))
    assert error.permanent
    assert "không hợp lệ" in error.message
    assert recorder.ehlo_peers == [] and recorder.envelopes == []


def test_a_message_without_recipients_is_permanent():
    mail = replace(message(), recipients=())
    with transport_for(free_port()) as transport:
        assert sending_fails(transport, mail).permanent


# Settings


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://user:p%40ss@mail.quangtri.gov.vn:587?starttls=1",
            dict(
                host="mail.quangtri.gov.vn",
                port=587,
                username="user",
                password="p@ss",
                starttls=True,
            ),
        ),
        ("smtps://mail.quangtri.gov.vn", dict(port=465, implicit_tls=True, starttls=False)),
        ("smtp://127.0.0.1:8025", dict(host="127.0.0.1", port=8025, timeout=10.0)),
        ("smtp://relay", dict(port=25, sender="dondoc@localhost", connections=1)),
        ("smtp://relay?connections=4", dict(connections=4)),
        (
            "smtp://relay?from=dondoc@quangtri.gov.vn&timeout=2.5",
            dict(sender="dondoc@quangtri.gov.vn", timeout=2.5),
        ),
    ],
)
def test_smtp_urls_are_parsed_with_their_defaults(url, expected):
    settings = SmtpSettings.from_url(url)
    assert {name: getattr(settings, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("url", "part"),
    [
        ("http://relay", "giao thức"),
        ("smtp://:25", "máy chủ"),
        ("smtp://relay:cong", "cổng"),
        ("smtp://relay?starttls=maybe", "starttls"),
        ("smtps://relay?starttls=1", "starttls"),
        ("smtp://relay?tls=1", "'tls'"),
        ("smtp://relay?timeout=0", "timeout"),
        ("smtp://relay?connections=0", "connections"),
        ("smtp://relay?connections=17", "connections"),
        ("smtp://relay?connections=bon", "connections"),
        ("smtp://relay?from=khong-phai-dia-chi", "from"),
        ("smtp://user:bimat@relay.example.vn", "mã hoá"),
    ],
)
def test_a_bad_smtp_url_is_refused_naming_the_wrong_part(url, part):
    with pytest.raises(ValueError) as caught:
        SmtpSettings.from_url(url)
    assert part in str(caught.value)
    assert "bimat" not in str(caught.value)  # the password is never shown
