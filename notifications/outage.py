"""Mail outages: noticed once, told once, closed by the first e-mail that goes out.

When the mail server is down (or answers 4xx), every e-mail of a delivery fails
transiently; the rows back off and wait (they are never parked for it). The office
must still learn that reminders are not going out, through a channel that works while
mail does not: a WARNING in the log (which the administrator's monitoring reads) and
the open `mail_outages` row, which `dondoc tick` and `dondoc outbox status` print and
the web pages can show as a banner. An e-mail about the outage would only arrive once
the outage is over, so none is sent. One warning per outage, however many ticks fail.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from notifications.models import MailOutage
from tasks_catalog.dates import LOCAL_TZ

log = logging.getLogger("dondoc.mail")


def observe(session: Session, *, now: datetime, sent: int, failed: int, error: str) -> None:
    """Record what one delivery saw of the mail server: `sent` e-mails went out, `failed`
    failed transiently (the last with `error`)."""
    if sent == 0 and failed == 0:
        return
    outage = current_outage(session)
    if sent:
        if outage is not None:
            outage.ended_at = now
            log.warning(
                "mail is going out again at %s (outage since %s, %d failed deliveries)",
                now.isoformat(),
                outage.started_at.isoformat(),
                outage.failures,
            )
        return
    if outage is None:
        outage = MailOutage(started_at=now, failures=0, last_error="")
        session.add(outage)
    outage.failures += 1
    outage.last_error = error[:2000]
    if outage.warned_at is None:
        outage.warned_at = now
        log.warning(
            "mail is not going out since %s: %s; notifications wait and are retried",
            now.isoformat(),
            error,
        )


def current_outage(session: Session) -> MailOutage | None:
    return session.scalars(
        select(MailOutage).where(MailOutage.ended_at.is_(None)).order_by(MailOutage.id)
    ).first()


def outage_line(outage: MailOutage) -> str:
    """What a person reads about an open outage."""
    since = outage.started_at.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y")
    return (
        f"Cảnh báo: thư chưa gửi đi được từ {since} (máy chủ thư không nhận); "
        "các thông báo đang chờ và sẽ tự gửi khi máy chủ thư hoạt động lại."
    )
