"""Who may not decide, what a refusal leaves (nothing), and a decision that fails midway."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError

from dondoc.db import transaction
from inspections.evidence import EvidenceStore
from services import decisions
from services.assignments import reassign
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import AssignmentRole
from tasks_catalog.models_lifecycle import ExtensionRequest, TaskAttachment
from tests.lifecycle.world import PLAN
from tests.services.factories import (
    COORDINATOR,
    LEADER,
    SNV_HEAD,
    SNV_STAFF,
    STP_HEAD,
    decide,
    footprint,
    plan_task_id,
)

EXTENSION = {"proposed_due": date(2025, 4, 25), "reason": "Chờ số liệu"}
OWNER_DECISIONS: list[tuple[Callable[..., Any], dict[str, Any]]] = [
    (decisions.report_progress, {"note": "Đang soạn"}),
    (decisions.submit, {"note": "Xong"}),
    (decisions.request_extension, EXTENSION),
]
OFFICE_DECISIONS: list[tuple[Callable[..., Any], dict[str, Any]]] = [
    (decisions.approve, {}),
    (decisions.return_for_rework, {"reason": "Thiếu"}),
    (decisions.approve_extension, {}),
    (decisions.refuse_extension, {"reason": "Không"}),
    (decisions.recall, {"reason": "Thôi"}),
    (decisions.reopen, {"reason": "Lại"}),
    (reassign, {"agency_code": "HB-STP", "reason": "Chuyển"}),
]
REFUSALS = [
    (decision, kwargs, who, why)
    for decision, kwargs in OWNER_DECISIONS
    for who, why in [
        (COORDINATOR, "Chỉ cán bộ của cơ quan được giao"),
        (LEADER, "chỉ được xem"),
        (STP_HEAD, "không có quyền xem"),
    ]
] + [
    (decision, kwargs, who, why)
    for decision, kwargs in OFFICE_DECISIONS
    for who, why in [
        (SNV_HEAD, "Chỉ Văn phòng UBND tỉnh"),
        (SNV_STAFF, "Chỉ Văn phòng UBND tỉnh"),
        (LEADER, "chỉ được xem"),
        (STP_HEAD, "không có quyền xem"),
    ]
]


@pytest.mark.parametrize(
    ("decision", "kwargs", "who", "why"),
    REFUSALS,
    ids=[f"{d.__name__}-{w.split('@')[0]}-{w.split('@')[1][:3]}" for d, _, w, _ in REFUSALS],
)
def test_every_decision_refuses_who_may_not_make_it(
    world: Engine, decision: Callable[..., Any], kwargs: dict[str, Any], who: str, why: str
) -> None:
    task_id = plan_task_id(world)
    before = footprint(world, task_id)
    with pytest.raises(decisions.NotPermitted, match=why):
        decide(world, decision, who, task_id, **kwargs)
    assert footprint(world, task_id) == before


def test_a_cooperating_agency_reports_progress_but_does_not_submit(world: Engine) -> None:
    task_id = plan_task_id(
        world, PLAN, "HB-VP", AssignmentRole.COOPERATING
    )  # Văn phòng cooperates on Sở Nội vụ's plan
    with pytest.raises(decisions.NotPermitted, match="Chỉ cơ quan chủ trì"):
        decide(world, decisions.submit, COORDINATOR, task_id)
    decide(world, decisions.report_progress, COORDINATOR, task_id, note="Đã góp ý dự thảo")


@contextmanager
def outbox_refuses(engine: Engine) -> Iterator[None]:
    """The outbox table refuses every insert (a real database error, by a trigger)."""
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as connection:
        if postgres:
            connection.execute(
                text(
                    "CREATE FUNCTION refuse_outbox() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'outbox unavailable'; END $$ LANGUAGE plpgsql"
                )
            )
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_outbox BEFORE INSERT ON notifications "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_outbox()"
                )
            )
        else:
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_outbox BEFORE INSERT ON notifications "
                    "BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END"
                )
            )
    try:
        yield
    finally:
        with engine.begin() as connection:
            connection.execute(
                text("DROP TRIGGER refuse_outbox" + (" ON notifications" if postgres else ""))
            )
            if postgres:
                connection.execute(text("DROP FUNCTION refuse_outbox()"))


def test_a_decision_whose_email_cannot_be_queued_leaves_nothing(world: Engine) -> None:
    task_id = plan_task_id(world)
    before = footprint(world, task_id)
    with (
        outbox_refuses(world),
        pytest.raises((DBAPIError, psycopg.Error), match="outbox unavailable"),
    ):
        decide(world, decisions.request_extension, SNV_HEAD, task_id, **EXTENSION)
    assert footprint(world, task_id) == before
    with transaction(world) as session:
        assert session.scalar(select(func.count()).select_from(ExtensionRequest)) == 0
    decide(world, decisions.request_extension, SNV_HEAD, task_id, **EXTENSION)  # works again


def test_progress_keeps_its_attachments_in_the_evidence_store(
    world: Engine, tmp_path: Path
) -> None:
    task_id = plan_task_id(world)
    store = EvidenceStore(tmp_path / "evidence")
    report = tmp_path / "bao-cao-tien-do.pdf"
    report.write_bytes(b"%PDF-1.4\n% bao cao\n")
    decided = decide(
        world, decisions.report_progress, SNV_STAFF, task_id, note="Đã xong dự thảo",
        percent=60, attachments=[report], store=store,
    )  # fmt: skip
    assert decided.message == "Đã ghi nhận báo cáo tiến độ kèm 1 tệp."
    with transaction(world) as session:
        [kept] = session.scalars(select(TaskAttachment)).all()
        assert (kept.name, kept.media_type, kept.added_by) == (
            "bao-cao-tien-do.pdf", "application/pdf", SNV_STAFF,
        )  # fmt: skip
    assert store.verify(kept.sha256)


def test_a_dangerous_attachment_refuses_the_whole_report(world: Engine, tmp_path: Path) -> None:
    task_id = plan_task_id(world)
    store = EvidenceStore(tmp_path / "evidence")
    good = tmp_path / "bao-cao.pdf"
    good.write_bytes(b"%PDF-1.4\n")
    bad = tmp_path / "cap-nhat.exe"
    bad.write_bytes(b"MZ\x90\x00")
    before = footprint(world, task_id)
    with pytest.raises(TransitionRefused, match="không nhận tệp chạy được"):
        decide(
            world, decisions.report_progress, SNV_STAFF, task_id, note="x",
            attachments=[good, bad], store=store,
        )  # fmt: skip
    assert footprint(world, task_id) == before
    assert not (tmp_path / "evidence").exists()
