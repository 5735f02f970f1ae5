"""Two coordinators approve the same result at the same moment: it is approved once, with
one audit row and one e-mail per person."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from dondoc.db import transaction
from notifications.models import Notification
from services import decisions
from tasks_catalog.lifecycle import TransitionRefused
from tasks_catalog.models_lifecycle import TaskAudit
from tests.services.factories import CHIEF, COORDINATOR, SNV_HEAD, actor, at, decide, plan_task_id


def test_a_result_approved_twice_at_once_is_approved_once(world: Engine) -> None:
    task_id = plan_task_id(world)
    decide(world, decisions.submit, SNV_HEAD, task_id)
    first_decided, first_may_commit = threading.Event(), threading.Event()
    outcomes: dict[str, Any] = {}

    def first() -> None:
        with transaction(world) as session:
            decisions.approve(
                session, actor(world, COORDINATOR), task_id, now=at("2025-03-11T09:00")
            )
            first_decided.set()
            first_may_commit.wait(30)  # holds the row (PostgreSQL) / the write lock (SQLite)
        outcomes["first"] = "approved"

    def second() -> None:
        first_decided.wait(30)
        try:
            with transaction(world) as session:
                decisions.approve(session, actor(world, CHIEF), task_id, now=at("2025-03-11T09:01"))
            outcomes["second"] = "approved"
        except (TransitionRefused, OperationalError) as refused:
            outcomes["second"] = refused

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_decided.wait(30)
    timer = threading.Timer(1.0, first_may_commit.set)  # the second is waiting by then
    timer.start()
    for thread in threads:
        thread.join(60)
    assert outcomes["first"] == "approved"
    assert outcomes["second"] != "approved", "approved twice"
    with transaction(world) as session:
        approvals = session.scalar(
            select(func.count())
            .select_from(TaskAudit)
            .where(TaskAudit.task_id == task_id, TaskAudit.action == "approve")
        )
        told = session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.task_id == task_id, Notification.step == "approved")
        )
    assert (approvals, told) == (1, 2)  # Sở Nội vụ's staff and head, once each
