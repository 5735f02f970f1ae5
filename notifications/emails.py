"""One digest e-mail per person per run: render it (three templates), then wrap it for SMTP.

Rendering and sending are separate: `render_digest` turns a `Digest` into text (no I/O
but reading templates), `build_message` turns the text into MIME bytes (`mime.py`); the outbox
sends it. Each e-mail is one name with three templates, as in healthchecks:
`{name}-subject.txt`, `{name}-body-text.txt`, `{name}-body-html.html`.

What the reader sees is decided here as plain data (sections, labels, signed links,
dates in Asia/Ho_Chi_Minh); the templates only lay it out.
"""

from __future__ import annotations

import email.policy
import email.utils
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from inspections.compliance import BEHIND
from inspections.compliance import STATUS_LABELS as INSPECTION_LABELS
from notifications.digest import DECISION_KINDS, Digest, DigestItem
from notifications.links import (
    CONFIRM_DONE,
    LINK_LABELS,
    LOCAL_TZ,
    REPORT_PROGRESS,
    REQUEST_EXTENSION,
    VIEW,
    LinkSigner,
    action_url,
    default_expiry,
    notification_nonce,
)
from notifications.mime import OutgoingEmail, compose
from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.models import TaskStatus
from tasks_catalog.status import LABELS, DisplayStatus, status_on
from tasks_catalog.vocabulary import ROLE_LABELS

TEMPLATE_DIR = Path(__file__).parent / "templates"

# Sections in order of urgency: the subject's tag comes from the first one present, and
# the body opens with the same section, so what the subject announces is read first.
SECTIONS = {
    "awaiting_decision": (
        "Chờ Văn phòng UBND tỉnh quyết định",
        "#7c2d12",
        "Các đề nghị dưới đây đang chờ ông/bà xem xét (duyệt kết quả, gia hạn). Xin đăng nhập hệ thống để quyết định.",
    ),
    "decision": (
        "Quyết định về nhiệm vụ",
        "#1e3a8a",
        "Văn phòng UBND tỉnh đã quyết định về các nhiệm vụ dưới đây.",
    ),
    "escalation": (
        "Đôn đốc – nhiệm vụ quá hạn cần chỉ đạo xử lý",
        "#7f1d1d",
        "Các nhiệm vụ dưới đây đã quá hạn mà chưa hoàn thành. Đề nghị ông/bà chỉ đạo khẩn trương hoàn thành, hoặc đề nghị gia hạn nếu có lý do chính đáng.",
    ),
    "inspection_escalation": (
        "Đôn đốc – đơn vị chưa được kiểm tra đủ số cuộc",
        "#7f1d1d",
        "Các đơn vị dưới đây đã hết kỳ mà chưa được kiểm tra đủ số cuộc theo yêu cầu. Đề nghị chỉ đạo cơ quan chủ trì kiểm tra bổ sung và báo cáo.",
    ),
    "overdue": (
        "Quá hạn",
        "#b91c1c",
        "Đề nghị khẩn trương hoàn thành và báo cáo kết quả; nếu có lý do chính đáng, cơ quan chủ trì đề nghị gia hạn.",
    ),
    "inspection_behind": (
        "Cảnh báo – đơn vị chậm được kiểm tra",
        "#9a3412",
        "Các đơn vị dưới đây chưa được kiểm tra đủ số cuộc theo mốc. Thư không ghi ngày kiểm tra dự kiến; xin xem kế hoạch trong hệ thống.",
    ),
    "due_today": (
        "Đến hạn hôm nay",
        "#c2410c",
        "Các nhiệm vụ dưới đây đến hạn trong ngày hôm nay.",
    ),
    "due_soon": (
        "Sắp đến hạn",
        "#b45309",
        "Đề nghị bố trí thực hiện để hoàn thành đúng thời hạn.",
    ),
    "status": (
        "Yêu cầu báo cáo",
        "#1d4ed8",
        "Đề nghị gửi báo cáo định kỳ qua hệ thống đúng thời hạn.",
    ),
}
ESCALATION_HINT_WITHOUT_EXTENSION = (
    "Các nhiệm vụ dưới đây đã quá hạn mà chưa hoàn thành. Đề nghị ông/bà chỉ đạo khẩn "
    "trương hoàn thành và báo cáo kết quả."
)
LEAD_ACTIONS = (VIEW, REPORT_PROGRESS, CONFIRM_DONE, REQUEST_EXTENSION)
COOPERATING_ACTIONS = (VIEW, REPORT_PROGRESS)
INSPECTION_KINDS = ("inspection_behind", "inspection_escalation")
STATUS_KINDS = ("status_request", "status_chase", "status_missing")
# A decision that leaves the task with its owner to act on carries the owner's links.
OPEN_DECISION_STEPS = (
    "assigned",
    "returned",
    "extension_approved",
    "extension_refused",
    "reopened",
)
CLOSED = ("submitted", "done", "recalled")
PROGRESS_STEP = "progress-"  # workflows.rules: a long task's quarterly progress request

