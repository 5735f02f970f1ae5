"""The e-mail that carries a one-time sign-in link (text and HTML, Vietnamese)."""

from __future__ import annotations

import html
import secrets
from datetime import datetime
from email.utils import formataddr

from notifications.emails import RenderedEmail, build_message
from notifications.mime import OutgoingEmail
from services.accounts import LINK_LIFETIME
from tasks_catalog.dates import LOCAL_TZ

SUBJECT = "Liên kết đăng nhập hệ thống theo dõi, đôn đốc nhiệm vụ"


def sign_in_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/login/link/{token}"


def sign_in_email(*, name: str, email: str, url: str, sender: str, now: datetime) -> OutgoingEmail:
    expires = (now + LINK_LIFETIME).astimezone(LOCAL_TZ).strftime("%H:%M ngày %d/%m/%Y")
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    text = (
        f"Kính gửi {name},\n\n"
        "Để đăng nhập hệ thống theo dõi, đôn đốc nhiệm vụ, xin mở liên kết sau và bấm "
        "«Đăng nhập»:\n\n"
        f"{url}\n\n"
        f"Liên kết chỉ dùng được một lần, trong {minutes} phút (đến {expires}). Nếu ông/bà "
        "không đề nghị đăng nhập, xin bỏ qua thư này; không chuyển tiếp thư cho người khác.\n\n"
        "Đây là thư tự động, xin không trả lời thư này.\n"
    )
    link = html.escape(url)
    body = (
        '<div style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:22px;">'
        f"<p>Kính gửi {html.escape(name)},</p>"
        "<p>Để đăng nhập hệ thống theo dõi, đôn đốc nhiệm vụ, xin mở liên kết sau và bấm "
        "«Đăng nhập»:</p>"
        f'<p><a href="{link}" style="color:#1d4ed8;">Đăng nhập hệ thống</a></p>'
        f"<p>Liên kết chỉ dùng được một lần, trong {minutes} phút (đến {expires}). Nếu ông/bà "
        "không đề nghị đăng nhập, xin bỏ qua thư này; không chuyển tiếp thư cho người khác.</p>"
        '<p style="color:#6b7280;font-size:12px;">Đây là thư tự động, xin không trả lời thư này.</p>'
        "</div>"
    )
    domain = email.rsplit("@", 1)[-1] or "dondoc"
    return build_message(
        RenderedEmail(SUBJECT, text, body),
        sender=sender,
        to=formataddr((name, email)),
        cc=(),
        message_id=f"<sign-in.{secrets.token_hex(12)}@{domain}>",
        sent_at=now,
    )
