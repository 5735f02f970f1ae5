"""Which obligations the feature files specify: every obligation must have a scenario.

The feature files in `features/` (Gherkin, `# language: vi`) are what the tests run. An
obligation counts as covered by a scenario, or by one example row of a scenario outline,
that

1. names its code in quotes in a step that sets the scene ("Biết …", "Cho …" and the
   "Và …" / "Nhưng …" that follow them), or in a cell of such a step's table, and
2. then checks something ("Thì …"),

because that is what the step library runs: the "Biết" step finds the obligation's
tasks in the plan and follows them, the "Thì" steps check what reached whom. Scenarios
tagged @xfail, @skip or @wip do not count.

Where a step writes the clause beside the code (`"QN124-D3.1-KHTK" (Điều 3, khoản 1)`,
or a table's `mã` and `khoản` columns), the clause must be the catalogue's: a scenario
that cites the wrong clause is a problem, as is a file Gherkin cannot parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler, GherkinDocumentWithURI, Pickle

from tasks_catalog.catalogue.files import DocumentFile, parse_files

NOT_COUNTED = {"@xfail", "@skip", "@wip"}
_QUOTED = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class ObligationRef:
    code: str
    clause: str
    kind: str
    title: str
    document: str
    file: str


@dataclass(frozen=True)
class ScenarioRef:
    file: str  # relative to the features folder's parent when possible
    line: int  # the scenario, or the example row of an outline
    name: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Coverage:
    obligations: list[ObligationRef]
    scenarios: dict[str, list[ScenarioRef]]  # by obligation code
    problems: list[str] = field(default_factory=list)
    unknown: dict[str, list[ScenarioRef]] = field(default_factory=dict)  # codes not loaded

    @property
    def uncovered(self) -> list[ObligationRef]:
        return [o for o in self.obligations if not self.scenarios.get(o.code)]

    @property
    def ok(self) -> bool:
        return not self.uncovered and not self.problems


@dataclass(frozen=True)
class _Pickle:
    ref: ScenarioRef
    tags: frozenset[str]
    setting: tuple[str, ...]  # texts of the scene-setting steps
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # their tables, rows of cells
    checks: bool  # has at least one "Thì" step


def catalogue_obligations(paths: Iterable[Path]) -> list[ObligationRef]:
    """The obligations of the catalogue files (raises CatalogueInvalid, located)."""
    found = []
    for parsed in parse_files(paths):
        if not isinstance(parsed, DocumentFile):
            continue
        document = parsed.model.document.number
        for obligation in parsed.model.obligations:
            found.append(
                ObligationRef(
                    code=obligation.code,
                    clause=obligation.clause,
                    kind=obligation.kind,
                    title=obligation.title,
                    document=document,
                    file=str(parsed.path),
                )
            )
    return found


def compute(obligations: list[ObligationRef], features: Path) -> Coverage:
    """Match the scenarios under `features` against `obligations`."""
    by_code = {o.code: o for o in obligations}
    coverage = Coverage(obligations, {o.code: [] for o in obligations})
    for pickle in _pickles(features, coverage.problems):
        if pickle.tags & NOT_COUNTED or not pickle.checks:
            continue
        for code, clause in _named(pickle):
            obligation = by_code.get(code)
            if obligation is None:
                if _looks_like_code(code):
                    coverage.unknown.setdefault(code, []).append(pickle.ref)
                continue
            if clause is not None and clause != obligation.clause:
                coverage.problems.append(
                    f'{pickle.ref}: "{code}" ghi ở "{obligation.clause}" trong danh mục, '
                    f'kịch bản lại ghi "{clause}"'
                )
            if pickle.ref not in coverage.scenarios[code]:
                coverage.scenarios[code].append(pickle.ref)
    return coverage


def _looks_like_code(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]*(-[A-Za-z0-9.]+)+", text))


def _named(pickle: _Pickle) -> Iterator[tuple[str, str | None]]:
    """(code, clause written beside it or None) for every code the scene names."""
    for text in pickle.setting:
        for match in _QUOTED.finditer(text):
            yield match.group(1), _clause_after(text, match.end())
    for table in pickle.tables:
        if not table:
            continue
        header = [cell.strip().casefold() for cell in table[0]]
        code_at = header.index("mã") if "mã" in header else None
        clause_at = header.index("khoản") if "khoản" in header else None
        for row in table[1:]:
            if code_at is not None:
                clause = row[clause_at].strip() if clause_at is not None else None
                yield row[code_at].strip(), clause
            else:
                for cell in row:
                    yield cell.strip(), None


def _clause_after(text: str, position: int) -> str | None:
    """The parenthesised clause right after a quoted code, parentheses inside kept."""
    if not text[position:].startswith(" ("):
        return None
    depth, start = 0, position + 1
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index]
    return None


def feature_files(features: Path) -> list[Path]:
    return sorted(features.rglob("*.feature")) if features.is_dir() else [features]


def _pickles(features: Path, problems: list[str]) -> Iterator[_Pickle]:
    base = features.parent if features.is_dir() else features.parent
    for path in feature_files(features):
        shown = _relative(path, base)
        try:
            document = Parser().parse(path.read_text(encoding="utf-8"))
        except (CompositeParserException, ParserError) as exc:
            problems.append(f"{shown}: không đọc được tệp Gherkin: {exc}")
            continue
        with_uri: GherkinDocumentWithURI = {**document, "uri": shown}
        for pickle in Compiler().compile(with_uri):
            yield _pickle(pickle, shown)


def _pickle(pickle: Pickle, shown: str) -> _Pickle:
    setting: list[str] = []
    tables: list[tuple[tuple[str, ...], ...]] = []
    checks = False
    for step in pickle["steps"]:
        kind = step.get("type")
        checks = checks or kind == "Outcome"
        if kind != "Context":
            continue
        setting.append(step["text"])
        # The library types the argument as an empty envelope; it is a mapping like the rest.
        argument: Mapping[str, Any] = step.get("argument", {})
        table = argument.get("dataTable")
        if table:
            tables.append(
                tuple(tuple(cell["value"] for cell in row["cells"]) for row in table["rows"])
            )
    return _Pickle(
        ref=ScenarioRef(shown, pickle["location"]["line"], pickle["name"]),
        tags=frozenset(tag["name"] for tag in pickle.get("tags", [])),
        setting=tuple(setting),
        tables=tuple(tables),
        checks=checks,
    )


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
