"""How well the extractor reads the seed documents, against the hand-written catalogues.

    python -m extraction.score [--shared ../shared] [--by-document]
    python -m extraction.score --corpus [DIR] [--half tuned|held-out] [--by-document]

Each measure is scored twice: over *all* obligations of the hand-written catalogues, and
over the *explicit* ones, where the text itself states what is being scored (the lead
agency is named in the quote, a period or date is written, the count or the target value
is written). The hand-written catalogues also hold what a clerk decided and no reading of
the text can find (an owner chosen because "Sở Nội vụ advises on reform", "định kỳ" read
as "every six months"); the *all* columns count those too, as misses.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from extraction.agencies import AgencyIndex, name_key
from extraction.draft import extract_draft
from extraction.text import Span, fold
from tasks_catalog.catalogue.files import DocumentFile, RegistryFile, parse_file
from tasks_catalog.catalogue.schema import AgencyRegistry, DocumentCatalogue, Obligation

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tasks_catalog" / "data"
SHARED = REPO.parent / "shared"
MEASURES = ("obligations", "lead", "schedule", "count", "target")
LABELS = {
    "obligations": "nhiệm vụ (obligations)",
    "lead": "cơ quan chủ trì (lead)",
    "schedule": "thời hạn / chu kỳ (deadline, recurrence)",
    "count": "số cuộc kiểm tra (counts)",
    "target": "chỉ tiêu (targets)",
}


@dataclass
class Tally:
    """Counts for one measure: scope sizes and correct answers, for all and explicit."""

    seeds: int = 0
    found: int = 0
    answered: int = 0  # matched pairs where the draft gives this field
    right: int = 0  # correct among those
    seeds_explicit: int = 0
    found_explicit: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Score:
    tallies: dict[str, Tally] = field(default_factory=lambda: {m: Tally() for m in MEASURES})
    drafted: int = 0

    def add(self, other: Score) -> None:
        self.drafted += other.drafted
        for measure in MEASURES:
            self.tallies[measure].add(other.tallies[measure])


def locate(text: str, quote: str) -> Span | None:
    """Where a hand-written quote is in the source (quotes are exact modulo whitespace)."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return Span(match.start(), match.end()) if match else None


def match_pairs(
    seeds: list[tuple[Obligation, Span]], drafts: list[tuple[Obligation, Span]]
) -> list[tuple[int, int]]:
    """1. Pair every seed with every draft whose quote overlaps it by at least half of the
       shorter of the two quotes.
    2. Rank the pairs by how tightly the quotes coincide (overlap over the longer quote),
       plus a bonus for the same kind and, for targets, the same value.
    3. Take pairs best first, each seed and each draft at most once.
    """
    candidates: list[tuple[float, int, int]] = []
    for i, (seed, seed_span) in enumerate(seeds):
        for j, (draft, draft_span) in enumerate(drafts):
            overlap = seed_span.overlap(draft_span)
            if overlap * 2 < min(len(seed_span), len(draft_span)):
                continue
            score = overlap / max(len(seed_span), len(draft_span))
            score += 0.5 * (seed.kind == draft.kind)
            if seed.target and draft.target:
                score += 1.0 * same_target(seed, draft)
            candidates.append((score, i, j))
    taken_seeds: set[int] = set()
    taken_drafts: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in taken_seeds and j not in taken_drafts:
            taken_seeds.add(i)
            taken_drafts.add(j)
            pairs.append((i, j))
    return pairs


def same_target(seed: Obligation, draft: Obligation) -> bool:
    a, b = seed.target, draft.target
    if a is None or b is None:
        return False
    comparators = {a.comparator, b.comparator}
    same_comparator = len(comparators) == 1 or (
        comparators == {"=", ">="} and a.value == 100 and a.unit == "%"
    )
    return (
        same_comparator
        and abs(a.value - b.value) < 1e-6
        and same_unit(a.unit, b.unit)
        and a.year == b.year
    )


def same_unit(a: str, b: str) -> bool:
    if "%" in (a, b):
        return a == b
    x, y = fold(a).split(), fold(b).split()
    return x[:1] == y[:1] or fold(a) in fold(b) or fold(b) in fold(a)


