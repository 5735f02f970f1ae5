"""The follow-up rules, as plain functions of a task, a policy, a calendar and a time."""

from __future__ import annotations

from datetime import date, datetime

from tasks_catalog.calendar import default_calendar
from workflows.policy import DEFAULT_POLICY, FollowUpPolicy
from workflows.rules import (
    LOCAL_TZ,
    ActionKind,
    Audience,
    TaskFacts,
    due_actions,
    next_action_after_change,
    timeline,
)

CAL = default_calendar()


def task(**changes) -> TaskFacts:  # noqa: ANN003
    values = dict(
        task_id=1,
        role="lead",
        kind="deliverable",
        status="not_started",
        due=date(2025, 12, 15),
        period_start=date(2025, 12, 15),
        period_end=date(2025, 12, 15),
        created_on=date(2025, 11, 1),
    )
    values.update(changes)
    return TaskFacts(**values)


def at(day: str, hour: int = 7, minute: int = 30) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), LOCAL_TZ).replace(
        hour=hour, minute=minute
    )


def schedule(facts: TaskFacts, policy: FollowUpPolicy = DEFAULT_POLICY) -> list[tuple[str, str]]:
    return [(a.at.date().isoformat(), a.step) for a in timeline(facts, policy, CAL)]


def test_a_deliverable_is_reminded_7_3_1_working_days_before_and_on_the_day():
    assert schedule(task())[:4] == [
        ("2025-12-04", "before-7"),
        ("2025-12-10", "before-3"),
        ("2025-12-12", "before-1"),
        ("2025-12-15", "due-day"),
    ]


def test_an_overdue_task_escalates_to_owner_head_leadership_then_weekly():
    steps = schedule(task())[4:]
    assert steps == [
        ("2025-12-16", "overdue-1"),
        ("2025-12-18", "overdue-3"),
        ("2025-12-24", "overdue-7"),
        ("2025-12-31", "overdue-weekly-1"),
        ("2026-01-09", "overdue-weekly-2"),  # 1/1 is a holiday, 2/1/2026 swapped off
        ("2026-01-15", "overdue-weekly-3"),  # Saturday 10/1 is worked
        ("2026-01-22", "overdue-weekly-4"),
    ]
    actions = {a.step: a for a in timeline(task(), DEFAULT_POLICY, CAL)}
    assert actions["overdue-1"].to == (Audience.ASSIGNEE,) and actions["overdue-1"].cc == (
        Audience.ASSIGNER,
    )
    assert actions["overdue-3"].to == (Audience.HEAD,)
    assert actions["overdue-7"].to == (Audience.LEADERSHIP,)


def test_a_reminder_skips_the_tet_holiday():
    steps = dict(
        (step, day)
        for day, step in schedule(task(due=date(2025, 2, 6), created_on=date(2025, 1, 1)))
    )
    # 27–31/1/2025 are days off; 7 working days before 6/2 is 21/1.
    assert steps["before-7"] == "2025-01-21" and steps["before-3"] == "2025-02-03"


def test_a_cooperating_agency_gets_only_the_first_reminder():
    assert schedule(task(role="cooperating")) == [("2025-12-04", "before-7")]


def test_a_finished_submitted_or_recalled_task_needs_nothing():
    for status in ("done", "submitted", "recalled"):
        assert timeline(task(status=status), DEFAULT_POLICY, CAL) == []


def test_a_returned_task_is_followed_again():
    assert schedule(task(status="returned"))[0] == ("2025-12-04", "before-7")


def test_an_extension_restarts_from_the_new_due_date():
    steps = schedule(task(due=date(2026, 1, 15)))
    # Saturday 10/1/2026 is a make-up working day, so 7 working days before 15/1 is 7/1.
    assert ("2026-01-07", "before-7") in steps and ("2026-01-16", "overdue-1") in steps
    assert ("2025-12-04", "before-7") not in steps


