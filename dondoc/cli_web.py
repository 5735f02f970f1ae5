"""`dondoc serve` (the web application alone) and the trial's sign-ins that `dondoc up` prints."""

from __future__ import annotations

import secrets

import typer

from dondoc.context import (
    engine_from_env,
    fail,
    is_initialised,
    known_signing_key,
    settings_or_exit,
    unit_of_work,
    utc_now,
)
from services.actors import ROLE_LABELS
from services.demo_accounts import prepare


def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Địa chỉ lắng nghe (0.0.0.0: mọi địa chỉ)"
    ),
    port: int = typer.Option(
        None, "--port", min=1, max=65535, help="Cổng (mặc định DONDOC_WEB_PORT, 8000)"
    ),
) -> None:
    """Chạy riêng trang web (sau reverse proxy; bộ lập lịch chạy ở nơi khác: dondoc run)."""
    import uvicorn  # the web's own dependencies load only for this command

    from web.app import create_app
    from web.security import redact_uvicorn_logs

    settings = settings_or_exit()
    engine = engine_from_env()
    if not is_initialised(engine):
        engine.dispose()
        raise fail("cơ sở dữ liệu chưa được khởi tạo; hãy chạy `dondoc init` trước", 2)
    known_signing_key(engine, settings, utc_now())
    redact_uvicorn_logs()
    bind = port or settings.web_port
    typer.echo(f"Trang web: http://{host}:{bind} (địa chỉ trong thư: {settings.base_url})")
    try:
        uvicorn.run(
            create_app(settings, engine), host=host, port=bind, server_header=False,
            log_level="info",
        )  # fmt: skip
    finally:
        engine.dispose()


def print_demo_sign_ins() -> None:
    """Give the trial's accounts a fresh password and say how to sign in as each role."""
    settings = settings_or_exit()
    password = "thu-" + secrets.token_urlsafe(9)
    with unit_of_work() as session:
        demos = prepare(session, password=password, now=utc_now())
    if not demos:
        return
    typer.echo(f"Đăng nhập thử tại {settings.base_url}/login, mật khẩu: {password}")
    for demo in demos:
        where = f", {demo.agency}" if demo.agency else ""
        kept = "" if demo.password_set else " (giữ mật khẩu riêng đã đặt)"
        typer.echo(f"  {ROLE_LABELS[demo.role]:<34} {demo.email}  ({demo.name}{where}){kept}")
    typer.echo(
        "  Hoặc nhận liên kết đăng nhập qua hộp thư thử: dondoc users send-link <địa chỉ>, "
        "rồi dondoc mail list / mail show <mã thư>."
    )
