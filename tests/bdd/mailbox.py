"""What reached the SMTP server, read back item by item, and what the steps have checked.

Every digest carries `X-Dondoc-Items: task:step, …`; its envelope says who really got it.
A step that expects a letter "claims" the items it matched, so that "Và không ai khác
nhận thư" can fail on anything no step accounted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from notifications.mailcatcher import ENVELOPE_TO
from tasks_catalog.models import Agency, Obligation, Task
from workflows.rules import LOCAL_TZ

_HEADERS = BytesHeaderParser(policy=compat32)
# What a person reads in the letter (the step's words) and the engine's steps it stands for.
LETTERS = {
    "nhắc việc": re.compile(r"before-\d+|due-day"),
    "đề nghị báo cáo tiến độ": re.compile(r"progress-.+"),
    "đề nghị báo cáo": re.compile(r"request"),
    "nhắc gửi báo cáo": re.compile(r"chase"),
    "quá hạn": re.compile(r"overdue-1"),
    "chưa nhận được báo cáo": re.compile(r"missing-1"),
    "đôn đốc": re.compile(r"(overdue|missing)-3"),
    "báo cáo vượt cấp": re.compile(r"(overdue|missing)-(7|weekly-\d+)|inspection-end"),
    # The inspection check (workflows.inspections): a checkpoint of the year passed unmet.
    "cảnh báo chậm kiểm tra": re.compile(r"inspection-(mid|late)"),
    # The office's decisions (services/decisions.py) and the requests waiting for them.
    "quyết định duyệt kết quả": re.compile(r"approved"),
    "quyết định trả lại": re.compile(r"returned"),
    "quyết định gia hạn": re.compile(r"extension_approved"),
    "quyết định không gia hạn": re.compile(r"extension_refused"),
    "quyết định thu hồi": re.compile(r"recalled|reassigned"),
    "chờ quyết định": re.compile(r"submitted|extension_requested"),
}


@dataclass(frozen=True)
class TaskInfo:
    id: int
    code: str
    agency: str  # agency code
    role: str
    due: date
    period: str
    subject: str | None  # inspected unit


@dataclass(frozen=True)
class Item:
    """One line of one digest: this task, at this step, told to this person that morning."""

    mail_id: str
    recipient: str
    day: date
    task: TaskInfo
    step: str

    def describe(self) -> str:
        return (
            f"{self.day:%d/%m/%Y} {self.recipient}: {self.task.code} "
            f"({self.task.agency}, {self.task.role}, hạn {self.task.due:%d/%m/%Y}) bước {self.step}"
        )


@dataclass
class Mail:
    id: str
    path: Path
    recipients: tuple[str, ...]
    day: date
    items: list[Item]
    _text: str | None = None

    @property
    def text(self) -> str:
        """The plain-text part, as the reader sees it (parsed only when a step reads it)."""
        if self._text is None:
            message = BytesParser(policy=compat32).parsebytes(self.path.read_bytes())
            plain = next(
                (part for part in message.walk() if part.get_content_type() == "text/plain"), None
            )
            payload = plain.get_payload(decode=True) if plain is not None else b""
            charset = plain.get_content_charset() if plain is not None else None
            self._text = payload.decode(charset or "utf-8")
        return self._text


@dataclass
class Delivered:
    """The letters of one "Khi …" step, and which of their items a "Thì …" step expected."""

    mails: list[Mail]
    claimed: set[Item] = field(default_factory=set)

    @property
    def items(self) -> list[Item]:
        return [item for mail in self.mails for item in mail.items]

    def unclaimed(self, code: str | None = None) -> list[Item]:
        return [
            i for i in self.items if i not in self.claimed and (code is None or i.task.code == code)
        ]

    def mail(self, item: Item) -> Mail:
        return next(m for m in self.mails if m.id == item.mail_id)


class Mailbox:
    """The catcher's folder (Maildir-like, see notifications.mailcatcher): what arrived.

    Only the headers are read here, with the fast compat32 parser: the envelope (who
    really got it), the Date (which morning) and X-Dondoc-Items (what about).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._seen: set[str] = set()

    def new_mails(self, session: Session) -> list[Mail]:
        fresh = sorted(
            (p for p in (self.directory / "new").glob("*.eml") if p.stem not in self._seen),
            key=lambda p: int(p.stem.rpartition("-")[2]),  # arrival order (see mailcatcher)
        )
        self._seen.update(p.stem for p in fresh)
        heads = [(p, _HEADERS.parsebytes(p.read_bytes().split(b"\n\n", 1)[0])) for p in fresh]
        tasks = task_infos(session, {task for _, h in heads for task, _ in _pairs(h)})
        mails = []
        for path, head in heads:
            recipients = tuple(
                a.lower() for _, a in getaddresses([str(head.get(ENVELOPE_TO, ""))]) if a
            )
            day = parsedate_to_datetime(str(head["Date"])).astimezone(LOCAL_TZ).date()
            items = [
                Item(path.stem, recipient, day, tasks[task], step)
                for recipient in recipients
                for task, step in _pairs(head)
            ]
            mails.append(Mail(path.stem, path, recipients, day, items))
        return mails


