"""What is overdue (with working days late), what falls due this week, on time by month."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from reports import AsOf, ReportFilter, due_this_week, on_time_by_month, overdue
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import TaskStatus
from tests.reports.world import add_task, agency, obligation

PLAN = "HB99-D3.1-KEHOACH"


def test_overdue_lists_days_late_in_working_days(session: Session, calendar: WorkCalendar):
    owner, plan = agency(session, "HB-STP"), obligation(session, PLAN)
    # Due Friday 25/04/2025; as of Tuesday 06/05 it is 5 working days late: Saturday 26/04
    # (a declared make-up day), 28/04, 29/04, 05/05, 06/05; 30/04-04/05 are days off.
    late = add_task(session, obligation=plan, agency=owner, due=date(2025, 4, 25))
    add_task(
        session, obligation=plan, agency=owner, due=date(2025, 4, 20), status=TaskStatus.SUBMITTED
    )  # waiting for approval: not in the list
    add_task(
        session,
        obligation=plan,
        agency=owner,
        due=date(2025, 4, 21),
        status=TaskStatus.DONE,
        completed_on=date(2025, 4, 21),
    )
    day = date(2025, 5, 6)
    lines = overdue(
        session,
        filters=ReportFilter(agency="HB-STP"),
        as_of=AsOf.of(day, calendar),
        calendar=calendar,
    )
    ours = [line for line in lines if line.id == late.id]
    assert len(ours) == 1
    assert ours[0].days_late == calendar.working_days_between(date(2025, 4, 25), day) == 5
    assert ours[0].clause and ours[0].document == "99/NQ-HĐND"
    assert all(line.due < day for line in lines)
    assert [line.due for line in lines] == sorted(line.due for line in lines)


def test_due_this_week_runs_to_sunday(session: Session, calendar: WorkCalendar):
    owner, plan = agency(session, "HB-VP"), obligation(session, PLAN)
    friday = add_task(session, obligation=plan, agency=owner, due=date(2025, 6, 13))
    add_task(session, obligation=plan, agency=owner, due=date(2025, 6, 16))  # next Monday
    add_task(session, obligation=plan, agency=owner, due=date(2025, 6, 10))  # overdue
    lines = due_this_week(
        session,
        filters=ReportFilter(agency="HB-VP"),
        as_of=AsOf.of(date(2025, 6, 11), calendar),
        calendar=calendar,
    )
    assert [line.id for line in lines] == [friday.id]
    assert lines[0].days_late == 0


def test_on_time_by_month_counts_completions(session: Session, calendar: WorkCalendar):
    owner, plan = agency(session, "HB-STP"), obligation(session, PLAN)
    for due, done in [
        (date(2025, 2, 14), date(2025, 2, 10)),
        (date(2025, 2, 14), date(2025, 2, 20)),
        (date(2025, 4, 14), date(2025, 4, 1)),
    ]:
        add_task(
            session,
            obligation=plan,
            agency=owner,
            due=due,
            status=TaskStatus.DONE,
            completed_on=done,
        )
    months = on_time_by_month(
        session,
        filters=ReportFilter(agency="HB-STP"),
        first=date(2025, 1, 1),
        last=date(2025, 4, 30),
    )
    assert [(m.month, m.on_time, m.late) for m in months] == [
        ("2025-01", 0, 0),
        ("2025-02", 1, 1),
        ("2025-03", 0, 0),
        ("2025-04", 1, 0),
    ]
    assert months[1].rate == 0.5 and months[0].rate is None and months[1].label == "02/2025"
