"""Personal calendar feeds: subscribed by URL, parsed back with icalendar, secret-safe."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from dondoc.db import transaction
from inspections.access import viewer_for
from inspections.views import Reading, plan_rows
from tests.inspections.conftest import INSPECTOR, LEAD, UNIT_HEAD

OTHER_INSPECTOR = "thanhtravien2@snv.quangninh.example"
UNIT_STAFF = "congchuc.motcua@baichay.halong.quangninh.example"


def subscribe(cli, client, email: str) -> Calendar:  # noqa: ANN001
    """What Outlook gets from the URL `dondoc feeds url` printed, parsed back."""
    printed = cli("feeds", "url", email)
    assert printed.exit_code == 0, printed.output
    url = printed.stdout.strip()
    assert url.startswith("http://testserver/feeds/") and url.endswith(".ics")
    answer = client.get(url.removeprefix("http://testserver"))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    return Calendar.from_ical(answer.content)


def events(calendar: Calendar) -> list:  # noqa: ANN201
    return list(calendar.walk("VEVENT"))


def planned_days(world, email: str) -> set[date]:  # noqa: ANN001
    with transaction(world) as session:
        reading = Reading.of(session, viewer_for(session, email), date(2025, 3, 20))
        rows = plan_rows(reading, year=2025)
    return {
        date.fromisoformat(r["planned_on"]) for r in rows if r["state"] in ("planned", "missed")
    }


def test_an_inspectors_feed_holds_their_own_plan_days_and_their_agencys_deadlines(
    cli, client, recorded
):
    feed = events(subscribe(cli, client, INSPECTOR))
    plan = [e for e in feed if e.get("class") == "CONFIDENTIAL"]
    mine = planned_days(recorded, INSPECTOR)
    assert mine and {e.decoded("dtstart") for e in plan} == mine
    assert all("(lượt" in str(e["summary"]) for e in plan)
    others = planned_days(recorded, OTHER_INSPECTOR) - mine
    assert others and not others & {e.decoded("dtstart") for e in plan}
    deadlines = [e for e in feed if str(e["uid"]).startswith("task-")]
    assert deadlines and all(str(e["summary"]).startswith("Hạn: ") for e in deadlines)
    records = [e for e in feed if str(e["uid"]).startswith("inspection-record-")]
    assert [e.decoded("dtstart") for e in records] == [date(2025, 3, 12)]


def test_the_inspected_units_feed_shows_its_record_and_never_a_plan(cli, client, recorded):
    whole_plan = planned_days(recorded, LEAD)
    for email in (UNIT_HEAD, UNIT_STAFF):
        calendar = subscribe(cli, client, email)
        text = calendar.to_ical().decode()
        assert "CONFIDENTIAL" not in text and "lượt" not in text and "mật" not in text
        days = {e.decoded("dtstart") for e in events(calendar)}
        assert not days & whole_plan - {date(2025, 3, 12)}
    unit = events(subscribe(cli, client, UNIT_HEAD))
    [record] = [e for e in unit if str(e["uid"]).startswith("inspection-record-")]
    assert record.decoded("dtstart") == date(2025, 3, 12)
    assert str(record["summary"]).endswith("biên bản số 05/BB-KTĐX")


def test_the_url_stays_the_same_until_revoked_then_the_old_one_is_gone(cli, client):
    first = cli("feeds", "url", INSPECTOR).stdout.strip()
    assert cli("feeds", "url", INSPECTOR.upper()).stdout.strip() == first
    assert cli("feeds", "revoke", INSPECTOR).exit_code == 0
    assert client.get(first.removeprefix("http://testserver")).status_code == 404
    second = cli("feeds", "url", INSPECTOR).stdout.strip()
    assert second != first
    assert client.get(second.removeprefix("http://testserver")).status_code == 200


def test_a_wrong_or_unknown_secret_gets_404_and_an_unknown_person_no_url(cli, client):
    assert client.get("/feeds/1-0000000000000000000000000000000000000000.ics").status_code == 404
    assert client.get("/feeds/x.ics").status_code == 404
    refused = cli("feeds", "url", "khong.co@quangninh.example")
    assert refused.exit_code == 1 and "không có người dùng" in refused.stderr
