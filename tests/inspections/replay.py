"""A replayed 2025 in Quảng Ninh: the engine ticks, inspectors log what they did, mail flows.

The scenario is written from the units alone, never from the plan, so that two replays
with different secrets differ only in their plans (what the secrecy test relies on):

- the 21 units of the 124/NQ-HĐND duty (two inspections a year) take turns in five
  stories: both inspections in time; the first one late (July); only one all year; none;
  both, the second logged days after it happened and after 31 October's check;
- the 12 units of the Chairman's directive (one a year): every other one inspected in
  June, the others never.

Records are logged at 17:00 on their day, whether or not the engine ticks that day. Ticks
(07:30): `every` days apart from 2 January, plus the mornings the rules speak (1 July,
3 November 2025, 5 January 2026) and their eves. Reminders missed between ticks collapse
into one message saying where a task stands, as after any downtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from dondoc.db import session_factory, transaction
from inspections.access import ADMIN
from inspections.evidence import EvidenceStore
from inspections.record_input import read_record_file
from inspections.records import log_record
from notifications.delivery import DeliverySettings
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher
from notifications.smtp import SmtpSettings, SmtpTransport
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.dates import LOCAL_TZ
from tests.inspections.conftest import CAL, QN, write_record
from workflows.engine import tick

DIEM = sorted(
    [
        "QN-TTPVHCC",
        *(f"QN-{d}-TTHCC" for d in ("HALONG", "CAMPHA", "UONGBI", "MONGCAI", "VANDON")),
        "QN-HALONG-BAICHAY-1C", "QN-HALONG-HONGHA-1C", "QN-HALONG-HAKHANH-1C",
        "QN-CAMPHA-CUAONG-1C", "QN-CAMPHA-QUANGHANH-1C", "QN-CAMPHA-DUONGHUY-1C",
        "QN-UONGBI-QUANGTRUNG-1C", "QN-UONGBI-VANGDANH-1C", "QN-UONGBI-PHUONGDONG-1C",
        "QN-MONGCAI-KALONG-1C", "QN-MONGCAI-TRACO-1C", "QN-MONGCAI-VANNINH-1C",
        "QN-VANDON-CAIRONG-1C", "QN-VANDON-QUANLAN-1C", "QN-VANDON-MINHCHAU-1C",
    ]
)  # fmt: skip
CQHC = sorted(
    [
        "QN-STP", "QN-SKHDT", "QN-STC", "QN-STTTT", "QN-SKHCN", "QN-SLDTBXH", "QN-IPA",
        "QN-HALONG-UBND", "QN-CAMPHA-UBND", "QN-UONGBI-UBND", "QN-MONGCAI-UBND", "QN-VANDON-UBND",
    ]
)  # fmt: skip
INSPECTORS = [
    "chanhthanhtra@snv.quangninh.example",
    "thanhtravien1@snv.quangninh.example",
    "thanhtravien2@snv.quangninh.example",
    "kiemtra.cchc1@snv.quangninh.example",
    "kiemtra.cchc2@snv.quangninh.example",
]
FIRST_TICK = date(2025, 1, 2)
LAST_TICK = date(2026, 1, 6)
RULE_MORNINGS = (date(2025, 7, 1), date(2025, 11, 3), date(2026, 1, 5))
SETTINGS = DeliverySettings(
    sender="Dondoc <dondoc@quangninh.example>",
    base_url="https://dondoc.quangninh.example",
    signer=LinkSigner(b"replay-link-key-" * 2),
    worker="inspection-replay",
)


@dataclass(frozen=True)
class Visit:
    duty: str
    unit: str
    day: date  # the inspection
    logged_on: date  # when the record reaches dondoc (17:00 that day)
    leader: str
    number: str


def scenario() -> list[Visit]:
    visits = []
    stories = (
        [(date(2025, 3, 11), 0), (date(2025, 9, 16), 0)],  # both in time
        [(date(2025, 7, 15), 8), (date(2025, 10, 20), 0)],  # the first one late
        [(date(2025, 4, 10), 0)],  # only one
        [],  # none
        [(date(2025, 5, 5), 0), (date(2025, 10, 28), 8)],  # the second logged after 3/11
    )
    for i, unit in enumerate(DIEM):
        for j, (day, lag) in enumerate(stories[i % 5]):
            visits.append(
                Visit("QN124-D1.3c-KTDX", unit, day + timedelta(days=i), day + timedelta(days=i + lag),
                      INSPECTORS[(i + j) % 5], f"{i:02d}{j}/BB-KTĐX")
            )  # fmt: skip
    for i, unit in enumerate(CQHC):
        if i % 2 == 0:
            day = date(2025, 6, 2) + timedelta(days=i)
            visits.append(
                Visit("QNCD10N-P3-KTDX", unit, day, day, INSPECTORS[i % 5], f"{i:02d}/BB-KTCV")
            )
    return visits


def tick_days(every: int | None) -> list[date]:
    days = {FIRST_TICK}
    day = FIRST_TICK
    while every and day <= LAST_TICK:
        days.add(day)
        day += timedelta(days=every)
    for morning in RULE_MORNINGS:
        days |= {morning, CAL.add_working_days(morning, -1)}
    return sorted(d for d in days if FIRST_TICK <= d <= LAST_TICK)


def replay(
    engine: Engine, *, secret: bytes, mail: Path, folder: Path, every: int | None = 14
) -> None:
    """Load Quảng Ninh, then live through 2025 (records logged at 17:00, ticks at 07:30)."""
    start = datetime.combine(FIRST_TICK, datetime.min.time(), tzinfo=LOCAL_TZ)
    with transaction(engine) as session:
        load_paths(session, QN, CAL, start)
    visits = sorted(scenario(), key=lambda v: v.logged_on)
    store = EvidenceStore(folder / "evidence")
    sessions = session_factory(engine)
    with MailCatcher(mail) as catcher:
        smtp = SmtpSettings.from_url(catcher.url)
        for day in tick_days(every):
            for index, visit in enumerate(v for v in visits if v.logged_on < day):
                _log(engine, visit, store, folder, index)
            visits = [v for v in visits if v.logged_on >= day]
            morning = datetime(day.year, day.month, day.day, 7, 30, tzinfo=LOCAL_TZ)
            tick(
                sessions,
                now=morning,
                settings=SETTINGS,
                email_transport=lambda: SmtpTransport(smtp),
                inspection_secret=secret,
            )


def _log(engine: Engine, visit: Visit, store: EvidenceStore, folder: Path, index: int) -> None:
    evidence = [{"file": "bien-ban.pdf"}] if index % 2 == 0 else []
    record_folder = folder / f"{visit.unit}-{visit.day}"
    record_folder.mkdir(parents=True, exist_ok=True)
    (record_folder / "bien-ban.pdf").write_bytes(b"%PDF-1.7 bien ban kiem tra")
    path = write_record(
        record_folder,
        duty=visit.duty,
        unit=visit.unit,
        date=visit.day.isoformat(),
        leader={"email": visit.leader},
        members=[],
        minutes_number=visit.number,
        evidence=evidence,
    )
    at = datetime(
        visit.logged_on.year, visit.logged_on.month, visit.logged_on.day, 17, 0, tzinfo=LOCAL_TZ
    )
    with transaction(engine) as session:
        log_record(
            session, parsed=read_record_file(path), store=store, calendar=CAL, now=at, viewer=ADMIN
        )