def test_a_task_created_between_two_reminders_gets_the_one_it_stands_at_that_morning():
    # Due Monday 15/12; created Thursday 11/12, after "3 days before" (10/12).
    steps = schedule(task(created_on=date(2025, 12, 11)))

    assert steps[:2] == [("2025-12-11", "before-3"), ("2025-12-12", "before-1")]
    assert ("2025-12-04", "before-7") not in steps and ("2025-12-10", "before-3") not in steps


def test_a_task_created_already_overdue_is_chased_at_once_with_its_current_step():
    # A catalogue loaded on 09/06/2025 with a task due 31/03: the leadership step, today.
    steps = schedule(task(due=date(2025, 3, 31), period_start=date(2025, 3, 31),
                          period_end=date(2025, 3, 31), created_on=date(2025, 6, 9)))  # fmt: skip

    assert steps[0] == ("2025-06-09", "overdue-weekly-4")
    assert len([s for s in steps if s[0] == "2025-06-09"]) == 1


def test_a_year_planned_after_it_ended_still_chases_every_open_task():
    # `dondoc plan --year 2025` run in 2026: nothing of 2025 may stay silent.
    late = task(created_on=date(2026, 12, 7))

    assert schedule(late) == [("2026-12-07", "overdue-weekly-4")]


def test_a_task_with_a_step_on_its_first_day_gets_that_step_only():
    # Created on the morning of "1 day before": that reminder, not the one it missed too.
    steps = schedule(task(created_on=date(2025, 12, 12)))

    assert steps[0] == ("2025-12-12", "before-1") and steps[1][1] == "due-day"


def test_a_long_deliverable_is_asked_for_progress_at_quarterly_cut_offs():
    steps = schedule(task(created_on=date(2025, 1, 2)))
    progress = [s for s in steps if s[1].startswith("progress-")]
    assert progress == [
        ("2025-03-14", "progress-2025-Q1"),
        ("2025-06-16", "progress-2025-Q2"),  # 14/6 is a Saturday
        ("2025-09-15", "progress-2025-Q3"),
    ]


def test_a_progress_request_names_the_quarter_asked_about_not_the_task_period():
    # A once-off due at year end: its own period says nothing of which report is wanted.
    long_task = task(period_label="once", created_on=date(2025, 1, 2))
    requests = [
        (a.step, a.at.date(), a.report_period, a.report_cutoff, a.report_due)
        for a in timeline(long_task, DEFAULT_POLICY, CAL)
        if a.kind == ActionKind.STATUS_REQUEST
    ]
    # Asked on the cut-off (rolled to a working day), figures up to the cut-off, sent within
    # five working days of it (Nghị định 09: the cut-off is not the day to send).
    assert requests == [
        ("progress-2025-Q1", date(2025, 3, 14), "2025-Q1", date(2025, 3, 14), date(2025, 3, 21)),
        # 14/6 is a Saturday: asked on Monday 16/6, five working days after the 14th.
        ("progress-2025-Q2", date(2025, 6, 16), "2025-Q2", date(2025, 6, 14), date(2025, 6, 20)),
        ("progress-2025-Q3", date(2025, 9, 15), "2025-Q3", date(2025, 9, 14), date(2025, 9, 19)),
    ]


def test_a_multi_year_target_is_asked_for_each_quarter_of_each_year():
    target = task(
        kind="target",
        period_label="2026",
        due=date(2026, 12, 31),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        created_on=date(2025, 1, 2),
    )
    asked = [a.report_period for a in timeline(target, DEFAULT_POLICY, CAL) if a.report_period]
    assert asked == [f"{year}-Q{quarter}" for year in (2025, 2026) for quarter in (1, 2, 3, 4)]


