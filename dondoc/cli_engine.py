"""`dondoc tick`, `outbox …`, `preview`, `mail …`: the follow-up engine from the shell."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import typer
from sqlalchemy import select, update

from dondoc.context import (
    echo_json,
    engine_from_env,
    fail,
    is_initialised,
    known_signing_key,
    moment_or_now,
    parse_date,
    settings_or_exit,
    unit_of_work,
)
from notifications.models import Notification, NotificationState
from tasks_catalog.dates import LOCAL_TZ
from tasks_catalog.sql import rows_changed

# The engine (planning, the sweep, delivery, inspections) and the preview are imported by
# the commands that run them: `dondoc outbox …` and `dondoc mail …` live in this module
# too, and loading the engine for them was a second of CPU.

outbox_app = typer.Typer(
    help="Hộp thư đi (outbox): thông báo chờ gửi, đã gửi, lỗi.", no_args_is_help=True
)
mail_app = typer.Typer(
    help="Thư đã nhận trong hộp thư thử nghiệm (mail catcher).", no_args_is_help=True
)


def tick(
    now: str = typer.Option(None, "--now", help="Thời điểm chạy (ISO); mặc định: bây giờ"),
) -> None:
    """Một lượt: lập kế hoạch (nếu năm chưa có), quét việc đến hạn, gửi thư."""
    from dondoc.db import session_factory
    from dondoc.wiring import delivery_settings, email_transport_factory, webhook_setup
    from workflows.engine import tick as run_tick

    moment = moment_or_now(now)
    settings = settings_or_exit()
    engine = engine_from_env()
    if not is_initialised(engine):
        raise fail("cơ sở dữ liệu chưa được khởi tạo; hãy chạy `dondoc init` trước", 2)
    known_signing_key(engine, settings, moment)
    urls, webhooks = webhook_setup(settings)
    try:
        report = run_tick(
            session_factory(engine),
            now=moment,
            settings=delivery_settings(settings),
            email_transport=email_transport_factory(settings),
            webhook_transport=webhooks,
            webhook_urls=urls,
            inspection_secret=settings.inspection_plan_secret(),
        )
    finally:
        engine.dispose()
    if report.plan is not None:
        typer.echo(
            f"Lập kế hoạch năm {report.plan.year}: {sum(report.plan.created.values())} nhiệm vụ."
        )
    swept, sent = report.sweep, report.delivery
    typer.echo(f"Quét: {swept.tasks} nhiệm vụ đến lượt, {swept.queued} thông báo mới.")
    if report.inspections is not None:
        checked = report.inspections
        for plan in checked.plans:
            typer.echo(f"Lập kế hoạch kiểm tra {plan} (chỉ đoàn kiểm tra được xem).")
        for problem in checked.problems:
            typer.echo(f"Chưa lập được kế hoạch kiểm tra {problem}", err=True)
        typer.echo(
            f"Kiểm tra: {checked.warnings} cảnh báo đến lượt, {checked.queued} thông báo mới."
        )
    typer.echo(
        f"Gửi: {sent.messages} thư/webhook ({sent.notifications} thông báo), "
        f"chờ gửi lại {sent.retrying}, lỗi {sent.failed}, huỷ {sent.cancelled}."
    )
    _echo_outage()


def _echo_outage() -> None:
    from notifications.outage import current_outage, outage_line

    with unit_of_work() as session:
        outage = current_outage(session)
        line = outage_line(outage) if outage is not None else None
    if line:
        typer.echo(line, err=True)


def preview(
    start: str = typer.Option(..., "--from", help="Từ ngày"),
    end: str = typer.Option(..., "--to", help="Đến ngày"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Xem trước thư sẽ gửi cho ai, khi nào (không gửi)."""
    from tasks_catalog.calendar_store import load_calendar
    from workflows.forecast import preview as preview_messages
    from workflows.forecast import why_nothing

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if last < first:
        raise typer.BadParameter("--to trước --from", param_hint="--to")
    with unit_of_work() as session:
        calendar = load_calendar(session)
        rows = preview_messages(session, start=first, end=last, calendar=calendar)
        reason = None if rows else why_nothing(session, start=first, end=last, calendar=calendar)
    if as_json:
        echo_json([asdict(r) for r in rows])
        return
    for row in rows:
        copy = " (đồng gửi)" if row.copy else ""
        typer.echo(
            f"{row.at}  {row.recipient:<36} {row.kind:<15} {row.step:<18} {row.obligation} hạn {row.due}{copy}"
        )
    if reason:
        typer.echo(f"Không có thông báo nào: {reason}.")
        return
    typer.echo(f"{len(rows)} thông báo; mỗi người nhận một thư tổng hợp mỗi lượt gửi.")


