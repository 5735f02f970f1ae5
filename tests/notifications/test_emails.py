"""One digest e-mail per person: what it says, how it is wrapped, and how it fails."""

from __future__ import annotations

import email
import email.policy
import re
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from notifications.digest import Digest, DigestItem
from notifications.emails import (
    TEMPLATE_DIR,
    RenderedEmail,
    TemplateError,
    build_message,
    period_text,
    render_digest,
)
from notifications.links import LinkSigner

NOW = datetime(2025, 3, 12, 0, 30, tzinfo=UTC)  # Wednesday 12/03/2025, 07:30 in Hà Nội
BASE = "https://dondoc.quangninh.gov.vn"
RECIPIENT = "an.nv@sokhdt.quangninh.gov.vn"
SIGNER = LinkSigner(b"test-secret-of-at-least-16-bytes")
URL = re.compile(r"https?://[^\s\"'<>]+")
LONG_TITLE = (
    "Ban hành Kế hoạch rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống "
    "hành chính nhà nước tỉnh Quảng Ninh giai đoạn 2023–2025"
)


def item(**changes: object) -> DigestItem:
    task_id = changes.get("task_id", 101)
    base = DigestItem(
        kind="reminder",
        step="before-3",
        task_id=101,
        document="124/NQ-HĐND",
        clause=f"Điều 1, khoản 3, điểm {task_id}",
        obligation_code=f"QN124-{task_id}",
        title=f"Nhiệm vụ số {task_id}",
        agency_name="Sở Kế hoạch và Đầu tư",
        role="lead",
        period="",
        due=date(2025, 3, 17),
        original_due=date(2025, 3, 17),
        status="in_progress",
        copy_reason=None,
    )
    return replace(base, **changes)


def digest(*items: DigestItem) -> Digest:
    return Digest(
        recipient_name="Nguyễn Văn An",
        recipient_email=RECIPIENT,
        items=items,
        cc=("vanphong@quangninh.gov.vn",),
        generated_at=NOW,
        base_url=BASE,
    )


def render(*items: DigestItem) -> RenderedEmail:
    return render_digest(digest(*items), SIGNER, now=NOW)


def subject(*items: DigestItem) -> str:
    return render(*items).subject


EVERY_KIND = (
    item(kind="escalation", step="overdue-7", task_id=1, due=date(2025, 2, 28),
         original_due=date(2025, 2, 14), status="in_progress",
         copy_reason="Thủ trưởng cơ quan chủ trì"),
    item(kind="overdue", step="overdue-3", task_id=2, due=date(2025, 3, 7),
         status="in_progress", role="cooperating"),
    item(kind="reminder", step="due-day", task_id=3, due=date(2025, 3, 12),
         status="in_progress"),
    item(kind="reminder", step="before-7", task_id=4, due=date(2025, 3, 21),
         role="cooperating", copy_reason="Văn phòng UBND tỉnh (người giao việc)"),
    item(kind="status_request", step="request", task_id=5, due=date(2025, 3, 20),
         period="2025-Q1", status="in_progress"),
    item(kind="status_chase", step="chase", task_id=6, due=date(2025, 3, 14),
         period="2025-Q1", role="cooperating"),
    item(kind="status_missing", step="missing", task_id=7, due=date(2025, 3, 11),
         period="2025-02", status="in_progress"),
)  # fmt: skip


ENVELOPE = {
    "sender": "Hệ thống đôn đốc <dondoc@quangninh.gov.vn>",
    "to": f"Nguyễn Văn An <{RECIPIENT}>",
    "cc": ("vanphong@quangninh.gov.vn",),
    "message_id": "<digest-2025-03-12-an.nv@dondoc.quangninh.gov.vn>",
    "sent_at": NOW,
}


