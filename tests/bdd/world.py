"""Where a scenario lives: a database with the catalogues loaded, and the engine's clock.

Loading the seed catalogues takes about a second, planning a year a few tenths; a feature
run has hundreds of scenarios. So each test process loads a catalogue once into a template
and plans each year there once, with every task paused (`next_action_at` empty). A
scenario then starts from the template: on SQLite a copy of the file, on PostgreSQL one
transaction on the worker's database that is rolled back at the end (the engine's own
transactions become savepoints inside it). The scenario's "Biết nhiệm vụ …" steps resume
only the tasks they name, through the engine's `schedule_first_actions`, exactly as
`plan_and_schedule` would have on 1 January: what a scenario receives is what dondoc
sends about those obligations, and nothing else.

Years accumulate in a template (a scenario of 2025 may find 2023 planned too, paused):
that changes nothing a scenario follows. The inspection check of issue 4 looks at every
inspection duty, followed or not; its scenarios say so.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from dondoc.db import make_engine, session_factory, transaction
from notifications.delivery import DeliverySettings, deliver
from notifications.links import LinkSigner
from notifications.models import Notification, NotificationState
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import OPEN_STATUSES, Task
from tasks_catalog.year_plan import plan_year
from tests.bdd.people import People
from workflows.engine import run_sweep
from workflows.followup import schedule_first_actions
from workflows.rules import LOCAL_TZ

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tasks_catalog" / "data"
MORNING = time(7, 30)  # the morning digest (README: "morning digest 07:30")
SETTINGS = DeliverySettings(
    sender="Dondoc <dondoc@ubnd.example>",
    base_url="https://dondoc.example",
    signer=LinkSigner(b"f" * 32),
    worker="features",
)


def morning_of(day: date) -> datetime:
    return datetime.combine(day, MORNING, tzinfo=LOCAL_TZ)


def new_year(year: int) -> datetime:
    """When a year's plan is made: dondoc's scheduler plans the new year on 1 January."""
    return datetime(year, 1, 1, tzinfo=LOCAL_TZ)


@dataclass
class ScenarioDatabase:
    """The database one scenario runs on, and the calendar the engine reads from it."""

    sessions: sessionmaker[Session]
    calendar: WorkCalendar
    people: People  # the agency registry (scenarios never change it)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    def next_busy_morning(self, not_before: datetime) -> datetime | None:
        """The first morning from `not_before` on at which a tick has anything to do.

        A tick on any earlier morning would find no task due and no e-mail to retry: it
        would change nothing. Skipping those mornings lets a scenario live through a year
        in a fraction of a second without changing what it observes.
        """
        with self.sessions() as session:
            task = session.scalar(
                select(func.min(Task.next_action_at)).where(Task.status.in_(OPEN_STATUSES))
            )
            retry = session.scalar(
                select(func.min(Notification.next_attempt_at)).where(
                    Notification.state == NotificationState.PENDING
                )
            )
        pending = [moment for moment in (task, retry) if moment is not None]
        if not pending:
            return None
        first = min(pending).astimezone(LOCAL_TZ)
        candidate = morning_of(first.date())
        if candidate < first:
            candidate = morning_of(first.date() + timedelta(days=1))
        return max(candidate, not_before)


@dataclass
class TemplateStore:
    """One test process's templates: catalogues loaded once, each year planned once."""

    backend: str  # sqlite | postgres
    folder: Path
    postgres_url: str | None = None  # the worker's own PostgreSQL database
    _loaded: dict[tuple[str, ...], set[int]] = field(default_factory=dict)
    _engines: dict[tuple[str, ...], Engine] = field(default_factory=dict)
    _people: dict[tuple[str, ...], People] = field(default_factory=dict)

    def prepare(self, catalogues: Sequence[Path], years: Sequence[int]) -> Engine:
        """The template engine with `catalogues` loaded and `years` planned (paused)."""
        key = tuple(str(p.resolve()) for p in catalogues)
        engine = self._engines.get(key)
        if engine is None:
            engine = self._engines[key] = self._create(key)
            with transaction(engine) as session:
                load_paths(session, list(catalogues), load_calendar(session), new_year(2000))
                self._people[key] = People(session)
            self._loaded[key] = set()
        for year in sorted(set(years) - self._loaded[key]):
            with transaction(engine) as session:
                plan_year(session, year=year, calendar=load_calendar(session), now=new_year(year))
            self._loaded[key].add(year)
        if self.backend == "sqlite":
            engine.dispose()  # close the file (and fold the WAL into it) before copying it
        return engine

    def _create(self, key: tuple[str, ...]) -> Engine:
        from tests.conftest import initialise  # what `dondoc init` does

        name = hashlib.sha256("\n".join(key).encode()).hexdigest()[:12]
        if self.backend == "sqlite":
            engine = make_engine(f"sqlite:///{self.folder / f'template-{name}.sqlite3'}")
        else:
            assert self.postgres_url is not None, "PostgreSQL templates need a database"
            if self._engines:
                raise NotImplementedError("one catalogue set per PostgreSQL worker database")
            engine = make_engine(self.postgres_url)
        initialise(engine)
        return engine

    @contextmanager
    def scenario(
        self, catalogues: Sequence[Path], years: Sequence[int], workdir: Path
    ) -> Iterator[ScenarioDatabase]:
        template = self.prepare(catalogues, years)
        people = self._people[tuple(str(p.resolve()) for p in catalogues)]
        if self.backend == "sqlite":
            yield from _sqlite_copy(template, workdir, people)
        else:
            yield from _postgres_transaction(template, people)

    def close(self) -> None:
        for engine in self._engines.values():
            engine.dispose()


