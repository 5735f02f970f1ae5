"""The extractor's entry point: a resolution file in, a draft catalogue out.

`extract_draft` reads the file, finds the passages that assign work, reads each into
obligations and returns a `DocumentCatalogue` that passes the same validation as a
hand-written one (and, given the province's agency registry, the same cross-checks as
`dondoc catalog validate`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extraction.agencies import AgencyIndex
from extraction.errors import ExtractionError
from extraction.header import Header, read_header
from extraction.items import Walker
from extraction.obligations import Draft, Reader
from extraction.reading import Source, read_source
from extraction.structure import paragraphs
from extraction.tables import cell_timing_words, task_rows
from extraction.text import ascii_code, fold, squeeze
from extraction.timing import read_timing
from tasks_catalog.catalogue.schema import DocumentCatalogue

NOTHING_FOUND = (
    "không tìm thấy phần giao nhiệm vụ trong văn bản (tổ chức thực hiện, “Điều … giao”, "
    "nhiệm vụ và giải pháp, mục tiêu cụ thể, bảng phân công nhiệm vụ); tệp có phải là nghị "
    "quyết, kế hoạch, chương trình hay quyết định không?"
)


@dataclass
class DraftResult:
    catalogue: DocumentCatalogue
    data: dict[str, Any]  # what is written, in the order a person reads it
    source: Source
    warnings: list[str] = field(default_factory=list)
    header_province: str | None = None  # the province named in the document's heading


def extract_draft(
    path: Path,
    *,
    today: date,
    agencies: AgencyIndex | None = None,
    convert_tcvn3: bool = False,
) -> DraftResult:
    """1. Read the file into text (reading.py) and its outline (structure.py).
    2. Walk the outline into units (items.py) and read each into drafts (obligations.py);
       add one draft per row of a task table (tables.py).
    3. Give each draft a code, widen the document's validity to its last deadline, and
       validate the whole as a catalogue.
    """
    index = agencies or AgencyIndex()
    source = read_source(path, convert_tcvn3=convert_tcvn3)
    header = read_header(source.text, path, today, index.province_name)
    reader = Reader(
        source.text, fold(source.text), index, header.issued, header.valid_until, fold(header.title)
    )
    reader.party = "/TU" in header.number.upper() or "tỉnh ủy" in header.issuer.lower()
    outline = paragraphs(source)
    drafts = [d for unit in Walker(source.text, index, outline).units() for d in reader.read(unit)]
    drafts += _table_drafts(source, reader)
    drafts = sorted(_unique(drafts), key=lambda d: d.span.start)
    for draft in drafts:
        reader.not_before_issue(draft)
    if not drafts:
        raise ExtractionError(NOTHING_FOUND)
    data = _catalogue_data(path, source, header, index, drafts)
    try:
        catalogue = DocumentCatalogue.model_validate(data)
    except ValidationError as exc:  # a bug in the extractor, said plainly
        raise ExtractionError(
            f"bản nháp không hợp lệ (lỗi của dondoc, xin báo lại): {exc}"
        ) from None
    warnings = ["tệp được chuyển từ TCVN3 sang Unicode"] if source.converted_from_tcvn3 else []
    return DraftResult(catalogue, data, source, warnings, header.province_name)


def _table_drafts(source: Source, reader: Reader) -> list[Draft]:
    drafts: list[Draft] = []
    text = source.text
    for task in task_rows(text, source.rows):
        clause = f"Phụ lục, bảng {task.row.table + 1}, dòng {task.number or task.row.index}"
        if task.group:
            clause += f" ({squeeze(task.group)[:60]})"
        hint = f"PL{task.row.table + 1}.{ascii_code(task.number, 8) if task.number else task.row.index}"
        drafts.append(reader.read_row(task, clause, hint, _cell_timing(text, task)))
    return drafts


def _cell_timing(text: str, task: Any) -> Any:
    if task.due is None:
        return None
    words = cell_timing_words(fold(task.due.of(text)))
    timing = read_timing(words, date(2000, 1, 1))
    return timing if timing.schedule else None


def _unique(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[Any, ...]] = set()
    kept: list[Draft] = []
    for draft in drafts:
        key = (draft.span, draft.kind, draft.title, repr(draft.target))
        if key not in seen:
            seen.add(key)
            kept.append(draft)
    return kept


def _catalogue_data(
    path: Path, source: Source, header: Header, index: AgencyIndex, drafts: list[Draft]
) -> dict[str, Any]:
    valid_until = _valid_until(header, drafts)
    document: dict[str, Any] = {
        "number": header.number,
        "kind": header.kind,
        "issuer": header.issuer,
        "province": index.province or province_code(header.province_name),
        "issued": header.issued,
    }
    if valid_until:
        document["valid_until"] = valid_until
    document["title"] = header.title
    document["source"] = path.name
    guesses = list(header.guesses)
    if index.province is None:
        guesses.append("chưa có danh mục cơ quan (--agencies): mã tỉnh và tên cơ quan cần rà soát")
    if guesses:
        document["assumed"] = True
        document["assumption"] = "; ".join(guesses)
    prefix = ascii_code(header.number if not header.number.startswith("Chưa rõ") else path.stem, 20)
    return {
        "document": document,
        "obligations": _obligations(source.text, prefix, drafts, header.issued),
    }


def _valid_until(header: Header, drafts: list[Draft]) -> date | None:
    ends = [header.valid_until] if header.valid_until else []
    for draft in drafts:
        if draft.target:
            ends.append(date(int(draft.target["year"]), 12, 31))  # type: ignore[call-overload]
        if draft.schedule and isinstance(draft.schedule.get("once"), date):
            ends.append(draft.schedule["once"])  # type: ignore[arg-type]
    if not header.valid_until and any(d.schedule and "every" in d.schedule for d in drafts):
        # Validity read from one-off deadlines would end before a recurring duty ever falls
        # due: a document that states none runs at least to the end of its issue year.
        ends.append(date(header.issued.year, 12, 31))
    return max(ends) if header.valid_until or ends else None


def province_code(name: str | None) -> str:
    """ "Nghệ An" → "NA", as the seed registries name provinces; "XX" when unknown."""
    if not name:
        return "XX"
    return ascii_code("".join(word[0] for word in name.split()), 4)


def _obligations(text: str, prefix: str, drafts: list[Draft], issued: date) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for draft in drafts:
        hint = re.sub(r"[^A-Za-z0-9.]+", "", draft.code_hint)[:30] or "P"
        counts[hint] = counts.get(hint, 0) + 1
        code = f"{prefix}-{hint}-{counts[hint]:02d}"
        out.append(_obligation(text, code, draft, issued))
    return out


def _obligation(text: str, code: str, draft: Draft, issued: date) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "code": code,
        "clause": draft.clause,
        "quote": squeeze(draft.span.of(text)),
        "offsets": [draft.span.start, draft.span.end],
        "title": draft.title,
        "kind": draft.kind,
        "lead": draft.lead,
    }
    if draft.cooperating:
        entry["cooperating"] = [c for c in draft.cooperating if c not in draft.lead]
        if not entry["cooperating"]:
            del entry["cooperating"]
    if draft.deliverable and draft.kind != "target":
        entry["deliverable"] = draft.deliverable
    if draft.schedule and draft.kind not in ("target", "inspection_duty"):
        entry["schedule"] = _fitted(draft.schedule, issued)
    for key in ("inspection", "target"):
        if getattr(draft, key):
            entry[key] = getattr(draft, key)
    if draft.guesses:
        entry["assumed"] = True
        entry["assumption"] = "; ".join(dict.fromkeys(draft.guesses))
    entry["confidence"] = {k: round(v, 2) for k, v in draft.confidence.items()}
    return entry


def _fitted(schedule: dict[str, Any], issued: date) -> dict[str, Any]:
    """A deadline before the document was issued cannot be planned: drop its "from"."""
    fitted = dict(schedule)
    if isinstance(fitted.get("until"), date) and fitted["until"] < issued:
        fitted.pop("until")
        fitted.pop("from", None)
    return fitted