@pytest.fixture(scope="module")
def parsed() -> email.message.EmailMessage:
    rendered = render(*EVERY_KIND)
    headers = {"Reply-To": "vanphong@quangninh.gov.vn"}
    message = build_message(rendered, **ENVELOPE, headers=headers)
    return email.message_from_bytes(bytes(message), policy=email.policy.default)


def parts(message: email.message.EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_message_is_multipart_alternative_text_then_html(parsed):
    assert parsed.get_content_type() == "multipart/alternative"
    types = [part.get_content_type() for part in parsed.iter_parts()]
    assert types == ["text/plain", "text/html"]
    assert all(part.get_content_charset() == "utf-8" for part in parsed.iter_parts())


def test_headers_keep_auto_replies_away_and_carry_the_given_message_id(parsed):
    assert parsed["Message-ID"] == "<digest-2025-03-12-an.nv@dondoc.quangninh.gov.vn>"
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed["X-Auto-Response-Suppress"] == "All"
    assert parsed["Content-Language"] == "vi"
    assert parsed["Reply-To"] == "vanphong@quangninh.gov.vn"
    assert parsed["Cc"] == "vanphong@quangninh.gov.vn"
    assert parsed["To"] == f"Nguyễn Văn An <{RECIPIENT}>"
    assert parsed["Date"].datetime == NOW


def test_message_is_seven_bit_with_short_lines_for_any_relay():
    raw = bytes(build_message(render(*EVERY_KIND), **ENVELOPE))

    assert raw.isascii()
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78


def test_a_subject_cannot_smuggle_in_a_header():
    rendered = RenderedEmail("Nhắc việc\r\nBcc: x@example.com", "text", "<p>html</p>")

    raw = bytes(build_message(rendered, **ENVELOPE))

    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Bcc"] is None
    assert parsed["Subject"] == "Nhắc việc Bcc: x@example.com"


def test_subject_survives_the_round_trip_in_vietnamese(parsed):
    assert parsed["Subject"] == (
        "[Đôn đốc] 1 nhiệm vụ cần chỉ đạo xử lý, 1 nhiệm vụ quá hạn, "
        "1 nhiệm vụ đến hạn hôm nay, 1 nhiệm vụ sắp đến hạn, 3 báo cáo định kỳ cần gửi"
    )


def test_both_parts_name_every_item_with_its_document_clause_and_due_date(parsed):
    text, html = parts(parsed)

    assert "Kính gửi ông/bà Nguyễn Văn An," in text
    assert "Kính gửi ông/bà <strong>Nguyễn Văn An</strong>," in html
    for body in (text, html):
        assert "Văn phòng UBND tỉnh" in body
        assert "26/03/2025" in body  # the actions' links expire then
        for each in EVERY_KIND:
            assert each.document in body
            assert each.clause in body
            assert each.title in body
            assert each.due.strftime("%d/%m/%Y") in body
        assert "hạn ban đầu 14/02/2025" in body  # the extended task shows its original due
        assert "quá hạn 8 ngày làm việc" in body
        assert "còn 7 ngày làm việc" in body
        assert "Thủ trưởng cơ quan chủ trì" in body
        assert "Quý I/2025" in body


def test_sections_open_with_the_most_urgent(parsed):
    text, _ = parts(parsed)
    order = ["ĐÔN ĐỐC", "QUÁ HẠN (1)", "ĐẾN HẠN HÔM NAY", "SẮP ĐẾN HẠN", "YÊU CẦU BÁO CÁO"]

    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_every_link_verifies_and_only_owners_get_action_links(parsed):
    text, html = parts(parsed)
    login = f"{BASE}/login"  # the "đăng nhập" sentence names the real sign-in page
    text_links = set(URL.findall(text)) - {login}
    html_links = set(HrefCollector.of(html).hrefs) - {login}

    assert login in URL.findall(text) and login in HrefCollector.of(html).hrefs
    assert text_links == html_links
    purposes_by_task: dict[int, set[str]] = {}
    for url in text_links:
        purpose, token = purpose_and_token(url)
        action = SIGNER.verify(token, purpose, NOW)
        assert action.recipient == RECIPIENT
        if purpose == "view":
            assert url.startswith(f"{BASE}/tasks/{action.task_id}?t=")
        purposes_by_task.setdefault(action.task_id, set()).add(purpose)
    for each in EVERY_KIND:
        expected = {"view", "report_progress"}
        if each.role == "lead":
            expected |= {"confirm_done", "request_extension"}
        if each.copy_reason:  # told in copy: follows the task, does not act on it
            expected = {"view"}
        assert purposes_by_task[each.task_id] == expected


def test_html_has_no_style_block_and_loads_nothing_from_outside(parsed):
    _, html = parts(parsed)
    collected = HrefCollector.of(html)

    assert "<style" not in html.lower()
    assert "url(" not in html
    assert collected.resources == []
    for href in set(collected.hrefs) - {f"{BASE}/login"}:
        purpose_and_token(href)  # every other link is a signed action link


def test_html_escapes_what_comes_from_the_catalogue():
    rendered = render(item(title="Kế hoạch <script>alert(1)</script> & báo cáo"))

    assert "<script>" not in rendered.html
    assert "&lt;script&gt;" in rendered.html
    assert "Kế hoạch <script>alert(1)</script> & báo cáo" in rendered.text


def test_dates_are_shown_in_ho_chi_minh_time():
    late_evening_utc = datetime(2025, 3, 11, 23, 30, tzinfo=UTC)
    the_digest = replace(digest(item()), generated_at=late_evening_utc)

    rendered = render_digest(the_digest, SIGNER, now=late_evening_utc)

    assert "06:30 ngày 12/03/2025" in rendered.text


# Status collection: which report, by when ----------------------------------------------

# A target for 2025, asked at the cut-off of 14/03 for its progress in the first quarter.
PROGRESS = item(kind="status_request", step="progress-2025-Q1", task_id=8,
                due=date(2025, 12, 31), original_due=date(2025, 12, 31), period="2025",
                report_period="2025-Q1", report_cutoff=date(2025, 3, 14),
                report_due=date(2025, 3, 21),
                title="Tỷ lệ hồ sơ được số hóa")  # fmt: skip


def parse(rendered: RenderedEmail) -> email.message.EmailMessage:
    message = build_message(rendered, **ENVELOPE)
    return email.message_from_bytes(bytes(message), policy=email.policy.default)


def test_a_progress_request_says_which_quarter_to_report_and_by_when():
    message = parse(render(PROGRESS))
    text, html = parts(message)

    asked = "Báo cáo tiến độ Quý I/2025: số liệu tính đến 14/03/2025, hạn gửi 21/03/2025"
    assert f"Yêu cầu:    {asked}" in text
    assert f"<strong>{asked}</strong>" in html
    assert "Kỳ:         Năm 2025" in text  # the task's own period is still shown as such
    assert message["Subject"] == (
        "[Báo cáo định kỳ] Đề nghị gửi báo cáo tiến độ Quý I/2025: Tỷ lệ hồ sơ được số hóa"
    )


def test_a_missing_report_names_its_period_and_the_date_it_was_due():
    missing = item(kind="status_missing", step="missing-1", due=date(2025, 6, 20),
                   period="2025-H1", report_period="2025-H1",
                   report_due=date(2025, 6, 20))  # fmt: skip
    text, html = parts(parse(render(missing)))

    for body in (text, html):
        assert "Báo cáo 6 tháng đầu năm 2025, hạn gửi 20/06/2025" in body


def test_several_progress_requests_share_their_quarter_in_the_subject():
    other = replace(PROGRESS, task_id=9, period="2026")

    assert subject(PROGRESS, other) == "[Báo cáo định kỳ] Đề nghị gửi 2 báo cáo Quý I/2025"


def test_a_row_queued_before_report_periods_renders_as_it_used_to():
    payload = {
        "kind": "status_request", "step": "progress-2025-Q1", "task_id": 8,
        "document": "124/NQ-HĐND", "clause": "Điều 1, khoản 2", "obligation_code": "QN124-8",
        "title": "Tỷ lệ hồ sơ được số hóa", "agency_name": "Sở Nội vụ", "role": "lead",
        "period": "2025", "due": "2025-12-31", "original_due": "2025-12-31",
        "status_label": "Chưa triển khai", "days": 199, "copy_reason": None, "reason": "x",
    }  # fmt: skip
    old = DigestItem.from_payload(payload)

    rendered = render(old)

    assert (old.report_period, old.report_due, old.status) == ("", None, "in_progress")
    assert "Kỳ:         Năm 2025" in rendered.text
    assert rendered.subject.startswith("[Báo cáo định kỳ] Đề nghị gửi báo cáo tiến độ Năm 2025:")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("2025-Q1", "Quý I/2025"),
        ("2025-H1", "6 tháng đầu năm 2025"),
        ("2025-9M", "9 tháng đầu năm 2025"),
        ("2025", "Năm 2025"),
        ("2025-03", "Tháng 03/2025"),
        ("once", ""),
        ("", ""),
    ],
)
def test_reporting_periods_are_written_the_way_offices_write_them(label, text):
    assert period_text(label) == text