def same_schedule(seed: Obligation, draft: Obligation) -> bool:
    """Deadlines agree when both are one-off in the same year (a year-end reading and a
    dated one count as the same deadline), or both recur with the same period; the day
    of the period, Nghị định 09's cut-off and the from/until window are not compared."""
    a, b = seed.schedule, draft.schedule
    if a is None or b is None:
        return False
    if a.once and b.once:
        return a.once.year == b.once.year and (
            abs((a.once - b.once).days) <= 31 or date(a.once.year, 12, 31) in (a.once, b.once)
        )
    if a.after and b.after:  # counted from an event: the time allowed must agree
        return (a.within, a.working) == (b.within, b.working)
    return a.every is not None and a.every == b.every


def same_count(seed: Obligation, draft: Obligation) -> bool:
    a, b = seed.inspection, draft.inspection
    return a is not None and b is not None and (a.count, a.per) == (b.count, b.per)


def same_lead(seed: Obligation, draft: Obligation) -> bool:
    return set(seed.lead) == set(draft.lead)


# --------------------------------------------------------------------- explicit scope
_TIME_WORDS = re.compile(
    r"hang nam|hang quy|hang thang|moi nam|6 thang|quy\s+[iv]+\s*/|"
    r"(?:truoc|cham nhat|han|den)\s+(?:ngay\s+)?\d{1,2}/\d{1,2}/20\d\d|"
    r"(?:den|het|truoc|trong|tu)\s+(?:ngay|nam|thang|quy)\s+\S*\d|"
    r"trong\s+thoi\s+han\s+\d+\s+ngay"
)


def lead_stated(obligation: Obligation, registry: AgencyRegistry) -> bool:
    """Every lead is named in the quote, judged by the registry's own names: the words of
    one of its names all occur close together among the words of the quote."""
    quote = re.findall(r"[a-z0-9]+", fold(re.sub(r"\([^)]*\)", " ", obligation.quote)))
    quote = [
        w
        for w in " ".join(quote)
        .replace("ubnd", "uy ban nhan dan")
        .replace("hdnd", "hoi dong nhan dan")
        .split()
    ]
    return all(_named(quote, code, registry) for code in obligation.lead)


def _names(code: str, registry: AgencyRegistry) -> list[str]:
    for agency in registry.agencies:
        if agency.code == code:
            return [n for n in (agency.name, agency.short_name, *agency.aliases) if n]
    return [g.name for g in registry.groups if g.code == code]


def _named(quote: list[str], code: str, registry: AgencyRegistry) -> bool:
    province = frozenset(fold(registry.province_name).split())
    joined = " " + " ".join(quote) + " "
    for name in _names(code, registry):
        bare = re.sub(r"\([^)]*\)", " ", name)
        bare = re.sub(r"\s+" + re.escape(registry.province_name) + r"\s*$", "", bare)
        bare = re.sub(r"(?i)^\s*các\s+|\s+(cấp tỉnh|thuộc tỉnh)\s*$", "", bare)
        key = name_key(bare, province)
        if not key:
            continue
        if len(key) <= 3:  # "Thanh tra tỉnh", "Sở Y tế": short names must be written as such
            phrase = " ".join(
                re.findall(r"[a-z0-9]+", fold(bare).replace("ubnd", "uy ban nhan dan"))
            )
            if f" {phrase} " in joined:
                return True
            continue
        width = 2 * len(key) + 4
        for start in range(len(quote)):
            if key <= set(quote[start : start + width]) and quote[start] in key:
                return True
    return False


def schedule_stated(obligation: Obligation) -> bool:
    return bool(_TIME_WORDS.search(fold(obligation.quote)))


# "02 lần/năm", "một lần mỗi quý", "hai cuộc", "6 tháng/lần": a count written in figures or
# in words ("năm" is left out: "mỗi năm lần" does not occur, "năm" the year does).
_COUNT_WORDS = re.compile(
    r"(?:\d+|\b(?:mot|hai|ba|bon|sau|muoi))\s*(?:cuoc|lan|dot)\b|"
    r"\b(?:nam|quy|thang)\s*/\s*(?:0?1\s+)?lan\b"
)


