"""The corpus nobody tuned on (tests/data/extraction/corpus): every document of a province
without a registry gives a draft and a draft registry that validate and load together,
and the extractor keeps its score on both halves.

The floors sit a little under today's figures (README, "How well it reads …"); the
held-out floor guards against a change that reads worse, it is never a target to tune to.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from dondoc.db import transaction
from extraction.corpus import CORPUS, corpus_cases, source_file
from extraction.output import registry_yaml, to_yaml
from extraction.registry_draft import extract_with_registry_draft
from extraction.score import Score, score_corpus
from tasks_catalog.catalogue.checks import KnownCodes
from tasks_catalog.catalogue.service import load_paths, validate_paths

NOW = datetime(2024, 6, 1, 8, 0)
CASES = corpus_cases()


def test_the_corpus_has_a_tuned_and_a_held_out_half_with_word_annexes():
    halves = {half: [c for c in CASES if c.half == half] for half in ("tuned", "held-out")}
    assert [len(cases) for cases in halves.values()] == [36, 6]
    assert all(
        any(c.source.name.endswith(".docx.yaml") for c in cases) for cases in halves.values()
    )
    provinces = {c.catalogue.document.province for c in CASES}
    assert len(provinces) == 42


def _written_pair(case, folder: Path) -> tuple[Path, Path]:
    path = source_file(case, folder)
    result, registry = extract_with_registry_draft(path, today=case.catalogue.document.issued)
    draft = folder / f"{case.name}-draft.yaml"
    agencies = folder / f"{case.name}-agencies.yaml"
    draft.write_text(to_yaml(result.data, path.name), encoding="utf-8")
    agencies.write_text(registry_yaml(registry.data(), path.name), encoding="utf-8")
    return draft, agencies


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_draft_with_its_draft_registry_validates_and_loads(case, engine, calendar, tmp_path):
    draft, agencies = _written_pair(case, tmp_path)
    validate_paths([draft, agencies], KnownCodes(), calendar)
    with transaction(engine) as session:
        report = load_paths(session, [draft, agencies], calendar, NOW)
    assert report is not None
    assert "&id" not in draft.read_text(encoding="utf-8")


FLOORS = {  # measure: (recall over what the text states, precision)
    "tuned": {
        "obligations": (0.97, 0.93),
        "lead": (0.88, 0.9),
        "schedule": (0.94, 0.92),
        "count": (0.95, 0.95),
    },
    # round 5 (37–42), scored once: a count is read wherever its duty is drafted; the four
    # stated counts missed belong to duties under headings the rules do not know (README)
    "held-out": {
        "obligations": (0.78, 0.85),
        "lead": (0.65, 0.8),
        "schedule": (0.7, 0.95),
        "count": (0.55, 0.85),
    },
}


@pytest.mark.parametrize("half", ["tuned", "held-out"])
def test_the_corpus_scores_stay_above_their_floors(half):
    total = Score()
    for score in score_corpus(CORPUS, half).values():
        total.add(score)
    for measure, (recall, precision) in FLOORS[half].items():
        tally = total.tallies[measure]
        assert tally.found_explicit / tally.seeds_explicit >= recall, measure
        assert tally.right / tally.answered >= precision, measure
