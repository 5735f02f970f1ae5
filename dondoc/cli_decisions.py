"""`dondoc tasks show|assign|approve|return|extend|…`: the office's day on the command line.

Every command that changes a task names who acts (`--as EMAIL`, a person of the agency
registries) and goes through `services.decisions`, as the web does: the same rights, the
same audit trail, the same e-mails. A refusal prints one Vietnamese line and exits
non-zero with the database unchanged: 1 for a decision the task's state does not allow or
bad input, 2 for a malformed argument, 3 for a person who may not do it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from sqlalchemy.orm import Session

from dondoc.context import (
    echo_json,
    fail,
    local_today,
    moment_or_now,
    parse_date,
    settings_or_exit,
    unit_of_work,
)
from tasks_catalog.dates import dmy

if TYPE_CHECKING:
    from services.actors import Actor
    from services.decisions import Decided

# The services are imported by the commands that use them, not here: this module is loaded
# with `dondoc tasks`, and `dondoc tasks list` needs none of them.

AS_HELP = "Địa chỉ e-mail của người thực hiện (trong danh bạ cơ quan)"
NOW_HELP = "Thời điểm thực hiện (ISO, giờ Hà Nội); mặc định: bây giờ"
Decision = Callable[[Session, "Actor", datetime], "Decided"]

AsOption = typer.Option(..., "--as", help=AS_HELP)
NowOption = typer.Option(None, "--now", help=NOW_HELP)
JsonOption = typer.Option(False, "--json", help="In ra JSON")


def add_decision_commands(app: typer.Typer) -> None:
    for name, command in COMMANDS.items():
        app.command(name)(command)


def show(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ (cột đầu của `dondoc tasks list`)"),
    as_email: str = typer.Option(None, "--as", help="Xem với quyền của người này"),
    as_json: bool = JsonOption,
) -> None:
    """Toàn bộ diễn biến một nhiệm vụ: tình trạng, thời hạn, báo cáo, thư đã gửi, nhật ký."""
    from services.decisions import NotPermitted
    from services.story import task_story
    from tasks_catalog.calendar_store import load_calendar

    try:
        with unit_of_work() as session:
            actor = _actor(session, as_email) if as_email else None
            story = task_story(
                session, actor, task_id, today=local_today(), calendar=load_calendar(session)
            )
    except NotPermitted as refused:
        raise fail(refused.reason, 3) from None
    if as_json:
        echo_json(story)
        return
    for line in story_lines(story):
        typer.echo(line)


def approve(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    note: str = typer.Option(None, "--note", help="Ý kiến kèm theo"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Duyệt kết quả nhiệm vụ đang chờ duyệt (Văn phòng UBND tỉnh)."""
    from services import decisions

    _run(
        as_email,
        now,
        as_json,
        lambda s, a, m: decisions.approve(s, a, task_id, note=note, now=m, via="cli"),
    )


