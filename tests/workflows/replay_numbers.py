"""Every number in a digest checked against the calendar on the day the e-mail is dated.

Days late or left from the due date in force, a status, section and subject that agree,
a report's data cut-off before its sending deadline.
"""

from __future__ import annotations

import email.message
import re
from datetime import date
from email.utils import parsedate_to_datetime

from tasks_catalog.calendar import default_calendar
from workflows.rules import LOCAL_TZ

CAL = default_calendar()
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
