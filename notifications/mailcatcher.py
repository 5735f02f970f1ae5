"""The mail catcher of the embedded mode: an SMTP server on loopback that files every message.

A trial or a small office has no mail relay. dondoc sends to this catcher instead, and
people read what would have gone out (`list_messages`, `read_message`).

Storage is Maildir-like: a message is written to `tmp/`, fsynced, then renamed into
`new/<UTC timestamp>-<n>.eml`, so a reader never sees half a file. `n` grows by one per
stored message, across restarts: it gives the arrival order even if the clock steps back.
Files use LF line ends, as Maildir does. Two headers go on top of the message as received:
`X-Dondoc-Envelope-From` and `X-Dondoc-Envelope-To` (the SMTP envelope: who really got
it, Bcc included).

Dedup by Message-ID, and the stored files are the index: `start()` reads the headers of
`new/*.eml` once into a set (about 40 µs a file: 10,000 messages cost 0.4 s), and each
stored message joins it after its rename. There is no separate index file that could
disagree with the files after a crash: a message is either renamed into `new/` (seen at
the next start) or not (the sender got no 250 and will retry). A repeated Message-ID is
answered 250 and dropped, so a retry after a crash stays "sent once". One catcher per
directory: two would not see each other's messages.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import re
import signal
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32
from email.policy import default as default_policy
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller

ENVELOPE_FROM = "X-Dondoc-Envelope-From"
ENVELOPE_TO = "X-Dondoc-Envelope-To"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<stamp>\d{8}T\d{12}Z)-(?P<n>\d+)$")
HEAD_LIMIT = 64 * 1024  # bytes read to find the header block of a stored file
_PARSER = BytesParser(policy=default_policy)
# compat32 parses a header block about 7 times faster; the dedup scan needs one raw header.
_RAW_PARSER = BytesHeaderParser(policy=compat32)


@dataclass(frozen=True)
class StoredMail:
    id: str  # the file stem, `<timestamp>-<n>`
    received_at: datetime  # UTC
    sender: str  # envelope MAIL FROM
    recipients: tuple[str, ...]  # envelope RCPT TO
    subject: str  # decoded
    message_id: str | None
    date: datetime | None = None  # the message's Date header: when the sender wrote it


def list_messages(directory: Path) -> list[StoredMail]:
    """Every stored message, in order of arrival (headers only are read)."""
    new = Path(directory) / "new"
    if not new.is_dir():
        return []
    mails = [mail for path in new.glob("*.eml") if (mail := _summary(path)) is not None]
    return sorted(mails, key=lambda mail: (_sequence(mail.id), mail.id))


def read_message(directory: Path, id: str) -> EmailMessage:  # noqa: A002 - `id` as in StoredMail
    """The whole stored message, parsed with email.policy.default."""
    if not _NAME.match(id):
        raise ValueError(f"Mã thư {id!r} không hợp lệ (expected <timestamp>-<n>)")
    path = Path(directory) / "new" / f"{id}.eml"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(f"Không có thư {id} trong {directory}") from None
    return _PARSER.parsebytes(data)


def _summary(path: Path) -> StoredMail | None:
    name = _NAME.match(path.stem)
    if name is None:
        return None  # not one of ours
    try:
        headers = _PARSER.parsebytes(_head(path), headersonly=True)
    except FileNotFoundError:
        return None  # removed while we listed
    received_at = datetime.strptime(name["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
    return StoredMail(
        id=path.stem,
        received_at=received_at,
        sender=str(headers.get(ENVELOPE_FROM, "")),
        recipients=tuple(a for _, a in getaddresses([str(headers.get(ENVELOPE_TO, ""))]) if a),
        subject=str(headers.get("Subject", "")),
        message_id=_message_id(headers.get("Message-ID")),
        date=_date(headers.get("Date")),
    )


def _date(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        moment = parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else None


def _sequence(stem: str) -> int:
    match = _NAME.match(stem)
    return int(match["n"]) if match else 0


def _message_id(value: object) -> str | None:
    """The Message-ID without whitespace, so that folded and unfolded forms compare equal."""
    text = "".join(str(value).split()) if value is not None else ""
    return text or None


def _head(path: Path) -> bytes:
    """The header block of a stored file (LF line ends, see above), without the body."""
    with path.open("rb") as file:
        return file.read(HEAD_LIMIT).split(b"\n\n", 1)[0] + b"\n"


def _stored_ids(directory: Path) -> tuple[set[str], int]:
    """The Message-IDs stored in `directory`/new and the highest message number there."""
    seen: set[str] = set()
    highest = 0
    for path in (directory / "new").glob("*.eml"):
        if not _NAME.match(path.stem):
            continue
        highest = max(highest, _sequence(path.stem))
        message_id = _message_id(_RAW_PARSER.parsebytes(_head(path)).get("Message-ID"))
        if message_id:
            seen.add(message_id)
    return seen, highest


class _Store:
    """The aiosmtpd handler: files each message; runs on the controller's loop thread only,
    one message at a time, so the set and the counter need no lock."""

    def __init__(self, directory: Path, clock: Callable[[], datetime]) -> None:
        self.directory = directory
        self._clock = clock
        self._seen: set[str] = set()
        self._sequence = 0

    def open(self) -> None:
        for sub in ("tmp", "new", "cur"):
            (self.directory / sub).mkdir(parents=True, exist_ok=True)
        # A file left in tmp/ was never acknowledged: its sender will send it again.
        for leftover in (self.directory / "tmp").glob("*.eml"):
            leftover.unlink(missing_ok=True)
        self._seen, self._sequence = _stored_ids(self.directory)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        content: bytes = envelope.original_content
        message_id = _message_id(_RAW_PARSER.parsebytes(content).get("Message-ID"))
        if message_id and message_id in self._seen:
            return "250 OK: duplicate Message-ID, already stored"
        self._write(content, envelope.mail_from or "", list(envelope.rcpt_tos))
        if message_id:
            self._seen.add(message_id)
        return "250 OK: stored"

    def _write(self, content: bytes, sender: str, recipients: list[str]) -> Path:
        self._sequence += 1
        name = f"{self._clock().astimezone(UTC).strftime(STAMP_FORMAT)}-{self._sequence}.eml"
        # One address per folded line: a long envelope must not break the 998-byte limit.
        envelope = f"{ENVELOPE_FROM}: {sender}\n{ENVELOPE_TO}: " + ",\n ".join(recipients)
        tmp, final = self.directory / "tmp" / name, self.directory / "new" / name
        with tmp.open("wb") as file:
            # Files hold local line ends, as in any Maildir (the wire's CRLF is SMTP's).
            file.write(envelope.encode("utf-8") + b"\n" + content.replace(b"\r\n", b"\n"))
            file.flush()
            os.fsync(file.fileno())  # we answer 250 next: the message must survive a crash
        os.replace(tmp, final)
        _fsync_directory(final.parent)
        return final


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable too (POSIX only; Windows cannot open a directory)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class _Controller(Controller):
    def _trigger_server(self) -> None:
        # Bound to port 0, the system chose the port: learn it before aiosmtpd's readiness
        # probe connects to self.port (aiosmtpd 1.4 assumes a fixed port).
        if self.port == 0 and isinstance(self.server, asyncio.Server):
            self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def _check_loopback(host: str) -> None:
    # The catcher has no authentication: on a network address anyone could fill the disk.
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"Hộp thư thử chỉ nghe trên máy này (127.0.0.1, ::1), không nghe {host!r}")


def _check_port_free(host: str, port: int) -> None:
    """Fail at once on a busy port: aiosmtpd only notices after its 5 s readiness timeout."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # Same option as asyncio's server: a port in TIME_WAIT counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