@outbox_app.command("list")
def outbox_list(
    state: NotificationState = typer.Option(
        None, "--state", help="pending | sending | sent | failed | cancelled"
    ),
    as_json: bool = typer.Option(False, "--json"),
    limit: int = typer.Option(200, "--limit", min=1),
) -> None:
    """Liệt kê thông báo trong hộp thư đi (mới nhất trước)."""
    with unit_of_work() as session:
        query = select(Notification).order_by(Notification.id.desc()).limit(limit)
        if state is not None:
            query = query.where(Notification.state == state)
        rows = [_notification_json(n) for n in session.scalars(query)]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        error = f"  lỗi: {row['last_error'][:80]}" if row["last_error"] else ""
        typer.echo(
            f"{row['state']:<9} {row['attempts']:>2} lần  {row['recipient']:<36} {row['key']}{error}"
        )
    typer.echo(f"{len(rows)} thông báo.")


def _notification_json(n: Notification) -> dict[str, Any]:
    return {
        "key": n.key,
        "state": n.state.value,
        "channel": n.channel.value,
        "recipient": n.recipient,
        "kind": n.kind,
        "step": n.step,
        "task_id": n.task_id,
        "attempts": n.attempts,
        "next_attempt_at": n.next_attempt_at.isoformat(),
        "sent_at": n.sent_at.isoformat() if n.sent_at else None,
        "message_id": n.message_id,
        "last_error": n.last_error,
    }


@outbox_app.command("retry")
def outbox_retry(
    key: str = typer.Argument(None, help="Khoá thông báo (xem `dondoc outbox list`)"),
    every: bool = typer.Option(False, "--all", help="Mọi thông báo ở trạng thái --state"),
    state: NotificationState = typer.Option(
        NotificationState.FAILED, "--state", help="Với --all: failed (mặc định) hoặc pending"
    ),
    now: str = typer.Option(None, "--now", help="Thời điểm gửi lại (ISO); mặc định: bây giờ"),
) -> None:
    """Gửi lại thông báo lỗi (failed) ở lượt gửi tới: một khoá, hoặc tất cả với --all."""
    if (key is None) == (not every):
        raise fail("chọn đúng một trong: một khoá, hoặc --all", 2)
    if every and state not in (NotificationState.FAILED, NotificationState.PENDING):
        raise fail("--state chỉ nhận failed hoặc pending", 2)
    moment = moment_or_now(now)
    chosen = Notification.key == key if key is not None else Notification.state == state
    if key is not None:
        chosen = chosen & (Notification.state == NotificationState.FAILED)
    with unit_of_work() as session:
        changed = rows_changed(
            session,
            update(Notification)
            .where(chosen)
            .values(state=NotificationState.PENDING, attempts=0, next_attempt_at=moment)
            .execution_options(synchronize_session=False),
        )
    if key is not None and changed != 1:
        raise fail(f"không có thông báo lỗi với khoá {key}")
    typer.echo(f"Sẽ gửi lại {key or f'{changed} thông báo'} ở lượt gửi tới.")


@outbox_app.command("status")
def outbox_status() -> None:
    """Số thông báo theo trạng thái, và cảnh báo nếu thư đang không gửi đi được."""
    from notifications.outage import current_outage, outage_line
    from notifications.outbox import count_by_state

    with unit_of_work() as session:
        counts = count_by_state(session)
        outage = current_outage(session)
        line = outage_line(outage) if outage is not None else None
    typer.echo(", ".join(f"{state}: {n}" for state, n in sorted(counts.items())) or "trống")
    if line:
        typer.echo(line)


@mail_app.command("list")
def mail_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """Liệt kê thư mà hộp thư thử nghiệm đã nhận."""
    from notifications.mailcatcher import list_messages

    mails = list_messages(settings_or_exit().mail_dir)
    if as_json:
        echo_json(
            [
                {
                    **asdict(m),
                    "received_at": m.received_at.isoformat(),
                    "date": m.date.isoformat() if m.date else None,
                }
                for m in mails
            ]
        )
        return
    for mail in mails:
        # The Date the message carries (the run's `now`, replayed or not), not its arrival.
        written = (mail.date or mail.received_at).astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
        typer.echo(f"{mail.id}  {written}  {', '.join(mail.recipients):<36} {mail.subject}")
    typer.echo(f"{len(mails)} thư.")


@mail_app.command("show")
def mail_show(
    mail_id: str = typer.Argument(..., help="Mã thư (cột đầu của `dondoc mail list`)"),
    html: Path = typer.Option(None, "--html", help="Ghi phần HTML ra tệp để mở bằng trình duyệt"),
) -> None:
    """In một thư (phần văn bản); --html ghi phần HTML ra tệp."""
    from notifications.mailcatcher import read_message

    try:
        message = read_message(settings_or_exit().mail_dir, mail_id)
    except (FileNotFoundError, KeyError, ValueError):
        raise fail(f"không có thư {mail_id}") from None
    for header in ("From", "To", "Cc", "Date", "Subject"):
        if message[header]:
            typer.echo(f"{header}: {message[header]}")
    text = message.get_body(preferencelist=("plain",))
    typer.echo("")
    typer.echo(text.get_content() if text else "")
    if html is not None:
        part = message.get_body(preferencelist=("html",))
        html.write_text(part.get_content() if part else "", encoding="utf-8")
