"""`dondoc`: the command line of the follow-up system (Vietnamese help, English code).

Starting `dondoc` imports only this module and Typer: the commands are listed from
`COMMANDS` below, and a command's module (with SQLAlchemy, Alembic, Prefect, FastAPI behind
it) is imported only when that command runs or shows its own help.

A new command or command group goes in `COMMANDS` (not `app.add_typer`, which would import
its module at every start): its name, the module and attribute that hold it, and its
one-line help, the same text as the Typer's `help=` or the function's docstring
(tests/cli/test_startup.py checks that they agree).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_group_from_info
from typer.models import TyperInfo

SEED_CATALOGUES = Path(__file__).resolve().parent.parent / "tasks_catalog" / "data"


class Entry(NamedTuple):
    """Where a command lives: `module.attribute` is a `typer.Typer` or a function."""

    module: str
    attribute: str
    help: str


# The commands: name → where it lives and its one-line help (in the order `--help` shows).
COMMANDS: dict[str, Entry] = {
    "tick": Entry(
        "dondoc.cli_engine",
        "tick",
        "Một lượt: lập kế hoạch (nếu năm chưa có), quét việc đến hạn, gửi thư.",
    ),
    "run": Entry(
        "dondoc.cli_run",
        "run",
        "Chạy chế độ nhúng ở tiền cảnh: bộ lập lịch, hộp thư thử, quét và gửi thư định kỳ.",
    ),
    "preview": Entry(
        "dondoc.cli_engine", "preview", "Xem trước thư sẽ gửi cho ai, khi nào (không gửi)."
    ),
    "serve": Entry(
        "dondoc.cli_web",
        "serve",
        "Chạy riêng trang web (sau reverse proxy; bộ lập lịch chạy ở nơi khác: dondoc run).",
    ),
    "catalog": Entry("dondoc.cli_catalog", "app", "Danh mục văn bản và nhiệm vụ (catalogue)."),
    "tasks": Entry("dondoc.cli_tasks", "tasks_app", "Nhiệm vụ đã lập kế hoạch (tasks)."),
    "agencies": Entry("dondoc.cli_tasks", "agencies_app", "Cơ quan, đơn vị (agencies)."),
    "calendar": Entry("dondoc.cli_calendar", "app", "Lịch ngày làm việc và kỳ báo cáo (calendar)."),
    "outbox": Entry(
        "dondoc.cli_engine",
        "outbox_app",
        "Hộp thư đi (outbox): thông báo chờ gửi, đã gửi, lỗi.",
    ),
    "mail": Entry(
        "dondoc.cli_engine",
        "mail_app",
        "Thư đã nhận trong hộp thư thử nghiệm (mail catcher).",
    ),
    "flows": Entry(
        "dondoc.cli_flows",
        "app",
        "Luồng Prefect cho chế độ phân tán (cần máy chủ Prefect; chế độ nhúng dùng APScheduler).",
    ),
    "inspections": Entry(
        "dondoc.cli_inspections",
        "app",
        "Kiểm tra đột xuất: kế hoạch (mật), biên bản kiểm tra, tình hình thực hiện.",
    ),
    "features": Entry(
        "dondoc.cli_features",
        "app",
        "Đặc tả chạy được (features/*.feature): kịch bản cho từng nhiệm vụ.",
    ),
    "users": Entry(
        "dondoc.cli_users",
        "app",
        "Tài khoản đăng nhập trang web (users): mật khẩu, liên kết đăng nhập.",
    ),
    "report": Entry(
        "dondoc.cli_report",
        "app",
        "Báo cáo tình hình thực hiện nhiệm vụ, xếp hạng, chỉ tiêu.",
    ),
    "feeds": Entry(
        "dondoc.cli_feeds",
        "app",
        "Lịch iCalendar cá nhân (Outlook, Thunderbird đăng ký theo địa chỉ bí mật).",
    ),
}


def load_command(name: str, rich_markup_mode: Any = None) -> Any:
    """Import the command `name` of `COMMANDS` and build its Click command."""
    entry = COMMANDS[name]
    target = getattr(importlib.import_module(entry.module), entry.attribute)
    if isinstance(target, typer.Typer):
        command: Any = get_group_from_info(
            TyperInfo(target, name=name),
            pretty_exceptions_short=target.pretty_exceptions_short,
            rich_markup_mode=rich_markup_mode,
            suggest_commands=target.suggest_commands,
        )
    else:
        single = typer.Typer(rich_markup_mode=rich_markup_mode, add_completion=False)
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """The top-level group: lists `COMMANDS` without importing them; loads one on use."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *(n for n in COMMANDS if n not in self.commands)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = load_command(cmd_name, self.rich_markup_mode)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Click's listing, with the table's help for the commands not yet imported."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name) or TyperCommand(name, help=COMMANDS[name].help)
            if not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    cls=LazyGroup,
    help="dondoc — đôn đốc thực hiện nghị quyết, chương trình, kế hoạch "
    "(follow-up of resolutions, programmes and plans).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.command()
def init() -> None:
    """Khởi tạo / nâng cấp cơ sở dữ liệu (Alembic) và nạp bảng ngày nghỉ, ngày làm bù."""
    from dondoc.context import engine_from_env, unit_of_work
    from dondoc.db import migrate
    from tasks_catalog.calendar_store import seed_declared_days

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
    from dondoc.context import moment_or_now, unit_of_work
    from tasks_catalog.calendar_store import load_calendar
    from workflows.plan_and_schedule import plan_and_schedule

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
    from dondoc import cli_catalog, cli_run, cli_web
    from dondoc.context import local_today, unit_of_work, utc_now
    from tasks_catalog.calendar_store import load_calendar
    from tasks_catalog.catalogue.service import load_paths

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
    from dondoc.context import engine_from_env, known_signing_key, settings_or_exit, utc_now

    settings = settings_or_exit()
    engine = engine_from_env()
    known_signing_key(engine, settings, utc_now())
    engine.dispose()
    typer.echo(f"Thư mục dữ liệu (DONDOC_HOME): {settings.home}")


def _print_plan(report: Any) -> None:
    """`report` is a tasks_catalog.year_plan.PlanReport."""
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