class MailCatcher:
    """`with MailCatcher(Path("thu")) as catcher:` … `catcher.port` … (stopped on exit)."""

    def __init__(
        self,
        directory: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        _check_loopback(host)
        self.directory = Path(directory)
        self.host = host
        self.port = port
        self._store = _Store(self.directory, clock)
        self._controller: _Controller | None = None

    @property
    def url(self) -> str:
        """What to put in DONDOC_SMTP_URL to send here."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"smtp://{host}:{self.port}"

    def start(self) -> int:
        """Listen; return the bound port (the one chosen by the system if port was 0)."""
        if self._controller is not None:
            raise RuntimeError("MailCatcher is already running")
        self._store.open()
        _check_port_free(self.host, self.port)
        controller = _Controller(
            self._store, hostname=self.host, port=self.port, server_hostname="dondoc-mailcatcher"
        )
        controller.start()
        self._controller = controller
        self.port = controller.port
        return self.port

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def __enter__(self) -> MailCatcher:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m notifications.mailcatcher",
        description="Hộp thư thử của dondoc: nhận thư SMTP trên máy này và lưu vào thư mục.",
    )
    parser.add_argument("--dir", type=Path, required=True, help="thư mục lưu thư (new/*.eml)")
    parser.add_argument("--port", type=int, default=8025, help="cổng SMTP (mặc định 8025)")
    parser.add_argument("--host", default="127.0.0.1", help="địa chỉ nghe (chỉ loopback)")
    args = parser.parse_args(argv)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        catcher = MailCatcher(args.dir, args.host, args.port)
        catcher.start()
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"Không mở được hộp thư thử: {exc}\n")
        return 1
    sys.stdout.write(
        f"Hộp thư thử đang nhận thư tại {catcher.url}, lưu vào {args.dir.resolve()}/new\n"
        f"Đặt DONDOC_SMTP_URL={catcher.url} để dondoc gửi vào đây. Ctrl+C để dừng.\n"
    )
    sys.stdout.flush()
    try:
        stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        catcher.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