def count_stated(obligation: Obligation) -> bool:
    return bool(_COUNT_WORDS.search(fold(obligation.quote)))


def target_stated(obligation: Obligation) -> bool:
    target = obligation.target
    if target is None:
        return False
    number = f"{target.value:g}"
    written = {
        number,
        number.replace(".", ","),
        f"0{number}",
        f"{int(target.value):,}".replace(",", "."),
    }
    return any(re.search(rf"(?<![\d.,]){re.escape(w)}(?![\d])", obligation.quote) for w in written)


# --------------------------------------------------------------------- scoring
_FIELDS = {
    "lead": (lambda o: True, same_lead, lambda o, r: lead_stated(o, r)),
    "schedule": (
        lambda o: o.kind in ("deliverable", "recurring_report"),
        same_schedule,
        lambda o, r: schedule_stated(o),
    ),
    "count": (lambda o: o.kind == "inspection_duty", same_count, lambda o, r: count_stated(o)),
    "target": (lambda o: o.kind == "target", same_target, lambda o, r: target_stated(o)),
}


def score_document(
    seed: DocumentCatalogue, draft: DocumentCatalogue, text: str, registry: AgencyRegistry
) -> Score:
    """Score one draft against its hand-written catalogue (see match_pairs for pairing)."""
    seeds = [(o, locate(text, o.quote)) for o in seed.obligations]
    seeds_found = [(o, s) for o, s in seeds if s is not None]
    drafts = [(o, Span(*o.offsets)) for o in draft.obligations if o.offsets]
    pairs = dict(match_pairs(seeds_found, drafts))
    result = Score(drafted=len(drafts))
    obligations = result.tallies["obligations"]
    obligations.seeds = obligations.seeds_explicit = len(seeds)
    obligations.found = obligations.found_explicit = obligations.right = len(pairs)
    obligations.answered = len(drafts)
    for i, (obligation, _) in enumerate(seeds_found):
        partner = drafts[pairs[i]][0] if i in pairs else None
        for measure, (in_scope, agrees, stated) in _FIELDS.items():
            if not in_scope(obligation):
                continue
            tally = result.tallies[measure]
            explicit = stated(obligation, registry)
            correct = partner is not None and agrees(obligation, partner)
            tally.seeds += 1
            tally.seeds_explicit += explicit
            tally.found += correct
            tally.found_explicit += correct and explicit
            if partner is not None and (measure == "lead" or in_scope(partner)):
                tally.answered += 1
                tally.right += correct
    return result


def _registry_for(province: str, data: Path) -> RegistryFile:
    for path in sorted((data / "agencies").glob("*.yaml")):
        parsed = parse_file(path)
        if isinstance(parsed, RegistryFile) and parsed.model.province == province:
            return parsed
    raise SystemExit(f"không có danh mục cơ quan của tỉnh {province} trong {data / 'agencies'}")


@dataclass
class SeedCase:
    """A hand-written catalogue, its source document and its province's registry."""

    name: str
    catalogue: DocumentCatalogue
    source: Path
    registry: RegistryFile


def seed_cases(shared: Path = SHARED, data: Path = DATA) -> list[SeedCase]:
    cases = []
    for path in sorted(data.glob("*.yaml")):
        parsed = parse_file(path)
        if isinstance(parsed, DocumentFile) and parsed.model.document.source:
            registry = _registry_for(parsed.model.document.province, data)
            cases.append(
                SeedCase(path.name, parsed.model, shared / parsed.model.document.source, registry)
            )
    return cases


def score_case(case: SeedCase, draft: Any = None) -> Score:
    """Extract a seed document (unless its draft is given) and score it."""
    if draft is None:
        index = AgencyIndex.from_registry(case.registry.model)
        draft = extract_draft(case.source, today=case.catalogue.document.issued, agencies=index)
    return score_document(case.catalogue, draft.catalogue, draft.source.text, case.registry.model)


def score_seeds(shared: Path = SHARED, data: Path = DATA) -> dict[str, Score]:
    """Extract every seed document and score it against its hand-written catalogue."""
    return {case.name: score_case(case) for case in seed_cases(shared, data)}


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% ({part}/{whole})" if whole else "–"


