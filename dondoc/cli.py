"""`dondoc`: the command line of the follow-up system (Vietnamese help, English code)."""

from __future__ import annotations

from pathlib import Path

import typer

from dondoc import (
    cli_calendar,
    cli_catalog,
    cli_engine,
    cli_features,
    cli_feeds,
    cli_flows,
    cli_inspections,
    cli_report,
    cli_run,
    cli_tasks,
    cli_tokens,
    cli_users,
    cli_web,
)
from dondoc.context import (
    engine_from_env,
    known_signing_key,
    local_today,
    moment_or_now,
    settings_or_exit,
    unit_of_work,
    utc_now,
)
from dondoc.db import migrate
from tasks_catalog.calendar_store import load_calendar, seed_declared_days
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.year_plan import PlanReport
from workflows.plan_and_schedule import plan_and_schedule

SEED_CATALOGUES = Path(__file__).resolve().parent.parent / "tasks_catalog" / "data"

app = typer.Typer(
    help="dondoc — đôn đốc thực hiện nghị quyết, chương trình, kế hoạch "
    "(follow-up of resolutions, programmes and plans).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
app.add_typer(cli_catalog.app, name="catalog")
app.add_typer(cli_tasks.tasks_app, name="tasks")
app.add_typer(cli_tasks.agencies_app, name="agencies")
app.add_typer(cli_calendar.app, name="calendar")
app.add_typer(cli_engine.outbox_app, name="outbox")
app.add_typer(cli_engine.mail_app, name="mail")
app.add_typer(cli_flows.app, name="flows")
app.add_typer(cli_inspections.app, name="inspections")
app.add_typer(cli_features.app, name="features")
cli_users.app.command("token")(cli_tokens.token)
app.add_typer(cli_users.app, name="users")
app.add_typer(cli_report.app, name="report")
app.add_typer(cli_feeds.app, name="feeds")
app.command()(cli_engine.tick)
app.command()(cli_run.run)
app.command()(cli_engine.preview)
app.command()(cli_web.serve)


@app.command()
def init() -> None:
    """Khởi tạo / nâng cấp cơ sở dữ liệu (Alembic) và nạp bảng ngày nghỉ, ngày làm bù."""
    engine = engine_from_env()
    migrate(engine)
    engine.dispose()
    with unit_of_work() as session:
        added = seed_declared_days(session)
    typer.echo(f"Cơ sở dữ liệu đã sẵn sàng; thêm {added} ngày nghỉ/làm bù được công bố.")


@app.command()
def plan(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="Năm cần lập kế hoạch"),
    now: str | None = typer.Option(
        None,
        "--now",
        help="Thời điểm lập kế hoạch (ISO), để chạy lại một năm đã qua; mặc định: bây giờ",
    ),
) -> None:
    """Tạo các nhiệm vụ (task) của mọi nhiệm vụ trong danh mục có hiệu lực trong năm.

    Nhiệm vụ tạo khi đã qua một số mốc nhắc (hoặc đã quá hạn) nhận ngay thư cho mốc hiện tại
    ở lượt chạy kế tiếp."""
    moment = moment_or_now(now)
    with unit_of_work() as session:
        report = plan_and_schedule(session, year=year, calendar=load_calendar(session), now=moment)
    _print_plan(report)


@app.command()
def up(
    catalogue: list[Path] = typer.Option(
        [SEED_CATALOGUES], "--catalog", help="Thư mục/tệp danh mục (mặc định: danh mục mẫu)"
    ),
    setup_only: bool = typer.Option(
        False, "--setup-only", help="Chỉ khởi tạo, nạp danh mục, lập kế hoạch rồi thoát"
    ),
) -> None:
    """Chạy toàn bộ hệ thống ở chế độ nhúng: CSDL SQLite, danh mục mẫu, kế hoạch năm nay,
    hộp thư thử nghiệm và bộ lập lịch (dừng bằng Ctrl+C)."""
    init()
    with unit_of_work() as session:
        calendar = load_calendar(session)
        report = load_paths(session, catalogue, calendar, utc_now())
    cli_catalog.print_load_report(report)
    plan(year=local_today().year, now=None)
    _show_data_directory()
    cli_web.print_demo_sign_ins()
    if not setup_only:
        cli_run.run()


def _show_data_directory() -> None:
    """Where the key, the evidence and the mail live; the database learns the key here."""
    settings = settings_or_exit()
    engine = engine_from_env()
    known_signing_key(engine, settings, utc_now())
    engine.dispose()
    typer.echo(f"Thư mục dữ liệu (DONDOC_HOME): {settings.home}")


def _print_plan(report: PlanReport) -> None:
    documents = sorted(set(report.created) | set(report.moved) | set(report.unchanged))
    typer.echo(f"Kế hoạch năm {report.year}:")
    for number in documents:
        typer.echo(
            f"  {number}: tạo mới {report.created[number]}, đổi hạn {report.moved[number]}, "
            f"giữ nguyên {report.unchanged[number]}"
        )
    total = sum(report.created.values())
    typer.echo(f"Tổng: tạo mới {total} nhiệm vụ.")


def main() -> None:
    """The `dondoc` command: the app, with no traceback reaching a person (errors.py)."""
    from dondoc.errors import run_guarded

    run_guarded(app)


if __name__ == "__main__":
    main()
