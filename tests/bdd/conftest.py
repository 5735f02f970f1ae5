"""The step library of the feature files (features/README.md lists every phrase).

Given steps load the catalogues and name the obligations a scenario follows; when steps
run the real engine (sweep, then delivery over SMTP to a mail catcher on loopback) on
chosen mornings, or change a task the way an office would; then steps read the e-mails
back and say who got what. Each scenario runs on SQLite and on PostgreSQL (the binding
module asks for `bdd_backend`); the mechanics live in world.py, following.py,
mailbox.py, people.py and expectations.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path

import pytest
from parse import with_pattern
from pytest_bdd import given, parsers, then, when

from notifications.mailcatcher import MailCatcher
from tasks_catalog.status import LABELS, display_status
from tests.bdd import expectations as expect
from tests.bdd import following as follow
from tests.bdd.following import Followed
from tests.bdd.mailbox import Delivered, Mailbox, describe
from tests.bdd.world import (
    ROOT,
    SEEDS,
    Post,
    ScenarioDatabase,
    TemplateStore,
    inspection_check,
    morning_of,
    run_mornings,
    tick,
)

# One xdist group per database: each worker builds the templates of one database only.
BACKENDS = [
    pytest.param("sqlite", marks=pytest.mark.xdist_group("features-sqlite")),
    pytest.param(
        "postgres", marks=[pytest.mark.postgres, pytest.mark.xdist_group("features-postgres")]
    ),
]


@with_pattern(r"\d{1,2}/\d{1,2}/\d{4}")
def _day(text: str) -> date:
    return datetime.strptime(text, "%d/%m/%Y").date()


def step(pattern: str) -> parsers.parse:
    """A step pattern; {x:Day} is a date written as offices write it (15/12/2025)."""
    return parsers.parse(pattern, extra_types={"Day": _day})


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def bdd_backend(request: pytest.FixtureRequest) -> str:
    """Which database the scenario runs on."""
    return request.param


@pytest.fixture(scope="session")
def bdd_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, TemplateStore]]:
    """This test process's templates, by backend, made when a scenario first needs one."""
    stores: dict[str, TemplateStore] = {}
    yield stores
    for store in stores.values():
        store.close()
    if "postgres" in stores:
        from tests.conftest import drop_postgres_database

        drop_postgres_database(stores["postgres"].postgres_url or "")


def _store(
    backend: str, stores: dict[str, TemplateStore], factory: pytest.TempPathFactory
) -> TemplateStore:
    if backend not in stores:
        url = None
        if backend == "postgres":
            from tests.conftest import fresh_postgres_database  # skips (or fails) without one

            url = fresh_postgres_database("features")
        stores[backend] = TemplateStore(backend, factory.mktemp(f"features-{backend}"), url)
    return stores[backend]


@pytest.fixture
def scenario_exit() -> Iterator[ExitStack]:
    """Closes what a scenario opened (its database, its mail catcher) when it ends."""
    with ExitStack() as stack:
        yield stack


@pytest.fixture
def mailbox(tmp_path: Path, scenario_exit: ExitStack) -> tuple[Post, Mailbox]:
    """A real SMTP server on loopback for this scenario alone: (how to send, what arrived)."""
    catcher = scenario_exit.enter_context(MailCatcher(tmp_path / "mail"))
    post = Post(catcher.url)
    scenario_exit.callback(post.close)
    return post, Mailbox(catcher.directory)


@pytest.fixture
def followed() -> list[Followed]:
    """The tasks the scenario's "Biết …" steps named."""
    return []


@pytest.fixture
def listed() -> list[str]:
    """The codes of a "Biết các … sau …:" table, in its order."""
    return []


# --- Biết: the catalogues, the obligations followed -----------------------------------------


def _open(
    catalogues: list[Path],
    years: str,
    backend: str,
    stores: dict[str, TemplateStore],
    factory: pytest.TempPathFactory,
    tmp_path: Path,
    exit_stack: ExitStack,
) -> ScenarioDatabase:
    numbers = [int(y) for y in years.replace(" và ", ",").split(",") if y.strip()]
    store = _store(backend, stores, factory)
    return exit_stack.enter_context(store.scenario(catalogues, numbers, tmp_path))


@given(step("danh mục mẫu đã được nạp và lập kế hoạch năm {years}"), target_fixture="db")
def _(bdd_backend, bdd_templates, tmp_path_factory, tmp_path, scenario_exit, years):
    return _open(
        [SEEDS], years, bdd_backend, bdd_templates, tmp_path_factory, tmp_path, scenario_exit
    )