def return_(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    reason: str = typer.Option(..., "--reason", help="Lý do trả lại (bắt buộc)"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Trả lại kết quả để bổ sung, kèm lý do (Văn phòng UBND tỉnh)."""
    from services import decisions

    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.return_for_rework(s, a, task_id, reason=reason, now=m, via="cli"),
    )  # fmt: skip


def extend(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    due: str = typer.Option(None, "--due", help="Thời hạn mới; mặc định: ngày cơ quan đề nghị"),
    note: str = typer.Option(None, "--note", help="Ý kiến kèm theo"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Đồng ý đề nghị gia hạn đang chờ (Văn phòng UBND tỉnh)."""
    from services import decisions

    granted = parse_date(due, "--due") if due else None
    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.approve_extension(
            s, a, task_id, due=granted, note=note, now=m, via="cli"
        ),
    )  # fmt: skip


def refuse_extension(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    reason: str = typer.Option(..., "--reason", help="Lý do không đồng ý (bắt buộc)"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Không đồng ý đề nghị gia hạn, kèm lý do (Văn phòng UBND tỉnh)."""
    from services import decisions

    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.refuse_extension(s, a, task_id, reason=reason, now=m, via="cli"),
    )  # fmt: skip


def recall(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    reason: str = typer.Option(..., "--reason", help="Lý do thu hồi (bắt buộc)"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Thu hồi nhiệm vụ (Văn phòng UBND tỉnh); hệ thống thôi nhắc."""
    from services import decisions

    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.recall(s, a, task_id, reason=reason, now=m, via="cli"),
    )  # fmt: skip


def reopen(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    reason: str = typer.Option(..., "--reason", help="Lý do mở lại (bắt buộc)"),
    due: str = typer.Option(None, "--due", help="Thời hạn mới"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Mở lại nhiệm vụ đã hoàn thành hoặc đã thu hồi (Văn phòng UBND tỉnh)."""
    from services import decisions

    new_due = parse_date(due, "--due") if due else None
    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.reopen(
            s, a, task_id, reason=reason, due=new_due, now=m, via="cli"
        ),
    )  # fmt: skip


def reassign_(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    to: str = typer.Option(..., "--to", help="Mã cơ quan nhận nhiệm vụ, ví dụ HB-STP"),
    reason: str = typer.Option(..., "--reason", help="Lý do chuyển giao (bắt buộc)"),
    due: str = typer.Option(None, "--due", help="Thời hạn; mặc định: giữ thời hạn cũ"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Chuyển giao nhiệm vụ cho cơ quan khác: thu hồi và giao nhiệm vụ mới."""
    from services.assignments import reassign

    new_due = parse_date(due, "--due") if due else None
    _run(
        as_email, now, as_json,
        lambda s, a, m: reassign(
            s, a, task_id, agency_code=to, reason=reason, due=new_due, now=m, via="cli"
        ),
    )  # fmt: skip


def submit(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    note: str = typer.Option(None, "--note", help="Kết quả, số văn bản báo cáo"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Báo cáo hoàn thành (cơ quan chủ trì); nhiệm vụ chờ Văn phòng duyệt."""
    from services import decisions

    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.submit(s, a, task_id, note=note, now=m, via="cli"),
    )  # fmt: skip


def request_extension(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    due: str = typer.Option(..., "--due", help="Thời hạn đề nghị (DD/MM/YYYY)"),
    reason: str = typer.Option(..., "--reason", help="Lý do đề nghị gia hạn (bắt buộc)"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Đề nghị gia hạn (cơ quan chủ trì; tối đa hai lần); Văn phòng được báo."""
    from services import decisions

    proposed = parse_date(due, "--due")
    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.request_extension(
            s, a, task_id, proposed_due=proposed, reason=reason, now=m, via="cli"
        ),
    )  # fmt: skip


def progress(
    task_id: int = typer.Argument(..., help="Số nhiệm vụ"),
    as_email: str = AsOption,
    note: str = typer.Option(..., "--note", help="Nội dung báo cáo tiến độ"),
    percent: int = typer.Option(None, "--percent", min=0, max=100, help="Tỷ lệ hoàn thành (%)"),
    files: list[Path] = typer.Option([], "--file", help="Tệp đính kèm (nhắc lại để thêm tệp)"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Báo cáo tiến độ, kèm tệp (cơ quan chủ trì hoặc phối hợp)."""
    from inspections.evidence import EvidenceStore
    from services import decisions

    store = None
    if files:
        settings = settings_or_exit()
        store = EvidenceStore(settings.evidence_dir, settings.evidence_max_bytes)
    _run(
        as_email, now, as_json,
        lambda s, a, m: decisions.report_progress(
            s, a, task_id, note=note, percent=percent, attachments=files, store=store, now=m,
            via="cli",
        ),
    )  # fmt: skip


def assign_(
    as_email: str = AsOption,
    document: str = typer.Option(..., "--document", help="Số văn bản, ví dụ 45/TB-UBND"),
    clause: str = typer.Option(..., "--clause", help="Điều, khoản, mục giao việc"),
    quote: str = typer.Option(..., "--quote", help="Câu trích từ văn bản"),
    title: str = typer.Option(..., "--title", help="Nội dung nhiệm vụ"),
    lead: str = typer.Option(..., "--lead", help="Mã cơ quan chủ trì"),
    due: str = typer.Option(..., "--due", help="Thời hạn (DD/MM/YYYY)"),
    cooperating: list[str] = typer.Option([], "--cooperating", help="Mã cơ quan phối hợp"),
    kind: str = typer.Option(
        "conclusion",
        "--kind",
        help="Văn bản mới: conclusion (thông báo kết luận), letter (công văn)…",
    ),
    document_title: str = typer.Option("", "--document-title", help="Văn bản mới: trích yếu"),
    issued: str = typer.Option(None, "--issued", help="Văn bản mới: ngày ban hành"),
    issuer: str = typer.Option("", "--issuer", help="Văn bản mới: cơ quan ban hành"),
    now: str = NowOption,
    as_json: bool = JsonOption,
) -> None:
    """Giao nhiệm vụ theo thông báo kết luận, công văn, chỉ đạo (Văn phòng UBND tỉnh)."""
    from services.assignments import AdHocAssignment, assign

    order = AdHocAssignment(
        document_number=document,
        clause=clause,
        quote=quote,
        title=title,
        lead=lead,
        due=parse_date(due, "--due"),
        cooperating=tuple(cooperating),
        document_kind=kind,
        document_title=document_title,
        issued_on=parse_date(issued, "--issued") if issued else None,
        issuer=issuer,
    )
    _run(as_email, now, as_json, lambda s, a, m: assign(s, a, order, now=m, via="cli"))


COMMANDS: dict[str, Callable[..., None]] = {
    "show": show,
    "assign": assign_,
    "approve": approve,
    "return": return_,
    "extend": extend,
    "refuse-extension": refuse_extension,
    "recall": recall,
    "reopen": reopen,
    "reassign": reassign_,
    "submit": submit,
    "request-extension": request_extension,
    "progress": progress,
}


def _run(as_email: str, now: str | None, as_json: bool, decision: Decision) -> None:
    """One decision in one transaction; a refusal rolls it back and exits non-zero."""
    from services.decisions import NotPermitted
    from tasks_catalog.lifecycle import TransitionRefused

    moment = moment_or_now(now)
    try:
        with unit_of_work() as session:
            actor = _actor(session, as_email)
            decided = decision(session, actor, moment)
            result = {
                "task_id": decided.task.id,
                "status": decided.task.status.value,
                "due": decided.task.due_on.isoformat(),
                "message": decided.message,
                "emails_queued": decided.queued,
            }
    except NotPermitted as refused:
        raise fail(refused.reason, 3) from None
    except TransitionRefused as refused:
        raise fail(refused.reason, 1) from None
    if as_json:
        echo_json(result)
    else:
        typer.echo(f"{result['message']} (nhiệm vụ số {result['task_id']})")


def _actor(session: Session, email: str) -> Actor:
    from services.actors import actor_for_email
    from services.decisions import NotPermitted

    actor = actor_for_email(session, email)
    if actor is None:
        raise NotPermitted(f'không có ai với địa chỉ "{email}" trong danh bạ cơ quan (--as)')
    return actor


def story_lines(story: dict[str, Any]) -> list[str]:
    """`tasks show` for a person: Vietnamese, dates as offices write them."""
    lines = [
        f"Nhiệm vụ số {story['id']}: {story['title']}",
        f"  Văn bản:    {story['document']}, {story['clause']} (mã {story['obligation']})",
        f"  Cơ quan:    {story['agency_name']} ({story['agency']}, {story['role']})",
        f"  Tình trạng: {story['status_label']}",
        f"  Thời hạn:   {_dmy(story['due'])} (ban đầu {_dmy(story['original_due'])}, "
        f"gia hạn {story['extension_count']} lần)",
    ]
    lines += _section("Lịch sử thời hạn", [
        f"{_at(c['at'])}  {_dmy(c['from'])} → {_dmy(c['to'])} ({c['reason']})"
        + (f": {c['note']}" if c["note"] else "")
        for c in story["due_history"]
    ])  # fmt: skip
    lines += _section("Báo cáo và diễn biến", [
        f"{_at(r['at'])}  {r['kind']} – {r['actor']}"
        + (f" ({r['percent']}%)" if r["percent"] is not None else "")
        + (f": {r['note']}" if r["note"] else "")
        + "".join(f"\n      tệp: {f['name']} ({f['size']} byte)" for f in r["files"])
        for r in story["reports"]
    ])  # fmt: skip
    lines += _section("Thư đã gửi", [
        f"{_at(n['queued_at'])}  {n['kind']}/{n['step']} → {n['recipient']} [{n['state']}]"
        for n in story["notifications"]
    ])  # fmt: skip
    lines += _section("Nhật ký thao tác", [
        f"{_at(a['at'])}  {a['action']} – {a['actor']} ({a['role']}, qua {a['via']}): "
        f"{a['status'][0] or '-'} → {a['status'][1]}" + (f"; {a['note']}" if a["note"] else "")
        for a in story["audit"]
    ])  # fmt: skip
    return lines


def _section(title: str, rows: list[str]) -> list[str]:
    return [f"{title}:"] + ([f"  - {row}" for row in rows] or ["  (chưa có)"])


def _dmy(iso: str) -> str:
    return dmy(date.fromisoformat(iso))


def _at(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    return f"{moment:%d/%m/%Y %H:%M}"
