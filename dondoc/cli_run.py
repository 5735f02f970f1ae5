"""`dondoc run`: the embedded mode in the foreground (one process, its scheduler, a mail catcher).

What it does, in order: bring the database schema up to date; start the local mail
catcher (unless DONDOC_SMTP_URL names a real server); run one tick at once; start the
APScheduler jobs (workflows.scheduler); wait for Ctrl+C or SIGTERM; then stop the
scheduler (letting a running job finish), give the sweep lease back so another process
can take over at once, and stop the catcher.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit, urlunsplit

import typer
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy import Engine, exists, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from dondoc.context import (
    engine_from_env,
    fail,
    is_initialised,
    known_signing_key,
    settings_or_exit,
    utc_now,
)
from dondoc.db import migrate, normalise_url, session_factory, transaction
from dondoc.settings import Settings
from dondoc.wiring import delivery_settings, email_transport_factory, webhook_setup, worker_name
from notifications.delivery import (
    DeliveryReport,
    DeliverySettings,
    EmailSender,
    WebhookPoster,
    deliver,
)
from notifications.mailcatcher import MailCatcher
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.calendar_store import seed_declared_days
from tasks_catalog.models import Task
from tasks_catalog.year_plan import PlanReport
from workflows.engine import TickReport, plan_if_needed, tick
from workflows.rules import LOCAL_TZ
from workflows.scheduler import LeaseGuard, build_scheduler, lease_ttl

log = logging.getLogger("dondoc.run")
EmailTransport = Callable[[], AbstractContextManager[EmailSender]]
WebhookTransport = Callable[[], AbstractContextManager[WebhookPoster]]


@dataclass(frozen=True)
class EngineWork:
    """The batch steps the scheduler calls, each with the `now` it is given."""

    sessions: sessionmaker[Session]
    delivery: DeliverySettings
    email_transport: EmailTransport
    webhook_transport: WebhookTransport | None
    webhook_urls: tuple[str, ...]
    inspection_secret: bytes | None = None

    def tick(self, now: datetime) -> TickReport:
        report = tick(
            self.sessions,
            now=now,
            settings=self.delivery,
            email_transport=self.email_transport,
            webhook_transport=self.webhook_transport,
            webhook_urls=self.webhook_urls,
            inspection_secret=self.inspection_secret,
        )
        log.info(
            "tick at %s: %d tasks due, %d queued, %d messages sent, %d retrying, %d failed",
            now.astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
            report.sweep.tasks,
            report.sweep.queued,
            report.delivery.messages,
            report.delivery.retrying,
            report.delivery.failed,
        )
        return report

    def deliver(self, now: datetime) -> DeliveryReport:
        report = deliver(
            self.sessions,
            now=now,
            settings=self.delivery,
            email_transport=self.email_transport,
            webhook_transport=self.webhook_transport,
        )
        if report.messages or report.retrying or report.failed:  # quiet when idle (every minute)
            log.info(
                "delivery: %d sent, %d retrying, %d failed",
                report.messages,
                report.retrying,
                report.failed,
            )
        return report

    def plan(self, now: datetime) -> PlanReport | None:
        with self.sessions.begin() as session:
            report = plan_if_needed(session, now)
        if report is not None:
            log.info("planned %d: %d tasks created", report.year, sum(report.created.values()))
        return report


def run() -> None:
    """Chạy chế độ nhúng ở tiền cảnh: bộ lập lịch, hộp thư thử, quét và gửi thư định kỳ."""
    settings = settings_or_exit()
    sweep_minutes = settings.sweep_minutes
    _configure_logging()
    engine = engine_from_env()
    with ExitStack() as stack:
        stack.callback(engine.dispose)
        _initialise(engine)
        known_signing_key(engine, settings, utc_now())
        sessions = session_factory(engine)
        catcher = None if settings.smtp_url else stack.enter_context(_catcher(settings))
        work = _work(settings, sessions, catcher)
        guard = LeaseGuard(sessions, worker_name(), lease_ttl(sweep_minutes))
        stack.callback(guard.release)  # another process may take over at once
        scheduler = build_scheduler(
            work.tick,
            run_delivery=work.deliver,
            run_plan=work.plan,
            sweep_minutes=sweep_minutes,
            guard=guard,
        )
        first = _first_tick(work, guard)
        web = _start_web(settings, engine)
        stack.callback(web.stop)  # finishes the requests in flight
        scheduler.start()
        stack.callback(scheduler.shutdown)  # waits for a running job to finish
        _print_banner(settings, catcher, first, scheduler, _has_tasks(sessions), web.url)
        _wait_for_stop()
        typer.echo("Đang dừng…")
    typer.echo("Đã dừng dondoc.")


def _configure_logging() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # APScheduler logs every job start at INFO: a line a minute says nothing; errors still show.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # aiosmtpd logs every SMTP connection of the catcher at INFO.
    logging.getLogger("mail.log").setLevel(logging.WARNING)


def _initialise(engine: Engine) -> None:
    """Bring the schema to head (cheap when it is there); seed the holidays on a new database."""
    fresh = not is_initialised(engine)
    migrate(engine)
    if fresh:
        with transaction(engine) as session:
            seed_declared_days(session)


@contextmanager
def _catcher(settings: Settings) -> Iterator[MailCatcher]:
    port = settings.mail_port
    catcher = MailCatcher(settings.mail_dir, "127.0.0.1", port)
    try:
        catcher.start()
    except OSError as exc:
        raise fail(
            f"không mở được hộp thư thử tại 127.0.0.1:{port} ({exc}); "
            "đặt DONDOC_MAIL_PORT sang cổng khác hoặc DONDOC_SMTP_URL tới máy chủ thư",
            2,
        ) from None
    try:
        yield catcher
    finally:
        catcher.stop()


def _work(
    settings: Settings, sessions: sessionmaker[Session], catcher: MailCatcher | None
) -> EngineWork:
    urls, webhooks = webhook_setup(settings)
    if catcher is None:
        email_transport: EmailTransport = email_transport_factory(settings)
    else:
        smtp = SmtpSettings.from_url(catcher.url)
        email_transport = partial(SmtpTransport, smtp)
    return EngineWork(
        sessions,
        delivery_settings(settings),
        email_transport,
        webhooks,
        urls,
        settings.inspection_plan_secret(),
    )


def _first_tick(work: EngineWork, guard: LeaseGuard) -> TickReport | None:
    """One tick before the scheduler starts, so what is due now goes out now."""
    now = utc_now()
    return work.tick(now) if guard(now) else None


def _start_web(settings: Settings, engine: Engine):  # noqa: ANN202 - a web.server.WebHandle
    """The pages e-mail links open, on 127.0.0.1:8000 (DONDOC_WEB_PORT)."""
    from web.server import WebStartError, start_in_thread  # dondoc → web

    try:
        return start_in_thread(settings, engine, port=settings.web_port)
    except WebStartError as exc:
        raise fail(str(exc), 2) from None


def _has_tasks(sessions: sessionmaker[Session]) -> bool:
    with sessions() as session:
        return bool(session.scalar(select(exists().where(Task.id.is_not(None)))))


def _print_banner(
    settings: Settings,
    catcher: MailCatcher | None,
    first: TickReport | None,
    scheduler: BaseScheduler,
    has_tasks: bool,
    web_url: str,
) -> None:
    url = make_url(normalise_url(settings.database_url)).render_as_string(hide_password=True)
    typer.echo("dondoc đang chạy ở chế độ nhúng.")
    typer.echo(f"  Cơ sở dữ liệu: {url}")
    typer.echo(f"  Thư mục dữ liệu (khoá ký liên kết, minh chứng): {settings.home}")
    if catcher is not None:
        typer.echo(f"  Hộp thư thử: {catcher.url}, lưu thư vào {catcher.directory.resolve()}/new")
        typer.echo("  Xem thư đã gửi: dondoc mail list, dondoc mail show <mã thư>")
    else:
        typer.echo(f"  Gửi thư qua máy chủ SMTP: {_hide_password(settings.smtp_url or '')}")
    typer.echo(f"  Trang web: {web_url}")
    if not has_tasks:
        typer.echo("  Chưa có nhiệm vụ nào: chạy `dondoc up` hoặc `dondoc catalog load …` trước.")
    if first is None:
        typer.echo("  Một tiến trình khác đang giữ quyền quét; tiến trình này chờ để thay thế.")
    else:
        sweep, sent = first.sweep, first.delivery
        typer.echo(
            f"  Lượt đầu: {sweep.tasks} nhiệm vụ đến lượt, {sweep.queued} thông báo mới, "
            f"gửi {sent.messages} thư, chờ gửi lại {sent.retrying}, lỗi {sent.failed}."
        )
    typer.echo("  Lịch chạy (giờ Hà Nội):")
    for job in scheduler.get_jobs():
        when = job.next_run_time.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y")
        typer.echo(f"    - {job.name}: lần tới {when}")
    typer.echo("Nhấn Ctrl+C để dừng.")


def _hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _wait_for_stop() -> None:
    """Block until SIGINT or SIGTERM (systemd, docker stop), then restore the old handlers."""
    stopping = threading.Event()
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in handled}
    try:
        # A timeout keeps the main thread waking up, so the handler runs promptly.
        while not stopping.wait(1):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