def table(scores: dict[str, Score]) -> str:
    """The score table in Markdown (the one in README)."""
    total = Score()
    for score in scores.values():
        total.add(score)
    lines = [
        "| đo lường | recall (tất cả) | recall (ghi rõ trong văn bản) | precision |",
        "|---|---|---|---|",
    ]
    for measure in MEASURES:
        t = total.tallies[measure]
        lines.append(
            f"| {LABELS[measure]} | {_percent(t.found, t.seeds)} | "
            f"{_percent(t.found_explicit, t.seeds_explicit)} | {_percent(t.right, t.answered)} |"
        )
    return "\n".join(lines)


def by_document(scores: dict[str, Score]) -> str:
    lines = [
        "| catalogue | " + " | ".join(MEASURES) + " | drafted |",
        "|---" * (len(MEASURES) + 2) + "|",
    ]
    for name, score in scores.items():
        cells = [_percent(score.tallies[m].found, score.tallies[m].seeds) for m in MEASURES]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {score.drafted} |")
    return "\n".join(lines)


def score_corpus(corpus: Path, half: str) -> dict[str, Score]:
    """Extract every document of one half of the corpus as a new province would (no
    registry; the draft registry written beside it) and score it against its catalogue."""
    from extraction.corpus import corpus_cases, source_file, temporary_folder

    scores: dict[str, Score] = {}
    with temporary_folder() as folder:
        for case in corpus_cases(corpus, half):
            path = source_file(case, Path(folder))
            draft = extract_province_draft(path, case.catalogue.document.issued)
            scores[case.name] = score_named(case.catalogue, draft)
    return scores


def extract_province_draft(path: Path, today: date) -> Any:
    """The draft `catalog extract FILE --registry-draft` writes, its codes turned back into
    the registry draft's names (the corpus catalogues name agencies)."""
    from extraction.registry_draft import extract_with_registry_draft

    result, registry = extract_with_registry_draft(path, today=today)
    names = {e["code"]: name for name, e in registry.agencies.items()}
    names |= {e["code"]: e["name"] for e in registry.groups.values()}
    for obligation in result.catalogue.obligations:
        obligation.lead = [names.get(c, c) for c in obligation.lead]
        obligation.cooperating = [names.get(c, c) for c in obligation.cooperating]
    return result


def score_named(seed: DocumentCatalogue, draft: Any) -> Score:
    """Score a catalogue that names agencies (the corpus) against a draft."""
    from extraction.corpus import NameRegistry, with_codes

    names = NameRegistry()
    gold = with_codes(seed, names)
    drafted = with_codes(draft.catalogue, names)
    registry = names.registry(seed.document.province)
    return score_document(gold, drafted, draft.source.text, registry)


def _print_scores(title: str, scores: dict[str, Score], by_doc: bool) -> None:
    print(f"### {title}\n")  # noqa: T201 - this module's output is the tables
    print(table(scores))  # noqa: T201
    if by_doc:
        print()  # noqa: T201
        print(by_document(scores))  # noqa: T201
    print()  # noqa: T201


def main(argv: list[str] | None = None) -> int:
    from extraction.corpus import CORPUS, HALVES

    parser = argparse.ArgumentParser(description="Chấm bản nháp trích xuất so với danh mục mẫu")
    parser.add_argument("--shared", type=Path, default=SHARED, help="thư mục chứa seeds/")
    parser.add_argument("--data", type=Path, default=DATA, help="thư mục danh mục mẫu")
    parser.add_argument(
        "--corpus", type=Path, nargs="?", const=CORPUS, help="chấm bộ văn bản thử (tuned, held-out)"
    )
    parser.add_argument("--half", choices=HALVES, help="chỉ chấm một nửa của bộ văn bản thử")
    parser.add_argument("--by-document", action="store_true", help="thêm bảng theo từng văn bản")
    args = parser.parse_args(argv)
    if args.corpus is None:
        _print_scores("seeds", score_seeds(args.shared, args.data), args.by_document)
        return 0
    for half in (args.half,) if args.half else HALVES:
        _print_scores(f"corpus: {half}", score_corpus(args.corpus, half), args.by_document)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
