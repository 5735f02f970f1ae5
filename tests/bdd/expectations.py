"""What "Thì …" steps check in the letters of the last "Khi …" step."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.bdd.following import Followed
from tests.bdd.mailbox import Delivered, Item, describe, letter_kind
from tests.bdd.people import Audience
from tests.bdd.world import ScenarioDatabase


def audience(
    db: ScenarioDatabase, followed: list[Followed], who: str, code: str | None
) -> Audience:
    """Read a "who" phrase; "cơ quan chủ trì / phối hợp" are those followed for `code`."""
    return db.people.audience(who, **_context(db, followed, code))


def _context(db: ScenarioDatabase, followed: list[Followed], code: str | None) -> dict[str, Any]:
    tasks = [t for t in followed if code is None or t.code == code]
    by_role: dict[str, list[Any]] = {"lead": [], "cooperating": []}
    for task in tasks:
        agency = db.people.by_id[task.agency_id]
        if agency not in by_role[task.role]:
            by_role[task.role].append(agency)
    provinces = {db.people.by_id[t.agency_id].province for t in tasks} or {
        a.province for a in db.people.agencies.values()
    }
    return {"provinces": provinces, "followed": by_role}


def expect_letters(
    db: ScenarioDatabase,
    followed: list[Followed],
    delivered: Delivered,
    *,
    who: str,
    letter: str,
    code: str,
    days: set[date] | None = None,
) -> None:
    """Everyone `who` names got a letter of this kind about `code` (on those days); the
    items found are claimed, for "không ai khác nhận thư"."""
    steps, qualifier = letter_kind(letter)
    people = audience(db, followed, who, code)
    about = [i for i in delivered.items if i.task.code == code]
    matched = [
        i
        for i in about
        if steps.fullmatch(i.step)
        and i.recipient in people.addresses
        and (days is None or i.day in days)
    ]
    for group in people.groups:
        got = {i.recipient for i in matched if i.recipient in group.addresses}
        lacking = group.addresses - got if group.every else (set() if got else group.addresses)
        when = f" vào sáng {', '.join(f'{d:%d/%m/%Y}' for d in sorted(days))}" if days else ""
        assert not lacking, (
            f'{group.label} ({", ".join(sorted(lacking))}) không nhận thư {letter} về "{code}"'
            f"{when}; thư về nhiệm vụ này:\n{describe(about)}"
        )
    for item in matched:
        check_text(delivered, item, qualifier)
    delivered.claimed.update(matched)


def check_text(delivered: Delivered, item: Item, qualifier: str | None) -> None:
    """The letter names the obligation, its due date and what the step says it says."""
    text = delivered.mail(item).text
    assert f"(mã {item.task.code})" in text, f"Thư {item.mail_id} không nêu mã {item.task.code}"
    if not item.step.startswith("inspection-"):  # those name their checkpoint instead
        assert f"{item.task.due:%d/%m/%Y}" in text, f"Thư {item.mail_id} không nêu thời hạn"
    if qualifier is not None:
        assert qualifier.casefold() in text.casefold(), (
            f'Thư {item.mail_id} không ghi "{qualifier}"'
        )


def nobody_else(delivered: Delivered, code: str | None) -> None:
    extra = delivered.unclaimed(code)
    about = f' về "{code}"' if code else ""
    assert not extra, f"Có thư{about} mà kịch bản không nêu:\n{describe(extra)}"


def one_digest(
    db: ScenarioDatabase, followed: list[Followed], delivered: Delivered, who: str, codes: str
) -> None:
    """Each person `who` names got exactly one letter, carrying all of `codes`."""
    wanted = {c.strip().strip('"') for c in codes.replace(" và ", ",").split(",")}
    for group in audience(db, followed, who, None).groups:
        mails = [m for m in delivered.mails if set(m.recipients) & group.addresses]
        assert len(mails) == 1, f"{group.label} nhận {len(mails)} thư, không phải một"
        inside = {i.task.code for i in mails[0].items}
        assert wanted <= inside, f"Thư của {group.label} gồm {sorted(inside)}"
        delivered.claimed.update(i for i in mails[0].items if i.task.code in wanted)


def inspections_per_unit(
    db: ScenarioDatabase, followed: list[Followed], units: str, count: int, year: int
) -> None:
    """Each unit of the group has `count` inspection rounds in `year`, no other unit any."""
    rounds = [t for t in followed if t.subject_agency_id is not None]
    assert rounds, "Kịch bản chưa nêu nhiệm vụ kiểm tra nào"
    province = db.people.by_id[rounds[0].agency_id].province
    members = {m.id: m.code for m in db.people.agencies_named(units, province)}
    per_unit: dict[int, int] = {}
    for task in rounds:
        if task.period_label.startswith(str(year)) and task.subject_agency_id is not None:
            per_unit[task.subject_agency_id] = per_unit.get(task.subject_agency_id, 0) + 1
    wrong = {
        db.people.by_id[unit].code: n
        for unit, n in per_unit.items()
        if n != count or unit not in members
    }
    missing = [code for unit, code in members.items() if unit not in per_unit]
    assert not wrong and not missing, (
        f"Số lượt kiểm tra khác {count}: {wrong}; đơn vị không có lượt nào: {missing}"
    )


def inspected_side_untold(
    db: ScenarioDatabase, followed: list[Followed], delivered: Delivered
) -> None:
    units = {t.subject_agency_id for t in followed if t.subject_agency_id is not None}
    addresses: set[str] = set()
    for unit in units:
        addresses |= db.people.everyone_of(db.people.by_id[unit])
    told = [i for i in delivered.items if i.recipient in addresses]
    assert not told, f"Đơn vị được kiểm tra đã nhận thư:\n{describe(told)}"
