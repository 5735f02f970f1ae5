"""`echo_json_rows` prints what `echo_json` prints of the whole list, byte for byte."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum

import pytest

from dondoc.context import echo_json_rows


class Kind(StrEnum):
    REPORT = "report"


ROWS = [
    {"id": 1, "title": 'Báo cáo 6 tháng "đầu" năm\n\t\\ \u2028 \x01', "unit": None},
    {"done": True, "late": False, "day": date(2025, 3, 20), "kind": Kind.REPORT},
    {"people": [{"name": "Nguyễn Văn A", "email": None}], "empty": [], "none": {}},
    {},
    {"id": 2**63 - 1, "neg": -3},
]


@pytest.mark.parametrize("count", [0, 1, 2, len(ROWS)])
def test_the_stream_is_the_list_printed_whole(capsys, count):
    rows = ROWS[:count]
    written = echo_json_rows(iter(rows), batch=2)
    assert written == count
    assert capsys.readouterr().out == (
        json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    )