# DESIGN.md colours (tasks_catalog.status.LABELS) as inline CSS Outlook understands.
BADGE_STYLES = {
    "grey": "color:#374151;background-color:#e5e7eb;border:1px solid #d1d5db;",
    "blue": "color:#1e40af;background-color:#dbeafe;border:1px solid #93c5fd;",
    "orange": "color:#9a3412;background-color:#ffedd5;border:1px solid #fdba74;",
    "red": "color:#ffffff;background-color:#b91c1c;border:1px solid #b91c1c;",
    "yellow": "color:#713f12;background-color:#fef08a;border:1px solid #facc15;",
    "green": "color:#166534;background-color:#dcfce7;border:1px solid #86efac;",
    "darkorange": "color:#ffffff;background-color:#c2410c;border:1px solid #c2410c;",
    "red-outline": "color:#b91c1c;background-color:#ffffff;border:1px solid #b91c1c;",
    "struck": "color:#6b7280;background-color:#f3f4f6;border:1px solid #d1d5db;"
    "text-decoration:line-through;",
}
INSPECTION_BEHIND_LABEL = INSPECTION_LABELS[BEHIND]


class TemplateError(Exception):
    """An e-mail template that does not render; no e-mail is produced."""

    def __init__(self, template: str, line: int | None, cause: Exception) -> None:
        where = f"{template}, line {line}" if line else template
        super().__init__(f"e-mail template {where}: {cause.__class__.__name__}: {cause}")
        self.template = template
        self.line = line


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Link:
    purpose: str
    label: str
    url: str


@dataclass(frozen=True)
class ItemView:
    item: DigestItem
    section: str
    role_label: str
    due: str  # DD/MM/YYYY
    original_due: str | None  # set when the task was extended
    timing: str  # "quá hạn 3 ngày làm việc", "còn 2 ngày làm việc", "đến hạn hôm nay"
    late: bool  # past the due date on the day of writing
    days: int  # working days late (late) or left (not late) on the day of writing
    status_label: str
    badge_style: str
    links: tuple[Link, ...]
    period: str = ""  # the task's period as people write it ("Quý I/2025")
    # Status items: the period whose report is asked for ("Quý I/2025"; "" if none), and
    # the line saying what to send: "Báo cáo Quý I/2025: số liệu tính đến 14/03/2025, hạn
    # gửi 21/03/2025".
    report_period: str = ""
    report: str | None = None
    progress: bool = False  # a progress report of a long task, not a periodic report


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str
    colour: str
    hint: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class Summary:
    """The facts the subject line is chosen from (rules in digest-subject.txt)."""

    headline: str  # key of the most urgent section present
    counts: dict[str, int]  # items per section key, 0 for every absent section
    single: ItemView | None  # the only item, when there is exactly one
    soon_this_week: bool  # every "due soon" item falls due by this Sunday
    status_period: str | None  # the period all report requests share, if one
    status_missing: int


