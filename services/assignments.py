"""Giving work to an agency outside a catalogue's yearly plan: ad-hoc assignment and
reassignment.

An ad-hoc assignment comes from a document the office receives or issues between
catalogues: a meeting's conclusion (thông báo kết luận), a letter (công văn), a leader's
instruction. `assign` creates the document when it is new, an obligation with its clause
and the quoted sentence (kind `deliverable`, due once), and its tasks, planned exactly as
the yearly plan would plan them (so planning the year again adds nothing), followed up
from that moment like any other.

A reassignment is a recall and a new task: the first agency's task is recalled (its
history stays with it), and the new agency gets a task of the same obligation and period,
followed up like any other from that moment. Both agencies are told.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import get_args

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services import notices
from services.actors import Actor
from services.decisions import Decided, NotPermitted, audit_row, begin_decision, finish_decision
from services.permissions import Action, assign_refusal, task_scope
from tasks_catalog import lifecycle
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.catalogue.schema import DocumentKind
from tasks_catalog.dates import dmy, local_date
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import Agency, AssignmentRole, Document, Obligation, Task, TaskStatus
from tasks_catalog.models_lifecycle import EventKind, TaskEvent
from tasks_catalog.year_plan import plan_obligation
from workflows.followup import reschedule

DOCUMENT_KINDS = get_args(DocumentKind)
AD_HOC_FILE = "(giao trực tiếp)"  # Document.catalogue_file of a document no file holds
SECRET = "Nhiệm vụ kiểm tra không chuyển giao được; xin thu hồi và lập kế hoạch kiểm tra mới."


def reassign(
    session: Session,
    actor: Actor,
    task_id: int,
    *,
    agency_code: str,
    reason: str,
    due: date | None = None,
    now: datetime,
    via: str = "web",
) -> Decided:
    """Recall the task from its agency and give it to `agency_code` (due: the same unless
    `due` says otherwise). Returns the new task."""
    opened = begin_decision(session, actor, task_id, Action.REASSIGN)
    old = opened.task
    if task_scope(old).secret:
        raise TransitionRefused(SECRET)
    agency = agency_by_code(session, agency_code)
    refused = assign_refusal(actor, agency)
    if refused is not None:
        raise NotPermitted(refused)
    if agency.id == old.agency_id:
        raise TransitionRefused(f"Nhiệm vụ đang giao cho {agency.name}; xin chọn cơ quan khác.")
    new_due = due or old.due_on
    if new_due < local_date(now):
        raise TransitionRefused(f"Thời hạn ({dmy(new_due)}) không được trước ngày hôm nay.")
    text = lifecycle.required_text(reason, "Lý do chuyển giao")
    recalled = f"Chuyển giao cho {agency.name}: {text}"
    lifecycle.recall(session=session, task=old, actor=actor.email, reason=recalled, now=now)
    old_audit = finish_decision(session, actor, opened, Action.REASSIGN, recalled, via, now)
    task = _new_task(session, old, agency, new_due, now)
    given = f"Nhận nhiệm vụ chuyển từ {old.agency.name}, thời hạn {dmy(new_due)}: {text}"
    session.add(
        TaskEvent(task_id=task.id, kind=EventKind.ASSIGNED, actor=actor.email, note=given, at=now)
    )
    reschedule(session=session, tasks=[task], calendar=opened.calendar, now=now)
    new_audit = audit_row(session, actor, task, Action.REASSIGN, None, None, given, via, now)
    queued = notices.queue(
        session,
        task=old,
        audit=old_audit,
        kind=notices.DECISION,
        step="reassigned",
        note=f"Văn phòng UBND tỉnh thu hồi nhiệm vụ để {recalled[0].lower()}{recalled[1:]}",
        recipients=notices.owner_recipients(session, old),
        now=now,
    )
    queued += notices.queue(
        session,
        task=task,
        audit=new_audit,
        kind=notices.DECISION,
        step="assigned",
        note=given,
        recipients=notices.owner_recipients(session, task),
        now=now,
    )
    return Decided(task, f"Đã chuyển giao nhiệm vụ cho {agency.name} (số {task.id}).", queued)


def agency_by_code(session: Session, code: str) -> Agency:
    agency = session.scalars(
        select(Agency).where(Agency.code == code.strip(), Agency.retired_at.is_(None))
    ).first()
    if agency is None:
        raise TransitionRefused(f'Không có cơ quan mã "{code.strip()}" trong danh bạ.')
    return agency


def _new_task(session: Session, old: Task, agency: Agency, due: date, now: datetime) -> Task:
    task = Task(
        obligation_id=old.obligation_id,
        agency_id=agency.id,
        role=AssignmentRole.LEAD,
        # Its own occurrence: the agency may already cooperate on the old one.
        occurrence_key=f"{old.occurrence_key}~{old.id}"[-160:],
        period_label=old.period_label,
        subject_agency_id=old.subject_agency_id,
        period_start=old.period_start,
        period_end=old.period_end,
        original_due_on=due,
        due_on=due,
        status=TaskStatus.NOT_STARTED,
        created_at=now,
    )
    session.add(task)
    session.flush()
    return task


@dataclass(frozen=True)
class AdHocAssignment:
    """What the office types: the document (new or known), the clause, the work, who, when."""

    document_number: str  # "45/TB-UBND"
    clause: str  # "Mục 2" (điều, khoản, mục của văn bản)
    quote: str  # the sentence of the document that assigns the work
    title: str  # what is to be done
    lead: str  # agency code
    due: date
    cooperating: tuple[str, ...] = ()
    document_kind: str = "conclusion"  # for a new document: conclusion | letter | …
    document_title: str = ""  # for a new document
    issued_on: date | None = None  # for a new document
    issuer: str = ""  # for a new document (default: UBND tỉnh)


def assign(
    session: Session, actor: Actor, order: AdHocAssignment, *, now: datetime, via: str = "web"
) -> Decided:
    """Create the document (if new), the obligation and its tasks; tell the agencies."""
    lead = agency_by_code(session, order.lead)
    refused = assign_refusal(actor, lead)
    if refused is not None:
        raise NotPermitted(refused)
    cooperating = [agency_by_code(session, code) for code in order.cooperating]
    for agency in cooperating:
        if agency.province != lead.province or agency.id == lead.id:
            raise TransitionRefused(f"Cơ quan phối hợp «{agency.code}» không hợp lệ.")
    today = local_date(now)
    if order.due < today:
        raise TransitionRefused(f"Thời hạn ({dmy(order.due)}) không được trước ngày hôm nay.")
    document = _document(session, order, lead.province, today)
    obligation = _obligation(session, document, order, lead, cooperating)
    calendar = load_calendar(session)
    tasks = plan_obligation(session, obligation, year=order.due.year, calendar=calendar, now=now)
    if not tasks:
        raise TransitionRefused("Không lập được nhiệm vụ nào từ thời hạn đã nhập.")
    reschedule(session=session, tasks=tasks, calendar=calendar, now=now)
    queued = 0
    for task in tasks:
        note = f"Văn phòng UBND tỉnh giao nhiệm vụ theo {document.number}, {obligation.clause}."
        session.add(
            TaskEvent(
                task_id=task.id, kind=EventKind.ASSIGNED, actor=actor.email, note=note, at=now
            )
        )
        audit = audit_row(session, actor, task, "assign", None, None, note, via, now)
        queued += notices.queue(
            session,
            task=task,
            audit=audit,
            kind=notices.DECISION,
            step="assigned",
            note=note,
            recipients=notices.owner_recipients(session, task),
            now=now,
        )
    main = next(t for t in tasks if t.role == AssignmentRole.LEAD)
    message = f"Đã giao nhiệm vụ số {main.id} cho {lead.name}, thời hạn {dmy(main.due_on)}" + (
        f", {len(tasks) - 1} cơ quan phối hợp." if len(tasks) > 1 else "."
    )
    return Decided(main, message, queued)


def _document(session: Session, order: AdHocAssignment, province: str, today: date) -> Document:
    number = _required(order.document_number, "Số văn bản", 120)
    document = session.scalars(select(Document).where(Document.number == number)).first()
    if document is not None:
        if document.province != province:
            raise TransitionRefused(f"Văn bản số {number} thuộc tỉnh khác.")
        if document.retired_at is not None:
            raise TransitionRefused(f"Văn bản số {number} đã hết hiệu lực trong hệ thống.")
        return document
    if order.document_kind not in DOCUMENT_KINDS:
        kinds = ", ".join(DOCUMENT_KINDS)
        raise TransitionRefused(f"Loại văn bản «{order.document_kind}» không có; chọn: {kinds}.")
    if order.issued_on is None:
        raise TransitionRefused(f"Văn bản số {number} chưa có trong hệ thống: cần ngày ban hành.")
    if order.issued_on > today:
        raise TransitionRefused(f"Ngày ban hành ({dmy(order.issued_on)}) sau ngày hôm nay.")
    document = Document(
        number=number,
        kind=order.document_kind,
        issuer=_optional(order.issuer, 255) or "UBND tỉnh",
        province=province,
        issued_on=order.issued_on,
        valid_from=order.issued_on,
        valid_until=None,
        title=_required(order.document_title, "Trích yếu văn bản", 2000),
        source=None,
        catalogue_file=AD_HOC_FILE,
    )
    session.add(document)
    session.flush()
    return document


def _obligation(
    session: Session,
    document: Document,
    order: AdHocAssignment,
    lead: Agency,
    cooperating: list[Agency],
) -> Obligation:
    count = session.scalar(
        select(func.count()).select_from(Obligation).where(Obligation.document_id == document.id)
    )
    position = int(count or 0)
    obligation = Obligation(
        code=_code(session, document.number),
        document_id=document.id,
        clause=_required(order.clause, "Điều, khoản, mục", 255),
        quote=_required(order.quote, "Trích dẫn văn bản", 20000),
        title=_required(order.title, "Nội dung nhiệm vụ", 2000),
        kind="deliverable",
        lead=[lead.code],
        cooperating=[a.code for a in cooperating],
        deliverable=None,
        schedule={"once": order.due.isoformat()},
        valid_from=min(document.valid_from, order.due),
        valid_until=None,
        policy="default",
        follow_up={},
        assumption=None,
        position=position,
    )
    session.add(obligation)
    session.flush()
    return obligation


def _code(session: Session, number: str) -> str:
    """ "45/TB-UBND" → "45-TB-UBND-1" (the next free number)."""
    ascii_text = unicodedata.normalize("NFKD", number.replace("Đ", "D").replace("đ", "d"))
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text.encode("ascii", "ignore").decode())
    base = base.strip("-._")[:70] or "GV"
    taken = set(
        session.scalars(select(Obligation.code).where(Obligation.code.startswith(f"{base}-")))
    )
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _required(value: str, field: str, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise TransitionRefused(f"{field} không được để trống.")
    if len(text) > limit:
        raise TransitionRefused(f"{field} dài quá {limit} ký tự.")
    return text


def _optional(value: str, limit: int) -> str | None:
    text = (value or "").strip()
    return text[:limit] or None
