"""The mail catcher of the embedded mode: a real SMTP server on loopback that files
messages, keeps Vietnamese intact, stores a Message-ID once and lists in arrival order."""

from __future__ import annotations

import smtplib
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from notifications.mailcatcher import MailCatcher, list_messages, read_message

SUBJECT = "Đôn đốc: Quá hạn chưa hoàn thành — Kế hoạch kiểm tra đột xuất năm 2025"
BODY = "Kính gửi Chủ tịch UBND huyện Hải Lăng,\nđề nghị báo cáo kết quả trước ngày 15/12/2025.\n"
ROOT = Path(__file__).resolve().parents[2]


def message(
    message_id: str | None = "<task-1@dondoc.test>", subject: str = SUBJECT
) -> EmailMessage:
    mail = EmailMessage(policy=policy.SMTP)
    mail["From"] = "Văn phòng UBND tỉnh <vp@quangtri.gov.vn>"
    mail["To"] = "Chủ tịch UBND huyện Hải Lăng <ct@hailang.quangtri.gov.vn>"
    mail["Subject"] = subject
    if message_id:
        mail["Message-ID"] = message_id
    mail.set_content(BODY)
    return mail


@pytest.fixture
def catcher(tmp_path: Path) -> Iterator[MailCatcher]:
    with MailCatcher(tmp_path / "thu") as running:
        yield running


def deliver(port: int, *mails: EmailMessage, bcc: list[str] | None = None) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=2) as client:
        for mail in mails:
            recipients = ["ct@hailang.quangtri.gov.vn", *(bcc or [])]
            client.send_message(mail, from_addr="dondoc@quangtri.gov.vn", to_addrs=recipients)


def test_vietnamese_subject_and_body_are_stored_intact(catcher):
    deliver(catcher.port, message())
    [stored] = list_messages(catcher.directory)
    assert stored.subject == SUBJECT
    mail = read_message(catcher.directory, stored.id)
    assert mail["From"].addresses[0].display_name == "Văn phòng UBND tỉnh"
    assert mail.get_content() == BODY


def test_a_stored_message_records_its_envelope_and_message_id(catcher):
    deliver(catcher.port, message(), bcc=["lanhdao@quangtri.gov.vn"])
    [stored] = list_messages(catcher.directory)
    assert stored.sender == "dondoc@quangtri.gov.vn"
    assert stored.recipients == ("ct@hailang.quangtri.gov.vn", "lanhdao@quangtri.gov.vn")
    assert stored.message_id == "<task-1@dondoc.test>"
    assert stored.received_at.tzinfo is UTC


def test_each_message_is_one_file_in_new_and_nothing_is_left_in_tmp(catcher):
    deliver(catcher.port, message("<a@dondoc.test>"), message("<b@dondoc.test>"))
    names = sorted(path.name for path in (catcher.directory / "new").iterdir())
    assert [name.rsplit("-", 1)[1] for name in names] == ["1.eml", "2.eml"]
    assert list((catcher.directory / "tmp").iterdir()) == []


def test_a_repeated_message_id_is_stored_once(catcher):
    deliver(catcher.port, message(), message(), message("<task-2@dondoc.test>"))
    ids = [stored.message_id for stored in list_messages(catcher.directory)]
    assert ids == ["<task-1@dondoc.test>", "<task-2@dondoc.test>"]


def test_a_repeated_message_id_is_stored_once_across_a_restart(tmp_path: Path):
    directory = tmp_path / "thu"
    for _ in range(2):  # e.g. the process crashed after the 250 and the outbox retried
        with MailCatcher(directory) as catcher:
            deliver(catcher.port, message())
    assert len(list_messages(directory)) == 1


def test_messages_without_message_id_are_all_stored(catcher):
    deliver(catcher.port, message(None), message(None))
    assert len(list_messages(catcher.directory)) == 2


def stepping_back() -> Callable[[], datetime]:
    """A clock that goes one second backwards at every call (an NTP correction, say)."""
    start = datetime(2025, 12, 15, 1, 0, tzinfo=UTC)
    calls = iter(range(1000))
    return lambda: start - timedelta(seconds=next(calls))


def test_messages_are_listed_in_arrival_order_even_if_the_clock_steps_back(tmp_path: Path):
    with MailCatcher(tmp_path / "thu", clock=stepping_back()) as catcher:
        for n in range(3):
            deliver(catcher.port, message(f"<task-{n}@dondoc.test>", subject=f"Thư {n}"))
    assert [stored.subject for stored in list_messages(tmp_path / "thu")] == [
        "Thư 0",
        "Thư 1",
        "Thư 2",
    ]


def test_numbering_continues_after_a_restart(tmp_path: Path):
    directory = tmp_path / "thu"
    for n in range(2):
        with MailCatcher(directory) as catcher:
            deliver(catcher.port, message(f"<task-{n}@dondoc.test>"))
    assert [stored.id.rsplit("-", 1)[1] for stored in list_messages(directory)] == ["1", "2"]


def test_an_empty_or_missing_directory_lists_nothing(tmp_path: Path):
    assert list_messages(tmp_path / "chua-co") == []


def test_read_message_refuses_an_id_that_is_not_a_stored_name(catcher):
    with pytest.raises(ValueError):
        read_message(catcher.directory, "../../etc/passwd")
    with pytest.raises(FileNotFoundError):
        read_message(catcher.directory, "20250101T000000000000Z-9")


def test_the_catcher_listens_on_loopback_only(tmp_path: Path):
    with pytest.raises(ValueError, match="máy này"):
        MailCatcher(tmp_path, host="0.0.0.0")


def test_a_busy_port_fails_at_once(catcher, tmp_path: Path):
    started = time.monotonic()
    with pytest.raises(OSError):
        MailCatcher(tmp_path / "khac", port=catcher.port).start()
    assert time.monotonic() - started < 1


def test_the_command_line_runs_in_the_foreground_and_prints_its_address(tmp_path: Path):
    with MailCatcher(tmp_path / "cho") as probe:  # learn a free port, then give it back
        port = probe.port
    command = [sys.executable, "-m", "notifications.mailcatcher", "--dir", str(tmp_path / "thu")]
    with subprocess.Popen(
        [*command, "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        try:
            deliver(port, message())
        finally:
            process.terminate()  # SIGTERM: the catcher stops cleanly and exits 0
            process.wait(5)
    assert f"smtp://127.0.0.1:{port}" in first_line
    assert process.returncode == 0
    assert [stored.subject for stored in list_messages(tmp_path / "thu")] == [SUBJECT]
