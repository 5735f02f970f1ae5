"""The embedded scheduler: its jobs and their timing, and one sweeper among many processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from apscheduler.events import EVENT_JOB_EXECUTED
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from dondoc.db import make_engine, session_factory
from notifications.models import Lease
from workflows.lease import acquire_lease, release_lease
from workflows.rules import LOCAL_TZ
from workflows.scheduler import LeaseGuard, build_scheduler

T0 = datetime(2025, 3, 20, 7, 30, tzinfo=LOCAL_TZ)
TTL = timedelta(minutes=7)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


@pytest.fixture
def calls() -> list[tuple[str, datetime]]:
    return []


@pytest.fixture
def scheduler(calls):  # noqa: ANN201
    """Four jobs whose work only records (name, now); the clock is fixed at T0."""
    built = build_scheduler(
        lambda now: calls.append(("tick", now)),
        run_delivery=lambda now: calls.append(("deliver", now)),
        run_plan=lambda now: calls.append(("plan", now)),
        clock=lambda: T0,
    )
    yield built
    if built.running:
        built.shutdown(wait=False)


def test_the_embedded_mode_has_four_jobs(scheduler):
    assert sorted(job.id for job in scheduler.get_jobs()) == [
        "delivery-retries",
        "morning-digest",
        "sweep",
        "yearly-plan",
    ]


def test_the_morning_digest_fires_at_0730_hanoi_time_every_day(scheduler):
    trigger = scheduler.get_job("morning-digest").trigger
    assert trigger.get_next_fire_time(None, local("2025-03-20T06:00")) == local("2025-03-20T07:30")
    assert trigger.get_next_fire_time(None, local("2025-03-20T07:31")) == local("2025-03-21T07:30")
    # 07:30 in Hà Nội is 00:30 UTC, whatever the server's own zone
    fire = trigger.get_next_fire_time(None, local("2025-03-22T00:00"))
    assert fire.utcoffset() == timedelta(hours=7) and (fire.hour, fire.minute) == (7, 30)


def test_the_yearly_plan_fires_on_new_years_day_at_0005(scheduler):
    trigger = scheduler.get_job("yearly-plan").trigger
    assert trigger.get_next_fire_time(None, local("2025-06-01T12:00")) == local("2026-01-01T00:05")


def test_the_sweep_interval_comes_from_its_setting_and_delivery_retries_every_minute():
    built = build_scheduler(lambda now: None, sweep_minutes=7)
    assert built.get_job("sweep").trigger.interval == timedelta(minutes=7)
    assert built.get_job("delivery-retries").trigger.interval == timedelta(minutes=1)


def test_every_job_coalesces_runs_one_at_a_time_and_survives_a_short_pause(scheduler):
    graces = {job.id: job.misfire_grace_time for job in scheduler.get_jobs()}
    assert graces == {
        "sweep": 5 * 60,
        "morning-digest": 4 * 3600,
        "yearly-plan": 7 * 86400,
        "delivery-retries": 60,
    }
    assert all(job.coalesce and job.max_instances == 1 for job in scheduler.get_jobs())


def test_a_started_scheduler_plans_the_next_0730_in_hanoi(scheduler):
    scheduler.start(paused=True)
    digest = scheduler.get_job("morning-digest").next_run_time.astimezone(LOCAL_TZ)
    assert (digest.hour, digest.minute) == (7, 30)
    sweep = scheduler.get_job("sweep").next_run_time
    retry = scheduler.get_job("delivery-retries").next_run_time
    gap = sweep - retry  # both counted from the start: 5 minutes and 1 minute on
    assert abs(gap - timedelta(minutes=4)) < timedelta(seconds=1)


def test_each_job_hands_its_clock_reading_to_its_work(scheduler, calls):
    for job_id in ("sweep", "morning-digest", "yearly-plan", "delivery-retries"):
        scheduler.get_job(job_id).func()
    assert calls == [("tick", T0), ("tick", T0), ("plan", T0), ("deliver", T0)]


def test_a_job_does_nothing_while_another_process_holds_the_lease(calls):
    asked: list[datetime] = []
    built = build_scheduler(
        lambda now: calls.append(("tick", now)),
        guard=lambda now: asked.append(now) or False,
        clock=lambda: T0,
    )
    built.get_job("sweep").func()
    assert asked == [T0] and calls == []


def test_a_running_scheduler_runs_a_job_that_falls_due(scheduler, calls):
    done = threading.Event()
    scheduler.add_listener(lambda _event: done.set(), EVENT_JOB_EXECUTED)
    scheduler.start()
    scheduler.modify_job("delivery-retries", next_run_time=datetime.now(LOCAL_TZ))
    assert done.wait(5)
    assert ("deliver", T0) in calls


# Two processes on one database: two engines, two connection pools, like two `dondoc run`.


@pytest.fixture
def two_processes(database_url: str) -> Iterator[tuple[sessionmaker[Session], ...]]:
    engines = [make_engine(database_url), make_engine(database_url)]
    yield tuple(session_factory(engine) for engine in engines)
    for engine in engines:
        engine.dispose()


def claim(sessions: sessionmaker[Session], holder: str, at: datetime) -> bool:
    with sessions.begin() as session:
        return acquire_lease(session, "sweep", holder, at, TTL)


def test_only_one_process_holds_the_lease_until_it_expires(two_processes):
    first, second = two_processes
    assert claim(first, "A", T0)
    assert not claim(second, "B", T0 + timedelta(minutes=1))
    assert not claim(second, "B", T0 + TTL - timedelta(seconds=1))
    assert claim(second, "B", T0 + TTL)  # A fell silent: B takes over
    assert not claim(first, "A", T0 + TTL + timedelta(seconds=1))


def test_the_holder_renews_its_lease_each_run(two_processes):
    first, second = two_processes
    assert claim(first, "A", T0)
    assert claim(first, "A", T0 + timedelta(minutes=5))
    assert not claim(second, "B", T0 + TTL)  # would have expired without the renewal
    assert claim(second, "B", T0 + timedelta(minutes=5) + TTL)


def test_a_released_lease_is_free_at_once(two_processes):
    first, second = two_processes
    guard = LeaseGuard(first, "A", TTL)
    assert guard(T0)
    assert guard.release()
    assert claim(second, "B", T0 + timedelta(seconds=1))
    assert not guard.release()  # B's now: A cannot give it away


def test_the_lease_of_a_process_that_died_on_this_host_is_free_at_once(two_processes):
    first, second = two_processes
    dead = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603
    dead.wait()
    alive = f"{socket.gethostname()}:{os.getpid()}"
    assert claim(first, f"{socket.gethostname()}:{dead.pid}", T0)

    assert claim(second, alive, T0 + timedelta(seconds=1))  # not after TTL: its holder is gone
    assert not claim(first, "C", T0 + timedelta(seconds=2))  # a live holder keeps it


def test_a_refused_claim_leaves_the_callers_transaction_usable(two_processes):
    first, second = two_processes
    assert claim(first, "A", T0)
    with second.begin() as session:
        assert not acquire_lease(session, "sweep", "B", T0, TTL)  # the INSERT hit the key
        assert acquire_lease(session, "report", "B", T0, TTL)  # same transaction, still fine
    with second() as session:
        held = dict(session.execute(select(Lease.name, Lease.holder)).all())
    assert held == {"sweep": "A", "report": "B"}


def test_two_processes_racing_for_an_absent_lease_get_one_winner(two_processes):
    first, second = two_processes
    results: dict[str, bool] = {}
    with first.begin() as session:
        assert acquire_lease(session, "sweep", "A", T0, TTL)  # inserted, not yet committed
        racer = threading.Thread(target=lambda: results.update(B=claim(second, "B", T0)))
        racer.start()
        racer.join(0.3)
        assert racer.is_alive()  # B waits for A's transaction to decide
    racer.join(10)
    assert results == {"B": False}
    with second() as session:
        assert session.scalar(select(Lease.holder).where(Lease.name == "sweep")) == "A"


def test_release_only_removes_the_callers_own_lease(two_processes):
    first, _ = two_processes
    assert claim(first, "A", T0)
    with first.begin() as session:
        assert not release_lease(session, "sweep", "B")
        assert release_lease(session, "sweep", "A")
