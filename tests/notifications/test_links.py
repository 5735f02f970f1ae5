"""Signed links in e-mails: one task, one person, one purpose, until a given moment."""

from __future__ import annotations

import base64
import re
import struct
from datetime import UTC, datetime, timedelta

import pytest

from notifications.links import (
    CONFIRM_DONE,
    LOCAL_TZ,
    PURPOSES,
    REPORT_PROGRESS,
    VIEW,
    LinkError,
    LinkSigner,
    action_url,
    default_expiry,
    notification_nonce,
)

SECRET = b"test-secret-of-at-least-16-bytes"
NOW = datetime(2025, 3, 12, 0, 30, tzinfo=UTC)  # 07:30 in Hà Nội
EXPIRES = NOW + timedelta(days=14)
RECIPIENT = "an.nv@sokhdt.quangninh.gov.vn"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@pytest.fixture
def signer() -> LinkSigner:
    return LinkSigner(SECRET)


@pytest.fixture
def token(signer: LinkSigner) -> str:
    return signer.sign(REPORT_PROGRESS, 4242, RECIPIENT, EXPIRES)


def test_a_signed_link_verifies_to_its_task_recipient_and_expiry(signer, token):
    action = signer.verify(token, REPORT_PROGRESS, NOW)

    assert action.task_id == 4242
    assert action.recipient == RECIPIENT
    assert action.expires_at == EXPIRES


def test_token_is_url_safe_base64_without_padding(token):
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)


def test_recipient_with_vietnamese_letters_round_trips(signer):
    token = signer.sign(VIEW, 1, "Nguyễn Văn An <an@x.vn>", EXPIRES)

    assert signer.verify(token, VIEW, NOW).recipient == "Nguyễn Văn An <an@x.vn>"


def test_changing_any_character_of_the_token_fails(signer, token):
    for position, original in enumerate(token):
        replacement = ALPHABET[(ALPHABET.index(original) + 1) % len(ALPHABET)]
        tampered = token[:position] + replacement + token[position + 1 :]
        with pytest.raises(LinkError, match="không hợp lệ"):
            signer.verify(tampered, REPORT_PROGRESS, NOW)


def test_truncated_extended_or_garbage_tokens_fail(signer, token):
    for bad in (
        token[:-1],
        token + "A",
        token[:20],
        "",
        "!!!",
        "+" + token[1:],
        token[:10] + "=" + token[10:],
    ):
        with pytest.raises(LinkError):
            signer.verify(bad, REPORT_PROGRESS, NOW)


def test_two_links_for_the_same_action_person_and_day_differ(signer, token):
    again = signer.sign(REPORT_PROGRESS, 4242, RECIPIENT, EXPIRES)

    assert again != token
    assert signer.verify(again, REPORT_PROGRESS, NOW) == signer.verify(token, REPORT_PROGRESS, NOW)


def test_a_notification_always_gets_the_same_link_and_another_notification_another(signer):
    reminder = notification_nonce(4242, "reminder", "before-3", "2025-03-31")
    overdue = notification_nonce(4242, "overdue", "overdue-1", "2025-03-31")

    def link(nonce: bytes) -> str:
        return signer.sign(REPORT_PROGRESS, 4242, RECIPIENT, EXPIRES, nonce=nonce)

    assert link(reminder) == link(reminder)  # an e-mail resent after a crash: the same link
    assert link(reminder) != link(overdue)
    with pytest.raises(ValueError, match="8 bytes"):
        signer.sign(REPORT_PROGRESS, 4242, RECIPIENT, EXPIRES, nonce=b"short")


def test_a_link_e_mailed_before_links_had_a_nonce_is_refused_saying_why(signer):
    payload = struct.pack(">BBQq", 1, 2, 4242, int(EXPIRES.timestamp())) + RECIPIENT.encode()
    old = base64.urlsafe_b64encode(payload + signer._mac(payload)).rstrip(b"=").decode()

    with pytest.raises(LinkError, match="theo mẫu cũ"):
        signer.verify(old, REPORT_PROGRESS, NOW)


def test_a_token_from_another_secret_fails(token):
    with pytest.raises(LinkError, match="không hợp lệ"):
        LinkSigner(b"another-secret-of-16-bytes-or-more").verify(token, REPORT_PROGRESS, NOW)


@pytest.mark.parametrize("signed_for", PURPOSES)
def test_a_token_is_refused_for_every_other_purpose(signer, signed_for):
    token = signer.sign(signed_for, 7, RECIPIENT, EXPIRES)

    for other in PURPOSES:
        if other != signed_for:
            with pytest.raises(LinkError, match="không dùng cho thao tác này"):
                signer.verify(token, other, NOW)


def test_a_progress_token_cannot_confirm_done(signer, token):
    with pytest.raises(LinkError):
        signer.verify(token, CONFIRM_DONE, NOW)


def test_a_token_is_valid_until_its_expiry_and_not_one_second_after(signer, token):
    assert signer.verify(token, REPORT_PROGRESS, EXPIRES).task_id == 4242

    with pytest.raises(LinkError, match="hết hạn") as caught:
        signer.verify(token, REPORT_PROGRESS, EXPIRES + timedelta(seconds=1))
    assert "26/03/2025" in caught.value.reason  # the last day, in Hà Nội time


def test_naive_times_and_unknown_purposes_are_programming_errors(signer, token):
    with pytest.raises(ValueError, match="timezone-aware"):
        signer.sign(VIEW, 1, RECIPIENT, datetime(2025, 3, 26))
    with pytest.raises(ValueError, match="unknown link purpose"):
        signer.sign("delete_everything", 1, RECIPIENT, EXPIRES)
    with pytest.raises(ValueError, match="unknown link purpose"):
        signer.verify(token, "delete_everything", NOW)


def test_a_short_secret_is_refused():
    with pytest.raises(ValueError):
        LinkSigner(b"short")


def test_actions_last_14_days_and_views_60_to_the_end_of_the_local_day():
    action = default_expiry(CONFIRM_DONE, NOW)
    view = default_expiry(VIEW, NOW)

    assert action == datetime(2025, 3, 26, 23, 59, 59, tzinfo=LOCAL_TZ)
    assert view == datetime(2025, 5, 11, 23, 59, 59, tzinfo=LOCAL_TZ)


def test_action_urls_name_the_purpose_and_view_urls_the_task(signer, token):
    view_token = signer.sign(VIEW, 4242, RECIPIENT, EXPIRES)

    assert action_url("https://dd.gov.vn/", REPORT_PROGRESS, token) == (
        f"https://dd.gov.vn/a/report_progress/{token}"
    )
    assert action_url("https://dd.gov.vn", VIEW, view_token) == (
        f"https://dd.gov.vn/tasks/4242?t={view_token}"
    )