def _sqlite_copy(template: Engine, workdir: Path, people: People) -> Iterator[ScenarioDatabase]:
    path = workdir / "dondoc.sqlite3"
    shutil.copy(template.url.database, path)
    engine = make_engine(f"sqlite:///{path}")
    # A scenario's copy is thrown away: no need to wait for the disk at every commit.
    event.listen(engine, "connect", _no_sync)
    try:
        sessions = session_factory(engine)
        with sessions() as session:
            calendar = load_calendar(session)
        yield ScenarioDatabase(sessions, calendar, people)
    finally:
        engine.dispose()


def _no_sync(dbapi_connection, _record) -> None:  # noqa: ANN001
    dbapi_connection.execute("PRAGMA synchronous=OFF")


def _postgres_transaction(template: Engine, people: People) -> Iterator[ScenarioDatabase]:
    with template.connect() as connection:
        outer = connection.begin()
        try:
            # The engine commits its own units of work; inside this transaction each
            # commit releases a savepoint, and the rollback below undoes them all.
            sessions = sessionmaker(
                bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )
            with sessions() as session:
                calendar = load_calendar(session)
            yield ScenarioDatabase(sessions, calendar, people)
        finally:
            outer.rollback()


def resume(session: Session, tasks: Sequence[Task], calendar: WorkCalendar) -> None:
    """Follow these tasks from their first action, as planning on 1 January would have."""
    schedule_first_actions(session, tasks, calendar)


class Post:
    """The scenario's SMTP connection to its mail catcher, kept open from tick to tick.

    dondoc opens one connection per delivery run; a scenario has dozens of runs, and
    opening (with its TLS context, EHLO and QUIT) would cost more than what is sent.
    """

    def __init__(self, url: str) -> None:
        self._transport = SmtpTransport(SmtpSettings.from_url(url))

    @contextmanager
    def connection(self) -> Iterator[SmtpTransport]:
        yield self._transport  # left open for the next run; closed by `close`

    def close(self) -> None:
        self._transport.close()


def tick(db: ScenarioDatabase, post: Post, at: datetime) -> None:
    """What dondoc's scheduler does each morning: sweep, then deliver over SMTP."""
    run_sweep(db.sessions, at)
    deliver(db.sessions, now=at, settings=SETTINGS, email_transport=post.connection)


def inspection_check(db: ScenarioDatabase, post: Post, at: datetime) -> None:
    """The inspection check of the tick (issue 4): warnings on checkpoints, then delivery."""
    from workflows.inspections import run_inspection_check

    run_inspection_check(db.sessions, at)
    deliver(db.sessions, now=at, settings=SETTINGS, email_transport=post.connection)


def run_mornings(db: ScenarioDatabase, post: Post, first: date, last: date) -> list[datetime]:
    """Tick every morning from `first` to `last`; returns the mornings that had work."""
    ran: list[datetime] = []
    at = morning_of(first)
    end = morning_of(last)
    while at <= end:
        busy = db.next_busy_morning(at)
        if busy is None or busy > end:
            break
        at = busy
        tick(db, post, at)
        ran.append(at)
        at += timedelta(days=1)
    return ran
