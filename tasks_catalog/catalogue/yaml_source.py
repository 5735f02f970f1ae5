"""Reading YAML catalogue files while remembering the line of every value.

PyYAML's composer gives each node its position; we walk the node tree once to build
`path -> line`, so that a validation error at ("obligations", 3, "schedule", "day") can be
reported as `file.yaml:41`. The same walk refuses duplicate keys, which PyYAML would
otherwise silently overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024  # a real catalogue is a few hundred kB

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int:
        """The line of `loc`, or of its nearest ancestor that has one."""
        for cut in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:cut]))
            if line is not None:
                return line
        return 1

    def where(self, loc: Path_) -> str:
        return f"{self.path}:{self.line_of(loc)}"


def read_catalogue_text(path: Path) -> str:
    """The file's text, or CatalogueInvalid if it is too big, binary, not UTF-8 or empty."""
    where = f"{path}:1"
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise CatalogueInvalid(
            [
                Problem(
                    where,
                    f"tệp quá lớn ({size / 1e6:.1f} MB, giới hạn {MAX_FILE_BYTES // 2**20} MB)",
                )
            ]
        )
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise CatalogueInvalid([Problem(where, "tệp nhị phân, không phải tệp văn bản YAML")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogueInvalid(
            [Problem(f"{path}:{line}", "tệp không được mã hóa UTF-8 (hãy lưu lại với mã UTF-8)")]
        ) from None
    if not text.strip() or all(_is_comment(line) for line in text.splitlines()):
        raise CatalogueInvalid([Problem(where, "tệp rỗng")])
    return text


class _CatalogueLoader(yaml.SafeLoader):
    """SafeLoader that leaves an impossible date (2025-13-01) as text for the schema to
    report at its line, instead of raising from deep inside the constructor."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_CatalogueLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _CatalogueLoader.construct_yaml_timestamp
)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once, keeping the node tree (for lines) and the plain data."""
    loader = _CatalogueLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def load_yaml(path: Path) -> YamlDocument:
    text = read_catalogue_text(path)
    try:
        node, data = _compose_and_construct(text)
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # Not a YAMLError but still bad input: e.g. "!!int x" or absurd nesting.
        raise CatalogueInvalid([Problem(f"{path}:1", f"không đọc được tệp YAML: {exc}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise CatalogueInvalid([Problem(f"{path}:{line}", f"lỗi cú pháp YAML: {reason}")]) from None
    document = YamlDocument(path=path, data=data)
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), document, problems)
    if problems:
        raise CatalogueInvalid(problems)
    return document


def _walk(node: yaml.Node, loc: Path_, doc: YamlDocument, problems: list[Problem]) -> None:
    doc.lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(
                    Problem(
                        f"{doc.path}:{key_node.start_mark.line + 1}", f'khóa "{key}" bị lặp lại'
                    )
                )
            seen.add(key)
            _walk(value_node, (*loc, key), doc, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), doc, problems)
