"""The dashboard's figures for one viewer: everything for the office, own agency for a head,
refused to others; rendered with the status colours and an SVG chart."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from reports import MonthRate
from reports.monthly import percent, vn_date
from reports.targets import number
from services.actors import Role, actor_for_email
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import TaskStatus
from tests.lifecycle.world import SNV_HEAD, SNV_STAFF, VP_COORDINATOR
from tests.reports.world import add_task, agency, obligation
from web.actions import PageError
from web.dashboard import DashboardQuery, chart, dashboard_view
from web.render import environment

TODAY = date(2025, 4, 15)


def _view(session: Session, calendar: WorkCalendar, email: str, **query: str):
    actor = actor_for_email(session, email)
    assert actor is not None
    return dashboard_view(
        session,
        actor=actor,
        query=DashboardQuery.parse(TODAY, **query),
        today=TODAY,
        calendar=calendar,
    )


def _render(view) -> str:
    return (
        environment()
        .get_template("_dashboard_figures.html")
        .render(
            view=view,
            qs="",
            refresh=10,
            updated="08:00:00",
            percent=percent,
            vn_date=vn_date,
            number=number,
        )
    )


def test_the_office_sees_every_agency_and_no_secret_inspection(session, calendar):
    view = _view(session, calendar, VP_COORDINATOR)
    assert {row.key for row in view.by_agency} >= {"HB-SNV", "HB-STP", "HB-VP"}
    kinds = {line.title for line in view.overdue}
    assert all("kiểm tra" not in title.lower() for title in kinds)
    assert view.total.total == sum(row.total for row in view.by_agency)
    assert view.total.total == sum(row.total for row in view.by_document)


def test_a_head_sees_only_their_agency(session, calendar):
    view = _view(session, calendar, SNV_HEAD, agency="HB-STP")
    assert {row.key for row in view.by_agency} == {"HB-SNV"}
    assert all(line.agency == "HB-SNV" for line in view.overdue + view.due_this_week)


def test_staff_are_refused(session, calendar):
    actor = actor_for_email(session, SNV_STAFF)
    assert actor is not None and actor.role not in (Role.HEAD, Role.LEADER)
    with pytest.raises(PageError) as refused:
        _view(session, calendar, SNV_STAFF)
    assert refused.value.status == 403


def test_figures_render_with_colours_lists_and_chart(session, calendar):
    owner, plan = agency(session, "HB-STP"), obligation(session, "HB99-D3.1-KEHOACH")
    add_task(
        session,
        obligation=plan,
        agency=owner,
        due=date(2025, 3, 14),
        status=TaskStatus.DONE,
        completed_on=date(2025, 3, 12),
    )
    add_task(session, obligation=plan, agency=owner, due=date(2025, 4, 17))
    html = _render(_view(session, calendar, VP_COORDINATOR))
    assert 'hx-trigger="every 10s"' in html
    assert 'class="card status-red" data-figure="overdue"' in html
    assert "<svg" in html and 'data-month="03/25"' in html
    assert 'id="due-this-week"' in html and "17/04/2025" in html
    assert "Xếp hạng theo tỷ lệ hoàn thành đúng hạn" in html


def test_chart_bars_stack_on_time_under_late():
    bars = chart([MonthRate("2025-01", 3, 1), MonthRate("2025-02", 0, 0)])
    first, empty = bars
    assert first.on_time_h == 3 * first.late_h
    assert first.late_y + first.late_h == pytest.approx(first.on_time_y)
    assert first.rate == "75,0%" and empty.rate == "" and empty.on_time_h == 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"due_from": "2025-13-01"}, "không phải ngày hợp lệ"),
        ({"due_from": "2025-05-01", "due_to": "2025-01-01"}, "phải trước"),
        ({"kind": "khac"}, "không có trong danh sách"),
    ],
)
def test_bad_filters_are_refused_saying_which(query, message):
    with pytest.raises(PageError) as refused:
        DashboardQuery.parse(TODAY, **query)
    assert refused.value.status == 400 and message in refused.value.message
