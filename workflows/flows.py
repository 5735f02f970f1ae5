"""Prefect 3 flows for the distributed mode: the same batch steps the embedded scheduler runs.

Each flow is a thin shell around one batch function (`plan_if_needed`, `run_sweep`,
`deliver`): one Prefect task per batch step at most, never one per task or per e-mail (a
task run costs milliseconds, a flow run about a second). Steps are safe to retry: the
sweep advances tasks by compare-and-set and queues under unique keys; delivery claims
rows and resends with the same Message-ID. So retries sit on the steps, a few seconds
apart, and a failed step does not re-run the one before it.

Importing this module starts nothing. Calling a flow without PREFECT_API_URL starts a
temporary Prefect server (seconds): the CLI and the embedded mode never call these, they
call the batch functions directly. `dondoc flows serve` serves them on cron schedules
for a Prefect server (see `deployments`).

A flow is an entry point, like the CLI, but it lives below the shell: it says what it
needs (`Runtime`) and the shell builds it from the settings (`dondoc/runtime.py`, found
through the `dondoc.flows` entry point in pyproject.toml, so no import points upward).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib.metadata import entry_points
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.orm import Session, sessionmaker

from notifications.delivery import DeliverySettings, EmailSender, WebhookPoster, deliver
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.year_plan import PlanReport
from workflows.engine import plan_if_needed, run_sweep
from workflows.inspections import run_inspection_check
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ

# A step retries twice, 10 s then 30 s later: enough for a database fail-over or an SMTP
# relay's hiccup, short enough to finish well inside the next 5-minute run.
RETRIES = 2
RETRY_DELAYS: list[float] = [10, 30]
TIMEZONE = "Asia/Ho_Chi_Minh"
RUNTIME_ENTRY_POINT = "dondoc.flows"


@dataclass(frozen=True)
class Runtime:
    sessions: sessionmaker[Session]
    delivery: DeliverySettings
    email_transport: Callable[[], AbstractContextManager[EmailSender]]
    webhook_transport: Callable[[], AbstractContextManager[WebhookPoster]] | None
    webhook_urls: Sequence[str]
    inspection_secret: bytes | None = None


def runtime() -> AbstractContextManager[Runtime]:
    """The engine's parts, built by the shell (`dondoc.runtime`, found by its entry point)."""
    (builder,) = entry_points(group=RUNTIME_ENTRY_POINT, name="runtime")
    make: Callable[[], AbstractContextManager[Runtime]] = builder.load()
    return make()


def moment(now_iso: str | None) -> datetime:
    """The flow's `now`: the given ISO moment (Hà Nội time if it has no offset), or the clock."""
    if not now_iso:
        return datetime.now(UTC)
    value = datetime.fromisoformat(now_iso)
    return value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)


def plan_summary(report: PlanReport | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "year": report.year,
        "created": sum(report.created.values()),
        "moved": sum(report.moved.values()),
        "unchanged": sum(report.unchanged.values()),
    }


@task(name="plan-year", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, cache_policy=NO_CACHE)
def plan_step(rt: Runtime, year: int | None, now: datetime) -> dict[str, Any] | None:
    """Plan `year`; without one, the current year and only if it has no tasks yet."""
    with rt.sessions.begin() as session:
        if year is None:
            return plan_summary(plan_if_needed(session, now))
        report = plan_and_schedule(session, year=year, calendar=load_calendar(session), now=now)
        return plan_summary(report)


@task(name="sweep", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, cache_policy=NO_CACHE)
def sweep_step(rt: Runtime, now: datetime) -> dict[str, Any]:
    return asdict(run_sweep(rt.sessions, now, rt.webhook_urls))


@task(name="inspections", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, cache_policy=NO_CACHE)
def inspections_step(rt: Runtime, now: datetime) -> dict[str, Any]:
    """The daily inspection check (plans the year, warns, escalates): safe to repeat."""
    return asdict(run_inspection_check(rt.sessions, now, rt.inspection_secret))


@task(name="deliver", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS, cache_policy=NO_CACHE)
def deliver_step(rt: Runtime, now: datetime) -> dict[str, Any]:
    report = deliver(
        rt.sessions,
        now=now,
        settings=rt.delivery,
        email_transport=rt.email_transport,
        webhook_transport=rt.webhook_transport,
    )
    return asdict(report)


@flow(name="dondoc-plan", log_prints=False)
def plan_flow(year: int | None = None) -> dict[str, Any] | None:
    """Lập kế hoạch năm (mặc định: năm nay, nếu chưa có)."""
    with runtime() as rt:
        return plan_step(rt, year, datetime.now(UTC))


@flow(name="dondoc-sweep")
def sweep_flow(now_iso: str | None = None) -> dict[str, Any]:
    """Quét việc đến hạn, xếp thông báo vào hộp thư đi."""
    with runtime() as rt:
        return sweep_step(rt, moment(now_iso))


@flow(name="dondoc-deliver")
def deliver_flow(now_iso: str | None = None) -> dict[str, Any]:
    """Gửi các thông báo đến lượt (kể cả gửi lại)."""
    with runtime() as rt:
        return deliver_step(rt, moment(now_iso))


@flow(name="dondoc-tick")
def tick_flow(now_iso: str | None = None) -> dict[str, Any]:
    """Một lượt: lập kế hoạch nếu năm chưa có, quét, gửi (như `dondoc tick`)."""
    now = moment(now_iso)
    with runtime() as rt:
        result: dict[str, Any] = {
            "now": now.isoformat(),
            "plan": plan_step(rt, None, now),
            "sweep": sweep_step(rt, now),
            "inspections": inspections_step(rt, now),
            "delivery": deliver_step(rt, now),
        }
    get_run_logger().info(
        "tick at %s: %s queued, %s messages sent",
        result["now"],
        result["sweep"]["queued"],
        result["delivery"]["messages"],
    )
    return result


def deployments(sweep_minutes: int = 5) -> list[Any]:
    """The schedules of the distributed mode, the embedded scheduler's jobs as Prefect sees them.

    Deployment concurrency 1 plays the part of the embedded mode's lease.
    """
    from prefect.client.schemas.objects import ConcurrencyLimitConfig
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    def one_at_a_time() -> ConcurrencyLimitConfig:
        return ConcurrencyLimitConfig(limit=1, collision_strategy="CANCEL_NEW")

    common: dict[str, Any] = {"entrypoint_type": EntrypointType.MODULE_PATH}
    return [
        tick_flow.to_deployment(
            name="tick",
            schedules=[
                Cron(f"*/{sweep_minutes} * * * *", timezone=TIMEZONE),
                Cron("30 7 * * *", timezone=TIMEZONE),  # the morning digest, sharp
            ],
            concurrency_limit=one_at_a_time(),
            description="Quét và gửi thư định kỳ; 07:30 là thư tổng hợp buổi sáng.",
            **common,
        ),
        deliver_flow.to_deployment(
            name="delivery-retries",
            schedules=[Cron("* * * * *", timezone=TIMEZONE)],
            concurrency_limit=one_at_a_time(),
            description="Gửi lại thư chưa gửi được, mỗi phút.",
            **common,
        ),
        plan_flow.to_deployment(
            name="yearly-plan",
            schedules=[Cron("5 0 1 1 *", timezone=TIMEZONE)],
            concurrency_limit=one_at_a_time(),
            description="Lập kế hoạch năm mới lúc 00:05 ngày 01/01.",
            **common,
        ),
    ]
