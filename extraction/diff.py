"""What a reviewer changed between a draft and the catalogue they made of it.

Entries are paired by code; the rest by their quote (the reviewer may rename codes but
rarely rewrites a quote): first identical quotes, then quotes that share most of their
words. Offsets and confidence are the extractor's notes to the reviewer, not catalogue
content, and are left out unless asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extraction.text import fold
from tasks_catalog.catalogue.schema import DocumentCatalogue, Obligation

FIELD_NAMES = {
    "code": "mã", "clause": "điều khoản", "quote": "câu trích", "title": "tên", "kind": "loại",
    "lead": "chủ trì", "cooperating": "phối hợp", "deliverable": "sản phẩm", "schedule": "thời hạn",
    "valid_from": "hiệu lực từ", "valid_until": "hiệu lực đến", "policy": "chính sách đôn đốc",
    "assumed": "giả định", "assumption": "lý do giả định", "inspection": "kiểm tra",
    "target": "chỉ tiêu", "offsets": "vị trí", "confidence": "độ tin cậy", "number": "số",
    "issuer": "cơ quan ban hành", "province": "tỉnh", "issued": "ngày ban hành", "source": "nguồn",
}  # fmt: skip
NOTES = ("offsets", "confidence")


@dataclass
class Change:
    field: str
    old: Any
    new: Any


@dataclass
class Pair:
    old: Obligation | None
    new: Obligation | None
    by: str = ""  # "mã" or "câu trích"
    changes: list[Change] = field(default_factory=list)


@dataclass
class CatalogueDiff:
    document: list[Change]
    pairs: list[Pair]

    def of_kind(self, kind: str) -> list[Pair]:
        if kind == "added":
            return [p for p in self.pairs if p.old is None]
        if kind == "removed":
            return [p for p in self.pairs if p.new is None]
        if kind == "changed":
            return [p for p in self.pairs if p.old and p.new and p.changes]
        return [p for p in self.pairs if p.old and p.new and not p.changes]


def _plain(model: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    data = model.model_dump(mode="json", exclude_none=True, by_alias=True, exclude_defaults=True)
    return {k: v for k, v in data.items() if k not in skip}


def _changes(old: Any, new: Any, skip: tuple[str, ...]) -> list[Change]:
    a, b = _plain(old, skip), _plain(new, skip)
    return [Change(k, a.get(k), b.get(k)) for k in dict.fromkeys([*a, *b]) if a.get(k) != b.get(k)]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold(text)))


def _likeness(a: Obligation, b: Obligation) -> float:
    x, y = _words(a.quote), _words(b.quote)
    score = len(x & y) / max(1, len(x | y))
    score += 0.2 * (a.kind == b.kind) + 0.2 * len(_words(a.title) & _words(b.title)) / max(
        1, len(_words(a.title) | _words(b.title))
    )
    if a.target and b.target:
        score += 0.5 * (a.target.value == b.target.value)
    return score


def diff_catalogues(
    old: DocumentCatalogue, new: DocumentCatalogue, *, notes: bool = False
) -> CatalogueDiff:
    """1. Pair entries with the same code.
    2. Pair the rest by quote: each pair of entries whose quotes share at least half of
       their words is a candidate, ranked by how alike quote, kind, title and target are;
       take the best first, each entry once.
    3. List the fields that differ in each pair; unpaired entries were added or removed.
    """
    skip = () if notes else NOTES
    pairs: list[Pair] = []
    new_by_code = {o.code: o for o in new.obligations}
    left = [o for o in old.obligations if o.code not in new_by_code]
    matched = {o.code for o in old.obligations} & set(new_by_code)
    for o in old.obligations:
        if o.code in matched:
            pairs.append(Pair(o, new_by_code[o.code], "mã", _changes(o, new_by_code[o.code], skip)))
    right = [o for o in new.obligations if o.code not in matched]
    candidates = sorted(
        ((_likeness(a, b), i, j) for i, a in enumerate(left) for j, b in enumerate(right)
         if len(_words(a.quote) & _words(b.quote)) * 2 >= min(len(_words(a.quote)), len(_words(b.quote)))),
        key=lambda c: (-c[0], c[1], c[2]),
    )  # fmt: skip
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append(Pair(left[i], right[j], "câu trích", _changes(left[i], right[j], skip)))
    pairs += [Pair(o, None) for i, o in enumerate(left) if i not in used_left]
    pairs += [Pair(None, o) for j, o in enumerate(right) if j not in used_right]
    return CatalogueDiff(_changes(old.document, new.document, ()), pairs)


def _show(value: Any) -> str:
    if value is None:
        return "(không có)"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def _name(field_name: str) -> str:
    return f"{FIELD_NAMES.get(field_name, field_name)} ({field_name})"


def render(diff: CatalogueDiff, old_name: str, new_name: str) -> str:
    """The diff as a reviewer reads it, in Vietnamese."""
    lines = [f"So sánh {old_name} → {new_name}"]
    if diff.document:
        lines.append("Văn bản:")
        lines += [f"  {_name(c.field)}: {_show(c.old)} → {_show(c.new)}" for c in diff.document]
    counts = {k: len(diff.of_kind(k)) for k in ("same", "changed", "added", "removed")}
    lines.append(
        f"Nhiệm vụ: {counts['same']} giữ nguyên, {counts['changed']} sửa, "
        f"{counts['added']} thêm, {counts['removed']} bỏ"
    )
    for pair in diff.of_kind("changed"):
        assert pair.old and pair.new
        via = "" if pair.by == "mã" else f" ← {pair.old.code} (khớp theo câu trích)"
        lines.append(f"~ {pair.new.code}{via}")
        lines += [
            f"    {_name(c.field)}: {_show(c.old)} → {_show(c.new)}"
            for c in pair.changes
            if c.field != "code"
        ]
    for pair in diff.of_kind("added"):
        assert pair.new
        lines.append(f"+ {pair.new.code}  {pair.new.title}")
    for pair in diff.of_kind("removed"):
        assert pair.old
        lines.append(f"- {pair.old.code}  {pair.old.title}")
    return "\n".join(lines)


def as_json(diff: CatalogueDiff) -> dict[str, Any]:
    def change(c: Change) -> dict[str, Any]:
        return {"field": c.field, "old": c.old, "new": c.new}

    return {
        "document": [change(c) for c in diff.document],
        "changed": [
            {"old": p.old.code, "new": p.new.code, "matched_by": p.by, "changes": [change(c) for c in p.changes]}
            for p in diff.of_kind("changed") if p.old and p.new
        ],
        "added": [p.new.code for p in diff.of_kind("added") if p.new],
        "removed": [p.old.code for p in diff.of_kind("removed") if p.old],
        "unchanged": [p.new.code for p in diff.of_kind("same") if p.new],
    }  # fmt: skip
