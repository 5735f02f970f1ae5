"""A signed-in person's decisions on a task (POST /tasks/{id}/do/{action}) and its files.

Each form posts to its own address with its own CSRF token; the decision is made by
`services.decisions` in one transaction, then the browser is sent back to the task page
(so reloading it never decides twice). A refusal shows the page again with the values
typed and the reason next to the field, and nothing written.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlalchemy import select

from services.permissions import Action
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models_lifecycle import TaskAttachment
from web.actions import PageError
from web.auth import CurrentActor
from web.decision_forms import MAX_FILES, FieldError, FormState, decide, main_field
from web.deps import ContextDep, NowDep, SessionDep
from web.forms import check_csrf
from web.task_view import signed_in_task_page, visible_task

router = APIRouter()
Text = Annotated[str, Form(max_length=4000)]
NO_FILE = "Không tìm thấy tệp này."


@router.post("/tasks/{task_id}/do/{action}")
def act(
    task_id: int,
    action: str,
    request: Request,
    session: SessionDep,
    context: ContextDep,
    now: NowDep,
    actor: CurrentActor,
    csrf: Text = "",
    note: Text = "",
    percent: Text = "",
    proposed_due: Text = "",
    reason: Text = "",
    due: Text = "",
    agency: Text = "",
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006 - FastAPI copies defaults
) -> Response:
    check_csrf(request, context, action=f"/tasks/{task_id}/do/{action}", submitted=csrf, now=now)
    try:
        wanted = Action(action)
    except ValueError:
        raise PageError(404, "Không có thao tác này.") from None
    values = {
        "note": note, "percent": percent, "proposed_due": proposed_due, "reason": reason,
        "due": due, "agency": agency,
    }  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="dondoc-upload-") as folder:
        try:
            paths = _received(files, Path(folder), context.evidence.max_bytes)
            decided = decide(
                session, actor, task_id, wanted, values, files=paths, store=context.evidence,
                now=now,
            )  # fmt: skip
            session.commit()
        except FieldError as problem:
            session.rollback()
            state = FormState(wanted, values, problem.field, problem.message)
            return signed_in_task_page(request, session, context, actor, task_id, now=now, state=state)  # fmt: skip
        except TransitionRefused as refused:
            session.rollback()
            state = FormState(wanted, values, main_field(wanted), refused.reason)
            return signed_in_task_page(request, session, context, actor, task_id, now=now, state=state)  # fmt: skip
    return RedirectResponse(f"/tasks/{decided.task.id}?ok={wanted.value}", status_code=303)


@router.get("/tasks/{task_id}/files/{attachment_id}")
def attachment(
    task_id: int, attachment_id: int, session: SessionDep, context: ContextDep, actor: CurrentActor
) -> Response:
    visible_task(session, actor, task_id)
    row = session.scalar(
        select(TaskAttachment).where(
            TaskAttachment.id == attachment_id, TaskAttachment.task_id == task_id
        )
    )
    path = context.evidence.path_of(row.sha256) if row else None
    if row is None or path is None or not path.is_file():
        raise PageError(404, NO_FILE)
    # Always a download, never shown inline: a file is never run in the site's origin.
    return FileResponse(
        path, media_type="application/octet-stream", filename=row.name,
        content_disposition_type="attachment",
    )  # fmt: skip


def _received(files: list[UploadFile], folder: Path, max_bytes: int) -> list[Path]:
    """The uploaded files copied to `folder` under their own (cleaned) names, size capped."""
    chosen = [f for f in files if f.filename]
    if len(chosen) > MAX_FILES:
        raise FieldError("files", f"Mỗi báo cáo đính kèm tối đa {MAX_FILES} tệp.")
    paths = []
    for index, upload in enumerate(chosen):
        name = Path(upload.filename or "tep").name.replace("\x00", "")[:200] or "tep"
        target = folder / str(index)
        target.mkdir()
        path = target / name
        size = 0
        with path.open("wb") as out:
            while chunk := upload.file.read(1024 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    limit = max_bytes // (1024 * 1024)
                    raise FieldError("files", f"Tệp «{name}» quá lớn (giới hạn {limit} MB).")
                out.write(chunk)
        paths.append(path)
    return paths
