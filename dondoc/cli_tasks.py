"""`dondoc tasks …` and `dondoc agencies …`: what is planned, for whom."""

from __future__ import annotations

import typer

from dondoc.cli_decisions import add_decision_commands
from dondoc.context import (
    echo_json,
    echo_json_rows,
    fail,
    local_today,
    parse_date,
    unit_of_work,
    utc_now,
)
from tasks_catalog.status import LABELS, DisplayStatus

# What a command needs beyond Typer and the models is imported when it runs: every command
# of the group is loaded with `dondoc tasks …`, and listing should not pay for planning.

tasks_app = typer.Typer(help="Nhiệm vụ đã lập kế hoạch (tasks).", no_args_is_help=True)
agencies_app = typer.Typer(help="Cơ quan, đơn vị (agencies).", no_args_is_help=True)

STATUS_HELP = ", ".join(f"{s.value} ({LABELS[s].label})" for s in DisplayStatus)


@tasks_app.command("list")
def list_command(
    as_json: bool = typer.Option(False, "--json", help="In ra JSON"),
    agency: str = typer.Option(None, "--agency", help="Mã cơ quan, ví dụ QN-SNV"),
    status: DisplayStatus = typer.Option(None, "--status", help=f"Trạng thái: {STATUS_HELP}"),
    document: str = typer.Option(None, "--document", help="Số văn bản, ví dụ 124/NQ-HĐND"),
    year: int = typer.Option(None, "--year", help="Chỉ nhiệm vụ có thời hạn trong năm"),
    as_email: str = typer.Option(
        None, "--as", help="Chỉ những nhiệm vụ người này được xem (bỏ trống: quản trị, xem hết)"
    ),
) -> None:
    """Liệt kê nhiệm vụ, lọc theo cơ quan, trạng thái, văn bản."""
    from services.actors import actor_for_email
    from services.permissions import NOT_ALLOWED, visible_task_ids
    from tasks_catalog.calendar_store import load_calendar
    from tasks_catalog.queries import TaskFilter, iter_tasks

    filters = TaskFilter(agency=agency, status=status, document=document, year=year)
    with unit_of_work() as session:
        calendar = load_calendar(session)
        if as_email is None:
            rows = iter_tasks(session, filters=filters, today=local_today(), calendar=calendar)
        else:  # the same rule as the web (services.permissions): inspections stay secret
            actor = actor_for_email(session, as_email)
            if actor is None:
                raise fail(NOT_ALLOWED, 3)
            visible = visible_task_ids(session, actor)
            every = iter_tasks(session, filters=filters, today=local_today(), calendar=calendar)
            rows = (row for row in every if row["id"] in visible)
        if as_json:  # streamed: 100,000 tasks print in constant memory
            echo_json_rows(rows)
            return
        count = 0
        for row in rows:
            unit = f" @ {row['inspected_unit']}" if row["inspected_unit"] else ""
            typer.echo(
                f"{row['id']:>6}  {row['due']}  {row['agency']:<18} {row['role']:<11} "
                f"{row['status_label']:<26} "
                f"{row['obligation']} [{row['period']}]{unit}  {row['title'][:50]}"
            )
            count += 1
    typer.echo(f"{count} nhiệm vụ.")


@tasks_app.command("event")
def event_command(
    obligation: str = typer.Argument(..., help="Mã nhiệm vụ, ví dụ LCH412-IV.2-KHACPHUC"),
    happened: str = typer.Option(
        ..., "--date", help="Ngày xảy ra sự kiện (YYYY-MM-DD hoặc DD/MM/YYYY)"
    ),
    agency: str = typer.Option(
        None, "--agency", help="Chỉ cơ quan chủ trì này (ví dụ đơn vị nhận kết luận)"
    ),
) -> None:
    """Ghi nhận sự kiện mà thời hạn của nhiệm vụ tính từ đó (ví dụ ngày nhận được kết luận
    kiểm tra) và lập nhiệm vụ với thời hạn của nó."""
    from tasks_catalog.calendar_store import load_calendar
    from tasks_catalog.event_deadlines import EventRefused
    from workflows.plan_and_schedule import record_event_and_schedule

    happened_on = parse_date(happened, "--date")
    with unit_of_work() as session:
        try:
            report = record_event_and_schedule(
                session,
                obligation_code=obligation,
                happened_on=happened_on,
                calendar=load_calendar(session),
                now=utc_now(),
                agency_code=agency,
            )
        except EventRefused as exc:
            raise fail(str(exc)) from None
        created = [(t.agency.code, t.role.value) for t in report.created]
    typer.echo(
        f"{report.obligation}: {report.event} ngày {report.happened_on:%d/%m/%Y}; "
        f"thời hạn {report.due:%d/%m/%Y}."
    )
    for code, role in created:
        typer.echo(f"  + {code} ({role})")
    typer.echo(f"{len(created)} nhiệm vụ mới, {len(report.unchanged)} đã có.")


@agencies_app.command("list")
def agencies_list(
    as_json: bool = typer.Option(False, "--json", help="In ra JSON"),
    province: str = typer.Option(None, "--province", help="Mã tỉnh: QN, QT, TQ"),
) -> None:
    """Liệt kê cơ quan, đơn vị và người nhận thư."""
    from tasks_catalog.queries import list_agencies

    with unit_of_work() as session:
        rows = list_agencies(session, province)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        head = row["head"]["email"] if row["head"] else "-"
        typer.echo(f"{row['code']:<24} {row['level']:<9} {row['name'][:60]:<60} {head}")
    typer.echo(f"{len(rows)} cơ quan.")


add_decision_commands(tasks_app)