def render_digest(
    digest: Digest,
    signer: LinkSigner,
    *,
    now: datetime,
    calendar: WorkCalendar | None = None,
    template_dir: Path | None = None,
) -> RenderedEmail:
    """Subject, text and HTML for one person's digest, or TemplateError naming the file.

    `now` is the one clock: every status, count and number of days is read on its day, on
    `calendar` (the office's working days; the statutory ones when not given).
    """
    context = _digest_context(digest, signer, now=now, calendar=calendar or WorkCalendar())
    environment = _environment(str(template_dir or TEMPLATE_DIR))
    subject = _render(environment, "digest-subject.txt", context)
    return RenderedEmail(
        subject=" ".join(subject.split()),  # one line, whatever the template's layout
        text=_render(environment, "digest-body-text.txt", context),
        html=_render(environment, "digest-body-html.html", context),
    )


def _digest_context(
    digest: Digest, signer: LinkSigner, *, now: datetime, calendar: WorkCalendar
) -> dict[str, Any]:
    today = now.astimezone(LOCAL_TZ).date()
    views = [_item_view(digest, item, signer, now, calendar) for item in digest.items]
    sections = _sections(views)
    return {
        "digest": digest,
        "sections": sections,
        "summary": _summary(sections, views, today),
        "total": len(views),
        "counted": _counted(views),
        "letterhead": _letterhead(digest),
        "province": _province(digest),
        # Inspection e-mails carry no links: the footer then says nothing of links either.
        "has_links": any(view.links for view in views),
        "generated_at": _local_text(digest.generated_at),
        "actions_expire_on": _dmy(default_expiry(CONFIRM_DONE, now)),
        "view_expires_on": _dmy(default_expiry(VIEW, now)),
        "base_url": digest.base_url.rstrip("/"),
    }


ADDRESS_HEADERS = ("From", "To", "Cc", "Reply-To")  # lists of addresses, written as such


def build_message(
    rendered: RenderedEmail,
    *,
    sender: str,
    to: str,
    cc: tuple[str, ...],
    message_id: str,
    headers: dict[str, str] | None = None,
    sent_at: datetime | None = None,
) -> OutgoingEmail:
    """multipart/alternative (text, then HTML), UTF-8, 7-bit, ready for SMTP.

    `message_id` comes from the outbox, derived from the notification's key, so that a
    retry after a crash carries the same id and the receiving side can drop the duplicate.
    `sent_at` (the Date header) defaults to the moment of building: sending is an edge, it
    may read the clock. `headers` add to or replace the usual ones.
    """
    moment = (sent_at or datetime.now(UTC)).astimezone(LOCAL_TZ)
    fixed = {
        "Subject": rendered.subject,
        "Date": email.utils.format_datetime(moment),
        "Message-ID": message_id if message_id.startswith("<") else f"<{message_id}>",
        "Auto-Submitted": "auto-generated",  # RFC 3834: no auto-replies to this
        "X-Auto-Response-Suppress": "All",  # Exchange/Outlook: no out-of-office replies
    }
    addresses = {"From": sender, "To": to, **({"Cc": ", ".join(cc)} if cc else {})}
    for name, value in (headers or {}).items():
        (addresses if name in ADDRESS_HEADERS else fixed)[name] = value
    return compose(
        address_headers=addresses.items(),
        headers=fixed.items(),
        text=rendered.text,
        html=rendered.html,
        message_id=fixed["Message-ID"],
    )


def _item_view(
    digest: Digest, item: DigestItem, signer: LinkSigner, now: datetime, calendar: WorkCalendar
) -> ItemView:
    """Everything the reader sees of one item, read from its codes and dates on `now`'s day:
    status, section, days late or left and the subject's counts can never disagree."""
    today = now.astimezone(LOCAL_TZ).date()
    late = today > item.due
    # Working days between the due date in force and the day the e-mail is written.
    days = abs(calendar.working_days_between(today, item.due))
    label, colour = _status(item, today, calendar)
    return ItemView(
        item=item,
        section=_section_key(item, today),
        role_label=ROLE_LABELS[item.role],
        due=_dmy(item.due),
        original_due=_dmy(item.original_due) if item.original_due != item.due else None,
        timing=_timing(item, late, days),
        late=late,
        days=days,
        status_label=label,
        badge_style=BADGE_STYLES[colour],
        links=_links(digest, item, signer, now),
        period=period_text(item.period),
        report_period=period_text(item.report_period or item.period)
        if item.kind in STATUS_KINDS
        else "",
        report=_report(item),
        progress=item.step.startswith(PROGRESS_STEP),
    )


