"""Problems found in catalogue files, each with the place a person should look."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, at `where` (`file:line` for YAML, `file!Sheet!C12` for Excel)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class CatalogueInvalid(Exception):
    """Raised with every problem found; nothing has been written when it is raised."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


def _sort_key(problem: Problem) -> tuple[str, int, str]:
    file, _, rest = problem.where.rpartition(":")
    if file and rest.isdigit():
        return (file, int(rest), problem.message)
    return (problem.where, 0, problem.message)
