"""Nonsense that was accepted is refused at its place: cycles, .nan/.inf, absurd lengths."""

from __future__ import annotations

import pytest

from tasks_catalog.catalogue.problems import Problem
from tests.catalogue.test_bad_input import folder, only_problem, problems_of  # noqa: F401
from tests.helpers import edit, line_of


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", ".NaN", "1e999"])
def test_a_target_that_is_not_a_finite_number_is_refused_at_its_line(folder, value):  # noqa: F811
    document = edit(folder / "nghi-quyet.yaml", "value: 100", f"value: {value}")
    problem = only_problem(folder)
    assert problem.where == f"{document}:{line_of(document, f'value: {value}')}"
    assert "số hữu hạn" in problem.message


def test_a_two_million_character_title_is_refused_at_its_line(folder):  # noqa: F811
    document = folder / "nghi-quyet.yaml"
    text = document.read_text(encoding="utf-8")
    start = text.index("  title: ") + len("  title: ")
    end = text.index("\n", start)
    document.write_text(text[:start] + "A" * 2_400_000 + text[end:], encoding="utf-8")
    problem = only_problem(folder)
    assert problem.where.startswith(f"{document}:")
    assert problem.message == "title: quá dài (tối đa 2000 ký tự)"


def test_an_agency_that_is_its_own_parent_is_refused(folder):  # noqa: F811
    registry = folder / "agencies.yaml"
    text = registry.read_text(encoding="utf-8")
    at = text.index("parent: HB-UBND", text.index("code: HB-SNV"))
    registry.write_text(text[:at] + "parent: HB-SNV" + text[at + 15 :], encoding="utf-8")
    problems = problems_of(folder)
    assert (
        Problem(
            f"{registry}:{line_of(registry, 'parent: HB-SNV')}",
            'cơ quan "HB-SNV" là cấp trên của chính nó',
        )
        in problems
    )


def test_a_cycle_of_parents_is_refused_with_its_chain(folder):  # noqa: F811
    registry = folder / "agencies.yaml"
    text = registry.read_text(encoding="utf-8")
    assert "code: HB-UBND\n" in text
    registry.write_text(
        text.replace("code: HB-UBND\n", "code: HB-UBND\n    parent: HB-SNV\n", 1),
        encoding="utf-8",
    )
    problems = problems_of(folder)
    cycles = [p for p in problems if "vòng lặp" in p.message]
    assert cycles and all(p.where.startswith(f"{registry}:") for p in cycles)
    assert any("HB-UBND → HB-SNV → HB-UBND" in p.message for p in cycles)
