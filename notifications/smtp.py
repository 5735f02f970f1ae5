"""E-mail over SMTP: settings from a URL (DONDOC_SMTP_URL), and a transport for a batch of messages.

One `SmtpTransport` opens one connection, lazily, and keeps it for the whole batch: a
digest run sends hundreds of messages, and a TCP + TLS + AUTH handshake per message is
what makes relays throttle or block a sender.
"""

from __future__ import annotations

import functools
import math
import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from notifications.mime import OutgoingEmail
from notifications.transport import TransportError, smtp_code_is_permanent

ENV_NAME = "DONDOC_SMTP_URL"
DEFAULT_SENDER = "dondoc@localhost"
DEFAULT_TIMEOUT = 10.0
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
QUERY_OPTIONS = ("starttls", "timeout", "from", "connections")
MAX_CONNECTIONS = 16  # relays limit connections per client (Postfix: 50, Exchange: 20)
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

# ASCII addresses only: Vietnamese offices use ASCII mailboxes (ten.don.vi@tinh.gov.vn),
# and refusing the rest here is cheaper than learning per server whether SMTPUTF8 works.
# Quoted local parts ("a b"@x) are refused for the same reason.
_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def address_problem(address: str) -> str | None:
    """None if `address` is a deliverable-looking addr-spec, else what is wrong (Vietnamese)."""
    if address.count("@") != 1:
        return "phải có đúng một dấu @"
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _LOCAL_PART.match(local):
        return "phần trước @ không hợp lệ"
    labels = domain.split(".")
    if len(domain) > 253 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        return "tên miền sau @ không hợp lệ"
    return None


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    implicit_tls: bool = False  # smtps://: TLS from the first byte (port 465)
    starttls: bool = False  # smtp://…?starttls=1: upgrade a plain connection (port 587)
    timeout: float = DEFAULT_TIMEOUT  # seconds, for connecting and for each reply
    sender: str = DEFAULT_SENDER  # envelope sender (MAIL FROM), where bounces go
    connections: int = 1  # ?connections=N: a delivery run sends over N connections at once

    @classmethod
    def from_url(cls, url: str) -> SmtpSettings:
        """Parse `smtp://user:pass@host:587?starttls=1`, `smtps://host`, `smtp://127.0.0.1:8025`.

        Raises ValueError naming the wrong part; the password never appears in it.
        """
        parts = _split(url)
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS:
            raise _bad(
                url,
                f"giao thức {scheme!r} không được hỗ trợ, chỉ dùng smtp:// hoặc smtps:// (scheme must be smtp or smtps)",
            )
        if not parts.hostname:
            raise _bad(url, "thiếu tên máy chủ (host is missing)")
        if parts.path not in ("", "/") or parts.fragment:
            raise _bad(
                url,
                f"không dùng đường dẫn hay #: {parts.path}{parts.fragment} (path and fragment are not allowed)",
            )
        options = _query_options(url, parts.query)
        settings = cls(
            host=parts.hostname,
            port=_port(url, parts) or DEFAULT_PORTS[scheme],
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password is not None else None,
            implicit_tls=scheme == "smtps",
            starttls=_flag(url, "starttls", options.get("starttls", "0")),
            timeout=_timeout(url, options.get("timeout")),
            sender=_sender(url, options.get("from")),
            connections=_connections(url, options.get("connections")),
        )
        _check_tls(url, settings)
        return settings


def _split(url: str) -> SplitResult:
    try:
        return urlsplit(url.strip())
    except ValueError as exc:
        raise _bad(url, f"không đọc được địa chỉ ({exc}) (not a URL)") from exc


def _port(url: str, parts: SplitResult) -> int | None:
    try:
        port = parts.port
    except ValueError:
        port = 0  # not a number, or out of range
    if port == 0:
        raise _bad(url, "cổng phải là số từ 1 đến 65535 (port must be a number 1-65535)")
    return port


