"""`dondoc users token EMAIL [--revoke]`: a personal token for the JSON API."""

from __future__ import annotations

import typer

from dondoc.context import fail, settings_or_exit, unit_of_work, utc_now
from inspections.access import AccessDenied, viewer_for
from services.tokens import Purpose, issue_api_token, revoke


def token(
    email: str = typer.Argument(..., help="Thư điện tử của người dùng"),
    revoke_all: bool = typer.Option(
        False, "--revoke", help="Thu hồi mọi mã truy cập API của người này"
    ),
) -> None:
    """Cấp mã truy cập API cá nhân (in ra một lần, chỉ lưu bản băm); --revoke: thu hồi."""
    with unit_of_work() as session:
        if revoke_all:
            count = revoke(session, email=email, purpose=Purpose.API, now=utc_now())
            typer.echo(f"Đã thu hồi {count} mã truy cập API của {email}.")
            return
        try:
            person = viewer_for(session, email)
        except AccessDenied as exc:
            raise fail(exc.reason) from None
        assert person.email is not None
        secret = issue_api_token(session, email=person.email, now=utc_now())
    base = settings_or_exit().base_url.rstrip("/")
    typer.echo(secret)
    typer.echo(
        f"Mã này chỉ hiện một lần. Dùng: curl -H 'Authorization: Bearer {secret}' "
        f"{base}/api/v1/tasks",
        err=True,
    )
