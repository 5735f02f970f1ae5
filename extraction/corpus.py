"""The extraction corpus: documents written for testing, each with a hand-written catalogue.

    tests/data/extraction/corpus/<half>/<name>.txt         the document as text
    tests/data/extraction/corpus/<half>/<name>.docx.yaml   or as Word: paragraphs, tables
    tests/data/extraction/corpus/<half>/<name>.yaml        the catalogue written by hand

The provinces of the corpus have no agency registry, so the hand-written catalogues name
agencies by their Vietnamese names ("Sở Nội vụ", "UBND các huyện, thành phố"). Scoring
compares names through the lexicon's canonical names, so that two spellings of one agency
("UBND các huyện, thành phố" and "Ủy ban nhân dân các huyện, thị xã, thành phố") agree.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from extraction.agencies import AgencyIndex, name_key
from extraction.lexicon import GROUPS
from extraction.text import Span, ascii_code, fold
from tasks_catalog.catalogue.files import DocumentFile, parse_file
from tasks_catalog.catalogue.schema import Agency, AgencyRegistry, DocumentCatalogue

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "extraction" / "corpus"
HALVES = ("tuned", "held-out")


@dataclass
class CorpusCase:
    name: str
    half: str
    catalogue: DocumentCatalogue
    source: Path  # .txt, or .docx.yaml to be built into a .docx


def corpus_cases(corpus: Path = CORPUS, half: str | None = None) -> list[CorpusCase]:
    cases = []
    for part in HALVES if half is None else (half,):
        for path in sorted((corpus / part).glob("*.yaml")):
            if path.name.endswith(".docx.yaml"):
                continue
            parsed = parse_file(path)
            if not isinstance(parsed, DocumentFile):
                continue
            stem = path.name[: -len(".yaml")]
            source = corpus / part / f"{stem}.txt"
            if not source.exists():
                source = corpus / part / f"{stem}.docx.yaml"
            cases.append(CorpusCase(stem, part, parsed.model, source))
    return cases


def build_docx(content_path: Path, target: Path) -> Path:
    """A Word file from its description: paragraphs, tables (each row a line of cells
    separated by " | "; a row with only its first two cells filled is a group heading,
    merged across the table as offices do), closing paragraphs."""
    import docx  # python-docx

    content: dict[str, Any] = yaml.safe_load(content_path.read_text(encoding="utf-8"))
    document = docx.Document()
    for text in content.get("paragraphs", []):
        document.add_paragraph(text)
    for lines in content.get("tables", []):
        rows = [[cell.strip() for cell in line.split(" | ")] for line in lines]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = str(text)
            if r and not any(str(cell) for cell in row[2:]):
                table.cell(r, 1).merge(table.cell(r, len(row) - 1)).text = str(row[1])
    for text in content.get("closing", []):
        document.add_paragraph(text)
    document.save(str(target))
    return target


def source_file(case: CorpusCase, folder: Path) -> Path:
    """The file a clerk would hand to `catalog extract`: the .txt, or the built .docx."""
    if case.source.suffix == ".txt":
        return case.source
    return build_docx(case.source, folder / f"{case.name}.docx")


def canonical(name: str) -> str:
    """The lexicon's name for an agency or group name, else the name itself. A group the
    lexicon defines as the union of others ("các cơ quan, đơn vị" = the departments and the
    district committees) is named by its parts, as a draft registry writes it."""
    folded = fold(name)
    mentions = AgencyIndex().find(name, folded, Span(0, len(name)))
    covered = sum(len(m.span) for m in mentions)
    if mentions and covered >= 0.6 * len(name.strip()):
        names: set[str] = set()
        for mention in mentions:
            names |= _parts(mention.group) or {mention.name}
        return " + ".join(sorted(names))
    return name


def _parts(key: str | None) -> set[str]:
    group = GROUPS[key][0] if key else None
    if group is None or not group.parts:
        return set()
    found: set[str] = set()
    for part in group.parts:
        found |= _parts(part) or {GROUPS[part][0].name}
    return found


class NameRegistry:
    """Codes for agency names, so that name-written catalogues can be scored like the seeds:
    one code per canonical name, with every spelling met as an alias."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.spellings: dict[str, set[str]] = {}

    def code(self, name: str) -> str:
        key = canonical(name)
        if key not in self.codes:
            by_key = {self._key(k): c for k, c in self.codes.items()}
            found = by_key.get(self._key(key))
            self.codes[key] = found or f"A{len(self.codes)}-{ascii_code(key, 40)}"
        self.spellings.setdefault(self.codes[key], set()).update({name, key})
        return self.codes[key]

    @staticmethod
    def _key(name: str) -> frozenset[str]:
        return name_key(name)

    def registry(self, province: str) -> AgencyRegistry:
        agencies = []
        for code in dict.fromkeys(self.codes.values()):
            names = sorted(self.spellings.get(code, {code}))
            agencies.append(
                Agency(code=code, name=names[0], aliases=names[1:], level="province", kind="other")
            )
        if not agencies:
            agencies.append(Agency(code="X", name="X", level="province", kind="other"))
        return AgencyRegistry.model_validate(
            {"province": province, "province_name": "tỉnh", "agencies": agencies}
        )


def with_codes(catalogue: DocumentCatalogue, names: NameRegistry) -> DocumentCatalogue:
    """A copy of a catalogue whose lead and cooperating names are codes of `names`."""
    copy = catalogue.model_copy(deep=True)
    for obligation in copy.obligations:
        obligation.lead = _codes(obligation.lead, names)
        obligation.cooperating = _codes(obligation.cooperating, names)
    return copy


def _codes(written: list[str], names: NameRegistry) -> list[str]:
    """One code per agency or group a name stands for ("Các cơ quan, đơn vị": two groups)."""
    codes: list[str] = []
    for name in written:
        parts = canonical(name).split(" + ")
        for part in parts if len(parts) > 1 else [name]:
            code = names.code(part)
            names.spellings[code].add(name)  # the words the text uses for it
            if code not in codes:
                codes.append(code)
    return codes


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="dondoc-corpus-")