def _pairs(head: Message) -> list[tuple[int, str]]:
    """X-Dondoc-Items: "12:before-7, 13:overdue-1" → [(12, "before-7"), (13, "overdue-1")]."""
    parts = (p.strip() for p in str(head.get("X-Dondoc-Items", "")).split(","))
    return [(int(task), step) for task, _, step in (p.partition(":") for p in parts if p)]


def task_infos(session: Session, ids: set[int]) -> dict[int, TaskInfo]:
    if not ids:
        return {}
    subject = aliased(Agency)
    rows = session.execute(
        select(
            Task.id,
            Obligation.code,
            Agency.code,
            Task.role,
            Task.due_on,
            Task.period_label,
            subject.code,
        )
        .join(Obligation, Task.obligation_id == Obligation.id)
        .join(Agency, Task.agency_id == Agency.id)
        .outerjoin(subject, Task.subject_agency_id == subject.id)
        .where(Task.id.in_(ids))
    )
    return {
        row[0]: TaskInfo(row[0], row[1], row[2], row[3].value, row[4], row[5], row[6])
        for row in rows
    }


_QUARTER = re.compile(r"quý (?P<roman>I{1,3}|IV)/(?P<year>\d{4})", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def letter_kind(words: str) -> tuple[re.Pattern[str], str | None]:
    """ "đề nghị báo cáo quý I/2025" → the steps of a report request, and "quý I/2025".

    A progress request names its quarter in the step itself (progress-2025-Q1): the
    quarter is matched there, and the letter must say which report it asks for
    ("Báo cáo tiến độ Quý I/2025"); otherwise the rest of the qualifier must be in it.
    """
    text = words.strip()
    for phrase in sorted(LETTERS, key=len, reverse=True):
        if text.casefold().startswith(phrase):
            rest = text[len(phrase) :].strip()
            quarter = _QUARTER.fullmatch(rest)
            if phrase == "đề nghị báo cáo tiến độ" and quarter:
                number = _ROMAN[quarter["roman"].upper()]
                asked = f"báo cáo tiến độ {quarter.group(0)}"
                return re.compile(f"progress-{quarter['year']}-Q{number}"), asked
            return LETTERS[phrase], rest or None
    known = ", ".join(f'"{p}"' for p in LETTERS)
    raise ValueError(f'Không hiểu loại thư "{words}"; dùng một trong: {known}')


def describe(items: list[Item], limit: int = 12) -> str:
    lines = [f"  - {i.describe()}" for i in sorted(items, key=lambda i: (i.day, i.recipient))]
    more = f"\n  … và {len(lines) - limit} mục khác" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more if lines else "  (không có)"


def in_days(items: list[Item], days: set[date] | None) -> list[Item]:
    return [i for i in items if days is None or i.day in days]


def sent_on(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()
