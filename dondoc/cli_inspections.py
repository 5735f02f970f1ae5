"""`dondoc inspections …`: secret plans, inspection records, compliance, feeds, exports.

Read commands take `--as EMAIL`: the view printed is that person's, decided by
`inspections.access` exactly as the web will decide it. Without `--as` the
command prints the IT administrator's full view (whoever runs the CLI on the server can
read the database anyway). Dates of unannounced inspections are secret: never paste the
administrator's view where an inspected unit can read it.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import typer
from sqlalchemy.orm import Session

from dondoc.context import (
    echo_json,
    engine_from_env,
    fail,
    known_signing_key,
    local_today,
    moment_or_now,
    parse_date,
    reporting_problems,
    settings_or_exit,
    unit_of_work,
    utc_now,
)
from dondoc.settings import Settings, SettingsError
from inspections.access import AccessDenied, Scope, Viewer, viewer_for
from inspections.evidence import EvidenceStore
from inspections.feed import feed as build_feed
from inspections.models import STATE_LABELS, RecordState
from inspections.planner import PlanningError
from inspections.plans import (
    current_plans,
    duties,
    lead_agencies,
    make_plan,
    unplanned,
    verify_plan,
)
from inspections.record_input import read_record_file
from inspections.records import advance_record, log_record
from inspections.views import (
    EXPORT_COLUMNS,
    Reading,
    compliance_report,
    export,
    export_rows,
    plan_rows,
    record_rows,
)
from tasks_catalog.agencies import AgencyDirectory
from tasks_catalog.calendar_store import load_calendar
from workflows.inspections import check_inspections

app = typer.Typer(
    help="Kiểm tra đột xuất: kế hoạch (mật), biên bản kiểm tra, tình hình thực hiện.",
    no_args_is_help=True,
)

AS_HELP = "Xem với tư cách người này (thư điện tử); bỏ trống: quản trị hệ thống, xem toàn bộ"
NOW_HELP = "Thời điểm (ISO, giờ Hà Nội nếu không ghi múi giờ); mặc định: bây giờ"
TODAY_HELP = "Tính đến ngày (YYYY-MM-DD hoặc DD/MM/YYYY); mặc định: hôm nay"


def _today(value: str | None) -> date:
    return parse_date(value, "--today") if value else local_today()


def _settings() -> Settings:
    return settings_or_exit()


@contextmanager
def _as(email: str | None) -> Iterator[tuple[Session, Viewer]]:
    """A unit of work with the viewer; a refusal is one line on stderr and exit code 3."""
    try:
        with unit_of_work() as session:
            yield session, viewer_for(session, email)
    except AccessDenied as exc:
        raise fail(exc.reason, 3) from None


# --- plans ----------------------------------------------------------------------------------


@app.command("plan")
def plan_command(
    year: int = typer.Option(..., "--year", min=2000, max=2100),
    duty: str = typer.Option(None, "--duty", help="Mã nhiệm vụ kiểm tra, ví dụ QN124-D1.3c-KTDX"),
    as_email: str = typer.Option(None, "--as", help="Trưởng đoàn lập kế hoạch (thư điện tử)"),
    now: str = typer.Option(None, "--now", help=NOW_HELP),
) -> None:
    """Lập kế hoạch kiểm tra (ngày làm việc, giãn cách, chia đều người kiểm tra, bí mật)."""
    moment, secret = moment_or_now(now), _secret()
    with _as(as_email) as (session, viewer):
        calendar, scope = load_calendar(session), Scope(session)
        made = []
        for found_duty, agency in unplanned(session, year=year):
            if duty is not None and found_duty.obligation.code != duty:
                continue
            if not scope.may_plan(viewer, agency.id):
                continue
            try:
                made.append(
                    make_plan(
                        session,
                        duty=found_duty,
                        agency=agency,
                        year=year,
                        secret=secret,
                        calendar=calendar,
                        now=moment,
                        made_by=viewer.label(),
                    )
                )
            except PlanningError as exc:
                raise fail(str(exc)) from None
        if not made and not (viewer.is_admin or "inspection_lead" in viewer.roles):
            raise AccessDenied()
        for plan in made:
            _print_plan_summary(plan)
        if not made:
            typer.echo(
                f"Không có kế hoạch mới nào cho năm {year} (đã có, hoặc chưa có nhiệm vụ kiểm tra)."
            )


@app.command("replan")
def replan_command(
    year: int = typer.Option(..., "--year", min=2000, max=2100),
    duty: str = typer.Option(..., "--duty", help="Mã nhiệm vụ kiểm tra"),
    agency: str = typer.Option(
        None, "--agency", help="Cơ quan kiểm tra (mặc định: mọi cơ quan chủ trì)"
    ),
    note: str = typer.Option(None, "--note", help="Lý do lập lại"),
    as_email: str = typer.Option(None, "--as", help="Trưởng đoàn lập lại kế hoạch"),
    now: str = typer.Option(None, "--now", help=NOW_HELP),
) -> None:
    """Lập lại kế hoạch: giữ cuộc đã kiểm tra và ngày còn ở phía trước, bốc lại ngày đã lỡ."""
    moment, secret = moment_or_now(now), _secret()
    with _as(as_email) as (session, viewer):
        calendar, scope = load_calendar(session), Scope(session)
        found = next((d for d in duties(session) if d.obligation.code == duty), None)
        if found is None:
            raise fail(f'không có nhiệm vụ kiểm tra mã "{duty}"')
        leads = [
            a for a in lead_agencies(found, AgencyDirectory(session)) if agency in (None, a.code)
        ]
        leads = [a for a in leads if scope.may_plan(viewer, a.id)]
        if not leads:
            raise AccessDenied()
        for lead in leads:
            try:
                plan = make_plan(
                    session,
                    duty=found,
                    agency=lead,
                    year=year,
                    secret=secret,
                    calendar=calendar,
                    now=moment,
                    made_by=viewer.label(),
                    note=note,
                )
            except PlanningError as exc:
                raise fail(str(exc)) from None
            _print_plan_summary(plan)


def _print_plan_summary(plan) -> None:  # noqa: ANN001
    origins = Counter(e.origin for e in plan.entries)
    typer.echo(
        f"{plan.duty.obligation.code} / {plan.agency.code} / {plan.year}: phiên bản {plan.version}, "
        f"{len(plan.entries)} cuộc (bốc ngày mới {origins['drawn']}, giữ {origins['kept']}, "
        f"đã kiểm tra {origins['done']}, chưa xếp được {origins['unplaced']}). "
        "Xem: dondoc inspections show --year … --as <trưởng đoàn>"
    )


@app.command("show")
def show_command(
    year: int = typer.Option(..., "--year", min=2000, max=2100),
    duty: str = typer.Option(None, "--duty"),
    as_email: str = typer.Option(None, "--as", help=AS_HELP),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Xem kế hoạch kiểm tra (chỉ đoàn kiểm tra: trưởng đoàn xem tất cả, thành viên xem phần mình)."""
    with _as(as_email) as (session, viewer):
        rows = plan_rows(Reading.of(session, viewer, _today(today)), year=year, duty=duty)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        who = row["inspector"]["email"] if row["inspector"] else "-"
        typer.echo(
            f"{row['planned_on'] or 'chưa xếp':<10}  {row['state']:<8} {row['unit']:<26} lượt {row['round']}  {who}"
        )
    typer.echo(f"{len(rows)} cuộc kiểm tra trong kế hoạch.")


