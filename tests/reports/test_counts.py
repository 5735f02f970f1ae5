"""The two-by-two per agency and per document, as the office reports it."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reports import AsOf, Grouping, ReportFilter, StatusCounts, counts_by, total_of
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import Agency, Task, TaskStatus
from tasks_catalog.queries import TaskFilter, list_tasks
from tasks_catalog.status import DisplayStatus
from tests.reports.world import add_task, agency, obligation

DAY = date(2025, 4, 15)
PLAN = "HB99-D3.1-KEHOACH"


def _some_work_done(session: Session) -> None:
    stp, snv = agency(session, "HB-STP"), agency(session, "HB-SNV")
    plan = obligation(session, PLAN)
    add_task(
        session,
        obligation=plan,
        agency=stp,
        due=date(2025, 3, 14),
        status=TaskStatus.DONE,
        completed_on=date(2025, 3, 10),
    )
    add_task(
        session,
        obligation=plan,
        agency=stp,
        due=date(2025, 3, 14),
        status=TaskStatus.DONE,
        completed_on=date(2025, 3, 20),
    )
    add_task(
        session, obligation=plan, agency=snv, due=date(2025, 4, 1), status=TaskStatus.IN_PROGRESS
    )
    add_task(session, obligation=plan, agency=snv, due=date(2025, 4, 17))
    add_task(
        session, obligation=plan, agency=snv, due=date(2025, 4, 10), status=TaskStatus.RECALLED
    )


def _counts(session: Session, calendar: WorkCalendar, **filters) -> dict[str, StatusCounts]:
    rows = counts_by(
        session, by=Grouping.AGENCY, filters=ReportFilter(**filters), as_of=AsOf.of(DAY, calendar)
    )
    return {row.key: row for row in rows}


def test_counts_per_agency_match_the_task_list(session: Session, calendar: WorkCalendar):
    _some_work_done(session)
    counts = _counts(session, calendar)
    listed = Counter(
        (row["agency"], row["status"])
        for row in list_tasks(session, filters=TaskFilter(), today=DAY, calendar=calendar)
    )
    for code, row in counts.items():
        for status in DisplayStatus:
            assert row.by_status.get(status, 0) == listed[(code, status.value)], (code, status)
    assert set(counts) == {code for code, _ in listed}


def _quadrants(row: StatusCounts) -> tuple[int, ...]:
    return (row.done_on_time, row.done_late, row.in_time, row.overdue, row.due_soon)


def test_two_by_two_of_an_agency(session: Session, calendar: WorkCalendar):
    before = {code: _quadrants(row) for code, row in _counts(session, calendar).items()}
    _some_work_done(session)
    after = _counts(session, calendar)
    added = {
        code: tuple(a - b for a, b in zip(_quadrants(row), before[code], strict=True))
        for code, row in after.items()
    }
    # Done on time, done late; in progress but overdue, due on Thursday 17/04 (due soon);
    # the recalled task is not counted.
    assert added["HB-STP"] == (1, 1, 0, 0, 0)
    assert added["HB-SNV"] == (0, 0, 1, 1, 1)
    stp = after["HB-STP"]
    assert stp.total == stp.done_on_time + stp.done_late + stp.in_time + stp.overdue
    assert stp.on_time_rate == stp.done_on_time / (stp.done + stp.overdue)


def test_filters_narrow_the_counts(session: Session, calendar: WorkCalendar):
    _some_work_done(session)
    everything = total_of(list(_counts(session, calendar).values()))
    only_stp = _counts(session, calendar, agency="HB-STP")
    assert set(only_stp) == {"HB-STP"}
    reports = total_of(list(_counts(session, calendar, kind="recurring_report").values()))
    assert 0 < reports.total < everything.total
    march = total_of(
        list(
            _counts(session, calendar, due_from=date(2025, 3, 1), due_to=date(2025, 3, 31)).values()
        )
    )
    in_march = Task.original_due_on.between(date(2025, 3, 1), date(2025, 3, 31))
    recalled = Task.status == TaskStatus.RECALLED
    expected = session.scalar(select(func.count()).where(in_march, ~recalled))
    assert march.total == expected
    assert _counts(session, calendar, agency="NO-SUCH") == {}
    assert _counts(session, calendar, document="NO/SUCH") == {}


def test_visible_filter_is_the_viewers_tasks(session: Session, calendar: WorkCalendar):
    _some_work_done(session)
    own = Task.agency_id.in_(select(Agency.id).where(Agency.code == "HB-STP"))
    assert set(_counts(session, calendar, visible=own)) == {"HB-STP"}


def test_counts_per_document(session: Session, calendar: WorkCalendar):
    _some_work_done(session)
    rows = counts_by(
        session, by=Grouping.DOCUMENT, filters=ReportFilter(), as_of=AsOf.of(DAY, calendar)
    )
    by_agency = total_of(list(_counts(session, calendar).values()))
    assert [r.key for r in rows] == sorted(r.key for r in rows)
    assert total_of(rows).by_status == by_agency.by_status
    assert all(r.name for r in rows)