# Subject lines -------------------------------------------------------------------------


def test_subject_of_one_item_due_today_names_it_truncated():
    line = subject(item(kind="reminder", step="due-day", due=date(2025, 3, 12), title=LONG_TITLE))

    assert line.startswith("[Nhắc việc] Nhiệm vụ đến hạn hôm nay: Ban hành Kế hoạch rà soát")
    assert line.endswith("…")
    assert len(line) < 120


def test_subject_of_one_item_due_soon_gives_its_date():
    line = subject(item(title="Ban hành kế hoạch"))

    assert line == "[Nhắc việc] Nhiệm vụ đến hạn ngày 17/03/2025: Ban hành kế hoạch"


def test_subject_of_one_overdue_item_says_how_late():
    line = subject(
        item(kind="overdue", step="overdue-3", due=date(2025, 3, 7), title="Ban hành kế hoạch")
    )

    assert line == "[Quá hạn] Nhiệm vụ đã quá hạn 3 ngày làm việc: Ban hành kế hoạch"


def test_subject_of_one_escalation_names_the_late_agency():
    late = item(
        kind="escalation", step="overdue-7", due=date(2025, 3, 3), title="Ban hành kế hoạch"
    )
    line = subject(late)

    assert line == "[Đôn đốc] Sở Kế hoạch và Đầu tư chậm 7 ngày làm việc: Ban hành kế hoạch"


