"""Logging inspection records: what is kept, what is refused (with its line), what is warned."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import partial

import pytest
from sqlalchemy import select

from dondoc.db import transaction
from inspections.access import ADMIN, AccessDenied, viewer_for
from inspections.evidence import EvidenceStore
from inspections.models import (
    InspectionPlan,
    InspectionRecord,
    PlannedInspection,
    RecordState,
)
from inspections.record_input import read_record_file
from inspections.records import advance_record, log_record
from tasks_catalog.catalogue.problems import CatalogueInvalid
from tasks_catalog.dates import LOCAL_TZ
from tasks_catalog.models import InspectionDuty, Obligation, Task, TaskStatus
from tests.helpers import line_of, snapshot
from tests.inspections.conftest import CAL, DUTY, INSPECTOR, LEAD, UNIT, UNIT_HEAD, write_record

NOW = datetime(2025, 3, 14, 16, 0, tzinfo=LOCAL_TZ)
PDF = b"%PDF-1.7\n" + b"bien ban kiem tra " * 100


def log(world, path, tmp_path, *, now=NOW, viewer=ADMIN):  # noqa: ANN001, ANN201
    store = EvidenceStore(tmp_path / "store", max_bytes=1024 * 1024)
    with transaction(world) as session:
        record = log_record(
            session,
            parsed=read_record_file(path),
            store=store,
            calendar=CAL,
            now=now,
            viewer=viewer,
        )
        return record.id


def problems_of(world, path, tmp_path, **kwargs) -> list[str]:  # noqa: ANN001
    before = snapshot(world)
    with pytest.raises(CatalogueInvalid) as caught:
        log(world, path, tmp_path, **kwargs)
    assert snapshot(world) == before  # all or nothing: a refused record writes nothing
    return [str(p) for p in caught.value.problems]


def test_a_record_is_kept_with_its_team_evidence_checksum_and_fills_round_one(world, tmp_path):
    (tmp_path / "bien-ban.pdf").write_bytes(PDF)
    path = write_record(
        tmp_path, evidence=[{"file": "bien-ban.pdf", "description": "Biên bản ký số"}]
    )
    record_id = log(world, path, tmp_path)
    with transaction(world) as session:
        record = session.get(InspectionRecord, record_id)
        assert record.state == RecordState.FOLLOW_UP and record.digital
        assert [m["email"] for m in record.team] == [LEAD, INSPECTOR]
        assert record.team[0]["duty"] == "Trưởng đoàn" and record.team[0]["position"]
        [evidence] = record.evidence
        assert evidence.sha256 == hashlib.sha256(PDF).hexdigest() and evidence.size == len(PDF)
        assert evidence.media_type == "application/pdf"
        assert EvidenceStore(tmp_path / "store").verify(evidence.sha256)
        task = session.get(Task, record.task_id)
        assert task.occurrence_key == f"2025/{UNIT}/1"
        assert task.status == TaskStatus.DONE and task.completed_on == record.inspected_on
        assert [c.new_state for c in record.changes] == ["follow_up"]


def test_rounds_follow_the_dates_whatever_the_logging_order(world, tmp_path):
    later = write_record(tmp_path / "a", date="2025-03-12", minutes_number="06/BB")
    earlier = write_record(tmp_path / "b", date="2025-02-10", minutes_number="02/BB")
    first_id = log(world, later, tmp_path)
    second_id = log(world, earlier, tmp_path)
    with transaction(world) as session:
        rounds = {
            r.id: session.get(Task, r.task_id).occurrence_key
            for r in session.scalars(select(InspectionRecord))
        }
    assert rounds == {second_id: f"2025/{UNIT}/1", first_id: f"2025/{UNIT}/2"}


def test_an_inspection_dated_in_the_future_is_refused_at_its_line(world, tmp_path):
    path = write_record(tmp_path, date="2025-03-17")
    [problem] = problems_of(world, path, tmp_path)
    assert (
        problem
        == f"{path}:{line_of(path, 'date:')}: ngày kiểm tra 17/03/2025 ở tương lai (hôm nay là 14/03/2025)"
    )


def test_a_unit_outside_the_duty_is_refused(world, tmp_path):
    path = write_record(tmp_path, unit="QN-STP")
    [problem] = problems_of(world, path, tmp_path)
    assert problem.startswith(f'{path}:{line_of(path, "unit:")}: đơn vị "QN-STP"')
    assert 'không thuộc nhóm đơn vị phải kiểm tra "QN-DIEM-TIEP-NHAN"' in problem


def test_an_unknown_inspector_and_a_non_inspector_leader_are_refused(world, tmp_path):
    path = write_record(
        tmp_path,
        leader={"email": "chuyenvien.cchc@snv.quangninh.example"},  # an assignee, not an inspector
        members=[{"email": "ai.do@snv.quangninh.example"}],
    )
    problems = problems_of(world, path, tmp_path)
    assert any("không phải thành viên đoàn kiểm tra" in p for p in problems)
    assert any('không có người có thư "ai.do@snv.quangninh.example"' in p for p in problems)


def test_a_member_of_the_inspected_unit_cannot_sit_in_the_team(world, tmp_path):
    path = write_record(tmp_path, members=[{"email": UNIT_HEAD}])
    [problem] = problems_of(world, path, tmp_path)
    assert "thuộc chính đơn vị được kiểm tra" in problem


def test_a_file_of_two_gigabytes_is_refused_without_being_read(world, tmp_path):
    huge = tmp_path / "video.mp4"
    with huge.open("wb") as handle:  # sparse: two gigabytes on paper, nothing on disk
        handle.truncate(2 * 1024**3)
    path = write_record(tmp_path, evidence=[{"file": "video.mp4"}])
    [problem] = problems_of(world, path, tmp_path)
    assert (
        problem
        == f'{path}:{line_of(path, "file: video.mp4")}: tệp "video.mp4" quá lớn (2.0 GB; giới hạn 1.0 MB)'
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bien-ban.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "ELF"),
        ("anh.jpg", b"MZ\x90\x00" + b"\x00" * 64, "PE/MZ"),
        ("scan.png", b"\xcf\xfa\xed\xfe" + b"\x00" * 64, "Mach-O"),
        ("ghi-chu.txt", b"#!/bin/sh\nrm -rf /\n", "#!"),
        ("cai-dat.exe", b"%PDF-1.4 not really", ".exe"),
        ("macro.bat", b"echo hi", ".bat"),
        ("trong.pdf", b"", "rỗng"),
    ],
)
def test_the_store_refuses_executables_by_content_or_name_and_empty_files(
    tmp_path, name, content, reason
):
    (tmp_path / name).write_bytes(content)
    refusal = EvidenceStore(tmp_path / "store").check(tmp_path / name)
    assert refusal is not None and reason in refusal and name in refusal


def test_the_store_keeps_one_copy_per_content(tmp_path):
    store = EvidenceStore(tmp_path / "store")
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(PDF)
    first, second = store.put(tmp_path / "a.pdf"), store.put(tmp_path / "b.pdf")
    assert first.sha256 == second.sha256 and store.verify(first.sha256)
    assert len(list((tmp_path / "store").rglob("*"))) == 3  # sha256/, ab/, the file
    store.path_of(first.sha256).write_bytes(b"tampered")
    assert not store.verify(first.sha256)


def test_a_record_with_an_executable_is_refused_at_its_line_and_nothing_is_stored(world, tmp_path):
    (tmp_path / "bien-ban.pdf").write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 64)
    (tmp_path / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    path = write_record(tmp_path, evidence=[{"file": "anh.jpg"}, {"file": "bien-ban.pdf"}])
    [problem] = problems_of(world, path, tmp_path)
    assert problem.startswith(f"{path}:{line_of(path, 'file: bien-ban.pdf')}: ")
    assert "ELF" in problem
    assert not (tmp_path / "store").exists()  # the good file was not stored either


def test_logging_the_same_inspection_twice_is_refused(world, tmp_path):
    path = write_record(tmp_path)
    log(world, path, tmp_path)
    problems = problems_of(world, path, tmp_path)
    assert any("cuộc kiểm tra này đã được ghi nhận (biên bản #1" in p for p in problems)
    assert any('số biên bản "05/BB-KTĐX" đã dùng cho biên bản #1' in p for p in problems)


def test_the_same_minutes_number_on_another_day_is_refused(world, tmp_path):
    log(world, write_record(tmp_path / "a"), tmp_path)
    path = write_record(tmp_path / "b", date="2025-03-13")
    [problem] = problems_of(world, path, tmp_path)
    assert problem.startswith(f"{path}:{line_of(path, 'minutes_number:')}: số biên bản")


def test_a_misspelt_key_and_a_bad_date_are_reported_at_their_lines(world, tmp_path):
    path = write_record(tmp_path, date="31/02/2025", conclusions="typo")
    problems = problems_of(world, path, tmp_path)
    assert (
        f'{path}:{line_of(path, "date:")}: date: "31/02/2025" không phải ngày hợp lệ' in problems[0]
    )
    assert any(
        p.startswith(f"{path}:{line_of(path, 'conclusions:')}: conclusions: trường không có")
        for p in problems
    )


def test_a_record_in_follow_up_needs_findings_conclusion_and_minutes_number(world, tmp_path):
    path = write_record(tmp_path, conclusion=None, minutes_number=None)
    [problem] = problems_of(world, path, tmp_path)
    assert problem == (
        f'{path}:{line_of(path, "state:")}: biên bản ở trạng thái "Theo dõi xử lý sau kiểm tra" '
        "phải có: kết luận, số biên bản"
    )


def test_an_inspection_after_its_planned_day_is_kept_with_a_warning(world, tmp_path):
    with transaction(world) as session:
        entry = session.scalars(
            select(PlannedInspection)
            .join(PlannedInspection.plan)
            .join(InspectionPlan.duty)
            .join(InspectionDuty.obligation)
            .where(Obligation.code == DUTY, PlannedInspection.round == 1)
            .order_by(PlannedInspection.planned_on)
        ).first()
        unit, planned = entry.unit.code, entry.planned_on
    day = CAL.add_working_days(planned, 2)
    now = datetime(day.year, day.month, day.day, 17, 0, tzinfo=LOCAL_TZ)
    record_id = log(
        world, write_record(tmp_path, unit=unit, date=day.isoformat()), tmp_path, now=now
    )
    with transaction(world) as session:
        warnings = session.get(InspectionRecord, record_id).warnings
    assert {
        "code": "late_against_plan",
        "message": (
            f"kiểm tra ngày {day:%d/%m/%Y}, muộn 2 ngày làm việc so với ngày dự kiến {planned:%d/%m/%Y}"
        ),
    } in warnings


def test_a_record_logged_weeks_after_the_visit_is_kept_with_a_warning(world, tmp_path):
    record_id = log(world, write_record(tmp_path, date="2025-02-03"), tmp_path)
    with transaction(world) as session:
        codes = [w["code"] for w in session.get(InspectionRecord, record_id).warnings]
    assert "logged_late" in codes


def test_the_follow_up_flow_moves_forward_only_and_a_draft_counts_once_advanced(world, tmp_path):
    path = write_record(
        tmp_path, state="Lưu nháp", findings=None, conclusion=None, minutes_number=None
    )
    record_id = log(world, path, tmp_path)
    with transaction(world) as session:
        advance = partial(
            advance_record, session, record_id=record_id, calendar=CAL, now=NOW, viewer=ADMIN
        )
        assert session.get(InspectionRecord, record_id).task_id is None  # a draft does not count
        record = advance(to=RecordState.IN_PROGRESS)
        assert record.task_id is not None
        with pytest.raises(ValueError, match="kết quả kiểm tra, kết luận, số biên bản"):
            advance(to=RecordState.DONE)
        with pytest.raises(ValueError, match="chỉ chuyển tiếp"):
            advance(to=RecordState.DRAFT)
        assert [(c.old_state, c.new_state) for c in record.changes] == [
            (None, "draft"),
            ("draft", "in_progress"),
        ]


def test_only_the_team_may_log(world, tmp_path):
    path = write_record(tmp_path)
    with transaction(world) as session:
        unit_person = viewer_for(session, UNIT_HEAD)
    with pytest.raises(AccessDenied):
        log(world, path, tmp_path, viewer=unit_person)
    with transaction(world) as session:
        inspector = viewer_for(session, INSPECTOR)
    assert log(world, path, tmp_path, viewer=inspector) == 1
