"""Task state transitions: what the owner and the assigner may do, and when.

    not_started ─┬─ progress ──> in_progress
                 └─ confirm_done ──> submitted ─┬─ approve ──> done
    in_progress ─── confirm_done ──> submitted  └─ return_for_rework ──> returned
    returned ────── confirm_done ──> submitted
    any but done ── recall ──> recalled
    done, recalled ── reopen ──> in_progress (not_started if nothing was reported)

Extensions: the lead owner asks (`request_extension`, a stored request); the assigner
approves (`approve_extension`: new due date, `extension_count` + 1, at most 2, the original
due date kept, a `TaskDueChange` with reason "extension") or refuses.

Every function is keyword-only, takes the session and `now` (aware), changes rows and
flushes; the caller commits and then recomputes `next_action_at` (workflows), which this
layer knows nothing about. A refused transition raises `TransitionRefused` whose `reason`
is Vietnamese, for the person who tried; nothing is changed then.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.dates import dmy, local_date
from tasks_catalog.models import OPEN_STATUSES, AssignmentRole, Task, TaskDueChange, TaskStatus
from tasks_catalog.models_lifecycle import EventKind, ExtensionRequest, ExtensionState, TaskEvent

MAX_EXTENSIONS = 2
NOTE_LIMIT = 4000


class TransitionRefused(Exception):
    """A transition that is not allowed now; `reason` is shown to the person who tried."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def record_progress(
    *, session: Session, task: Task, actor: str, note: str, percent: int | None, now: datetime
) -> TaskEvent:
    """A progress note; a task not started yet is now in progress."""
    _require_open(task, "báo cáo tiến độ")
    text = required_text(note, "Nội dung báo cáo tiến độ")
    if percent is not None and not 0 <= percent <= 100:
        raise TransitionRefused("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
    if task.status == TaskStatus.NOT_STARTED:
        task.status = TaskStatus.IN_PROGRESS
    return _event(session, task, EventKind.PROGRESS, actor, now, text, percent)


def confirm_done(
    *, session: Session, task: Task, actor: str, note: str | None, now: datetime
) -> TaskEvent:
    """The owner says the work is done: submitted, awaiting the assigner's approval.

    Reminders stop (the task is no longer open); a pending extension request is moot.
    """
    _require_lead(task, "xác nhận hoàn thành")
    _require_open(task, "xác nhận hoàn thành")
    task.status = TaskStatus.SUBMITTED
    _close_pending_requests(session, task, actor, now, "Nhiệm vụ đã được báo cáo hoàn thành.")
    return _event(session, task, EventKind.SUBMITTED, actor, now, _optional_text(note))


def approve_done(
    *, session: Session, task: Task, actor: str, note: str | None = None, now: datetime
) -> TaskEvent:
    """The assigner accepts the result: done.

    The work counts as done on the day it was submitted (waiting for approval must not
    make it late), judged against the due date in force then (`due_at_completion`).
    """
    if task.status != TaskStatus.SUBMITTED:
        raise TransitionRefused(
            f"Chỉ duyệt được nhiệm vụ đang chờ duyệt; nhiệm vụ này {_status_text(task)}."
        )
    submitted = _last_event(session, task, EventKind.SUBMITTED)
    task.status = TaskStatus.DONE
    task.completed_on = local_date(submitted.at if submitted else now)
    task.due_at_completion = task.due_on
    return _event(session, task, EventKind.APPROVED, actor, now, _optional_text(note))


def return_for_rework(
    *, session: Session, task: Task, actor: str, reason: str, now: datetime
) -> TaskEvent:
    """The assigner sends the result back; the task is open (and followed) again."""
    if task.status != TaskStatus.SUBMITTED:
        raise TransitionRefused(
            f"Chỉ trả lại được nhiệm vụ đang chờ duyệt; nhiệm vụ này {_status_text(task)}."
        )
    text = required_text(reason, "Lý do trả lại")
    task.status = TaskStatus.RETURNED
    return _event(session, task, EventKind.RETURNED, actor, now, text)


def recall(*, session: Session, task: Task, actor: str, reason: str, now: datetime) -> TaskEvent:
    """The assigner withdraws the task (thu hồi); a finished task keeps its result."""
    if task.status in (TaskStatus.DONE, TaskStatus.RECALLED):
        raise TransitionRefused(f"Không thu hồi được: nhiệm vụ {_status_text(task)}.")
    text = required_text(reason, "Lý do thu hồi")
    task.status = TaskStatus.RECALLED
    _close_pending_requests(session, task, actor, now, "Nhiệm vụ đã bị thu hồi.")
    return _event(session, task, EventKind.RECALLED, actor, now, text)


def reopen(
    *, session: Session, task: Task, actor: str, reason: str, due: date | None, now: datetime
) -> TaskEvent:
    """The assigner opens a finished or recalled task again (mở lại), with a new due date
    if the old one has passed; the result recorded before is cleared."""
    if task.status not in (TaskStatus.DONE, TaskStatus.RECALLED):
        raise TransitionRefused(
            f"Chỉ mở lại được nhiệm vụ đã hoàn thành hoặc đã thu hồi; nhiệm vụ này "
            f"{_status_text(task)}."
        )
    text = required_text(reason, "Lý do mở lại")
    if due is not None and due != task.due_on:
        if due < local_date(now):
            raise TransitionRefused("Thời hạn mới không được trước ngày hôm nay.")
        _require_sensible_extension(task, due, "Thời hạn mới")
        task.due_changes.append(
            TaskDueChange(
                old_due_on=task.due_on, new_due_on=due, reason="reopened", note=text, changed_at=now
            )
        )
        task.due_on = due
    reported = _last_event(session, task, EventKind.PROGRESS) is not None
    task.status = TaskStatus.IN_PROGRESS if reported else TaskStatus.NOT_STARTED
    task.completed_on = None
    task.due_at_completion = None
    return _event(session, task, EventKind.REOPENED, actor, now, text)


def request_extension(
    *,
    session: Session,
    task: Task,
    actor: str,
    proposed_due: date,
    reason: str,
    now: datetime,
) -> ExtensionRequest:
    """The lead owner asks for a later due date; the assigner decides later."""
    _require_lead(task, "đề nghị gia hạn")
    _require_open(task, "đề nghị gia hạn")
    _require_extensions_left(task)
    text = required_text(reason, "Lý do đề nghị gia hạn")
    if proposed_due <= task.due_on:
        raise TransitionRefused(
            f"Thời hạn đề nghị phải sau thời hạn hiện tại ({dmy(task.due_on)})."
        )
    if proposed_due < local_date(now):
        raise TransitionRefused("Thời hạn đề nghị không được trước ngày hôm nay.")
    _require_sensible_extension(task, proposed_due, "Thời hạn đề nghị")
    if pending_extension(session=session, task=task) is not None:
        raise TransitionRefused("Nhiệm vụ đã có một đề nghị gia hạn đang chờ duyệt.")
    request = ExtensionRequest(
        task_id=task.id,
        requested_by=actor,
        requested_at=now,
        due_when_requested=task.due_on,
        proposed_due=proposed_due,
        reason=text,
        state=ExtensionState.PENDING,
    )
    session.add(request)
    note = f"Đề nghị gia hạn đến {dmy(proposed_due)}: {text}"
    _event(session, task, EventKind.EXTENSION_REQUESTED, actor, now, note)
    return request


MAX_EXTENSION = timedelta(days=2 * 366)  # an extension longer than this is a new task


def _require_sensible_extension(task: Task, proposed: date, label: str) -> None:
    """Not past the obligation's validity (when it ends) nor two years past the due date:
    31/12/9999 is a typing slip, and would silence every reminder for good."""
    until = task.obligation.valid_until if task.obligation is not None else None
    if until is not None and proposed > until:
        raise TransitionRefused(
            f"{label} ({dmy(proposed)}) sau ngày nhiệm vụ hết hiệu lực ({dmy(until)})."
        )
    latest = task.due_on + MAX_EXTENSION
    if proposed > latest:
        raise TransitionRefused(
            f"{label} ({dmy(proposed)}) quá xa: chỉ gia hạn tối đa 2 năm, đến {dmy(latest)}."
        )


def approve_extension(
    *,
    session: Session,
    request: ExtensionRequest,
    actor: str,
    now: datetime,
    calendar: WorkCalendar,
    due: date | None = None,
    note: str | None = None,
) -> TaskDueChange:
    """The assigner grants a new due date (the requested one unless `due` says otherwise).

    A date on a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148).
    `original_due_on` is never touched: statistics show it beside the due date in force.
    """
    task = request.task
    _require_pending(request)
    _require_open(task, "gia hạn")
    _require_extensions_left(task)
    granted = calendar.roll_forward(due or request.proposed_due)
    if granted <= task.due_on:
        raise TransitionRefused(f"Thời hạn mới phải sau thời hạn hiện tại ({dmy(task.due_on)}).")
    _require_sensible_extension(task, due or request.proposed_due, "Thời hạn mới")
    change = TaskDueChange(
        old_due_on=task.due_on,
        new_due_on=granted,
        reason="extension",
        note=request.reason,
        changed_at=now,
    )
    task.due_changes.append(change)
    task.due_on = granted
    task.extension_count += 1
    _decide(request, ExtensionState.APPROVED, actor, now, _optional_text(note), granted)
    text = f"Gia hạn đến {dmy(granted)} (lần {task.extension_count})."
    _event(session, task, EventKind.EXTENSION_APPROVED, actor, now, text)
    return change


def refuse_extension(
    *, session: Session, request: ExtensionRequest, actor: str, note: str, now: datetime
) -> TaskEvent:
    _require_pending(request)
    text = required_text(note, "Lý do không đồng ý gia hạn")
    _decide(request, ExtensionState.REFUSED, actor, now, text, None)
    return _event(session, request.task, EventKind.EXTENSION_REFUSED, actor, now, text)


def pending_extension(*, session: Session, task: Task) -> ExtensionRequest | None:
    query = select(ExtensionRequest).where(
        ExtensionRequest.task_id == task.id, ExtensionRequest.state == ExtensionState.PENDING
    )
    return session.scalars(query).first()


def task_events(*, session: Session, task: Task) -> list[TaskEvent]:
    query = select(TaskEvent).where(TaskEvent.task_id == task.id)
    return list(session.scalars(query.order_by(TaskEvent.at, TaskEvent.id)))


# --- refusals ---------------------------------------------------------------------------

_STATUS_TEXT = {
    TaskStatus.NOT_STARTED: "chưa triển khai",
    TaskStatus.IN_PROGRESS: "đang thực hiện",
    TaskStatus.SUBMITTED: "đã báo cáo hoàn thành, đang chờ duyệt",
    TaskStatus.RETURNED: "đã bị trả lại để bổ sung",
    TaskStatus.DONE: "đã hoàn thành",
    TaskStatus.RECALLED: "đã bị thu hồi",
}


def _status_text(task: Task) -> str:
    return _STATUS_TEXT[task.status]


def _require_open(task: Task, doing: str) -> None:
    if task.status not in OPEN_STATUSES:
        raise TransitionRefused(f"Không thể {doing}: nhiệm vụ {_status_text(task)}.")


def _require_lead(task: Task, doing: str) -> None:
    if task.role != AssignmentRole.LEAD:
        raise TransitionRefused(
            f"Chỉ cơ quan chủ trì được {doing}; cơ quan phối hợp gửi báo cáo tiến độ."
        )


def _require_extensions_left(task: Task) -> None:
    if task.extension_count >= MAX_EXTENSIONS:
        raise TransitionRefused(
            f"Nhiệm vụ đã được gia hạn {MAX_EXTENSIONS} lần, không thể gia hạn thêm."
        )


def _require_pending(request: ExtensionRequest) -> None:
    if request.state != ExtensionState.PENDING:
        raise TransitionRefused("Đề nghị gia hạn này đã được xử lý.")


def required_text(value: str | None, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise TransitionRefused(f"{field} không được để trống.")
    if len(text) > NOTE_LIMIT:
        raise TransitionRefused(f"{field} dài quá {NOTE_LIMIT} ký tự.")
    return text


def _optional_text(value: str | None) -> str | None:
    text = (value or "").strip()
    if len(text) > NOTE_LIMIT:
        raise TransitionRefused(f"Ghi chú dài quá {NOTE_LIMIT} ký tự.")
    return text or None


# --- rows -------------------------------------------------------------------------------


def _event(
    session: Session,
    task: Task,
    kind: EventKind,
    actor: str,
    now: datetime,
    note: str | None,
    percent: int | None = None,
) -> TaskEvent:
    event = TaskEvent(
        task_id=task.id, kind=kind, actor=actor, note=note, percent=percent, at=_aware(now)
    )
    session.add(event)
    session.flush()
    return event


def _decide(
    request: ExtensionRequest,
    state: ExtensionState,
    actor: str,
    now: datetime,
    note: str | None,
    granted: date | None,
) -> None:
    request.state = state
    request.decided_by = actor
    request.decided_at = now
    request.decision_note = note
    request.granted_due = granted


def _close_pending_requests(
    session: Session, task: Task, actor: str, now: datetime, note: str
) -> None:
    request = pending_extension(session=session, task=task)
    if request is not None:
        _decide(request, ExtensionState.CANCELLED, actor, now, note, None)


def _last_event(session: Session, task: Task, kind: EventKind) -> TaskEvent | None:
    query = (
        select(TaskEvent)
        .where(TaskEvent.task_id == task.id, TaskEvent.kind == kind)
        .order_by(TaskEvent.at.desc(), TaskEvent.id.desc())
    )
    return session.scalars(query).first()


def _aware(now: datetime) -> datetime:
    if now.utcoffset() is None:
        raise ValueError("lifecycle times must be timezone-aware")
    return now
