"""`/api/v1/tasks`: the tasks the caller may see, as `dondoc tasks list --json` prints them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from reports.task_list import CURSOR_PATTERN, MAX_PAGE, BadCursor, task_page
from services.permissions import may_view_task, task_visible_to
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from tasks_catalog.models import Task
from tasks_catalog.queries import TaskFilter, task_json
from tasks_catalog.status import DisplayStatus, display_status
from web.api.auth import CallerDep
from web.api.errors import ApiError
from web.api.schemas import NOT_FOUND, TaskDetail, TaskList
from web.deps import NowDep, SessionDep

router = APIRouter(tags=["tasks"])
NO_TASK = "Không có nhiệm vụ này (hoặc ông/bà không có quyền xem)."


@router.get("/tasks", response_model=TaskList, summary="Danh sách nhiệm vụ (theo trang)")
def list_tasks(
    caller: CallerDep,
    session: SessionDep,
    now: NowDep,
    agency: Annotated[str | None, Query(max_length=80, description="Mã cơ quan")] = None,
    status: Annotated[DisplayStatus | None, Query(description="Trạng thái")] = None,
    document: Annotated[str | None, Query(max_length=120, description="Số văn bản")] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="Năm của hạn")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Số nhiệm vụ mỗi trang")] = 50,
    after: Annotated[
        str | None,
        Query(pattern=CURSOR_PATTERN, description="Con trỏ `next` của trang trước"),
    ] = None,
) -> dict[str, Any]:
    filters = TaskFilter(agency=agency, status=status, document=document, year=year)
    try:
        page = task_page(
            session,
            visible=task_visible_to(caller.actor),
            filters=filters,
            today=local_date(now),
            calendar=load_calendar(session),
            after=after,
            limit=limit,
        )
    except BadCursor:
        raise ApiError(
            422, "Tham số «after» không phải con trỏ trang do API trả về.", "after"
        ) from None
    return {"items": page.items, "next": page.next}


@router.get(
    "/tasks/{task_id}", response_model=TaskDetail, responses=NOT_FOUND, summary="Một nhiệm vụ"
)
def get_task(task_id: int, caller: CallerDep, session: SessionDep, now: NowDep) -> dict[str, Any]:
    task = session.get(Task, task_id) if 0 < task_id < 2**63 else None
    if task is None or not may_view_task(caller.actor, task):
        raise ApiError(404, NO_TASK)
    status = display_status(task, local_date(now), load_calendar(session))
    return task_json(task, status) | {
        "due_changes": [
            {
                "at": c.changed_at.isoformat(),
                "old_due": c.old_due_on.isoformat(),
                "new_due": c.new_due_on.isoformat(),
                "reason": c.reason,
                "note": c.note,
            }
            for c in task.due_changes
        ]
    }
