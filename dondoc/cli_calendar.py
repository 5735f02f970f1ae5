"""`dondoc calendar …`: working days, declared swaps, Nghị định 09 reporting periods."""

from __future__ import annotations

import typer

from dondoc.context import echo_json, fail, parse_date, unit_of_work
from tasks_catalog.calendar import reporting_period
from tasks_catalog.calendar_store import (
    declare_day,
    declared_days,
    load_calendar,
    remove_declared_day,
)

app = typer.Typer(help="Lịch ngày làm việc và kỳ báo cáo (calendar).", no_args_is_help=True)


@app.command("add-working-days")
def add_working_days(
    day: str = typer.Argument(..., help="Ngày bắt đầu (không tính), YYYY-MM-DD"),
    n: int = typer.Argument(..., help="Số ngày làm việc (âm: lùi lại)"),
) -> None:
    """Ngày làm việc thứ N sau (hoặc trước) một ngày."""
    start = parse_date(day, "DATE")
    with unit_of_work() as session:
        result = load_calendar(session).add_working_days(start, n)
    typer.echo(result.isoformat())


@app.command("is-working-day")
def is_working_day(day: str = typer.Argument(..., help="Ngày, YYYY-MM-DD")) -> None:
    """Cho biết một ngày có phải ngày làm việc; mã thoát 0 nếu có, 1 nếu không."""
    when = parse_date(day, "DATE")
    with unit_of_work() as session:
        calendar = load_calendar(session)
    if calendar.is_working_day(when):
        typer.echo(f"{when.isoformat()}: ngày làm việc")
        return
    typer.echo(f"{when.isoformat()}: ngày nghỉ ({calendar.day_off_reason(when)})")
    raise typer.Exit(1)


@app.command()
def period(
    kind: str = typer.Argument(..., help="monthly | quarterly | six_months | nine_months | annual"),
    label: str = typer.Argument(..., help="2025-03 | 2025-Q1 | 2025-H1 | 2025-9M | 2025"),
) -> None:
    """Kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (thời gian chốt số liệu)."""
    try:
        found = reporting_period(kind, label)
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    typer.echo(f"{found.start.isoformat()}..{found.end.isoformat()}")


@app.command()
def declare(
    day: str = typer.Argument(..., help="Ngày, YYYY-MM-DD"),
    working: bool = typer.Option(..., "--working/--off", help="Ngày làm bù hay ngày nghỉ"),
    reason: str = typer.Option(..., "--reason", help="Lý do, ví dụ văn bản công bố"),
) -> None:
    """Khai báo một ngày nghỉ hoặc ngày làm bù (ghi đè lịch mặc định)."""
    when = parse_date(day, "DATE")
    with unit_of_work() as session:
        declare_day(session, day=when, working=working, reason=reason)
    typer.echo(f"Đã khai báo {when.isoformat()}: {'làm việc' if working else 'nghỉ'} — {reason}")


@app.command()
def undeclare(day: str = typer.Argument(..., help="Ngày, YYYY-MM-DD")) -> None:
    """Bỏ khai báo của một ngày."""
    when = parse_date(day, "DATE")
    with unit_of_work() as session:
        removed = remove_declared_day(session, when)
    if not removed:
        raise fail(f"{when.isoformat()} chưa được khai báo")
    typer.echo(f"Đã bỏ khai báo {when.isoformat()}.")


@app.command("list")
def list_declared(as_json: bool = typer.Option(False, "--json")) -> None:
    """Liệt kê các ngày nghỉ, ngày làm bù đã khai báo."""
    with unit_of_work() as session:
        days = declared_days(session)
    rows = [{"date": d.day.isoformat(), "working": d.working, "reason": d.reason} for d in days]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['date']}  {'làm bù' if row['working'] else 'nghỉ  '}  {row['reason']}")
