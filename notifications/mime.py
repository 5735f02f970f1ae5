"""Writing a digest e-mail's bytes directly: 7-bit MIME, CRLF, lines of at most 78.

`email.message.EmailMessage` with `policy.SMTP` parses every header it is given and
refolds every header it writes: about 4 ms an e-mail, most of a delivery's CPU. A digest
is always the same shape (a few headers, multipart/alternative of a UTF-8 text part and
a UTF-8 HTML part), so it is written here with the codecs the `email` package itself uses
underneath (`binascii` quoted-printable or base64 bodies, RFC 2047 encoded words), in
about a twentieth of the time. `tests/notifications/test_emails.py` parses the result
back with `email.policy.default`.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import formataddr, getaddresses

MAX_LINE = 78
MAX_HEADER_LINE = 998  # RFC 5322, 2.1.1: octets before the CRLF
RECIPIENT_HEADERS = ("To", "Cc")  # Bcc is never written into a digest
CRLF = "\r\n"
# What quoted-printable writes as it is: printable ASCII but "=", and space, tab, line end.
_QP_LITERAL = bytes(b for b in range(256) if (33 <= b <= 126 and b != ord("=")) or b in b" \t\n")
# Bytes in one encoded word: 56 base64 characters, a word of 68, "Subject: " + word < 78.
_WORD_BYTES = 42


@dataclass(frozen=True)
class OutgoingEmail:
    """An e-mail ready for SMTP: its bytes and its envelope recipients."""

    raw: bytes
    recipients: tuple[str, ...]  # To then Cc, as written in the headers, once each
    message_id: str

    def __bytes__(self) -> bytes:
        return self.raw


def compose(
    *,
    headers: Iterable[tuple[str, str]],
    address_headers: Iterable[tuple[str, str]],
    text: str,
    html: str,
    message_id: str,
) -> OutgoingEmail:
    """multipart/alternative (text, then HTML). `address_headers` are To/Cc-like
    ("Name <addr>, …"); `headers` are any others, given as plain text."""
    lines: list[str] = []
    recipients: list[str] = []
    for name, value in address_headers:
        line, addresses = _address_header(name, value)
        if name in RECIPIENT_HEADERS:
            recipients += addresses
        lines.append(line)
    for name, value in headers:
        lines.append(f"{name}: {_encoded(name, _one_line(value))}")
    boundary = "=_dondoc_" + hashlib.sha256(message_id.encode()).hexdigest()[:24]
    lines += [
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative;{CRLF} boundary="{boundary}"',
        "Content-Language: vi",
        "",
        f"--{boundary}",
        *_part("text/plain", text),
        f"--{boundary}",
        *_part("text/html", html),
        f"--{boundary}--",
        "",
    ]
    raw = "\r\n".join(lines).encode("ascii")
    return OutgoingEmail(raw, tuple(dict.fromkeys(recipients)), message_id)


def _part(content_type: str, body: str) -> list[str]:
    """The part in whichever 7-bit encoding is shorter: quoted-printable keeps ASCII as it
    is (HTML markup) but writes each byte of a Vietnamese letter as three (=E1=BB=87);
    base64 costs a third more on everything. Plain text is mostly Vietnamese; HTML mostly
    markup. Every reader decodes both."""
    # The boundary starts with "=_", which neither encoding can produce.
    raw = ("\n".join(body.splitlines()) + "\n").encode("utf-8")
    # Sizes estimated, not both encodings written: quoted-printable writes each byte
    # outside printable ASCII, and "=", as three, and a soft break every 75 characters.
    escaped = len(raw.translate(None, _QP_LITERAL))
    quoted_size = len(raw) + 2 * escaped + (len(raw) + 2 * escaped) // 75 * 3
    if quoted_size <= len(raw) * 4 // 3 + len(raw) // 57 * 2:  # base64 and its line ends
        quoted = binascii.b2a_qp(raw, istext=True)
        encoding, encoded = "quoted-printable", quoted.decode("ascii").replace("\n", CRLF)
    else:
        encoding, encoded = "base64", _base64_lines(raw)
    return [
        f'Content-Type: {content_type}; charset="utf-8"',
        f"Content-Transfer-Encoding: {encoding}",
        "",
        encoded,
    ]


def _base64_lines(raw: bytes) -> str:
    """base64 in lines of 76 characters (RFC 2045), the last one ending in CRLF too."""
    encoded = base64.b64encode(raw).decode("ascii")
    return "".join(encoded[i : i + 76] + CRLF for i in range(0, len(encoded), 76))


@functools.lru_cache(maxsize=1024)
def _address_header(name: str, value: str) -> tuple[str, tuple[str, ...]]:
    """The folded header and its addresses. Parsing addresses is a tenth of a millisecond
    (`email._parseaddr`), and a run writes the same From in every message: once each."""
    pairs = getaddresses([_one_line(value)])
    items = [_address(name if i == 0 else "", d, a) for i, (d, a) in enumerate(pairs)]
    return _fold(name, items), tuple(address for _, address in pairs if address)


def _one_line(value: str) -> str:
    # Line breaks in a value would start a header of the reader's choosing.
    return " ".join(value.split())


def _encoded(name: str, value: str) -> str:
    """ASCII as it is, folded at spaces; else RFC 2047 encoded words, one a line.

    Each word holds whole characters and the spaces with them (a reader ignores the line
    break between two encoded words, so a space outside them would be lost)."""
    if value.isascii():
        return _fold(name, value.split(" "), separator="")[len(name) + 2 :]
    # Cut the UTF-8 bytes greedily, never before a continuation byte (10xxxxxx): whole
    # characters in each word, without encoding the value character by character.
    data = value.encode("utf-8")
    words: list[str] = []
    start = 0
    while True:
        end = min(start + _WORD_BYTES, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1
        words.append(_word(data[start:end]))
        if end >= len(data):
            return (CRLF + " ").join(words)
        start = end


def _word(raw: bytes) -> str:
    return "=?utf-8?b?" + base64.b64encode(raw).decode("ascii") + "?="


def _address(header_name: str, display: str, address: str) -> str:
    """`Name <addr>`, `<addr>` on a line of its own when it would not fit after the name.

    A Vietnamese name is one encoded word while it fits on a line: split into several,
    readers disagree on the space between them (Python's parser shows one space twice).
    Names of people fit on a line; a long agency name makes a line longer than 78, which
    RFC 5322 allows up to 998. A name too long even for that (a display name of hundreds
    of characters) is split at its spaces into encoded words that each keep their
    trailing space (RFC 2047: the break between two encoded words is not a space)."""
    if display.isascii():
        return formataddr((display, address))  # quotes the name where it must
    encoded = _word(display.encode("utf-8"))
    first_line = len(header_name) + 2 if header_name else 1
    if 1 + len(encoded) > MAX_HEADER_LINE:
        words = (CRLF + " ").join(_word(chunk) for chunk in _chunks(display))
        return f"{words}{CRLF} <{address}>"
    fits = first_line + len(encoded) + len(address) + 3 <= MAX_LINE
    if first_line + len(encoded) > MAX_HEADER_LINE:
        return f"{CRLF} {encoded}{CRLF} <{address}>"  # the name on a line of its own
    return f"{encoded}{' ' if fits else CRLF + ' '}<{address}>"


def _chunks(text: str) -> list[bytes]:
    """`text` as UTF-8 pieces of at most _WORD_BYTES bytes, cut after a space where one is
    near, else between whole characters."""
    pieces: list[bytes] = []
    chunk = ""
    for character in text:
        if len((chunk + character).encode("utf-8")) > _WORD_BYTES:
            cut = chunk.rfind(" ") + 1
            if cut <= 0:
                cut = len(chunk)
            pieces.append(chunk[:cut].encode("utf-8"))
            chunk = chunk[cut:]
        chunk += character
    pieces.append(chunk.encode("utf-8"))
    return pieces


def _fold(name: str, items: list[str], separator: str = ",") -> str:
    """`Name: a, b, c`; a new line before an item that would pass MAX_LINE."""
    text = f"{name}:"
    line_length = len(text)
    for index, item in enumerate(items):
        piece = item + (separator if index < len(items) - 1 else "")
        lines = piece.split(CRLF)
        if index and line_length + 1 + len(lines[0]) > MAX_LINE:
            text += CRLF
            line_length = 0
        text += " " + piece
        line_length = len(lines[-1]) if len(lines) > 1 else line_length + 1 + len(piece)
    return text
