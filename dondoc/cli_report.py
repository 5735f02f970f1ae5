"""`dondoc report …`: the monthly report, the scorecard and the targets, for the office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from dondoc.context import echo_json, fail, local_today, parse_date, unit_of_work, utc_now
from reports import AsOf, ReportFilter, StatusCounts
from reports.excel import monthly_workbook, scorecard_workbook
from reports.monthly import MonthlyReport, monthly_report, percent, scope_text, vn_date
from reports.scorecard import scorecard
from reports.targets import TargetError, TargetLine, record_target_value, target_lines
from reports.word import monthly_document
from services.actors import Actor, Role, actor_for_email
from services.permissions import task_visible_to
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.catalogue.excel_read import OBLIGATION_KINDS
from tasks_catalog.models import Agency, Document

app = typer.Typer(
    help="Báo cáo tình hình thực hiện nhiệm vụ, xếp hạng, chỉ tiêu.", no_args_is_help=True
)

DATE_HELP = "YYYY-MM-DD hoặc DD/MM/YYYY"
# The command line reads as the administrator: every task except the secret inspection ones.
ADMIN = Actor("cli", "Quản trị", Role.ADMIN, None, None)


def _filters(
    session: Session,
    *,
    as_of: date,
    due_from: str | None,
    due_to: str | None,
    document: str | None,
    agency: str | None,
    kind: str | None,
    as_email: str | None,
) -> ReportFilter:
    """Checked options as a filter; a bad one exits 1 naming the option, in Vietnamese."""
    start = parse_date(due_from, "--from") if due_from else None
    end = parse_date(due_to, "--to") if due_to else None
    if start is None and end is None:
        start, end = date(as_of.year, 1, 1), date(as_of.year, 12, 31)
    if start and end and start > end:
        raise fail(f"--from ({vn_date(start)}) sau --to ({vn_date(end)})")
    if document and session.scalar(select(Document.id).where(Document.number == document)) is None:
        raise fail(f'--document: không có văn bản số "{document}" (xem `dondoc catalog list`)')
    if agency and session.scalar(select(Agency.id).where(Agency.code == agency)) is None:
        raise fail(f'--agency: không có cơ quan mã "{agency}" (xem `dondoc agencies list`)')
    if kind and kind not in OBLIGATION_KINDS.labels:
        raise fail(f'--kind: không có loại "{kind}"; dùng: {", ".join(OBLIGATION_KINDS.labels)}')
    actor = ADMIN
    if as_email:
        found = actor_for_email(session, as_email)
        if found is None:
            raise fail(f'--as: không có người dùng "{as_email}" trong danh bạ cơ quan', 3)
        actor = found
    return ReportFilter(
        document=document,
        agency=agency,
        kind=kind,
        due_from=start,
        due_to=end,
        visible=task_visible_to(actor),
    )


def _as_of(value: str | None) -> date:
    return parse_date(value, "--as-of") if value else local_today()


def _output(path: Path | None, allowed: tuple[str, ...]) -> Path | None:
    if path is None:
        return None
    if path.suffix.lower() not in allowed:
        raise fail(f'-o: "{path.name}" phải là tệp {" hoặc ".join(allowed)}')
    if not path.parent.is_dir():
        raise fail(f'-o: thư mục "{path.parent}" không tồn tại')
    return path


AS_OF = typer.Option(None, "--as-of", help=f"Tính đến ngày ({DATE_HELP}); mặc định hôm nay")
FROM = typer.Option(None, "--from", help=f"Nhiệm vụ có thời hạn từ ngày ({DATE_HELP})")
TO = typer.Option(None, "--to", help=f"… đến ngày; mặc định cả năm của --as-of ({DATE_HELP})")
DOCUMENT = typer.Option(None, "--document", help="Số văn bản, ví dụ 124/NQ-HĐND")
AGENCY = typer.Option(None, "--agency", help="Mã cơ quan, ví dụ QN-SNV")
KIND = typer.Option(None, "--kind", help="Loại: deliverable, recurring_report, target, …")
AS_EMAIL = typer.Option(None, "--as", help="Chỉ nhiệm vụ người này được xem")
JSON = typer.Option(False, "--json", help="In ra JSON")


@app.command("tasks")
def tasks_report(
    as_of: str = AS_OF,
    due_from: str = FROM,
    due_to: str = TO,
    document: str = DOCUMENT,
    agency: str = AGENCY,
    kind: str = KIND,
    as_email: str = AS_EMAIL,
    output: Path = typer.Option(None, "-o", "--output", help="Tệp .xlsx hoặc .docx"),
    as_json: bool = JSON,
) -> None:
    """Báo cáo tháng: hoàn thành đúng hạn / quá hạn, đang thực hiện / quá hạn theo cơ
    quan, và danh sách nhiệm vụ quá hạn."""
    day = _as_of(as_of)
    target = _output(output, (".xlsx", ".docx"))
    with unit_of_work() as session:
        filters = _filters(
            session,
            as_of=day,
            due_from=due_from,
            due_to=due_to,
            document=document,
            agency=agency,
            kind=kind,
            as_email=as_email,
        )
        calendar = load_calendar(session)
        report = monthly_report(
            session, filters=filters, as_of=AsOf.of(day, calendar), calendar=calendar
        )
    if target is not None:
        data = monthly_workbook(report) if target.suffix.lower() == ".xlsx" else None
        target.write_bytes(data if data is not None else monthly_document(report))
        typer.echo(
            f"Đã ghi {target} ({len(report.agencies)} cơ quan, "
            f"{len(report.overdue)} nhiệm vụ quá hạn)."
        )
    elif as_json:
        echo_json(report_json(report))
    else:
        _print_report(report)


def counts_json(row: StatusCounts) -> dict[str, object]:
    return {
        "total": row.total,
        "done_on_time": row.done_on_time,
        "done_late": row.done_late,
        "in_time": row.in_time,
        "due_soon": row.due_soon,
        "overdue": row.overdue,
        "on_time_rate": row.on_time_rate,
    }


def report_json(report: MonthlyReport) -> dict[str, object]:
    return {
        "as_of": report.as_of.isoformat(),
        "from": report.due_from.isoformat() if report.due_from else None,
        "to": report.due_to.isoformat() if report.due_to else None,
        "agencies": [{"agency": r.key, "name": r.name, **counts_json(r)} for r in report.agencies],
        "total": counts_json(report.total),
        "overdue": [
            {
                "id": line.id,
                "document": line.document,
                "clause": line.clause,
                "title": line.title,
                "agency": line.agency,
                "period": line.period,
                "due": line.due.isoformat(),
                "original_due": line.original_due.isoformat(),
                "days_late": line.days_late,
            }
            for line in report.overdue
        ],
    }


def _print_report(report: MonthlyReport) -> None:
    typer.echo(report.scope_text)
    typer.echo(
        f"{'Cơ quan':<24} {'Tổng':>5} {'ĐúngH':>6} {'QuáH':>5} {'TrongH':>6} "
        f"{'SắpĐH':>6} {'QuáHạn':>6} {'Tỷ lệ':>7}"
    )
    for row in [*report.agencies, report.total]:
        typer.echo(
            f"{row.key or 'Tổng cộng':<24} {row.total:>5} {row.done_on_time:>6} "
            f"{row.done_late:>5} {row.in_time:>6} {row.due_soon:>6} {row.overdue:>6} "
            f"{percent(row.on_time_rate):>7}"
        )
    typer.echo(f"{len(report.overdue)} nhiệm vụ quá hạn chưa hoàn thành.")


@app.command("scorecard")
def scorecard_command(
    as_of: str = AS_OF,
    due_from: str = FROM,
    due_to: str = TO,
    document: str = DOCUMENT,
    kind: str = KIND,
    as_email: str = AS_EMAIL,
    output: Path = typer.Option(None, "-o", "--output", help="Tệp .xlsx (xếp hạng và chỉ tiêu)"),
    as_json: bool = JSON,
) -> None:
    """Xếp hạng cơ quan theo tỷ lệ hoàn thành nhiệm vụ đúng hạn trong kỳ; chỉ tiêu."""
    day = _as_of(as_of)
    target = _output(output, (".xlsx",))
    with unit_of_work() as session:
        filters = _filters(
            session,
            as_of=day,
            due_from=due_from,
            due_to=due_to,
            document=document,
            agency=None,
            kind=kind,
            as_email=as_email,
        )
        lines = scorecard(session, filters=filters, as_of=AsOf.of(day, load_calendar(session)))
        targets = target_lines(session, as_of=day, document=document)
    scope = scope_text(day, filters.due_from, filters.due_to)
    if target is not None:
        target.write_bytes(scorecard_workbook(lines, targets, scope))
        typer.echo(f"Đã ghi {target} ({len(lines)} cơ quan, {len(targets)} chỉ tiêu).")
    elif as_json:
        echo_json(
            {
                "as_of": day.isoformat(),
                "agencies": [
                    {
                        "rank": x.rank,
                        "agency": x.counts.key,
                        "name": x.counts.name,
                        **counts_json(x.counts),
                    }
                    for x in lines
                ],
                "targets": [target_json(t) for t in targets],
            }
        )
    else:
        typer.echo(scope)
        for line in lines:
            row = line.counts
            rank = "—" if line.rank is None else str(line.rank)
            typer.echo(
                f"{rank:>3}  {row.key:<24} {percent(row.on_time_rate):>7}  "
                f"đúng hạn {row.done_on_time}, quá hạn {row.done_late}, "
                f"chưa hoàn thành quá hạn {row.overdue}, trong hạn {row.in_time}"
            )
        _print_targets(targets)


def target_json(line: TargetLine) -> dict[str, object]:
    return {
        "code": line.code,
        "document": line.document,
        "indicator": line.indicator,
        "comparator": line.comparator,
        "value": line.value,
        "unit": line.unit,
        "year": line.year,
        "lead": line.lead,
        "latest": line.latest,
        "reported_on": line.reported_on.isoformat() if line.reported_on else None,
        "source": line.source,
        "met": line.met,
    }


def _print_targets(targets: list[TargetLine]) -> None:
    for t in targets:
        latest = "chưa có số liệu"
        if t.latest is not None and t.reported_on is not None:
            latest = f"{t.latest:g} ({vn_date(t.reported_on)})"
        typer.echo(f"  {t.code:<28} {t.goal_text:<22} {latest}  {t.indicator[:60]}")


@app.command("targets")
def targets_command(
    as_of: str = AS_OF,
    document: str = DOCUMENT,
    agency: str = AGENCY,
    as_json: bool = JSON,
) -> None:
    """Chỉ tiêu và giá trị báo cáo gần nhất so với mục tiêu."""
    day = _as_of(as_of)
    with unit_of_work() as session:
        targets = target_lines(session, as_of=day, document=document, agency=agency)
    if as_json:
        echo_json([target_json(t) for t in targets])
    else:
        _print_targets(targets)
        typer.echo(f"{len(targets)} chỉ tiêu.")


@app.command("target-value")
def target_value_command(
    code: str = typer.Argument(..., help="Mã chỉ tiêu (mã nhiệm vụ trong danh mục)"),
    value: float = typer.Argument(..., help="Giá trị đạt được, ví dụ 87.5"),
    on: str = typer.Option(None, "--on", help=f"Ngày số liệu ({DATE_HELP}); mặc định hôm nay"),
    source: str = typer.Option(None, "--source", help="Nguồn, ví dụ Báo cáo số 12/BC-SNV"),
    by: str = typer.Option("cli", "--by", help="Người báo cáo (e-mail)"),
) -> None:
    """Ghi giá trị đạt được của một chỉ tiêu (cùng ngày: sửa giá trị đã ghi)."""
    day = parse_date(on, "--on") if on else local_today()
    with unit_of_work() as session:
        try:
            record_target_value(
                session,
                code=code,
                value=value,
                reported_on=day,
                reported_by=by,
                source=source,
                now=utc_now(),
            )
        except TargetError as exc:
            raise fail(str(exc)) from None
    typer.echo(f"Đã ghi {code} = {value:g} ngày {vn_date(day)}.")
