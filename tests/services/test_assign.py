"""Ad-hoc assignment: a meeting's conclusion or a letter becomes a followed task."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from dondoc.db import transaction
from services.assignments import AD_HOC_FILE, AdHocAssignment, assign
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models import AssignmentRole, Document, Obligation, Task
from tasks_catalog.year_plan import plan_year
from tests.services.factories import (
    COORDINATOR,
    MARCH,
    SNV_HEAD,
    STP_HEAD,
    actor,
    audit_trail,
    outbox,
)

CONCLUSION = AdHocAssignment(
    document_number="45/TB-UBND",
    document_kind="conclusion",
    document_title="Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tháng 3/2025",
    issued_on=date(2025, 3, 7),
    clause="Mục 2",
    quote="Giao Sở Tư pháp chủ trì rà soát thủ tục hành chính, báo cáo trước ngày 15/4/2025.",
    title="Rà soát thủ tục hành chính lĩnh vực tư pháp",
    lead="HB-STP",
    cooperating=("HB-SNV",),
    due=date(2025, 4, 15),
)


def _assign(engine: Engine, who: str, order: AdHocAssignment) -> int:
    with transaction(engine) as session:
        return assign(session, actor(engine, who), order, now=MARCH, via="cli").task.id


def test_a_conclusion_becomes_a_document_an_obligation_and_followed_tasks(
    world: Engine, calendar: WorkCalendar
) -> None:
    task_id = _assign(world, COORDINATOR, CONCLUSION)
    with transaction(world) as session:
        task = session.get(Task, task_id)
        obligation = task.obligation
        assert (task.agency.code, task.role, task.due_on) == (
            "HB-STP", AssignmentRole.LEAD, date(2025, 4, 15),
        )  # fmt: skip
        assert task.next_action_at is not None  # followed up like any other
        assert (obligation.code, obligation.clause, obligation.kind) == (
            "45-TB-UBND-1", "Mục 2", "deliverable",
        )  # fmt: skip
        assert obligation.quote.startswith("Giao Sở Tư pháp chủ trì")
        document = obligation.document
        assert (document.kind, document.catalogue_file, document.province) == (
            "conclusion", AD_HOC_FILE, "HB",
        )  # fmt: skip
        partners = session.scalars(
            select(Task).where(Task.obligation_id == obligation.id, Task.id != task_id)
        ).all()
        assert [(t.agency.code, t.role) for t in partners] == [
            ("HB-SNV", AssignmentRole.COOPERATING)
        ]
        # Planning the year again finds the tasks it would have made: nothing new.
        report = plan_year(session, year=2025, calendar=calendar, now=MARCH)
        assert report.created["45/TB-UBND"] == 0
    assert {(k, s, r) for k, s, r, _ in outbox(world, task_id)} == {
        ("decision", "assigned", STP_HEAD)
    }
    assert audit_trail(world, task_id) == [("assign", "coordinator", None, "not_started")]


def test_a_second_task_from_a_known_letter_reuses_the_document(world: Engine) -> None:
    letter = CONCLUSION.__class__(
        **{**CONCLUSION.__dict__, "document_number": "120/UBND-VP", "document_kind": "letter"}
    )
    first = _assign(world, COORDINATOR, letter)
    second = _assign(
        world,
        COORDINATOR,
        AdHocAssignment(
            document_number="120/UBND-VP", clause="Đoạn 3", quote="Sở Nội vụ tổng hợp.",
            title="Tổng hợp kết quả", lead="HB-SNV", due=date(2025, 5, 9),
        ),
    )  # fmt: skip
    with transaction(world) as session:
        assert session.scalar(select(func.count()).select_from(Document).where(
            Document.number == "120/UBND-VP")) == 1  # fmt: skip
        codes = [session.get(Task, i).obligation.code for i in (first, second)]
        assert codes == ["120-UBND-VP-1", "120-UBND-VP-2"]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"lead": "HB-KHONG"}, 'Không có cơ quan mã "HB-KHONG"'),
        ({"due": date(2025, 3, 1)}, "không được trước ngày hôm nay"),
        ({"quote": "  "}, "Trích dẫn văn bản không được để trống"),
        ({"clause": ""}, "Điều, khoản, mục không được để trống"),
        ({"document_kind": "memo"}, "Loại văn bản «memo» không có"),
        ({"issued_on": None}, "cần ngày ban hành"),
        ({"issued_on": date(2025, 3, 20)}, "sau ngày hôm nay"),
        ({"cooperating": ("HB-STP",)}, "Cơ quan phối hợp «HB-STP» không hợp lệ"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    world: Engine, change: dict[str, object], error: str
) -> None:
    order = AdHocAssignment(**{**CONCLUSION.__dict__, **change})  # type: ignore[arg-type]
    with pytest.raises(TransitionRefused, match=error):
        _assign(world, COORDINATOR, order)
    with transaction(world) as session:
        assert (
            session.scalars(select(Document).where(Document.number == "45/TB-UBND")).first() is None
        )
        assert session.scalar(select(func.count()).select_from(Obligation).where(
            Obligation.code.startswith("45-TB"))) == 0  # fmt: skip


def test_only_the_office_assigns(world: Engine) -> None:
    with pytest.raises(TransitionRefused, match="Chỉ Văn phòng UBND tỉnh"):
        _assign(world, SNV_HEAD, CONCLUSION)
