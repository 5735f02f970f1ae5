"""Validate and load catalogue paths: the two things the CLI and the web ask for."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from tasks_catalog.calendar import WorkCalendar
from tasks_catalog.catalogue.checks import KnownCodes, check_files
from tasks_catalog.catalogue.files import CatalogueFile, parse_files
from tasks_catalog.catalogue.loader import LoadReport, known_codes, load_files
from tasks_catalog.catalogue.problems import CatalogueInvalid


def validate_paths(
    paths: list[Path], known: KnownCodes, calendar: WorkCalendar
) -> list[CatalogueFile]:
    """Parse and check against what is known; raise CatalogueInvalid with every problem."""
    files = parse_files(paths)
    problems = check_files(files, known, calendar)
    if problems:
        raise CatalogueInvalid(problems)
    return files


def load_paths(
    session: Session, paths: list[Path], calendar: WorkCalendar, now: datetime
) -> LoadReport:
    """Validate, then write. The caller's transaction makes it all or nothing."""
    files = validate_paths(paths, known_codes(session), calendar)
    return load_files(session, files, now)
