"""2025 replayed on the seed catalogues with SIGKILLs during sweep and delivery.

Every e-mail is parsed back and every number in it checked against the calendar: days late
or left from the due date in force and the day the e-mail is dated, a status, section and
subject that agree, a report's cut-off before its sending deadline. A crash repeats at most
one message, and nothing due is sent later than the tick after it.

Fast enough for the suite: ticks every few days (a tick catches up, as after downtime, so
the numbers are checked at every distance from the due dates), four crashes, one xdist
group, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import email
import email.policy
import random
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dondoc.db import session_factory, transaction
from notifications.delivery import DeliverySettings
from notifications.links import LinkSigner
from notifications.models import Notification, NotificationState
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.service import load_paths
from tests.conftest import SEEDS
from tests.notifications.smtp_servers import Recorder, servers  # noqa: F401 - a fixture
from workflows.engine import tick
from workflows.plan_and_schedule import plan_and_schedule
from workflows.rules import LOCAL_TZ

pytestmark = pytest.mark.xdist_group("crash-replay")
TICK = Path(__file__).resolve().parents[1] / "procs" / "tick.py"
CAL = default_calendar()
EVERY = 7  # days between ticks
CRASHES = 4
SETTINGS = DeliverySettings(
    sender="Dondoc <dondoc@ubnd.example>",
    base_url="https://dondoc.example",
    signer=LinkSigner(b"r" * 32),
    worker="replay",
)
DMY = r"(\d\d)/(\d\d)/(\d{4})"
DUE_LINE = re.compile(rf"Thời hạn:\s+{DMY}, (.+?)(?: \(đã gia hạn|$)", re.M)
STATUS_LINE = re.compile(r"Tình trạng: (.+)$", re.M)
REPORT_LINE = re.compile(rf"số liệu tính đến {DMY}, hạn gửi {DMY}")
SECTION = re.compile(r"^={70}\r?\n(.+?) \((\d+)\)\r?\n={70}$", re.M)
SUMMARY = re.compile(r"^  - (.+): (\d+)$", re.M)
TAGS = {
    "ĐÔN ĐỐC – NHIỆM VỤ QUÁ HẠN CẦN CHỈ ĐẠO XỬ LÝ": "[Đôn đốc]",
    "ĐÔN ĐỐC – ĐƠN VỊ CHƯA ĐƯỢC KIỂM TRA ĐỦ SỐ CUỘC": "[Đôn đốc kiểm tra]",
    "QUÁ HẠN": "[Quá hạn]",
    "CẢNH BÁO – ĐƠN VỊ CHẬM ĐƯỢC KIỂM TRA": "[Kiểm tra]",
    "ĐẾN HẠN HÔM NAY": "[Nhắc việc]",
    "SẮP ĐẾN HẠN": "[Nhắc việc]",
    "YÊU CẦU BÁO CÁO": "[Báo cáo định kỳ]",
}


def day_of(match: re.Match[str], first: int = 1) -> date:
    d, m, y = (int(match.group(first + i)) for i in range(3))
    return date(y, m, d)


def morning(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 7, 30, tzinfo=LOCAL_TZ)


def crash(database_url: str, smtp_url: str, now: datetime, where: str, after: int) -> None:
    done = subprocess.run(
        [sys.executable, str(TICK), "--db", database_url, "--smtp", smtp_url,
         "--now", now.isoformat(), "--kill", where, "--after", str(after)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == -9, (where, done.returncode, done.stderr[-2000:])


def undelivered(sessions, now: datetime) -> int:  # noqa: ANN001
    with sessions() as session:
        waiting = Notification.state.in_([NotificationState.PENDING, NotificationState.SENDING])
        return session.scalar(
            select(func.count()).where(waiting, Notification.next_attempt_at <= now)
        )


def test_a_year_with_crashes_sends_every_number_right_once_and_on_time(
    engine,
    database_url,
    servers,  # noqa: F811
):
    with transaction(engine) as session:
        start = morning(date(2025, 1, 1))
        load_paths(session, [SEEDS], CAL, start)
        plan_and_schedule(session, year=2025, calendar=CAL, now=start)
    recorder = Recorder()
    smtp_url = f"smtp://127.0.0.1:{servers.start(recorder).port}"
    sessions = session_factory(engine)
    days = [date(2025, 1, 2) + timedelta(days=EVERY * n) for n in range(365 // EVERY)]
    chosen = random.Random(2025).sample(range(1, len(days) - 1), CRASHES)
    crashes = {index: ("sweep" if n % 2 else "deliver") for n, index in enumerate(chosen)}
    delivery_crashes = 0
    for index, day in enumerate(days):
        now = morning(day)
        if index in crashes:
            before = len(recorder.envelopes)
            where = crashes[index]
            crash(
                database_url, smtp_url, now, where, after=1 if where == "sweep" else 1 + index % 3
            )
            delivery_crashes += crashes[index] == "deliver"
            assert crashes[index] == "deliver" or len(recorder.envelopes) == before
        tick(sessions, now=now, settings=SETTINGS, email_transport=lambda: SmtpTransport(
            SmtpSettings.from_url(smtp_url)))  # fmt: skip
        # Nothing due by now waits for a later tick, crash or not.
        assert undelivered(sessions, now) == 0, day

    messages = [
        email.message_from_bytes(content, policy=email.policy.SMTP)
        for _, _, content in recorder.envelopes
    ]
    ids = Counter(m["Message-ID"] for m in messages)
    repeated = sum(n - 1 for n in ids.values())
    assert repeated <= delivery_crashes, ids.most_common(3)
    checked = sum(check_numbers(m) for m in messages)
    assert len(messages) > 300 and checked > 1000, (len(messages), checked)


def check_numbers(message: email.message.EmailMessage) -> int:
    """Every item's days, status and section against the calendar on the e-mail's date."""
    today = parsedate_to_datetime(message["Date"]).astimezone(LOCAL_TZ).date()
    text = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    sections = SECTION.findall(text) and [
        (m.group(1), int(m.group(2)), m.end()) for m in SECTION.finditer(text)
    ]
    assert sections, message["Subject"]
    assert message["Subject"].startswith(TAGS[sections[0][0]]), message["Subject"]
    summary = {title.upper(): int(n) for title, n in SUMMARY.findall(text)}
    assert summary == {title: n for title, n, _ in sections}
    checked = 0
    ends = [start for _, _, start in sections[1:]] + [len(text)]
    for (title, count, start), end in zip(sections, ends, strict=True):
        body = text[start:end]
        dues = list(DUE_LINE.finditer(body))
        statuses = STATUS_LINE.findall(body)
        assert len(dues) == len(statuses) == count, (title, message["Subject"])
        for due_line, status in zip(dues, statuses, strict=True):
            check_item(title, day_of(due_line), due_line.group(4), status, today)
            checked += 1
        for report in REPORT_LINE.finditer(body):
            assert day_of(report) < day_of(report, 4), report.group(0)
    return checked


def check_item(section: str, due: date, timing: str, status: str, today: date) -> None:
    where = (section, due, timing, status, today)
    if section.startswith(("CẢNH BÁO", "ĐÔN ĐỐC – ĐƠN VỊ")):  # inspection checkpoints
        expected = CAL.working_days_between(due, today)
        assert timing == (
            f"đã qua mốc {expected} ngày làm việc" if expected else "đến mốc hôm nay"
        ), where
        return
    late = today > due
    if late:
        n = CAL.working_days_between(due, today)
        assert timing == (f"quá hạn {n} ngày làm việc" if n else "đã quá hạn"), where
        assert status == "Quá hạn chưa hoàn thành", where
        assert section not in ("SẮP ĐẾN HẠN", "ĐẾN HẠN HÔM NAY"), where
        return
    n = CAL.working_days_between(today, due)
    assert status != "Quá hạn chưa hoàn thành", where
    assert section not in ("QUÁ HẠN", "ĐÔN ĐỐC – NHIỆM VỤ QUÁ HẠN CẦN CHỈ ĐẠO XỬ LÝ"), where
    if n == 0:
        assert timing in ("đến hạn hôm nay", "hạn gửi báo cáo hôm nay"), where
    else:
        assert timing == f"còn {n} ngày làm việc", where
        assert section != "ĐẾN HẠN HÔM NAY", where