def test_subject_of_several_reminders_due_this_week():
    line = subject(*(item(task_id=n, due=date(2025, 3, 14)) for n in (1, 2, 3)))

    assert line == "[Nhắc việc] 3 nhiệm vụ đến hạn trong tuần"


def test_subject_of_overdue_and_due_soon_counts_both_most_urgent_first():
    overdue = [item(kind="overdue", task_id=n, due=date(2025, 3, 10)) for n in (1, 2)]
    soon = [item(task_id=n, due=date(2025, 3, 18)) for n in (3, 4, 5)]

    line = subject(*soon, *overdue)

    assert line == "[Quá hạn] 2 nhiệm vụ quá hạn, 3 nhiệm vụ sắp đến hạn"


def test_subject_of_escalations_only_says_they_are_overdue():
    escalations = [item(kind="escalation", task_id=n, due=date(2025, 3, 3)) for n in (1, 2)]

    assert subject(*escalations) == "[Đôn đốc] 2 nhiệm vụ quá hạn cần chỉ đạo xử lý"


def test_subject_of_one_status_request_names_the_period():
    line = subject(item(kind="status_request", step="request", period="2025-Q1",
                        title="Báo cáo kết quả cải cách hành chính"))  # fmt: skip

    assert line == (
        "[Báo cáo định kỳ] Đề nghị gửi báo cáo Quý I/2025: Báo cáo kết quả cải cách hành chính"
    )


