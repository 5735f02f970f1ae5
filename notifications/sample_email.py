"""Render a sample digest so a person can look at it: `python -m notifications.sample_email out.html`.

Writes the HTML part to the given file and prints the subject and the text part.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from notifications.digest import Digest, DigestItem
from notifications.emails import render_digest
from notifications.links import LOCAL_TZ, LinkSigner

NOW = datetime(2025, 3, 12, 7, 30, tzinfo=LOCAL_TZ)


def sample_digest() -> Digest:
    head = "Thủ trưởng cơ quan chủ trì"
    items = (
        _item(
            "escalation",
            "overdue-7",
            101,
            "Điều 3, khoản 1",
            "QN124-D3.1-KHTK",
            "Ban hành Kế hoạch triển khai thực hiện Nghị quyết 124/NQ-HĐND",
            due=date(2025, 2, 28),
            original_due=date(2025, 2, 14),
            reason=head,
            status="in_progress",
        ),
        _item(
            "overdue",
            "overdue-3",
            102,
            "Điều 1, khoản 3, điểm c",
            "QN124-D1.3-TTHC",
            "Ban hành Kế hoạch rà soát, đơn giản hóa thủ tục hành chính nội bộ theo Quyết định 1085/QĐ-TTg",
            due=date(2025, 3, 7),
            status="in_progress",
        ),
        _item(
            "reminder",
            "due-day",
            103,
            "Điều 1, khoản 3, điểm d",
            "QN124-D1.3-DVC",
            "Đưa toàn bộ hồ sơ thủ tục hành chính vào phần mềm một cửa điện tử của tỉnh",
            due=date(2025, 3, 12),
            role="cooperating",
            status="in_progress",
            agency="Sở Nội vụ",
        ),
        _item(
            "reminder",
            "before-3",
            104,
            "Điều 1, khoản 3, điểm a",
            "QN124-D1.3-NS",
            "Xây dựng phương án phân bổ ngân sách thực hiện cải cách hành chính giai đoạn 2023–2025",
            due=date(2025, 3, 17),
            status="in_progress",
        ),
        _item(
            "status_request",
            "request",
            105,
            "Điều 3, khoản 2",
            "QN124-D3.2-BCQ",
            "Báo cáo kết quả thực hiện Nghị quyết 124/NQ-HĐND",
            period="2025-Q1",
            due=date(2025, 3, 21),
            status="not_started",
            report=("2025-Q1", date(2025, 3, 14), date(2025, 3, 21)),
        ),
    )
    return Digest(
        recipient_name="Nguyễn Văn An",
        recipient_email="an.nv@sokhdt.quangninh.gov.vn",
        items=items,
        cc=("vanphong@quangninh.gov.vn",),
        generated_at=NOW,
        base_url="https://dondoc.quangninh.gov.vn",
    )


def _item(
    kind: str,
    step: str,
    task_id: int,
    clause: str,
    code: str,
    title: str,
    *,
    due: date,
    status: str,
    original_due: date | None = None,
    role: str = "lead",
    period: str = "",
    reason: str | None = None,
    agency: str = "Sở Kế hoạch và Đầu tư",
    report: tuple[str, date, date] | None = None,
) -> DigestItem:
    return DigestItem(
        kind=kind,
        step=step,
        task_id=task_id,
        document="124/NQ-HĐND",
        clause=clause,
        obligation_code=code,
        title=title,
        agency_name=agency,
        role=role,
        period=period,
        due=due,
        original_due=original_due or due,
        status=status,
        copy_reason=reason,
        report_period=report[0] if report else "",
        report_cutoff=report[1] if report else None,
        report_due=report[2] if report else None,
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m notifications.sample_email OUT.html\n")
        return 2
    signer = LinkSigner(b"preview-only-secret-not-for-use")
    rendered = render_digest(sample_digest(), signer, now=NOW)
    Path(argv[0]).write_text(rendered.html, encoding="utf-8")
    sys.stdout.write(f"Subject: {rendered.subject}\n\n{rendered.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
