"""Reading YAML catalogue files while remembering the line of every value.

PyYAML's composer gives each node its position; we walk the node tree once to build
`path -> line`, so that a validation error at ("obligations", 3, "schedule", "day") can be
reported as `file.yaml:41`. The same walk refuses duplicate keys, which PyYAML would
otherwise silently overwrite.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024  # a real catalogue is a few hundred kB
# Aliases (`*name`) repeat a node: a few nested ones ("billion laughs") stand for billions
# of nodes. A file may stand for at most this many nodes beyond one per byte of its text.
ALIAS_BUDGET = 100_000

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


def not_a_regular_file(path: Path) -> str | None:
    """Why `path` cannot be read as a catalogue (a folder, a device such as /dev/zero, a
    FIFO), or None. Follows a link: a link to an ordinary file is fine."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "không tìm thấy tệp"
    if stat.S_ISDIR(mode):
        return "là một thư mục, không phải tệp"
    if not stat.S_ISREG(mode):
        return "không phải tệp thông thường (thiết bị, FIFO hoặc socket)"
    return None


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` bytes of a regular file, or CatalogueInvalid. Opened without
    blocking (a FIFO swapped in after the check must not hang) and checked again once
    open."""
    where = f"{path}:1"
    reason = not_a_regular_file(path)
    if reason:
        raise CatalogueInvalid([Problem(where, reason)])
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise CatalogueInvalid([Problem(where, f"không mở được tệp ({exc.strerror})")]) from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CatalogueInvalid([Problem(where, "không phải tệp thông thường")])
        if info.st_size > limit:
            raise CatalogueInvalid([Problem(where, _too_big(info.st_size, limit))])
        raw = handle.read(limit + 1)
    if len(raw) > limit:  # it grew since
        raise CatalogueInvalid([Problem(where, _too_big(len(raw), limit))])
    return raw


def _too_big(size: int, limit: int) -> str:
    return f"tệp quá lớn ({size / 1e6:.1f} MB, giới hạn {limit // 2**20} MB)"


def read_catalogue_text(path: Path) -> str:
    """The file's text, or CatalogueInvalid if it is too big, binary, not UTF-8 or empty."""
    where = f"{path}:1"
    raw = read_bounded(path)
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


def _compose_and_construct(path: Path, text: str) -> tuple[YamlDocument, list[Problem]]:
    """Parse once: the node tree gives every value's line, and is walked (within the
    alias budget) before the plain data is built, since building merges `<<: *x` keys and
    validation would expand every alias."""
    loader = _CatalogueLoader(text)
    try:
        node = loader.get_single_node()
        document = YamlDocument(path=path, data=None)
        problems: list[Problem] = []
        if node is not None:
            _walk(node, (), document, problems, [len(text) + ALIAS_BUDGET])
            document.data = loader.construct_document(node)
    finally:
        loader.dispose()
    return document, problems


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def load_yaml(path: Path) -> YamlDocument:
    text = read_catalogue_text(path)
    where = f"{path}:1"
    try:
        document, problems = _compose_and_construct(path, text)
    except _TooManyNodes:
        reason = "bí danh YAML (*tên) nở ra quá nhiều mục; hãy viết thẳng nội dung"
        raise CatalogueInvalid([Problem(where, reason)]) from None
    except RecursionError:
        raise CatalogueInvalid([Problem(where, "tệp YAML lồng nhau quá sâu")]) from None
    except (ValueError, TypeError, OverflowError) as exc:
        # Not a YAMLError but still bad input: e.g. "!!int x".
        raise CatalogueInvalid([Problem(where, f"không đọc được tệp YAML: {exc}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise CatalogueInvalid([Problem(f"{path}:{line}", f"lỗi cú pháp YAML: {reason}")]) from None
    if problems:
        raise CatalogueInvalid(problems)
    return document


class _TooManyNodes(Exception):
    pass


def _walk(
    node: yaml.Node, loc: Path_, doc: YamlDocument, problems: list[Problem], budget: list[int]
) -> None:
    """Record the line of every value, once per place it appears: an alias is walked
    wherever it is used, so the budget stops one that stands for too many nodes (and a
    recursive one)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooManyNodes
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
            _walk(value_node, (*loc, key), doc, problems, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), doc, problems, budget)