@given(step('danh mục "{paths}" đã được nạp và lập kế hoạch năm {years}'), target_fixture="db")
def _(bdd_backend, bdd_templates, tmp_path_factory, tmp_path, scenario_exit, paths, years):
    catalogues = [ROOT / p.strip() for p in paths.split(",")]
    return _open(
        catalogues, years, bdd_backend, bdd_templates, tmp_path_factory, tmp_path, scenario_exit
    )


@given(step('nhiệm vụ "{code}" ({clause}) của "{agency}" có thời hạn {due:Day}'))
def _(db, followed, code, clause, agency, due):
    follow.follow_leads(db, followed, code=code, clause=clause, agency=agency, due=due)


@given(step('nhiệm vụ "{code}" ({clause}) kỳ "{period}" của "{agency}" có thời hạn {due:Day}'))
def _(db, followed, code, clause, period, agency, due):
    follow.follow_leads(
        db, followed, code=code, clause=clause, agency=agency, due=due, period=period
    )


@given(
    step(
        'chỉ tiêu "{code}" ({clause}) là "{goal}" năm {year:d}, '
        'do "{agency}" báo cáo trước {due:Day}'
    )
)
def _(db, followed, code, clause, goal, year, agency, due):
    tasks = follow.follow_leads(db, followed, code=code, clause=clause, agency=agency, due=due)
    follow.check_goal(db, tasks[0].obligation_id, code, goal, year)


@given(step('các cơ quan phối hợp là "{agencies}"'))
def _(db, followed, agencies):
    follow.cooperating(db, followed, follow.last_obligation(followed), agencies, follow=False)


@given(step('các cơ quan phối hợp "{agencies}" cũng được theo dõi'))
def _(db, followed, agencies):
    follow.cooperating(db, followed, follow.last_obligation(followed), agencies, follow=True)


@given(step("các nhiệm vụ sau có thời hạn {due:Day}:"))
def _(db, followed, listed, datatable, due):
    follow.follow_table(db, followed, listed, datatable, due)


@given(step("các chỉ tiêu sau phải báo cáo kết quả trước {due:Day}:"))
def _(db, followed, listed, datatable, due):
    follow.follow_table(db, followed, listed, datatable, due)


@given(step('nhiệm vụ kiểm tra "{code}" ({clause}) của "{agency}" năm {year:d}'))
def _(db, followed, code, clause, agency, year):
    follow.follow_inspections(db, followed, code, clause, agency, year)


@given(step("hệ thống đã chạy mỗi sáng đến hết ngày {day:Day}"))
def _(db, mailbox, day):
    post, box = mailbox
    first = db.next_busy_morning(morning_of(date(1900, 1, 1)))
    if first is not None:
        run_mornings(db, post, first.date(), day)
    with db.sessions() as session:
        box.new_mails(session)  # what went before the scenario's "Khi" is history


# --- Khi: the engine runs, the office acts ----------------------------------------------------


def _delivered(db: ScenarioDatabase, box: Mailbox) -> Delivered:
    with db.sessions() as session:
        return Delivered(box.new_mails(session))


@when(step("hệ thống chạy vào sáng {day:Day}"), target_fixture="delivered")
def _(db, mailbox, day):
    post, box = mailbox
    tick(db, post, morning_of(day))
    return _delivered(db, box)


@when(step("hệ thống chạy mỗi sáng từ {first:Day} đến {last:Day}"), target_fixture="delivered")
def _(db, mailbox, first, last):
    post, box = mailbox
    run_mornings(db, post, first, last)
    return _delivered(db, box)


@when(step("hệ thống kiểm tra tiến độ kiểm tra vào sáng {day:Day}"), target_fixture="delivered")
def _(db, mailbox, day):
    post, box = mailbox
    inspection_check(db, post, morning_of(day))
    return _delivered(db, box)


@when(step('"{agency}" hoàn thành nhiệm vụ "{code}" vào ngày {day:Day}'))
def _(db, followed, agency, code, day):
    follow.complete(db, followed, agency, code, day)


@when(step('nhiệm vụ "{code}" của "{agency}" được gia hạn đến {due:Day} vào ngày {day:Day}'))
def _(db, followed, code, agency, due, day):
    follow.extend(db, followed, code, agency, due, day)


@when(step('nhiệm vụ "{code}" bị thu hồi vào ngày {day:Day}'))
def _(db, followed, code, day):
    follow.recall(db, followed, code, day)


# --- Thì: who got what ------------------------------------------------------------------------


@then(step('{who} nhận thư {letter} về "{code}"'))
def _(db, followed, delivered, who, letter, code):
    expect.expect_letters(db, followed, delivered, who=who, letter=letter, code=code)


