"""Writing a draft: readable YAML, and a file that appears whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from extraction.errors import ExtractionError


class _Flow(dict[str, object]):
    """A mapping written on one line: {once: 2023-06-30}."""


class _FlowList(list[object]):
    """A list written on one line: [QN-SNV, QN-STP]."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        """Never "&id001 … *id001": a clerk reads each entry whole, even when two entries
        share a list (sơ kết and tổng kết of one sentence)."""
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(
    date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat())
)

_FLOW_KEYS = {"schedule", "confidence", "offsets", "lead", "cooperating", "inspection"}


def _styled(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        inner = {k: _styled(v, k) for k, v in value.items()}
        return _Flow(inner) if key in _FLOW_KEYS else inner
    if isinstance(value, list):
        inner_list = [_styled(v) for v in value]
        return _FlowList(inner_list) if key in _FLOW_KEYS else inner_list
    return value


def to_yaml(data: dict[str, Any], source: str) -> str:
    """The draft as YAML, with a header telling the reviewer what to do."""
    header = (
        "# yaml-language-server: $schema=../catalogue/catalogue.schema.json\n"
        f"# Bản nháp do `dondoc catalog extract` tạo từ {source}.\n"
        "# Hãy rà soát từng nhiệm vụ trước khi nạp: các mục có `assumed: true` là do máy đoán\n"
        "# (lý do ở `assumption`), `confidence` là độ tin cậy 0–1 của từng trường, `offsets` là\n"
        "# vị trí câu trích trong văn bản nguồn. Xóa nhiệm vụ thừa, sửa trường sai, rồi chạy\n"
        "# `dondoc catalog validate` và `dondoc catalog diff` để xem những gì đã sửa.\n"
    )
    body = yaml.dump(
        _styled(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
    )
    return header + body


def registry_yaml(data: dict[str, Any], source: str) -> str:
    """A draft agency registry as YAML, telling the clerk what is left to fill."""
    from extraction.registry_draft import annotate

    header = (
        "# yaml-language-server: $schema=../../catalogue/catalogue.schema.json\n"
        f"# Bản nháp danh mục cơ quan do `dondoc catalog extract --registry-draft` tạo từ {source}:\n"
        "# mọi cơ quan, nhóm mà văn bản nêu tên. Trước khi nạp: điền `people` của từng cơ quan\n"
        "# (thủ trưởng: roles [head]; chuyên viên đầu mối: roles [assignee]; Văn phòng UBND tỉnh:\n"
        "# coordinator, coordination_leader), `emails`, và thêm các huyện, xã (`parent`) mà các\n"
        "# nhóm (theo `kinds`, `levels`) cần; mã cơ quan có thể đổi, nhớ đổi cả trong bản nháp.\n"
    )
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
    return header + annotate(body)


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: a crash or an error
    leaves either the old file or the new one, never half of one."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExtractionError(f"thư mục {folder} không tồn tại")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
