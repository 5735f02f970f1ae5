"""The whole story of a task for its page: reports with their files, every e-mail sent or
waiting about it, and the audit trail of decisions (who, in which role, through which door)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from notifications.models import Notification, NotificationState
from services.actors import ROLE_LABELS, Role
from tasks_catalog.dates import dmy
from tasks_catalog.models import Task
from tasks_catalog.models_lifecycle import TaskAttachment, TaskAudit
from tasks_catalog.status import LABELS, DisplayStatus
from web.pages import local_text

KIND_LABELS = {
    "reminder": "Nhắc việc",
    "overdue": "Quá hạn",
    "escalation": "Đôn đốc, báo cáo vượt cấp",
    "status_request": "Đề nghị báo cáo định kỳ",
    "status_chase": "Nhắc gửi báo cáo",
    "status_missing": "Quá hạn gửi báo cáo",
    "awaiting_decision": "Báo Văn phòng: chờ quyết định",
    "decision": "Báo cơ quan: quyết định",
}
STATE_LABELS = {
    NotificationState.PENDING: "chờ gửi",
    NotificationState.SENDING: "đang gửi",
    NotificationState.SENT: "đã gửi",
    NotificationState.FAILED: "gửi lỗi",
    NotificationState.CANCELLED: "huỷ, không cần gửi nữa",
}
ACTION_LABELS = {
    "assign": "Giao nhiệm vụ",
    "report_progress": "Báo cáo tiến độ",
    "submit": "Báo cáo hoàn thành",
    "request_extension": "Đề nghị gia hạn",
    "approve": "Duyệt kết quả",
    "return": "Trả lại để bổ sung",
    "approve_extension": "Đồng ý gia hạn",
    "refuse_extension": "Không đồng ý gia hạn",
    "reassign": "Chuyển giao cơ quan khác",
    "recall": "Thu hồi",
    "reopen": "Mở lại",
}
VIA_LABELS = {
    "web": "trang web",
    "link": "liên kết trong thư",
    "cli": "dòng lệnh",
    "api": "API",
    "scenario": "kịch bản",
}


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    event_id: int
    name: str
    size: str
    href: str


@dataclass(frozen=True)
class SentRow:
    at: str
    kind: str
    step: str
    recipient: str
    state: str


@dataclass(frozen=True)
class AuditRow:
    at: str
    action: str
    actor: str
    role: str
    via: str
    status: str
    due: str
    note: str | None


@dataclass(frozen=True)
class TaskStory:
    attachments: dict[int, tuple[AttachmentRow, ...]]  # by the event (report) they came with
    sent: tuple[SentRow, ...]
    audit: tuple[AuditRow, ...]


def task_story(session: Session, task: Task) -> TaskStory:
    return TaskStory(_attachments(session, task), _sent(session, task), _audit(session, task))


def _attachments(session: Session, task: Task) -> dict[int, tuple[AttachmentRow, ...]]:
    rows = session.scalars(
        select(TaskAttachment).where(TaskAttachment.task_id == task.id).order_by(TaskAttachment.id)
    )
    by_event: dict[int, list[AttachmentRow]] = {}
    for a in rows:
        href = f"/tasks/{task.id}/files/{a.id}"
        by_event.setdefault(a.event_id, []).append(
            AttachmentRow(a.id, a.event_id, a.name, _size(a.size), href)
        )
    return {event: tuple(items) for event, items in by_event.items()}


def _sent(session: Session, task: Task) -> tuple[SentRow, ...]:
    rows = session.scalars(
        select(Notification)
        .where(Notification.task_id == task.id)
        .order_by(Notification.created_at, Notification.id)
    )
    return tuple(
        SentRow(
            at=local_text(n.sent_at or n.created_at),
            kind=KIND_LABELS.get(n.kind, n.kind),
            step=n.step,
            recipient=f"{n.recipient_name} <{n.recipient}>" if n.recipient_name else n.recipient,
            state=STATE_LABELS.get(n.state, n.state.value),
        )
        for n in rows
    )


def _audit(session: Session, task: Task) -> tuple[AuditRow, ...]:
    rows = session.scalars(
        select(TaskAudit).where(TaskAudit.task_id == task.id).order_by(TaskAudit.at, TaskAudit.id)
    )
    return tuple(
        AuditRow(
            at=local_text(a.at),
            action=ACTION_LABELS.get(a.action, a.action),
            actor=a.actor,
            role=_role(a.actor_role),
            via=VIA_LABELS.get(a.via, a.via),
            status=_status_change(a.status_before, a.status_after),
            due=_due_change(a),
            note=a.note,
        )
        for a in rows
    )


def _role(value: str) -> str:
    try:
        return ROLE_LABELS[Role(value)]
    except ValueError:
        return value


_STATUS_WORDS = {
    "not_started": LABELS[DisplayStatus.NOT_STARTED].label,
    "in_progress": "Đang thực hiện",
    "submitted": LABELS[DisplayStatus.SUBMITTED].label,
    "returned": LABELS[DisplayStatus.RETURNED].label,
    "done": "Hoàn thành",
    "recalled": LABELS[DisplayStatus.RECALLED].label,
}


def _status_change(before: str | None, after: str) -> str:
    after_text = _STATUS_WORDS.get(after, after)
    if before is None or before == after:
        return after_text
    return f"{_STATUS_WORDS.get(before, before)} → {after_text}"


def _due_change(audit: TaskAudit) -> str:
    if audit.due_before is None or audit.due_before == audit.due_after:
        return dmy(audit.due_after)
    return f"{dmy(audit.due_before)} → {dmy(audit.due_after)}"


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, size // 1024)} KB"
