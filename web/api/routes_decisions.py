"""`POST /api/v1/tasks/{id}/…`: the decisions on a task, through `services.decisions`.

The same functions as the pages, the e-mail links and the CLI (permission, transition,
follow-up, audit line and e-mail in one transaction), recorded as made through the API.
A task the caller may not see answers 404 like one that does not exist; a decision the
caller may not make answers 403; one the task's state refuses answers 409; each with the
Vietnamese reason the pages show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema
from sqlalchemy.orm import Session

from services import decisions
from services.decisions import Decided, NotPermitted
from services.permissions import may_view_task
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import Task
from tasks_catalog.queries import task_json
from tasks_catalog.status import display_status
from web.api.auth import Caller, CallerDep
from web.api.errors import ApiError
from web.api.schemas import ErrorBody, TaskItem
from web.deps import NowDep, SessionDep

router = APIRouter(prefix="/tasks/{task_id}", tags=["decisions"])
REFUSALS: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorBody, "description": "Không có quyền quyết định việc này"},
    404: {"model": ErrorBody, "description": "Không có nhiệm vụ (hoặc không được xem)"},
    409: {"model": ErrorBody, "description": "Trạng thái nhiệm vụ không cho phép"},
}
NO_TASK = "Không có nhiệm vụ này (hoặc ông/bà không có quyền xem)."
TaskId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Note = Annotated[str, Field(max_length=4000)]
Reason = Annotated[str, Field(min_length=1, max_length=4000)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _in_range(value: date) -> date:
    if not 2000 <= value.year <= 2100:
        raise ValueError("phải là ngày từ năm 2000 đến năm 2100")
    return value


# A date of 2000–2099 as the schema says it (day 29–31 is accepted too: the schema
# only has to describe dates that are certainly valid).
DAY_SCHEMA = {
    "type": "string",
    "format": "date",
    "pattern": "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$",
    "description": "Ngày YYYY-MM-DD, từ năm 2000 đến năm 2100",
}
Day = Annotated[date, AfterValidator(_in_range), WithJsonSchema(DAY_SCHEMA)]


class Progress(_Body):
    note: Reason
    percent: Annotated[int | None, Field(ge=0, le=100)] = None


class Remark(_Body):
    note: Note | None = None


class Because(_Body):
    reason: Reason


class ExtensionAsked(_Body):
    proposed_due: Day
    reason: Reason


class ExtensionGranted(_Body):
    due: Day | None = None  # another date than the one asked for
    note: Note | None = None


class Reopened(_Body):
    reason: Reason
    due: Day | None = None


class DecisionOut(BaseModel):
    message: str
    task: TaskItem
    queued: int  # e-mails queued for the other side


def _decide(
    session: Session,
    caller: Caller,
    now: Any,
    task_id: int,
    decide: Callable[..., Decided],
    **fields: Any,
) -> dict[str, Any]:
    task = session.get(Task, task_id)
    if task is None or not may_view_task(caller.actor, task):
        raise ApiError(404, NO_TASK)
    try:
        decided = decide(session, caller.actor, task_id, now=now, via="api", **fields)
    except NotPermitted as exc:
        session.rollback()
        raise ApiError(403, str(exc)) from None
    except TransitionRefused as exc:
        session.rollback()
        raise ApiError(409, str(exc)) from None
    session.commit()
    status = display_status(decided.task, local_date(now), load_calendar(session))
    return {
        "message": decided.message,
        "task": task_json(decided.task, status),
        "queued": decided.queued,
    }


def _route(path: str, summary: str) -> Callable[..., Any]:
    return router.post(path, response_model=DecisionOut, responses=REFUSALS, summary=summary)


@_route("/progress", "Báo cáo tiến độ")
def progress(
    task_id: TaskId, body: Progress, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(
        session, caller, now, task_id, decisions.report_progress, note=body.note,
        percent=body.percent,
    )  # fmt: skip


@_route("/submit", "Báo cáo hoàn thành (chờ duyệt)")
def submit(
    task_id: TaskId, body: Remark, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(session, caller, now, task_id, decisions.submit, note=body.note)


@_route("/approve", "Duyệt hoàn thành")
def approve(
    task_id: TaskId, body: Remark, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(session, caller, now, task_id, decisions.approve, note=body.note)


@_route("/return", "Trả lại để bổ sung")
def return_for_rework(
    task_id: TaskId, body: Because, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(session, caller, now, task_id, decisions.return_for_rework, reason=body.reason)


@_route("/extension", "Đề nghị gia hạn")
def request_extension(
    task_id: TaskId, body: ExtensionAsked, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(
        session, caller, now, task_id, decisions.request_extension,
        proposed_due=body.proposed_due, reason=body.reason,
    )  # fmt: skip


@_route("/extension/approve", "Đồng ý gia hạn")
def approve_extension(
    task_id: TaskId, body: ExtensionGranted, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(
        session, caller, now, task_id, decisions.approve_extension, due=body.due, note=body.note
    )


@_route("/extension/refuse", "Không đồng ý gia hạn")
def refuse_extension(
    task_id: TaskId, body: Because, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(session, caller, now, task_id, decisions.refuse_extension, reason=body.reason)


@_route("/recall", "Thu hồi nhiệm vụ")
def recall(
    task_id: TaskId, body: Because, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(session, caller, now, task_id, decisions.recall, reason=body.reason)


@_route("/reopen", "Mở lại nhiệm vụ")
def reopen(
    task_id: TaskId, body: Reopened, caller: CallerDep, session: SessionDep, now: NowDep
) -> dict[str, Any]:
    return _decide(
        session, caller, now, task_id, decisions.reopen, reason=body.reason, due=body.due
    )