def _query_options(url: str, query: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in QUERY_OPTIONS:
            allowed = ", ".join(QUERY_OPTIONS)
            raise _bad(
                url,
                f"tham số {name!r} không được hỗ trợ (chỉ có: {allowed}) (unknown query parameter {name!r})",
            )
        if name in options:
            raise _bad(
                url, f"tham số {name!r} xuất hiện hai lần (query parameter {name!r} repeated)"
            )
        options[name] = value
    return options


def _flag(url: str, name: str, value: str) -> bool:
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise _bad(url, f"{name}={value!r} phải là 1 hoặc 0 ({name} must be 1 or 0)")


def _timeout(url: str, value: str | None) -> float:
    if value is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise _bad(
            url,
            f"timeout={value!r} phải là số giây lớn hơn 0 (timeout must be a positive number of seconds)",
        )
    return seconds


def _connections(url: str, value: str | None) -> int:
    if value is None:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= MAX_CONNECTIONS:
        raise _bad(
            url,
            f"connections={value!r} phải là số nguyên từ 1 đến {MAX_CONNECTIONS} "
            f"(connections must be a whole number 1-{MAX_CONNECTIONS})",
        )
    return int(value)


def _sender(url: str, value: str | None) -> str:
    if value is None:
        return DEFAULT_SENDER
    problem = address_problem(value)
    if problem:
        raise _bad(
            url,
            f"from={value!r} không phải địa chỉ thư hợp lệ: {problem} (from is not a valid address)",
        )
    return value


def _check_tls(url: str, settings: SmtpSettings) -> None:
    if settings.implicit_tls and settings.starttls:
        raise _bad(
            url,
            "smtps:// đã mã hoá sẵn, không dùng thêm starttls=1 (smtps and starttls exclude each other)",
        )
    encrypted = settings.implicit_tls or settings.starttls
    if settings.username and not encrypted and settings.host not in LOOPBACK_HOSTS:
        # A password sent in clear over the network is a password given away.
        raise _bad(
            url,
            "có mật khẩu nhưng kết nối không mã hoá; thêm ?starttls=1 hoặc dùng smtps:// (credentials need TLS)",
        )


def _bad(url: str, problem: str) -> ValueError:
    """`problem` in Vietnamese, then English in brackets: who reads it may be either."""
    return ValueError(f"{ENV_NAME} {_redacted(url)!r}: {problem}")


def _redacted(url: str) -> str:
    """The URL with its password replaced, so that it can be shown and logged."""
    scheme, separator, rest = url.partition("://")
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    userinfo, at, host = rest[:end].rpartition("@")
    if not separator or not at or ":" not in userinfo:
        return url
    user = userinfo.partition(":")[0]
    return f"{scheme}://{user}:***@{host}{rest[end:]}"


def recipients_of(message: OutgoingEmail) -> list[str]:
    """The envelope recipients (To, Cc), checked; a bad one is a permanent error."""
    for address in message.recipients:
        problem = address_problem(address)
        if problem:
            raise TransportError(
                f"Địa chỉ người nhận không hợp lệ ({address!r}): {problem}", permanent=True
            )
    if not message.recipients:
        raise TransportError("Thư không có người nhận (To, Cc trống)", permanent=True)
    return list(message.recipients)


class SmtpTransport:
    """Sends a batch of messages over one SMTP connection; one attempt per `send`.

    Use as a context manager: the connection is opened by the first `send` and closed
    (QUIT) on exit. A reused connection is not checked with a NOOP (a round trip, a fifth
    of a message's): its first command, MAIL FROM, is the check. If the server dropped the
    connection meanwhile (idle timeout, 421), nothing of the message was sent yet, so it
    is reopened once and the message starts again: the reconnection can never duplicate it.
    """

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self.connections_opened = 0  # for tests and the delivery log
        self._connection: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpTransport:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def send(self, message: OutgoingEmail) -> None:
        """Deliver `message` (the bytes it holds) to its recipients; raise TransportError."""
        recipients = recipients_of(message)  # before touching the server
        try:
            connection = self._envelope_started()
            refused = _finish(connection, recipients, message.raw)
        except smtplib.SMTPRecipientsRefused as exc:
            raise _refused_error(exc.recipients) from exc
        except smtplib.SMTPSenderRefused as exc:
            # Our MAIL FROM is refused for every message alike: configuration, not this
            # message, so transient (as in _connect_error), whatever the code.
            raise TransportError(
                f"Máy chủ thư từ chối địa chỉ gửi {exc.sender}: {_reply_text(exc)}", permanent=False
            ) from exc
        except smtplib.SMTPResponseException as exc:
            raise _reply_error(exc) from exc
        except (smtplib.SMTPException, OSError) as exc:
            # The connection died mid-message: the server may or may not have kept it.
            # Transient; the retry carries the same Message-ID for receivers that dedup.
            self._discard()
            raise TransportError(
                f"Mất kết nối máy chủ thư khi đang gửi: {exc!r}", permanent=False
            ) from exc
        except (UnicodeError, ValueError, TypeError) as exc:
            raise TransportError(f"Thư không mã hoá được để gửi: {exc}", permanent=True) from exc
        if refused:
            raise _partly_refused_error(refused, recipients)

    def close(self) -> None:
        """Say QUIT and close; safe to call twice or when nothing was opened."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.quit()
        except (smtplib.SMTPException, OSError):
            connection.close()

    def _envelope_started(self) -> smtplib.SMTP:
        """A connection on which MAIL FROM was accepted: the one kept, or a new one if the
        server had dropped it (RFC 5321 lets servers close idle connections)."""
        if self._connection is not None:
            try:
                code, reply = self._connection.mail(self.settings.sender)
            except (smtplib.SMTPServerDisconnected, OSError):
                code, reply = 421, b"connection lost"
            if code != 421:  # 421: the server is closing this connection
                return _mail_accepted(self._connection, code, reply, self.settings.sender)
            self._discard()
        connection = self._ready_connection()
        code, reply = connection.mail(self.settings.sender)
        return _mail_accepted(connection, code, reply, self.settings.sender)

    def _ready_connection(self) -> smtplib.SMTP:
        try:
            self._connection = self._open()
        except (smtplib.SMTPException, OSError) as exc:
            raise _connect_error(self.settings, exc) from exc
        return self._connection

    def _open(self) -> smtplib.SMTP:
        settings = self.settings
        if settings.implicit_tls:
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=_tls_context()
            )
        else:
            connection = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            connection.ehlo_or_helo_if_needed()
            if settings.starttls:
                connection.starttls(context=_tls_context())
                connection.ehlo()  # RFC 3207: forget what was said before TLS
            if settings.username:
                connection.login(settings.username, settings.password or "")
        except BaseException:
            connection.close()
            raise
        self.connections_opened += 1
        return connection

    def _discard(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()


@functools.lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    # Loading the system's CA certificates takes ~0.1 s: once per process, and only for TLS.
    return ssl.create_default_context()


def _mail_accepted(connection: smtplib.SMTP, code: int, reply: bytes, sender: str) -> smtplib.SMTP:
    if code != 250:  # as smtplib.sendmail does
        if code == 421:
            connection.close()
        else:
            connection.rset()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    return connection


def _finish(connection: smtplib.SMTP, recipients: list[str], raw: bytes) -> dict[str, Any]:
    """RCPT TO and DATA after an accepted MAIL FROM: the rest of `smtplib.sendmail`, with
    the same exceptions and the same dict of refused recipients."""
    refused: dict[str, Any] = {}
    for recipient in recipients:
        code, reply = connection.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
            if code == 421:
                connection.close()
                raise smtplib.SMTPRecipientsRefused(refused)
    if len(refused) == len(recipients):
        connection.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = connection.data(raw)
    if code != 250:
        if code == 421:
            connection.close()
        else:
            connection.rset()
        raise smtplib.SMTPDataError(code, reply)
    return refused


def _connect_error(settings: SmtpSettings, exc: Exception) -> TransportError:
    # Before any message is sent, a failure belongs to the server or to our configuration
    # (wrong password, no STARTTLS, certificate), never to this message: transient, so
    # the outbox keeps every message until the configuration is fixed.
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return TransportError(
            f"Máy chủ thư {where} từ chối đăng nhập: {_reply_text(exc)}",
            permanent=False,
            unreachable=True,
        )
    return TransportError(
        f"Không kết nối được máy chủ thư {where}: {exc!r}", permanent=False, unreachable=True
    )


def _reply_error(exc: smtplib.SMTPResponseException) -> TransportError:
    permanent = smtp_code_is_permanent(exc.smtp_code)
    return TransportError(f"Máy chủ thư trả lời {_reply_text(exc)}", permanent=permanent)


def _refused_error(refused: Mapping[str, tuple[int, bytes]]) -> TransportError:
    # One 4xx among the refusals means a retry may get through to everybody.
    permanent = all(smtp_code_is_permanent(code) for code, _ in refused.values())
    return TransportError(
        f"Máy chủ thư từ chối người nhận: {_describe(refused)}", permanent=permanent
    )


def _partly_refused_error(
    refused: Mapping[str, tuple[int, bytes]], recipients: list[str]
) -> TransportError:
    # Some recipients have the message: sending it again would give them a second copy,
    # so a person decides (permanent), whatever the codes of the refusals were.
    accepted = ", ".join(r for r in recipients if r not in refused)
    return TransportError(
        f"Đã gửi tới {accepted}; bị từ chối: {_describe(refused)}. Không tự gửi lại để tránh trùng thư.",
        permanent=True,
    )


def _describe(refused: Mapping[str, tuple[int, bytes]]) -> str:
    return "; ".join(
        f"{address} ({code} {_text(reply)})" for address, (code, reply) in refused.items()
    )


def _reply_text(exc: smtplib.SMTPResponseException) -> str:
    return f"{exc.smtp_code} {_text(exc.smtp_error)}"


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
