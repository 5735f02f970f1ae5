"""The decision forms of a task page: which a reader is offered, their fields, and the
`services.decisions` call each one makes. The rules are the services'; this module only
reads the form (dates, numbers, uploaded files) and says a problem next to its field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from inspections.evidence import EvidenceStore
from services import assignments, decisions
from services.actors import Actor
from services.decisions import Decided
from services.permissions import Action, refusal
from tasks_catalog.models import OPEN_STATUSES, Task, TaskStatus


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "textarea"  # textarea | text | date | number | select | files
    required: bool = False


@dataclass(frozen=True)
class DecisionForm:
    action: Action
    title: str
    button: str
    fields: tuple[Field, ...]
    anchor: str
    side: str  # "owner" | "assigner"
    danger: bool = False


class FieldError(Exception):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


MAX_FILES = decisions.MAX_ATTACHMENTS
NOTE = Field("note", "Ghi chú (không bắt buộc)")
REASON = Field("reason", "Lý do", required=True)
NEW_DUE = Field("due", "Thời hạn mới (bỏ trống: giữ nguyên)", "date")

FORMS: dict[Action, DecisionForm] = {
    f.action: f
    for f in (
        DecisionForm(
            Action.REPORT_PROGRESS, "Báo cáo tiến độ", "Gửi báo cáo tiến độ",
            (Field("note", "Nội dung tiến độ", required=True),
             Field("percent", "Tỷ lệ hoàn thành (%, không bắt buộc)", "number"),
             Field("files", "Tệp đính kèm (PDF, Word, Excel, ảnh; không bắt buộc)", "files")),
            "progress", "owner",
        ),
        DecisionForm(
            Action.SUBMIT, "Báo cáo hoàn thành", "Xác nhận hoàn thành",
            (Field("note", "Kết quả, số hiệu văn bản báo cáo (không bắt buộc)"),), "submit", "owner",
        ),
        DecisionForm(
            Action.REQUEST_EXTENSION, "Đề nghị gia hạn", "Gửi đề nghị gia hạn",
            (Field("proposed_due", "Đề nghị gia hạn đến ngày", "date", True), REASON),
            "extension", "owner",
        ),
        DecisionForm(Action.APPROVE, "Duyệt kết quả", "Duyệt hoàn thành", (NOTE,), "approve", "assigner"),
        DecisionForm(
            Action.RETURN, "Trả lại để bổ sung", "Trả lại", (Field("reason", "Lý do trả lại", required=True),),
            "return", "assigner", danger=True,
        ),
        DecisionForm(
            Action.APPROVE_EXTENSION, "Đồng ý gia hạn", "Đồng ý gia hạn",
            (Field("due", "Gia hạn đến ngày (bỏ trống: ngày cơ quan đề nghị)", "date"), NOTE),
            "approve-extension", "assigner",
        ),
        DecisionForm(
            Action.REFUSE_EXTENSION, "Không đồng ý gia hạn", "Từ chối gia hạn", (REASON,),
            "refuse-extension", "assigner", danger=True,
        ),
        DecisionForm(
            Action.REASSIGN, "Chuyển giao cho cơ quan khác", "Chuyển giao",
            (Field("agency", "Cơ quan nhận", "select", True), REASON, NEW_DUE),
            "reassign", "assigner", danger=True,
        ),
        DecisionForm(
            Action.RECALL, "Thu hồi nhiệm vụ", "Thu hồi", (Field("reason", "Lý do thu hồi", required=True),),
            "recall", "assigner", danger=True,
        ),
        DecisionForm(Action.REOPEN, "Mở lại nhiệm vụ", "Mở lại", (REASON, NEW_DUE), "reopen", "assigner"),
    )
}  # fmt: skip


def offered(actor: Actor, task: Task, *, pending_extension: bool) -> list[DecisionForm]:
    """The forms this reader may use on this task now, in the order a page shows them."""
    status = task.status
    fitting = {
        Action.REPORT_PROGRESS: status in OPEN_STATUSES,
        Action.SUBMIT: status in OPEN_STATUSES,
        Action.REQUEST_EXTENSION: status in OPEN_STATUSES
        and not pending_extension
        and task.extension_count < 2,
        Action.APPROVE: status == TaskStatus.SUBMITTED,
        Action.RETURN: status == TaskStatus.SUBMITTED,
        Action.APPROVE_EXTENSION: pending_extension,
        Action.REFUSE_EXTENSION: pending_extension,
        Action.REASSIGN: status in OPEN_STATUSES,
        Action.RECALL: status in (*OPEN_STATUSES, TaskStatus.SUBMITTED),
        Action.REOPEN: status in (TaskStatus.DONE, TaskStatus.RECALLED),
    }
    return [
        form
        for action, form in FORMS.items()
        if fitting[action] and refusal(actor, action, task) is None
    ]


def decide(
    session: Session,
    actor: Actor,
    task_id: int,
    action: Action,
    values: Mapping[str, str],
    *,
    files: Sequence[Path] = (),
    store: EvidenceStore | None = None,
    now: datetime,
) -> Decided:
    """Read the form and make the decision through `services.decisions`.

    Raises FieldError for a value that is not what its field asks, TransitionRefused
    (NotPermitted) for what the services refuse; nothing is written then.
    """
    text = {name: value.strip() for name, value in values.items()}
    common: dict[str, Any] = {"now": now, "via": "web"}
    calls: dict[Action, Callable[[], Decided]] = {
        Action.REPORT_PROGRESS: lambda: decisions.report_progress(
            session, actor, task_id, note=text.get("note", ""),
            percent=_percent(text.get("percent", "")), attachments=files, store=store, **common,
        ),
        Action.SUBMIT: lambda: decisions.submit(session, actor, task_id, note=text.get("note"), **common),
        Action.REQUEST_EXTENSION: lambda: decisions.request_extension(
            session, actor, task_id, proposed_due=_required_date(text, "proposed_due"),
            reason=text.get("reason", ""), **common,
        ),
        Action.APPROVE: lambda: decisions.approve(session, actor, task_id, note=text.get("note"), **common),
        Action.RETURN: lambda: decisions.return_for_rework(
            session, actor, task_id, reason=text.get("reason", ""), **common
        ),
        Action.APPROVE_EXTENSION: lambda: decisions.approve_extension(
            session, actor, task_id, due=_optional_date(text, "due"), note=text.get("note"), **common
        ),
        Action.REFUSE_EXTENSION: lambda: decisions.refuse_extension(
            session, actor, task_id, reason=text.get("reason", ""), **common
        ),
        Action.REASSIGN: lambda: assignments.reassign(
            session, actor, task_id, agency_code=_required(text, "agency", "Xin chọn cơ quan nhận."),
            reason=text.get("reason", ""), due=_optional_date(text, "due"), **common,
        ),
        Action.RECALL: lambda: decisions.recall(
            session, actor, task_id, reason=text.get("reason", ""), **common
        ),
        Action.REOPEN: lambda: decisions.reopen(
            session, actor, task_id, reason=text.get("reason", ""), due=_optional_date(text, "due"),
            **common,
        ),
    }  # fmt: skip
    return calls[action]()


def main_field(action: Action) -> str:
    """Where a refusal of the services is said: the form's first field."""
    return FORMS[action].fields[0].name


@dataclass
class FormState:
    """What a page shows again after a refusal: the values typed, the error and its field."""

    action: Action | None = None
    values: dict[str, str] = field(default_factory=dict)
    field: str | None = None
    error: str | None = None

    def value(self, action: Action, name: str) -> str:
        return self.values.get(name, "") if self.action == action else ""

    def error_of(self, action: Action, name: str) -> str | None:
        return self.error if self.action == action and self.field == name else None


def _percent(value: str) -> int | None:
    value = value.rstrip("%").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > 100:
        raise FieldError("percent", "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.")
    return int(value)


def _required(text: Mapping[str, str], name: str, message: str) -> str:
    value = text.get(name, "")
    if not value:
        raise FieldError(name, message)
    return value


def _required_date(text: Mapping[str, str], name: str) -> date:
    parsed = _optional_date(text, name)
    if parsed is None:
        raise FieldError(name, "Xin nhập ngày (ngày/tháng/năm).")
    return parsed


def _optional_date(text: Mapping[str, str], name: str) -> date | None:
    value = text.get(name, "")
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise FieldError(name, f"«{value[:40]}» không phải ngày hợp lệ (ngày/tháng/năm).")