def _status(item: DigestItem, today: date, calendar: WorkCalendar) -> tuple[str, str]:
    """(label, colour) of the item's status on `today`."""
    if item.status == BEHIND:
        return INSPECTION_BEHIND_LABEL, "red"
    if item.status == TaskStatus.DONE:  # a decision that closed the task
        on_time = item.completed_on is not None and item.completed_on <= item.due
        done = LABELS[DisplayStatus.DONE_ON_TIME if on_time else DisplayStatus.DONE_LATE]
        return done.label, done.colour
    shown = LABELS[status_on(TaskStatus(item.status), item.due, today, calendar)]
    return shown.label, shown.colour


def _report(item: DigestItem) -> str | None:
    """What a status item asks for: which period's report, its figures up to which day
    (the Nghị định 09 cut-off, when there is one), and the day to send it by."""
    if item.kind not in STATUS_KINDS:
        return None
    progress = item.step.startswith(PROGRESS_STEP)
    what = "Báo cáo tiến độ" if progress else "Báo cáo"
    label = period_text(item.report_period or item.period)
    period = f" {label}" if label else ""
    send_by = item.report_due or item.due
    if item.report_cutoff is None:
        return f"{what}{period}, hạn gửi {_dmy(send_by)}"
    return f"{what}{period}: số liệu tính đến {_dmy(item.report_cutoff)}, hạn gửi {_dmy(send_by)}"


def _section_key(item: DigestItem, today: date) -> str:
    if item.kind in STATUS_KINDS:
        return "status"
    if item.kind in INSPECTION_KINDS or item.kind in DECISION_KINDS:
        return item.kind
    if today > item.due:
        return "escalation" if item.kind == "escalation" else "overdue"
    # A notice of lateness whose due date has since moved (an extension) is a reminder now.
    return "due_today" if today == item.due else "due_soon"


def _timing(item: DigestItem, late: bool, days: int) -> str:
    if item.kind in INSPECTION_KINDS:
        return f"đã qua mốc {days} ngày làm việc" if days else "đến mốc hôm nay"
    if item.kind in DECISION_KINDS and item.status in CLOSED:
        return "thời hạn hiện hành"
    if late:
        return f"quá hạn {days} ngày làm việc" if days else "đã quá hạn"
    if days == 0:
        return "hạn gửi báo cáo hôm nay" if item.kind in STATUS_KINDS else "đến hạn hôm nay"
    return f"còn {days} ngày làm việc"


_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def period_text(label: str) -> str:
    """ "2025-Q1" → "Quý I/2025", the way offices write periods."""
    if label in ("", "once"):
        return ""
    year, _, part = label.partition("-")
    if not part:
        return f"Năm {year}"
    if part.startswith("Q"):
        return f"Quý {_ROMAN.get(part[1:], part[1:])}/{year}"
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    if part == "9M":
        return f"9 tháng đầu năm {year}"
    return f"Tháng {part}/{year}"


def _links(digest: Digest, item: DigestItem, signer: LinkSigner, now: datetime) -> tuple[Link, ...]:
    purposes: tuple[str, ...] = LEAD_ACTIONS if item.role == "lead" else COOPERATING_ACTIONS
    if item.copy_reason:
        # Someone told in copy (the assigner, a head) follows the task; acting is the owner's.
        purposes = (VIEW,)
    if item.kind == "awaiting_decision" or (
        item.kind == "decision" and item.step not in OPEN_DECISION_STEPS
    ):
        purposes = (VIEW,)  # the office decides signed in; a closed task is only read
    if item.kind in INSPECTION_KINDS:
        # An inspection task's page is the inspectors' alone (the office could not open it),
        # and an inspection is closed by logging its record, not from an e-mail: no links.
        purposes = ()
    # The item's own links: another e-mail the same day (another step of the task) carries
    # others, so that spending a link in one leaves the other's usable.
    nonce = notification_nonce(item.task_id, item.kind, item.step, item.due)
    links = []
    for purpose in purposes:
        expires_at = default_expiry(purpose, now)
        token = signer.sign(purpose, item.task_id, digest.recipient_email, expires_at, nonce=nonce)
        label = LINK_LABELS[purpose]
        if purpose == REPORT_PROGRESS and item.kind in STATUS_KINDS:
            label = "Gửi báo cáo"
        links.append(Link(purpose, label, action_url(digest.base_url, purpose, token)))
    return tuple(links)