@app.command("verify")
def verify_command(year: int = typer.Option(..., "--year", min=2000, max=2100)) -> None:
    """Tính lại mọi kế hoạch của năm từ bí mật và dữ liệu đã lưu; báo chỗ khác nhau."""
    secret = _secret()
    with unit_of_work() as session:
        calendar = load_calendar(session)
        plans = current_plans(session, year)
        problems = [(p, verify_plan(p, secret, calendar)) for p in plans]
    for plan, differences in problems:
        state = "khớp" if not differences else f"{len(differences)} chỗ khác"
        typer.echo(f"{plan.duty.obligation.code} / {plan.agency.code} / v{plan.version}: {state}")
        for line in differences[:10]:
            typer.echo(f"  {line}")
    if any(d for _, d in problems):
        raise typer.Exit(1)


# --- records --------------------------------------------------------------------------------


@app.command("log")
def log_command(
    file: Path = typer.Argument(..., help="Tệp YAML của biên bản kiểm tra"),
    as_email: str = typer.Option(None, "--as", help="Người ghi (thành viên đoàn kiểm tra)"),
    now: str = typer.Option(None, "--now", help=NOW_HELP),
) -> None:
    """Ghi một biên bản kiểm tra (kèm tệp minh chứng); lỗi in ra theo dạng tệp:dòng."""
    moment, settings = moment_or_now(now), _settings()
    store = EvidenceStore(settings.evidence_dir, settings.evidence_max_bytes)
    if not file.is_file():
        raise fail(f"không có tệp {file}")
    with reporting_problems(database_untouched=True):
        parsed = read_record_file(file)
    with _as(as_email) as (session, viewer):
        record = log_record(
            session,
            parsed=parsed,
            store=store,
            calendar=load_calendar(session),
            now=moment,
            viewer=viewer,
        )
        typer.echo(
            f"Đã ghi biên bản #{record.id}: {record.unit.code}, ngày {record.inspected_on:%d/%m/%Y}, "
            f"{STATE_LABELS[record.state]}, {len(record.evidence)} tệp minh chứng."
        )
        for warning in record.warnings:
            typer.echo(f"Cảnh báo: {warning['message']}")


