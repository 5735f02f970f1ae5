"""A reviewer's round trip: extract a draft, correct it, see what changed."""

from __future__ import annotations

import json

import yaml

from tests.extraction.conftest import DATA
from tests.extraction.helpers import run

HA_TINH = DATA / "ha-tinh-quyet-dinh-cchc.txt"
AGENCIES = DATA / "agencies-ha-tinh.yaml"


def extracted(tmp_path):  # noqa: ANN201 - the draft's path
    output = tmp_path / "draft.yaml"
    result = run("extract", str(HA_TINH), "--agencies", str(AGENCIES), "-o", str(output))
    assert result.exit_code == 0, result.output
    return output


def test_extract_writes_a_draft_and_says_how_much_to_review(tmp_path):
    output = extracted(tmp_path)
    result = run("extract", str(HA_TINH), "--agencies", str(AGENCIES), "-o", str(output))
    assert (
        result.stdout.strip()
        == f"Đã ghi {output}: 9 nhiệm vụ, 4 có trường do máy đoán cần rà soát."
    )
    text = output.read_text(encoding="utf-8")
    assert (
        text.startswith("# yaml-language-server") and "Bản nháp do `dondoc catalog extract`" in text
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml"]  # no temporary file left


def test_without_an_output_file_the_draft_is_printed(tmp_path):
    result = run("extract", str(HA_TINH))
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout)["document"]["number"] == "412/QĐ-UBND"


def test_the_plain_text_behind_the_offsets_can_be_written(tmp_path, plan_docx):
    text = tmp_path / "van-ban.txt"
    draft = tmp_path / "draft.yaml"
    assert (
        run("extract", str(plan_docx), "-o", str(draft), "--text-output", str(text)).exit_code == 0
    )
    content = text.read_text(encoding="utf-8")
    for entry in yaml.safe_load(draft.read_text(encoding="utf-8"))["obligations"]:
        start, end = entry["offsets"]
        assert " ".join(content[start:end].split()) == entry["quote"]


def test_diff_shows_the_fields_a_reviewer_changed(tmp_path):
    draft = extracted(tmp_path)
    reviewed = tmp_path / "412-QD-UBND.yaml"
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    entries = data["obligations"]
    entries[0]["code"] = "HT412-D1.1-DUNGHAN"  # renamed: matched by its quote
    entries[0]["lead"] = ["HT-TTPVHCC"]
    entries[3]["schedule"] = {"every": "year", "month": 12, "day": 10}
    removed = entries.pop(4)
    reviewed.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("diff", str(draft), str(reviewed))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Nhiệm vụ: 6 giữ nguyên, 2 sửa, 0 thêm, 1 bỏ" in lines
    assert "~ HT412-D1.1-DUNGHAN ← 412-QD-UBND-D1.1-01 (khớp theo câu trích)" in lines
    assert "    chủ trì (lead): [HT-VP-UBND] → [HT-TTPVHCC]" in lines
    assert (
        "    thời hạn (schedule): {every: year, day: 15, month: 12} → {every: year, day: 10, month: 12}"
        in lines
    )
    assert f"- {removed['code']}  {removed['title']}" in lines


def test_diff_speaks_json_too(tmp_path):
    draft = extracted(tmp_path)
    reviewed = tmp_path / "reviewed.yaml"
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data["document"]["number"] = "412/QĐ-UBND (đã rà soát)"
    data["obligations"].append(
        dict(data["obligations"][0], code="HT412-MOI", quote="Nhiệm vụ mới.")
    )
    reviewed.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = json.loads(run("diff", str(draft), str(reviewed), "--json").stdout)
    assert result["document"] == [
        {"field": "number", "old": "412/QĐ-UBND", "new": "412/QĐ-UBND (đã rà soát)"}
    ]
    assert (
        result["added"] == ["HT412-MOI"]
        and result["removed"] == []
        and len(result["unchanged"]) == 9
    )


def test_diff_of_a_draft_against_a_seed_catalogue_pairs_entries_by_quote(tmp_path):
    draft = tmp_path / "draft.yaml"
    source = DATA.parents[2].parent / "shared" / "seeds" / "000_4d3257c3b2aec28d.txt"
    if not source.exists():
        return
    seed = DATA.parents[2] / "tasks_catalog" / "data" / "01-NQ-TU-quang-tri.yaml"
    agencies = DATA.parents[2] / "tasks_catalog" / "data" / "agencies" / "quang-tri.yaml"
    assert run("extract", str(source), "--agencies", str(agencies), "-o", str(draft)).exit_code == 0
    result = json.loads(run("diff", str(draft), str(seed), "--json").stdout)
    renamed = {c["new"]: c["old"] for c in result["changed"]}
    assert renamed["QT01-III.2-COCHE"].endswith("-III.2-01")


def test_diff_of_a_file_that_is_not_a_catalogue_is_refused(tmp_path):
    result = run("diff", str(AGENCIES), str(AGENCIES))
    assert result.exit_code == 1
    assert "không phải danh mục văn bản" in result.stderr