@then(step('{who} nhận thư {letter} về "{code}" vào sáng {day:Day}'))
def _(db, followed, delivered, who, letter, code, day):
    expect.expect_letters(db, followed, delivered, who=who, letter=letter, code=code, days={day})


@then(step("{who} nhận thư {letter} về từng {noun} trong danh sách"))
def _(db, followed, listed, delivered, who, letter, noun):
    assert listed, "Kịch bản chưa có danh sách nhiệm vụ (Biết các … sau …:)"
    for code in listed:
        expect.expect_letters(db, followed, delivered, who=who, letter=letter, code=code)


@then(step('các thư về "{code}" là:'))
def _(db, followed, delivered, code, datatable):
    header, *rows = datatable
    column = {name.strip().casefold(): n for n, name in enumerate(header)}
    for row in rows:
        expect.expect_letters(
            db,
            followed,
            delivered,
            who=row[column["người nhận"]],
            letter=row[column["thư"]],
            code=code,
            days={_day(row[column["sáng"]].strip())},
        )
    expect.nobody_else(delivered, code)


@then("không ai khác nhận thư")
@then("không đơn vị nào khác nhận thư")
def _(delivered):
    expect.nobody_else(delivered, None)


@then(step('không ai khác nhận thư về "{code}"'))
def _(delivered, code):
    expect.nobody_else(delivered, code)


@then("không ai nhận thư")
def _(delivered):
    assert not delivered.items, f"Có thư gửi đi:\n{describe(delivered.items)}"


@then(step('không ai nhận thư về "{code}"'))
def _(delivered, code):
    about = [i for i in delivered.items if i.task.code == code]
    assert not about, f'Có thư về "{code}":\n{describe(about)}'


@then(step("không ai nhận thư trong những ngày từ {first:Day} đến {last:Day}"))
def _(delivered, first, last):
    inside = [i for i in delivered.items if first <= i.day <= last]
    assert not inside, f"Có thư trong những ngày đó:\n{describe(inside)}"


@then(step('thư về "{code}" ghi "{words}"'))
def _(delivered, code, words):
    mails = [m for m in delivered.mails if any(i.task.code == code for i in m.items)]
    assert mails, f'Không có thư nào về "{code}"'
    for mail in mails:
        assert words in mail.text, f'Thư gửi {", ".join(mail.recipients)} không ghi "{words}"'


@then(step('thư sáng {day:Day} về "{code}" ghi "{words}"'))
def _(delivered, day, code, words):
    mails = [
        m for m in delivered.mails if m.day == day and any(i.task.code == code for i in m.items)
    ]
    assert mails, f'Không có thư nào về "{code}" sáng {day:%d/%m/%Y}'
    for mail in mails:
        assert words in mail.text, f'Thư gửi {", ".join(mail.recipients)} không ghi "{words}"'


@then(step("{who} không nhận thư nào"))
def _(db, followed, delivered, who):
    addresses = expect.audience(db, followed, who, None).addresses
    got = [i for i in delivered.items if i.recipient in addresses]
    assert not got, f"{who} đã nhận thư:\n{describe(got)}"


@then("mỗi người nhận nhiều nhất một thư mỗi sáng")
def _(delivered):
    seen: dict[tuple[str, date], str] = {}
    for mail in delivered.mails:
        for recipient in mail.recipients:
            earlier = seen.setdefault((recipient, mail.day), mail.id)
            assert earlier == mail.id, f"{recipient} nhận hai thư sáng {mail.day:%d/%m/%Y}"


@then(step("{who} nhận một thư gồm các nhiệm vụ {codes}"))
def _(db, followed, delivered, who, codes):
    expect.one_digest(db, followed, delivered, who, codes)


@then(step('mỗi đơn vị thuộc "{units}" có {count:d} lượt kiểm tra trong năm {year:d}'))
def _(db, followed, units, count, year):
    expect.inspections_per_unit(db, followed, units, count, year)


@then("không đơn vị được kiểm tra nào nhận thư")
def _(db, followed, delivered):
    expect.inspected_side_untold(db, followed, delivered)


@then(step('nhiệm vụ "{code}" của "{agency}" có tình trạng "{label}" vào ngày {day:Day}'))
def _(db, followed, code, agency, label, day):
    with db.sessions() as session:
        for task in follow.followed_leads(db, session, followed, code, agency):
            shown = LABELS[display_status(task, day, db.calendar)].label
            assert shown == label, f'"{code}" có tình trạng "{shown}" vào ngày {day:%d/%m/%Y}'