def test_subject_of_several_status_requests_for_one_period():
    requests = [item(kind="status_request", task_id=n, period="2025-Q1") for n in (1, 2)]

    assert subject(*requests) == "[Báo cáo định kỳ] Đề nghị gửi 2 báo cáo Quý I/2025"


def test_subject_of_missing_reports_puts_them_first():
    missing = item(kind="status_missing", task_id=1, period="2025-02")
    chase = item(kind="status_chase", task_id=2, period="2025-Q1")

    line = subject(missing, chase)

    assert line == "[Báo cáo định kỳ] 1 báo cáo quá hạn chưa gửi, 1 báo cáo cần gửi"


# Template failures ---------------------------------------------------------------------


def broken_templates(tmp_path: Path, name: str, text: str) -> Path:
    shutil.copytree(TEMPLATE_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_template_syntax_error_names_the_file_and_line(tmp_path):
    templates = broken_templates(tmp_path, "digest-body-html.html", "<p>\n{% if %}\n</p>\n")

    with pytest.raises(TemplateError, match=r"digest-body-html\.html, line 2") as caught:
        render_digest(digest(item()), SIGNER, now=NOW, template_dir=templates)
    assert caught.value.template == "digest-body-html.html"


def test_an_unknown_name_in_a_template_fails_instead_of_printing_nothing(tmp_path):
    templates = broken_templates(tmp_path, "digest-body-text.txt", "Kính gửi {{ recipent }}\n")

    with pytest.raises(TemplateError, match=r"digest-body-text\.txt.*recipent"):
        render_digest(digest(item()), SIGNER, now=NOW, template_dir=templates)


# Helpers -------------------------------------------------------------------------------


def purpose_and_token(url: str) -> tuple[str, str]:
    view = re.fullmatch(rf"{re.escape(BASE)}/tasks/\d+\?t=([A-Za-z0-9_-]+)", url)
    if view:
        return "view", view.group(1)
    action = re.fullmatch(rf"{re.escape(BASE)}/a/([a-z_]+)/([A-Za-z0-9_-]+)", url)
    assert action, f"not a signed link: {url}"
    return action.group(1), action.group(2)


class HrefCollector(HTMLParser):
    """Links (href) and anything the HTML would load by itself (src, background, …)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.resources: list[str] = []

    @classmethod
    def of(cls, html: str) -> HrefCollector:
        collector = cls()
        collector.feed(html)
        return collector

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "href" and value:
                self.hrefs.append(value)
            elif name in ("src", "background", "srcset", "poster", "data") and value:
                self.resources.append(value)
            if tag == "link":
                self.resources.append(str(dict(attrs).get("href")))


# One clock: every number is read from the due date in force and the e-mail's `now` ---------

FRIDAY_27_JUNE = datetime(2025, 6, 27, 0, 30, tzinfo=UTC)


def test_days_late_are_counted_from_the_due_date_not_the_step():
    # Due Friday 20/06/2025; on Friday 27/06 the calendar says 5 working days late, whatever
    # step of the escalation ladder queued the item (overdue-3 here).
    late = item(kind="overdue", step="overdue-3", due=date(2025, 6, 20), title="Kế hoạch")

    rendered = render_digest(digest(late), SIGNER, now=FRIDAY_27_JUNE)

    assert rendered.subject == "[Quá hạn] Nhiệm vụ đã quá hạn 5 ngày làm việc: Kế hoạch"
    assert "Thời hạn:   20/06/2025, quá hạn 5 ngày làm việc" in rendered.text


def test_days_late_skip_the_holidays_between():
    # 31/03 → 09/06/2025: April and May lose Giỗ Tổ (07/04), 30/04, 01/05 and 02/05.
    late = item(kind="escalation", step="overdue-7", due=date(2025, 3, 31), title="Kế hoạch")

    rendered = render_digest(digest(late), SIGNER, now=datetime(2025, 6, 9, 0, 30, tzinfo=UTC))

    assert rendered.subject == "[Đôn đốc] Sở Kế hoạch và Đầu tư chậm 46 ngày làm việc: Kế hoạch"


def test_a_reminder_read_after_its_due_date_says_overdue_everywhere():
    # Queued as "7 days before" a 31/12 due date, written on 05/01/2026: status, section,
    # subject and days agree, because all are read from the same `now`.
    stale = item(kind="reminder", step="before-7", due=date(2025, 12, 31), title="Kế hoạch")

    rendered = render_digest(digest(stale), SIGNER, now=datetime(2026, 1, 5, 0, 30, tzinfo=UTC))

    assert rendered.subject == "[Quá hạn] Nhiệm vụ đã quá hạn 2 ngày làm việc: Kế hoạch"
    assert "SẮP ĐẾN HẠN" not in rendered.text and "còn " not in rendered.text
    assert "Tình trạng: Quá hạn chưa hoàn thành" in rendered.text


def test_a_reminder_says_due_soon_only_while_it_is():
    soon = item(kind="reminder", step="before-7", due=date(2025, 12, 31), title="Kế hoạch")

    rendered = render_digest(digest(soon), SIGNER, now=datetime(2025, 12, 22, 0, 30, tzinfo=UTC))

    assert "Thời hạn:   31/12/2025, còn 7 ngày làm việc" in rendered.text
    assert "Tình trạng: Chưa triển khai" not in rendered.text  # stored: in progress
    assert "Tình trạng: Đang thực hiện – trong hạn" in rendered.text


def test_a_periodic_report_gives_its_data_cut_off_and_its_sending_deadline():
    asked = item(kind="status_request", step="request", period="2025-Q1", due=date(2025, 3, 21),
                 report_period="2025-Q1", report_cutoff=date(2025, 3, 14),
                 report_due=date(2025, 3, 21), title="Báo cáo quý")  # fmt: skip

    text = render(asked).text

    assert "Báo cáo Quý I/2025: số liệu tính đến 14/03/2025, hạn gửi 21/03/2025" in text
    assert "Thời hạn:   21/03/2025, còn 7 ngày làm việc" in text


# What the e-mails say ------------------------------------------------------------------


def test_the_letterhead_names_the_province():
    rendered = render(item(province="Quảng Ninh"))

    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" in rendered.html
    assert rendered.text.startswith("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\n")
    assert "đôn đốc nhiệm vụ của UBND tỉnh Quảng Ninh xin thông báo" in rendered.text


def test_an_inspection_warning_counts_units_not_tasks():
    units = [
        item(kind="inspection_behind", step="checkpoint-1", task_id=n, status="behind",
             due=date(2025, 6, 30), title=f"Trung tâm {n}: mới có 0/2 cuộc kiểm tra")
        for n in (1, 2, 3)
    ]  # fmt: skip

    text = render(*units).text

    assert "tình hình 3 đơn vị ông/bà" in text and "3 nhiệm vụ" not in text


def test_an_escalation_suggests_an_extension_only_with_the_link_to_ask_for_it():
    late = dict(kind="escalation", step="overdue-3", due=date(2025, 3, 7), title="Kế hoạch")
    owner_head = render(item(**late)).text  # the head of the owning agency: may ask
    in_copy = render(item(**late, copy_reason="Văn phòng UBND tỉnh (người giao việc)")).text

    assert "hoặc đề nghị gia hạn" in owner_head and "Đề nghị gia hạn: http" in owner_head
    assert "hoặc đề nghị gia hạn" not in in_copy and "Đề nghị gia hạn: http" not in in_copy
