"""The seed documents: their drafts validate, and the extractor keeps its score on them.

The score is computed as by `python -m tasks_catalog.extraction.score` (README,
"Extracting a draft catalogue"); the floors below sit a little under today's numbers, so a
change that makes the extractor read worse fails here.
"""

from __future__ import annotations

import pytest

from tasks_catalog.calendar import default_calendar
from tasks_catalog.catalogue.checks import KnownCodes
from tasks_catalog.catalogue.service import validate_paths
from tasks_catalog.extraction.agencies import AgencyIndex
from tasks_catalog.extraction.draft import DraftResult, extract_draft
from tasks_catalog.extraction.output import to_yaml
from tasks_catalog.extraction.score import DATA, Score, SeedCase, score_case, seed_cases
from tests.extraction.conftest import REPO, SEEDS

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"không có văn bản mẫu ở {SEEDS}")


@pytest.fixture(scope="module")
def drafts() -> list[tuple[SeedCase, DraftResult]]:
    """Each seed document extracted once, with its province's registry ("today" is the
    document's date, as in the score script, for the documents that do not state it)."""
    found = []
    for case in seed_cases(REPO.parent / "shared", DATA):
        index = AgencyIndex.from_registry(case.registry.model)
        today = case.catalogue.document.issued
        found.append((case, extract_draft(case.source, today=today, agencies=index)))
    return found


def test_the_drafts_of_the_seeds_pass_catalog_validate_with_their_registries(drafts, tmp_path):
    paths = []
    for case, result in drafts:
        draft = tmp_path / f"draft-{case.name}"
        draft.write_text(to_yaml(result.data, case.source.name), encoding="utf-8")
        paths += [draft, case.registry.path]
    files = validate_paths(sorted(set(paths)), KnownCodes(), default_calendar())
    assert sum(len(f.model.obligations) for f in files if hasattr(f.model, "obligations")) >= 200


@pytest.fixture(scope="module")
def total(drafts: list[tuple[SeedCase, DraftResult]]) -> Score:
    result = Score()
    for case, draft in drafts:
        result.add(score_case(case, draft))
    return result


# measure -> (recall over all, recall over what the text states, precision)
FLOORS = {
    "obligations": (0.90, 0.90, 0.70),
    "lead": (0.68, 0.90, 0.75),
    "schedule": (0.50, 0.80, 0.60),
    "count": (0.75, 1.00, 0.90),
    "target": (0.93, 0.95, 0.95),
}


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_the_extractor_keeps_its_score_on_the_seed_documents(total, measure):
    tally = total.tallies[measure]
    recall, explicit, precision = FLOORS[measure]
    assert tally.found / tally.seeds >= recall
    assert tally.found_explicit / tally.seeds_explicit >= explicit
    assert tally.right / tally.answered >= precision
