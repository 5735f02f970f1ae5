"""`dondoc feeds …`: a person's secret calendar URL, and taking it back."""

from __future__ import annotations

import typer

from dondoc.context import fail, settings_or_exit, unit_of_work, utc_now
from inspections.access import AccessDenied, viewer_for
from services.tokens import Purpose, feed_token, revoke

app = typer.Typer(
    help="Lịch iCalendar cá nhân (Outlook, Thunderbird đăng ký theo địa chỉ bí mật).",
    no_args_is_help=True,
)


@app.command("url")
def url_command(
    email: str = typer.Argument(..., help="Thư điện tử của người dùng"),
) -> None:
    """In địa chỉ lịch bí mật của người này (luôn như nhau cho đến khi bị thu hồi)."""
    settings = settings_or_exit()
    with unit_of_work() as session:
        try:
            person = viewer_for(session, email)
        except AccessDenied as exc:
            raise fail(exc.reason) from None
        assert person.email is not None
        token = feed_token(session, email=person.email, key=settings.signing_key(), now=utc_now())
    typer.echo(f"{settings.base_url.rstrip('/')}/feeds/{token}.ics")


@app.command("revoke")
def revoke_command(
    email: str = typer.Argument(..., help="Thư điện tử của người dùng"),
) -> None:
    """Thu hồi địa chỉ lịch của người này; `feeds url` sẽ cấp địa chỉ mới."""
    with unit_of_work() as session:
        count = revoke(session, email=email, purpose=Purpose.FEED, now=utc_now())
    if count == 0:
        raise fail(f"{email} không có địa chỉ lịch nào đang dùng")
    typer.echo(f"Đã thu hồi địa chỉ lịch của {email}.")
