"""Checks across files and against what the database already holds.

The schema checks one file at a time; these check that codes are unique, that every
agency or group a document names exists, and that every schedule fires at least once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from tasks_catalog.calendar import WorkCalendar, first_occurrence, validate_schedule
from tasks_catalog.catalogue.files import CatalogueFile, DocumentFile, RegistryFile
from tasks_catalog.catalogue.names import NameIndex
from tasks_catalog.catalogue.problems import Problem
from tasks_catalog.catalogue.schema import Document, Obligation
from tasks_catalog.obligation_schedule import (
    effective_schedule,
    obligation_window,
    waits_for_event,
)


@dataclass
class KnownCodes:
    """What the database holds already (active rows only)."""

    agencies_by_province: dict[str, set[str]] = field(default_factory=dict)
    groups_by_province: dict[str, set[str]] = field(default_factory=dict)
    obligation_documents: dict[str, str] = field(default_factory=dict)  # code -> number
    person_agencies: dict[str, str] = field(default_factory=dict)  # email -> agency code
    # province -> [(code, name, short name, aliases)] of agencies and groups
    names_by_province: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


@dataclass
class _Available:
    agencies: set[str]
    groups: set[str]
    provinces: set[str]
    names: dict[str, NameIndex] = field(default_factory=dict)  # per province


def check_files(
    files: list[CatalogueFile], known: KnownCodes, calendar: WorkCalendar
) -> list[Problem]:
    registries = [f for f in files if isinstance(f, RegistryFile)]
    documents = [f for f in files if isinstance(f, DocumentFile)]
    available = _available(registries, known)
    problems = _check_registries(registries, available)
    problems += _check_documents(documents, known, available, calendar)
    return problems


def _available(registries: list[RegistryFile], known: KnownCodes) -> _Available:
    """Agencies of a province whose registry is being loaded come from that file alone."""
    replaced = {r.model.province for r in registries}
    agencies = {a.code for r in registries for a in r.model.agencies}
    groups = {g.code for r in registries for g in r.model.groups}
    provinces = set(replaced)
    names: dict[str, NameIndex] = {}
    for registry in registries:
        index = names.setdefault(registry.model.province, NameIndex())
        for agency in registry.model.agencies:
            index.add(agency.code, agency.name, agency.short_name, *agency.aliases)
        for group in registry.model.groups:
            index.add(group.code, group.name)
    for province, codes in known.agencies_by_province.items():
        if province not in replaced:
            agencies |= codes
            groups |= known.groups_by_province.get(province, set())
            provinces.add(province)
            index = names.setdefault(province, NameIndex())
            for code, *more in known.names_by_province.get(province, []):
                index.add(code, *more)
    return _Available(agencies, groups, provinces, names)


def _duplicates(codes: Iterable[str]) -> set[str]:
    return {code for code, n in Counter(codes).items() if n > 1}


def _check_registries(registries: list[RegistryFile], available: _Available) -> list[Problem]:
    problems: list[Problem] = []
    all_codes = [a.code for r in registries for a in r.model.agencies]
    all_codes += [g.code for r in registries for g in r.model.groups]
    repeated = _duplicates(all_codes)
    emails = _duplicates(
        p.email.lower() for r in registries for a in r.model.agencies for p in a.people
    )
    for registry in _duplicated_provinces(registries):
        problems.append(
            Problem(
                registry.where(("province",)),
                f"tỉnh {registry.model.province} đã có tệp cơ quan khác",
            )
        )
    for registry in registries:
        where = registry.where
        for i, agency in enumerate(registry.model.agencies):
            if agency.code in repeated:
                problems.append(
                    Problem(where(("agencies", i, "code")), f'mã cơ quan "{agency.code}" bị trùng')
                )
            if agency.parent and agency.parent not in available.agencies:
                problems.append(
                    Problem(
                        where(("agencies", i, "parent")),
                        f'cơ quan cấp trên "{agency.parent}" không có trong danh mục',
                    )
                )
            for j, person in enumerate(agency.people):
                if person.email.lower() in emails:
                    problems.append(
                        Problem(
                            where(("agencies", i, "people", j, "email")),
                            f'địa chỉ "{person.email}" dùng cho hơn một người',
                        )
                    )
        for i, group in enumerate(registry.model.groups):
            if group.code in repeated:
                problems.append(
                    Problem(where(("groups", i, "code")), f'mã nhóm "{group.code}" bị trùng')
                )
            for j, member in enumerate(group.members):
                if member not in available.agencies:
                    problems.append(
                        Problem(
                            where(("groups", i, "members", j)),
                            f'cơ quan "{member}" không có trong danh mục',
                        )
                    )
            if group.within and group.within not in available.agencies:
                problems.append(
                    Problem(
                        where(("groups", i, "within")),
                        f'cơ quan "{group.within}" không có trong danh mục',
                    )
                )
    return problems


def _duplicated_provinces(registries: list[RegistryFile]) -> list[RegistryFile]:
    repeated = _duplicates(r.model.province for r in registries)
    seen: set[str] = set()
    later: list[RegistryFile] = []
    for registry in registries:
        province = registry.model.province
        if province in repeated and province in seen:
            later.append(registry)
        seen.add(province)
    return later


def _check_documents(
    documents: list[DocumentFile],
    known: KnownCodes,
    available: _Available,
    calendar: WorkCalendar,
) -> list[Problem]:
    problems: list[Problem] = []
    numbers = _duplicates(d.model.document.number for d in documents)
    codes = _duplicates(o.code for d in documents for o in d.model.obligations)
    for doc in documents:
        where = doc.where
        number = doc.model.document.number
        if number in numbers:
            problems.append(
                Problem(where(("document", "number")), f'văn bản "{number}" có trong hơn một tệp')
            )
        if doc.model.document.province not in available.provinces:
            # One line that says what to do, not one per unresolved agency of the document.
            problems.append(
                Problem(where(("document", "province")), no_registry(doc.model.document))
            )
            continue
        for i, obligation in enumerate(doc.model.obligations):
            loc = ("obligations", i)
            if obligation.code in codes:
                problems.append(
                    Problem(where((*loc, "code")), f'mã nhiệm vụ "{obligation.code}" bị trùng')
                )
            owner = known.obligation_documents.get(obligation.code)
            if owner is not None and owner != number:
                problems.append(
                    Problem(
                        where((*loc, "code")),
                        f'mã nhiệm vụ "{obligation.code}" đã thuộc văn bản {owner}',
                    )
                )
            names = available.names.get(doc.model.document.province, NameIndex())
            problems += _resolve_agencies(obligation, available, names, where, loc)
            problems += _check_obligation_time(doc, i, obligation, calendar)
    return problems


def no_registry(document: Document) -> str:
    source = document.source or "VĂN_BẢN"
    return (
        f'chưa có danh mục cơ quan của tỉnh "{document.province}": thêm tệp danh mục vào lệnh, '
        f"hoặc tạo bản nháp bằng `dondoc catalog extract {source} --registry-draft "
        "agencies.yaml -o draft.yaml`"
    )


def _resolve_agencies(
    obligation: Obligation,
    available: _Available,
    names: NameIndex,
    where: Callable[[tuple[str | int, ...]], str],
    loc: tuple[str | int, ...],
) -> list[Problem]:
    """Check each agency entry; an agency written by name (Excel) is replaced by its code."""
    problems: list[Problem] = []
    codes = available.agencies | available.groups
    for key in ("lead", "cooperating"):
        entries = getattr(obligation, key)
        for j, code in enumerate(entries):
            if code in codes:
                continue
            found = names.lookup(code)
            if found is not None:
                entries[j] = found
            else:
                problems.append(
                    Problem(
                        where((*loc, key, j)), f'cơ quan hoặc nhóm "{code}" không có trong danh mục'
                    )
                )
    inspection = obligation.inspection
    if inspection is not None and inspection.units not in available.groups:
        problems.append(
            Problem(
                where((*loc, "inspection", "units")),
                f'nhóm đơn vị "{inspection.units}" không có trong danh mục',
            )
        )
    return problems


def _check_obligation_time(
    doc: DocumentFile, index: int, obligation: Obligation, calendar: WorkCalendar
) -> list[Problem]:
    where = doc.where
    loc = ("obligations", index)
    document = doc.model.document
    valid_from = obligation.valid_from or document.valid_from or document.issued
    valid_until = obligation.valid_until or document.valid_until
    window = obligation_window(valid_from, valid_until)
    stored = obligation.schedule.model_dump(exclude_none=True) if obligation.schedule else None
    if waits_for_event(stored):
        return []  # dated when the event happens, not by the calendar
    try:
        schedule = effective_schedule(
            kind=obligation.kind,
            stored=stored,
            target_year=obligation.target.year if obligation.target else None,
            inspection_per=obligation.inspection.per if obligation.inspection else None,
        )
    except (TypeError, ValueError) as exc:
        return [Problem(where((*loc, "schedule")), str(exc))]
    messages = validate_schedule(schedule)
    if messages:
        return [Problem(where((*loc, "schedule")), m) for m in messages]
    if first_occurrence(schedule, calendar, window.start, window.end) is None:
        return [
            Problem(
                where((*loc, "schedule") if obligation.schedule else loc),
                f"lịch không bao giờ đến hạn trong thời gian hiệu lực {_span(window.start, window.end)}",
            )
        ]
    return []


def _span(start: date, end: date) -> str:
    return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
