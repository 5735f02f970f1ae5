"""What the inspector's pages need besides the reads: the duties a person may log, the
form's first values, uploaded files saved for the record checks, problems by field."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from inspections.access import AccessDenied, Scope, Viewer
from inspections.evidence import EvidenceStore
from inspections.record_form import FIELD_LABELS, Upload
from tasks_catalog.catalogue.problems import CatalogueInvalid

FORM_NEW = "/inspections/new"
NOT_YOURS = (
    "Trang này dành cho thanh tra viên và trưởng đoàn kiểm tra; "
    "ông/bà xem các biên bản kiểm tra tại /inspections/records."
)
CHUNK = 1024 * 1024
_LABEL_TO_FIELD = {label: name for name, label in FIELD_LABELS.items()}


def store_of(request: Request) -> EvidenceStore:
    store: EvidenceStore = request.app.state.evidence
    return store


def duty_choices(session: Session, viewer: Viewer) -> list[dict[str, Any]]:
    """The inspection duties this person may log, each with its units (code, name)."""
    scope = Scope(session)
    duties = []
    for duty in sorted(scope.duties.values(), key=lambda d: d.code):
        if viewer.is_admin or not scope.may_log(viewer, duty.duty_id):
            continue
        units = sorted(
            ({"code": scope.agencies[u].code, "name": scope.agencies[u].name} for u in duty.units),
            key=lambda u: u["name"],
        )
        duties.append({"code": duty.code, "unannounced": duty.unannounced, "units": units})
    return duties


def form_defaults(
    duties: list[dict[str, Any]],
    viewer: Viewer,
    today: date,
    *,
    duty: str | None = None,
    unit: str | None = None,
) -> dict[str, str]:
    chosen = next((d for d in duties if d["code"] == duty), duties[0])
    return {
        "duty": chosen["code"],
        "unit": unit or "",
        "form": "unannounced" if chosen["unannounced"] else "scheduled",
        "date": today.isoformat(),
        "state": "in_progress",
        "leader": viewer.email or "",
    }


@contextmanager
def saved_uploads(files: list[UploadFile], max_bytes: int) -> Iterator[tuple[Path, list[Upload]]]:
    """The uploaded files written into a fresh folder (names made safe and unique).

    A file is copied up to one byte past the store's limit, so that the store refuses it
    as too large without this copy filling the disk first.
    """
    with tempfile.TemporaryDirectory(prefix="dondoc-upload-") as name:
        folder = Path(name)
        uploads: list[Upload] = []
        for file in files:
            if not file.filename:
                continue  # the empty part a browser sends when no file was chosen
            target = folder / _unique(folder, safe_name(file.filename))
            _copy(file, target, max_bytes + 1)
            uploads.append(Upload(target.name))
        yield folder, uploads


def safe_name(filename: str) -> str:
    """A file name without folders or odd characters: `IMG 0001.jpg` → `IMG_0001.jpg`."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = re.sub(r"[^\w.\-]+", "_", base, flags=re.UNICODE).strip("._")
    return cleaned[:120] or "tep"


def _unique(folder: Path, name: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while (folder / candidate).exists():
        n += 1
        candidate = f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}"
    return candidate


def _copy(file: UploadFile, target: Path, limit: int) -> None:
    written = 0
    file.file.seek(0)
    with target.open("wb") as out:
        while written < limit and (chunk := file.file.read(min(CHUNK, limit - written))):
            out.write(chunk)
            written += len(chunk)


def problems_by_field(exc: CatalogueInvalid | AccessDenied) -> dict[str, list[str]]:
    """Each problem under the form field it is about (`general` when none)."""
    if isinstance(exc, AccessDenied):
        return {"general": [exc.reason]}
    found: dict[str, list[str]] = {}
    for problem in exc.problems:
        label = problem.where.split(" (dòng", 1)[0]
        field = _LABEL_TO_FIELD.get(label, "general")
        line = problem.where.removeprefix(label).strip(" ()")
        message = problem.message if not line else f"{line}: {problem.message}"
        found.setdefault(field, []).append(message)
    return found