def _province(digest: Digest) -> str:
    return next((item.province for item in digest.items if item.province), "")


def _letterhead(digest: Digest) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH": the province the reader's tasks belong to."""
    province = _province(digest)
    return f"ỦY BAN NHÂN DÂN TỈNH {province.upper()}" if province else "ỦY BAN NHÂN DÂN TỈNH"


def _counted(views: list[ItemView]) -> str:
    """What the digest is about, counted as it is: tasks, and units to be inspected."""
    units = sum(1 for view in views if view.item.kind in INSPECTION_KINDS)
    tasks = len(views) - units
    parts = ([f"{tasks} nhiệm vụ"] if tasks else []) + ([f"{units} đơn vị"] if units else [])
    return " và ".join(parts)


def _sections(views: list[ItemView]) -> tuple[SectionView, ...]:
    sections = []
    for key, (title, colour, hint) in SECTIONS.items():
        members = sorted(
            (view for view in views if view.section == key),
            key=lambda view: (view.item.due, view.item.document, view.item.task_id),
        )
        if key == "escalation" and not any(
            link.purpose == REQUEST_EXTENSION for view in members for link in view.links
        ):
            hint = ESCALATION_HINT_WITHOUT_EXTENSION  # no link to ask with: not suggested
        if members:
            sections.append(SectionView(key, title, colour, hint, tuple(members)))
    return tuple(sections)


def _summary(sections: tuple[SectionView, ...], views: list[ItemView], today: date) -> Summary:
    counts = dict.fromkeys(SECTIONS, 0) | {s.key: len(s.items) for s in sections}
    sunday = today + timedelta(days=6 - today.weekday())
    soon = [view.item.due for view in views if view.section == "due_soon"]
    periods = {view.report_period for view in views if view.section == "status"}
    return Summary(
        headline=sections[0].key,
        counts=counts,
        single=views[0] if len(views) == 1 else None,
        soon_this_week=bool(soon) and max(soon) <= sunday,
        status_period=periods.pop() if len(periods) == 1 else None,
        status_missing=sum(1 for view in views if view.item.kind == "status_missing"),
    )


def _dmy(day: date | datetime) -> str:
    if isinstance(day, datetime):
        day = day.astimezone(LOCAL_TZ).date()
    return day.strftime("%d/%m/%Y")


def _local_text(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M ngày %d/%m/%Y")


class _UnindentedLoader(jinja2.FileSystemLoader):
    """HTML templates without the indentation of their lines: it is there for the people
    who edit them, and was a tenth of every e-mail sent. Lines stay where they are (error
    messages keep their line numbers) and no text of the e-mail is indented."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if template.endswith(".html"):
            source = "\n".join(line.lstrip() for line in source.split("\n"))
        return source, filename, uptodate


@lru_cache(maxsize=8)
def _environment(template_dir: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=_UnindentedLoader(template_dir),
        auto_reload=False,  # a template is read once per process, not stat-ed per e-mail
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",)),
        undefined=jinja2.StrictUndefined,  # a misspelt name fails instead of printing ""
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(environment: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return environment.get_template(name).render(context)
    except Exception as exc:  # noqa: BLE001 - any failure here is this template's failure
        raise TemplateError(name, _template_line(exc, name), exc) from exc


def _template_line(exc: Exception, name: str) -> int | None:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.lineno
    # Jinja rewrites tracebacks so that template frames carry the template's file and line.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(name)]
    return frames[-1].lineno if frames else None