@app.command("advance")
def advance_command(
    record_id: int = typer.Argument(..., help="Mã biên bản"),
    state: RecordState = typer.Argument(..., help="in_progress | follow_up | done"),
    note: str = typer.Option(None, "--note"),
    as_email: str = typer.Option(None, "--as", help="Người chuyển (thành viên đoàn kiểm tra)"),
    now: str = typer.Option(None, "--now", help=NOW_HELP),
) -> None:
    """Chuyển biên bản sang bước sau: Lưu nháp → Đang kiểm tra → Theo dõi xử lý → Hoàn thành."""
    moment = moment_or_now(now)
    with _as(as_email) as (session, viewer):
        try:
            record = advance_record(
                session,
                record_id=record_id,
                to=state,
                calendar=load_calendar(session),
                now=moment,
                viewer=viewer,
                note=note,
            )
        except ValueError as exc:
            raise fail(str(exc)) from None
        typer.echo(f"Biên bản #{record.id}: {STATE_LABELS[record.state]}.")


@app.command("list")
def list_command(
    year: int = typer.Option(None, "--year"),
    unit: str = typer.Option(None, "--unit", help="Mã đơn vị được kiểm tra"),
    as_email: str = typer.Option(None, "--as", help=AS_HELP),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Liệt kê biên bản kiểm tra mà người xem được phép xem."""
    with _as(as_email) as (session, viewer):
        rows = record_rows(Reading.of(session, viewer, _today(today)), year=year, unit=unit)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        typer.echo(
            f"#{row['id']:<5} {row['date']}  {row['unit']:<26} {row['state_label']:<28} "
            f"{row['minutes_number'] or '-'}"
        )
    typer.echo(f"{len(rows)} biên bản.")


# --- compliance, feed, export, check ---------------------------------------------------------


@app.command("compliance")
def compliance_command(
    year: int = typer.Option(..., "--year", min=2000, max=2100),
    target: str = typer.Option(None, "--target", help="Mã chỉ tiêu so sánh tỷ lệ kiểm tra số"),
    as_email: str = typer.Option(None, "--as", help=AS_HELP),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Tình hình kiểm tra theo đơn vị và kỳ: phải kiểm tra, đã kiểm tra, có nguy cơ."""
    with _as(as_email) as (session, viewer):
        report = compliance_report(
            Reading.of(session, viewer, _today(today)), year=year, target=target
        )
    if as_json:
        echo_json(report)
        return
    for row in report["units"]:
        typer.echo(
            f"{row['duty']:<20} {row['period']:<8} {row['unit']:<26} {row['done']}/{row['required']}  "
            f"{row['status_label']}"
        )
    share = report["digital_share"]
    if share["share"] is not None:
        goal = share["target"]
        versus = (
            f" (chỉ tiêu {goal['comparator']} {goal['value']:g}% năm {goal['year']})"
            if goal
            else ""
        )
        typer.echo(f"Tỷ lệ kiểm tra trên môi trường số: {share['share']}%{versus}")


@app.command("feed")
def feed_command(
    person: str = typer.Option(..., "--person", help="Lịch của người này (thư điện tử)"),
    output: Path = typer.Option(None, "-o", "--output", help="Ghi ra tệp .ics"),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
) -> None:
    """Lịch iCalendar (.ics) của một người: chỉ những gì người đó được xem."""
    with _as(person) as (session, viewer):
        text = build_feed(Reading.of(session, viewer, _today(today)))
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8", newline="")


@app.command("export")
def export_command(
    year: int = typer.Option(..., "--year", min=2000, max=2100),
    output: Path = typer.Option(..., "-o", "--output", help="Tệp .json hoặc .csv"),
    as_email: str = typer.Option(None, "--as", help=AS_HELP),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
) -> None:
    """Xuất kế hoạch, biên bản, tình hình của năm mà người xem được phép xem."""
    if output.suffix.lower() not in (".json", ".csv"):
        raise typer.BadParameter("chỉ xuất ra .json hoặc .csv", param_hint="-o")
    with _as(as_email) as (session, viewer):
        document = export(Reading.of(session, viewer, _today(today)), year=year)
    if output.suffix.lower() == ".json":
        output.write_text(
            json.dumps(document, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(export_rows(document))
        output.write_text(buffer.getvalue(), encoding="utf-8-sig")  # Excel reads the BOM
    typer.echo(f"Đã xuất {output}.")


@app.command("check")
def check_command(now: str = typer.Option(None, "--now", help=NOW_HELP)) -> None:
    """Chạy riêng bước kiểm tra hằng ngày của bộ máy: lập kế hoạch còn thiếu, xếp cảnh báo."""
    moment, secret = moment_or_now(now), _secret()
    with unit_of_work() as session:
        report = check_inspections(
            session, now=moment, calendar=load_calendar(session), secret=secret
        )
    for plan in report.plans:
        typer.echo(f"Lập kế hoạch kiểm tra {plan}.")
    for problem in report.problems:
        typer.echo(f"Chưa lập được kế hoạch kiểm tra {problem}", err=True)
    typer.echo(
        f"{report.warnings} cảnh báo đến lượt, {report.queued} thông báo mới vào hộp thư đi."
    )


def _secret() -> bytes:
    """The plan secret; one derived from the signing key only once the database knows the key."""
    settings = _settings()
    if settings.inspection_secret is None:
        engine = engine_from_env()
        known_signing_key(engine, settings, utc_now())
        engine.dispose()
    try:
        return settings.inspection_plan_secret()
    except SettingsError as exc:
        raise fail(str(exc), 2) from None
