"""The daily check's rules (pure) and what it queues, for whom, under which keys."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from sqlalchemy import delete, select

from dondoc.db import transaction
from inspections.compliance import UnitPeriod
from notifications.digest import Digest, DigestItem
from notifications.emails import render_digest
from notifications.links import LinkSigner
from notifications.models import Notification
from tasks_catalog.dates import LOCAL_TZ
from tasks_catalog.models import Agency, Person
from tests.inspections.conftest import CAL, COORDINATOR, LEAD, OFFICE_LEADER
from workflows.inspections import check_inspections, due_warnings, fires_at

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def at(day: date, hour: int = 7, minute: int = 30) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ)


def facts(*done: date) -> UnitPeriod:
    return UnitPeriod(1, 1, 1, "2025", *YEAR, 2, tuple(done), (), (10, 11))


def test_no_inspection_by_30_june_warns_on_the_morning_of_1_july():
    assert due_warnings(facts(), CAL, at(date(2025, 7, 1), 7, 29)) == []
    [warning] = due_warnings(facts(), CAL, at(date(2025, 7, 1)))
    assert (warning.kind, warning.step, warning.done, warning.days) == (
        "inspection_behind",
        "inspection-mid",
        0,
        1,
    )


def test_an_inspection_logged_before_the_morning_silences_the_warning():
    assert due_warnings(facts(date(2025, 6, 30)), CAL, at(date(2025, 7, 1))) == []


def test_fewer_than_two_by_31_october_warns_on_the_next_working_day():
    checkpoint_day = fires_at(
        due_warnings(facts(date(2025, 3, 3)), CAL, at(date(2025, 11, 3)))[0].checkpoint, CAL
    )
    assert checkpoint_day == at(date(2025, 11, 3))  # 31/10 is a Friday; 1-2/11 the weekend
    assert due_warnings(facts(date(2025, 3, 3)), CAL, at(date(2025, 11, 1))) == []


def test_after_downtime_only_the_latest_checkpoint_speaks():
    [warning] = due_warnings(facts(), CAL, at(date(2025, 11, 20)))
    assert warning.step == "inspection-late"


def test_the_year_end_escalation_comes_on_the_first_working_day_of_the_new_year_5_january_2026_for_two_months():
    [warning] = due_warnings(facts(date(2025, 4, 4)), CAL, at(date(2026, 1, 5)))
    assert (warning.kind, warning.step) == ("inspection_escalation", "inspection-end")
    assert due_warnings(facts(date(2025, 4, 4)), CAL, at(date(2026, 4, 1))) == []
    assert due_warnings(facts(date(2025, 4, 4), date(2025, 9, 9)), CAL, at(date(2026, 1, 5))) == []


def test_the_check_tells_the_inspection_lead_only_once_and_never_a_unit(world):
    with transaction(world) as session:
        first = check_inspections(session, now=at(date(2025, 7, 1)), calendar=CAL, secret=None)
        again = check_inspections(session, now=at(date(2025, 7, 1), 9), calendar=CAL, secret=None)
        rows = list(session.scalars(select(Notification)))
    assert first.warnings == first.queued == 21 and again.queued == 0
    assert {r.recipient for r in rows} == {LEAD}
    assert {r.kind for r in rows} == {"inspection_behind"}
    assert all(
        r.key.startswith("insp/QN124-D1.3c-KTDX/QN-SNV/2025/") and r.key.endswith(f"/email/{LEAD}")
        for r in rows
    )


def test_the_year_end_goes_to_the_coordination_office_with_the_lead_in_copy(world):
    with transaction(world) as session:
        check_inspections(session, now=at(date(2026, 1, 5)), calendar=CAL, secret=None)
        rows = list(session.scalars(select(Notification)))
    per_recipient = {}
    for row in rows:
        per_recipient.setdefault(row.recipient, set()).add(row.payload["copy_reason"])
    assert set(per_recipient) == {COORDINATOR, OFFICE_LEADER, LEAD}
    assert per_recipient[LEAD] == {"Trưởng đoàn kiểm tra, để biết"}
    assert len(rows) == 3 * (21 + 12)  # every unit of both duties, three people each


def test_a_coordinator_working_in_an_inspected_unit_is_never_told(world):
    with transaction(world) as session:
        centre = session.scalars(select(Agency).where(Agency.code == "QN-TTPVHCC")).one()
        staff = session.scalars(select(Person).where(Person.agency_id == centre.id)).first()
        staff.roles = [*staff.roles, "coordinator"]  # a wrong registry must not open a leak
        check_inspections(session, now=at(date(2026, 1, 5)), calendar=CAL, secret=None)
        told = {
            r.payload["title"].split(":")[0]
            for r in session.scalars(
                select(Notification).where(Notification.recipient == staff.email)
            )
        }
    assert told and centre.name not in told


def test_the_e_mail_names_the_unit_and_the_public_checkpoint_never_a_planned_day(world):
    with transaction(world) as session:
        check_inspections(session, now=at(date(2025, 7, 1)), calendar=CAL, secret=None)
        payloads = [r.payload for r in session.scalars(select(Notification))]
    morning = at(date(2025, 7, 1))
    digest = Digest(
        recipient_name="Đặng Quang Huy",
        recipient_email=LEAD,
        items=tuple(DigestItem.from_payload(p) for p in payloads),
        cc=(),
        generated_at=morning,
        base_url="https://dondoc.example",
    )
    rendered = render_digest(digest, LinkSigner(b"k" * 32), now=morning)
    assert rendered.subject == "[Kiểm tra] 21 đơn vị chậm được kiểm tra"
    assert "CẢNH BÁO – ĐƠN VỊ CHẬM ĐƯỢC KIỂM TRA (21)" in rendered.text
    assert (
        "Trung tâm Hành chính công thành phố Hạ Long: mới có 0/2 cuộc kiểm tra đột xuất"
        in rendered.text
    )
    # No links: an inspection is closed by its record, and its task page is the team's alone.
    assert "Xem nhiệm vụ:" not in rendered.text and "/tasks/" not in rendered.html
    # Every date the e-mail carries is a public one: the checkpoint, the moment it was
    # written (no links, so no links' expiry). (A planned day may coincide with one of them
    # by chance: that is why the test lists what is allowed rather than searching for the
    # plan.)
    allowed = {"30/06/2025", "01/07/2025"}
    for body in (rendered.text, rendered.html):
        assert set(re.findall(r"\d{2}/\d{2}/\d{4}", body)) == allowed
    for payload in payloads:
        found = set(re.findall(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}", json.dumps(payload)))
        assert found <= {"2025-06-30", "30/06/2025"}


def test_a_failing_inspection_check_does_not_stop_the_days_reminders(world, tmp_path, monkeypatch):
    from dondoc.db import session_factory
    from notifications.delivery import DeliverySettings
    from notifications.mailcatcher import MailCatcher, list_messages
    from notifications.smtp import SmtpSettings, SmtpTransport
    from workflows import engine

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("a bug in the inspection check")

    monkeypatch.setattr(engine, "run_inspection_check", broken)
    settings = DeliverySettings(
        "Dondoc <d@x.example>", "https://x.example", LinkSigner(b"k" * 32), "t"
    )
    with MailCatcher(tmp_path / "mail") as catcher:
        smtp = SmtpSettings.from_url(catcher.url)
        report = engine.tick(
            session_factory(world), now=at(date(2025, 3, 20)), settings=settings,
            email_transport=lambda: SmtpTransport(smtp),
        )  # fmt: skip
    assert report.inspections is None and report.delivery.messages > 0
    assert len(list_messages(tmp_path / "mail")) == report.delivery.messages


def test_the_year_end_escalation_gives_the_office_no_link_the_web_would_refuse(world, tmp_path):
    """The office may not open an inspection task (only its inspectors may): no link to one."""
    from dondoc.db import session_factory
    from notifications.delivery import DeliverySettings, deliver
    from notifications.mailcatcher import MailCatcher, list_messages, read_message
    from notifications.smtp import SmtpSettings, SmtpTransport

    morning = at(date(2026, 1, 5))
    settings = DeliverySettings(
        "Dondoc <d@x.example>", "https://x.example", LinkSigner(b"k" * 32), "t"
    )
    with transaction(world) as session:
        check_inspections(session, now=morning, calendar=CAL, secret=None)
        session.execute(delete(Notification).where(Notification.kind != "inspection_escalation"))
    with MailCatcher(tmp_path / "mail") as catcher:
        smtp = SmtpSettings.from_url(catcher.url)
        deliver(
            session_factory(world), now=morning, settings=settings,
            email_transport=lambda: SmtpTransport(smtp),
        )  # fmt: skip
    mails = {m.recipients[0]: m for m in list_messages(tmp_path / "mail")}
    assert set(mails) == {COORDINATOR, OFFICE_LEADER, LEAD}
    for recipient, mail in mails.items():
        message = read_message(tmp_path / "mail", mail.id)
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert "ĐÔN ĐỐC – ĐƠN VỊ CHƯA ĐƯỢC KIỂM TRA ĐỦ SỐ CUỘC (33)" in text, recipient
        for body in (text, html):
            assert "https://x.example/tasks/" not in body and "/a/" not in body, recipient
            assert "?t=" not in body and "liên kết" not in body.lower(), recipient
