"""Small helpers shared by the extraction tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from typer.testing import CliRunner

from dondoc.cli_extract import diff, extract
from extraction.agencies import AgencyIndex
from extraction.draft import DraftResult, extract_draft
from tests.extraction.conftest import DATA

TODAY = date(2025, 1, 2)


def draft_of(path: Path, registry: str | None = None) -> DraftResult:
    index = AgencyIndex.load(DATA / registry) if registry else None
    return extract_draft(path, today=TODAY, agencies=index)


def obligation_quoting(result: DraftResult, words: str) -> dict:
    found = [o for o in result.data["obligations"] if words in o["quote"]]
    assert found, f"không có nhiệm vụ nào trích “{words}”"
    return found[0]


def cli() -> typer.Typer:
    """`extract` and `diff` as the lead will wire them under `dondoc catalog`."""
    app = typer.Typer()
    app.command()(extract)
    app.command()(diff)
    return app


def run(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(cli(), list(args))
