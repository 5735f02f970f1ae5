"""`dondoc users …`: passwords, one-time sign-in links by e-mail, the list of accounts."""

from __future__ import annotations

import sys
from datetime import datetime

import typer

from dondoc.cli_tokens import token
from dondoc.context import echo_json, fail, settings_or_exit, unit_of_work, utc_now
from dondoc.wiring import email_transport_factory
from notifications.transport import TransportError
from services import accounts
from services.actors import ROLE_LABELS
from services.sign_in_mail import sign_in_email, sign_in_url
from tasks_catalog.dates import LOCAL_TZ

app = typer.Typer(
    help="Tài khoản đăng nhập trang web (users): mật khẩu, liên kết đăng nhập.",
    no_args_is_help=True,
)


@app.command("set-password")
def set_password(
    email: str = typer.Argument(..., help="Địa chỉ thư công vụ của người dùng"),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Đọc mật khẩu từ dòng đầu của stdin (cho script)"
    ),
    admin: str = typer.Option(
        None, "--admin", help="Tạo tài khoản quản trị hệ thống với tên này (không có trong danh bạ)"
    ),
) -> None:
    """Đặt mật khẩu cho một người (mọi phiên đăng nhập cũ của người đó kết thúc)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Mật khẩu mới", hide_input=True, confirmation_prompt=True)
    with unit_of_work() as session:
        try:
            accounts.set_password(
                session, email=email, password=password, now=utc_now(), admin_name=admin
            )
        except accounts.AccountError as exc:
            raise fail(str(exc)) from None
    typer.echo(f"Đã đặt mật khẩu cho {accounts.normalise(email)}.")


@app.command("send-link")
def send_link(
    email: str = typer.Argument(..., help="Địa chỉ thư công vụ của người dùng"),
    show: bool = typer.Option(
        False, "--show", help="In liên kết ra màn hình thay vì gửi thư (khi chưa có máy chủ thư)"
    ),
) -> None:
    """Gửi qua thư một liên kết đăng nhập dùng một lần (hiệu lực 30 phút)."""
    settings = settings_or_exit()
    now = utc_now()
    with unit_of_work() as session:
        try:
            token = accounts.issue_link(session, email=email, now=now)
        except accounts.AccountError as exc:
            raise fail(str(exc)) from None
        account = accounts.find_account(session, email)
        actor = accounts.actor_of(session, account) if account else None
        name = actor.name if actor else accounts.normalise(email)
        url = sign_in_url(settings.base_url, token)
        if show:
            typer.echo(url)
            return
        message = sign_in_email(
            name=name, email=accounts.normalise(email), url=url, sender=settings.mail_from, now=now
        )
        try:
            with email_transport_factory(settings)() as transport:
                transport.send(message)
        except TransportError as exc:
            raise fail(f"không gửi được thư: {exc}; liên kết chưa được gửi") from None
    where = f"hộp thư thử {settings.mail_dir}" if settings.smtp_url is None else "máy chủ thư"
    typer.echo(f"Đã gửi liên kết đăng nhập tới {accounts.normalise(email)} (qua {where}).")


@app.command("list")
def list_users(as_json: bool = typer.Option(False, "--json", help="In ra JSON")) -> None:
    """Liệt kê tài khoản: vai trò, cơ quan, có mật khẩu chưa, lần đăng nhập gần nhất."""
    with unit_of_work() as session:
        rows = accounts.list_accounts(session)
    if as_json:
        echo_json(
            [
                {
                    "email": r.email,
                    "name": r.name,
                    "role": r.role.value if r.role else None,
                    "agency": r.agency_code,
                    "has_password": r.has_password,
                    "locked_until": _iso(r.locked_until),
                    "last_sign_in_at": _iso(r.last_sign_in_at),
                }
                for r in rows
            ]
        )
        return
    now = utc_now()
    for r in rows:
        role = ROLE_LABELS[r.role] if r.role else "không còn trong danh bạ"
        last = r.last_sign_in_at.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y") if r.last_sign_in_at else "chưa đăng nhập"  # fmt: skip
        flags = (" (đang khoá)" if r.locked_until and r.locked_until > now else "") + (
            "" if r.has_password else " (chưa có mật khẩu)"
        )
        typer.echo(f"{r.email:<40} {role:<32} {r.agency_code or '-':<16} {last}{flags}")
    typer.echo(f"{len(rows)} tài khoản.")


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


# `dondoc users token EMAIL`: the personal tokens of the JSON API, beside the accounts.
app.command("token")(token)
