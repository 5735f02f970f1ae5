"""The digest's MIME bytes, written by hand, read back by the `email` package."""

from __future__ import annotations

import email
import email.policy

from hypothesis import given, settings
from hypothesis import strategies as st

from notifications.mime import compose

LONG_AGENCY = "Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh và các sở ban ngành"


def written(**changes: object):
    fields = {
        "address_headers": [("From", "dondoc@quangninh.gov.vn"), ("To", "an@x.gov.vn")],
        "headers": [("Subject", "[Nhắc việc] 3 nhiệm vụ đến hạn trong tuần")],
        "text": "Kính gửi anh An,\n",
        "html": "<p>Kính gửi anh An,</p>",
        "message_id": "<m1@dondoc>",
    } | changes
    return compose(**fields)  # type: ignore[arg-type]


def parsed(message) -> email.message.EmailMessage:
    return email.message_from_bytes(message.raw, policy=email.policy.default)


def bodies(message) -> tuple[str, str]:
    read = parsed(message)
    text = read.get_body(preferencelist=("plain",)).get_content()
    html = read.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_long_vietnamese_names_come_back_whole_and_only_to_and_cc_are_recipients():
    message = written(
        address_headers=[
            ("From", f"{LONG_AGENCY} <vanphong@quangninh.gov.vn>"),
            ("To", f"{LONG_AGENCY} <a@x.gov.vn>, Nguyễn Văn An <an@x.gov.vn>, b@x.gov.vn"),
            ("Cc", "Trần Thị Bình <binh@x.gov.vn>"),
            ("Reply-To", "vanphong@quangninh.gov.vn"),
        ]
    )

    read = parsed(message)
    assert [a.display_name for a in read["To"].addresses] == [LONG_AGENCY, "Nguyễn Văn An", ""]
    assert read["From"].addresses[0].display_name == LONG_AGENCY
    assert message.recipients == ("a@x.gov.vn", "an@x.gov.vn", "b@x.gov.vn", "binh@x.gov.vn")
    assert message.raw.isascii()


def test_a_line_break_in_a_header_value_cannot_start_a_header():
    message = written(
        headers=[("Subject", "Nhắc việc\r\nBcc: x@example.com")],
        address_headers=[("To", "An\r\nBcc: y@example.com <an@x.gov.vn>")],
    )

    read = parsed(message)
    assert read["Bcc"] is None
    assert read["Subject"] == "Nhắc việc Bcc: x@example.com"
    # The envelope is what the reader sees in To, nothing hidden.
    assert message.recipients == tuple(a.addr_spec for a in read["To"].addresses)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400),
    html=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400),
)
def test_any_body_comes_back_as_written_in_seven_bit_lines(text, html):
    message = written(text=text, html=html)

    assert message.raw.isascii()
    header, _, body = message.raw.partition(b"\r\n\r\n")
    assert max(len(line) for line in body.split(b"\r\n")) <= 78
    # Line ends are CRLF on the wire; any other break character reads back as a line end.
    expected = ["\n".join(part.splitlines()) + "\n" for part in (text, html)]
    assert [part.replace("\r\n", "\n") for part in bodies(message)] == expected


def test_dots_and_from_at_line_starts_and_trailing_spaces_survive():
    text = ".\n.. hai chấm\nFrom đây   \n\tthụt lề\t\n" + "x" * 200 + "\n"

    assert bodies(written(text=text))[0].replace("\r\n", "\n") == text


@settings(max_examples=150, deadline=None)
@given(subject=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=300))
def test_any_subject_comes_back_with_its_spaces_on_short_lines(subject):
    message = written(headers=[("Subject", subject)])

    header = message.raw.partition(b"\r\n\r\n")[0]
    assert max(len(line) for line in header.split(b"\r\n") if b"From:" not in line) <= 78
    assert parsed(message)["Subject"] == " ".join(subject.split())


def test_a_long_ascii_header_is_folded_at_spaces_not_encoded():
    items = ", ".join(f"{n}:overdue-{n % 7}" for n in range(1000, 1040))

    message = written(headers=[("X-Dondoc-Items", items)])

    header = message.raw.partition(b"\r\n\r\n")[0]
    assert b"=?" not in header and max(len(line) for line in header.split(b"\r\n")) <= 78
    assert parsed(message)["X-Dondoc-Items"] == items


# Every generated message, whatever its names and titles: RFC 5322 lines, read back whole.

NAME_CHARACTERS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Zl", "Zp"),
    exclude_characters=',;:<>"()[]\\@',  # what would make the value several addresses
)


@settings(max_examples=60, deadline=None)
@given(
    name=st.text(NAME_CHARACTERS, min_size=1, max_size=255).filter(lambda n: n.strip()),
    title=st.text(NAME_CHARACTERS, min_size=1, max_size=300).filter(lambda t: t.strip()),
    agency=st.text(NAME_CHARACTERS, min_size=1, max_size=255).filter(lambda a: a.strip()),
)
def test_every_generated_message_parses_with_smtp_policy_and_keeps_line_lengths(
    name, title, agency
):
    from datetime import UTC, date, datetime

    from notifications.digest import Digest, DigestItem
    from notifications.emails import build_message, render_digest
    from notifications.links import LinkSigner

    now = datetime(2025, 3, 12, 0, 30, tzinfo=UTC)
    item = DigestItem(
        kind="overdue", step="overdue-1", task_id=7, document="124/NQ-HĐND", clause="Điều 1",
        obligation_code="QN124-1", title=title, agency_name=agency, role="lead", period="2025",
        due=date(2025, 3, 7), original_due=date(2025, 3, 7), status="in_progress",
        province="Quảng Ninh",
    )  # fmt: skip
    digest = Digest(name, "an@x.gov.vn", (item,), (), now, "https://dondoc.example")
    rendered = render_digest(digest, LinkSigner(b"k" * 32), now=now)
    message = build_message(
        rendered,
        sender=f"{agency} <vanphong@quangninh.gov.vn>",
        to=f"{name} <an@x.gov.vn>",
        cc=(),
        message_id="<m@dondoc>",
        sent_at=now,
    )

    assert message.raw.isascii()
    assert max(len(line) for line in message.raw.split(b"\r\n")) <= 998
    read = email.message_from_bytes(message.raw, policy=email.policy.SMTP)
    assert not read.defects and all(not read[h].defects for h in ("To", "From", "Subject"))
    # Python's parser puts a space between two encoded words that RFC 2047 readers join:
    # names are compared without their spaces.
    (to,) = read["To"].addresses
    assert (to.addr_spec, "".join(to.display_name.split())) == (
        "an@x.gov.vn",
        "".join(name.split()),
    )
    assert read["From"].addresses[0].addr_spec == "vanphong@quangninh.gov.vn"
    assert read["Subject"] == rendered.subject
    text = read.get_body(preferencelist=("plain",)).get_content()
    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" in text


def test_a_display_name_of_255_characters_is_folded_under_998_octets():
    name = "Ệ" * 255  # 765 octets of UTF-8: one encoded word would make a 1,036-octet line

    message = written(address_headers=[("From", "d@x.gov.vn"), ("To", f"{name} <an@x.gov.vn>")])

    assert max(len(line) for line in message.raw.split(b"\r\n")) <= 998
    read = email.message_from_bytes(message.raw, policy=email.policy.SMTP)
    assert "".join(read["To"].addresses[0].display_name.split()) == name