def test_a_report_is_requested_chased_and_missing_for_its_own_period_and_due_date():
    report = task(
        kind="recurring_report",
        is_report=True,
        period_label="2025-H1",
        due=date(2025, 6, 20),
        period_start=date(2024, 12, 15),
        period_end=date(2025, 6, 14),
        created_on=date(2025, 1, 1),
    )
    about = {a.step: (a.report_period, a.report_due) for a in timeline(report, DEFAULT_POLICY, CAL)}
    for step in ("request", "chase", "missing-1"):
        assert about[step] == ("2025-H1", date(2025, 6, 20))
    # Reminders and escalations are about the task, and say so with its own period.
    assert about["due-day"] == about["missing-3"] == (None, None)


def test_a_quarterly_report_is_requested_chased_and_then_missing():
    report = task(
        kind="recurring_report",
        is_report=True,
        due=date(2025, 3, 19),
        period_start=date(2024, 12, 15),
        period_end=date(2025, 3, 14),
        created_on=date(2025, 1, 1),
    )
    steps = schedule(report)
    assert steps[:5] == [
        ("2025-03-07", "request"),
        ("2025-03-14", "chase"),
        ("2025-03-19", "due-day"),
        ("2025-03-24", "missing-1"),  # grace of 2 working days, then 1 more
        ("2025-03-26", "missing-3"),
    ]
    kinds = {a.step: a.kind for a in timeline(report, DEFAULT_POLICY, CAL)}
    assert (
        kinds["request"] == ActionKind.STATUS_REQUEST
        and kinds["missing-1"] == ActionKind.STATUS_MISSING
    )


def test_inspection_tasks_are_left_to_the_inspection_engine():
    assert timeline(task(kind="inspection_duty"), DEFAULT_POLICY, CAL) == []


def test_only_the_latest_missed_step_is_sent_after_downtime():
    actions = due_actions(
        task(), DEFAULT_POLICY, CAL, now=at("2025-12-26", 9), since=at("2025-12-04")
    )
    assert [a.step for a in actions] == ["overdue-7"]


def test_an_action_is_due_from_its_morning_not_before():
    assert due_actions(task(), DEFAULT_POLICY, CAL, now=at("2025-12-04", 7, 29), since=None) == []
    actions = due_actions(task(), DEFAULT_POLICY, CAL, now=at("2025-12-04", 7, 30), since=None)
    assert [a.step for a in actions] == ["before-7"]


def test_a_policy_can_change_the_reminder_days():
    strict = FollowUpPolicy.from_dict(
        "strict", {"reminder_days": [1, 5], "remind_on_due_day": False}
    )
    assert schedule(task(), strict)[:2] == [("2025-12-08", "before-5"), ("2025-12-12", "before-1")]


def test_after_a_change_the_task_is_followed_from_now_on_never_from_its_first_step():
    # Due 31/3, reminded on 20/3 and 26/3, extended to 15/4 on 27/3 at 14:00: the new due
    # date's timeline opens with the progress request of the cut-off 14/3, long gone.
    day = date(2025, 4, 15)
    extended = task(due=day, period_start=day, period_end=day, created_on=date(2025, 1, 2))
    assert timeline(extended, DEFAULT_POLICY, CAL)[0].at == at("2025-03-14")
    later = next_action_after_change(
        extended, DEFAULT_POLICY, CAL, now=at("2025-03-27", 14), pending=at("2025-03-28")
    )
    assert later == at("2025-04-03")  # before-7 of 15/4 (7/4 is Giỗ Tổ)


def test_after_a_change_an_action_due_but_not_yet_swept_is_kept_while_the_task_is_open():
    pending = at("2025-12-10")  # before-3; the sweep has not reached it at 07:31
    now = at("2025-12-10", 7, 31)
    assert next_action_after_change(task(), DEFAULT_POLICY, CAL, now=now, pending=pending) == (
        pending
    )
    submitted = task(status="submitted")
    assert (
        next_action_after_change(submitted, DEFAULT_POLICY, CAL, now=now, pending=pending) is None
    )
