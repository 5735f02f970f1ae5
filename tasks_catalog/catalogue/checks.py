"""Checks across files and against what the database already holds.

The schema checks one file at a time; these check that codes are unique, that every
agency or group a document names exists, and that every schedule fires at least once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from tasks_catalog.calendar import WorkCalendar, first_occurrence, validate_schedule
from tasks_catalog.catalogue.available import Available, KnownCodes, available
from tasks_catalog.catalogue.files import CatalogueFile, DocumentFile, RegistryFile
from tasks_catalog.catalogue.names import NameIndex
from tasks_catalog.catalogue.problems import Problem
from tasks_catalog.catalogue.registry_checks import check_registries
from tasks_catalog.catalogue.schema import Document, Obligation
from tasks_catalog.obligation_schedule import (
    effective_schedule,
    obligation_window,
    waits_for_event,
)


def check_files(
    files: list[CatalogueFile], known: KnownCodes, calendar: WorkCalendar
) -> list[Problem]:
    registries = [f for f in files if isinstance(f, RegistryFile)]
    documents = [f for f in files if isinstance(f, DocumentFile)]
    codes = available(registries, known)
    problems = check_registries(registries, codes, known)
    problems += _check_documents(documents, known, codes, calendar)
    return problems


def _duplicates(codes: Iterable[str]) -> set[str]:
    return {code for code, n in Counter(codes).items() if n > 1}


def _check_documents(
    documents: list[DocumentFile],
    known: KnownCodes,
    available: Available,
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
        province = doc.model.document.province
        owner = known.document_provinces.get(number)
        if owner is not None and owner != province:
            problems.append(
                Problem(
                    where(("document", "number")),
                    f'văn bản "{number}" thuộc tỉnh {owner}; '
                    f"tệp của tỉnh {province} không được sửa",
                )
            )
        if province not in available.provinces:
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
            names = available.names.get(province, NameIndex())
            problems += _resolve_agencies(obligation, available, province, names, where, loc)
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
    available: Available,
    province: str,
    names: NameIndex,
    where: Callable[[tuple[str | int, ...]], str],
    loc: tuple[str | int, ...],
) -> list[Problem]:
    """Check each agency entry; an agency written by name (Excel) is replaced by its code.

    Only the document's own province's agencies count: a document may not assign work
    (or an inspection) to another province's agency."""
    problems: list[Problem] = []
    codes = available.agencies_of(province) | available.groups_of(province)
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
                        where((*loc, key, j)),
                        available.missing(code, province, "cơ quan hoặc nhóm"),
                    )
                )
    inspection = obligation.inspection
    if inspection is not None and inspection.units not in available.groups_of(province):
        problems.append(
            Problem(
                where((*loc, "inspection", "units")),
                available.missing(inspection.units, province, "nhóm đơn vị"),
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
