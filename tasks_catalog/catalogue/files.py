"""Turning catalogue files into validated models, with every problem located."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tasks_catalog.catalogue.parsed import (
    CatalogueFile,
    DocumentFile,
    RegistryFile,
    validate_model,
)
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem
from tasks_catalog.catalogue.schema import AgencyRegistry, DocumentCatalogue
from tasks_catalog.catalogue.yaml_source import load_yaml, not_a_regular_file

CATALOGUE_SUFFIXES = {".yaml", ".yml", ".xlsx"}


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and catalogue files found below folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in CATALOGUE_SUFFIXES
                    and not p.name.startswith(("~$", "."))  # Excel lock files, hidden files
                    and not p.is_dir()  # a folder named x.yaml: its files are found anyway
                )
            )
        else:
            found.append(path)
    return found


def parse_yaml_file(path: Path) -> CatalogueFile:
    document = load_yaml(path)
    data = document.data
    if not isinstance(data, dict):
        raise CatalogueInvalid(
            [Problem(document.where(()), "tệp phải là một mục YAML có các khóa")]
        )
    if "agencies" in data:
        registry = validate_model(AgencyRegistry, data, document.where)
        return RegistryFile(path, registry, document.where)  # type: ignore[arg-type]
    if "document" in data:
        catalogue = validate_model(DocumentCatalogue, data, document.where)
        return DocumentFile(path, catalogue, document.where)  # type: ignore[arg-type]
    raise CatalogueInvalid(
        [Problem(document.where(()), "không rõ loại tệp: cần khóa 'document' hoặc 'agencies'")]
    )


def parse_file(path: Path) -> CatalogueFile:
    reason = not_a_regular_file(path)
    if reason:
        raise CatalogueInvalid([Problem(str(path), reason)])
    if path.suffix.lower() == ".xlsx":
        from tasks_catalog.catalogue.excel import parse_excel_file

        return parse_excel_file(path)
    if path.suffix.lower() not in {".yaml", ".yml"}:
        raise CatalogueInvalid([Problem(str(path), "chỉ nhận tệp .yaml, .yml hoặc .xlsx")])
    return parse_yaml_file(path)


def parse_files(paths: Iterable[Path]) -> list[CatalogueFile]:
    """Parse every file; raise once with the problems of all of them."""
    parsed: list[CatalogueFile] = []
    problems: list[Problem] = []
    paths = list(paths)
    files = discover(paths)
    if not files:
        places = [str(p) for p in paths] or ["."]
        raise CatalogueInvalid([Problem(p, "không tìm thấy tệp danh mục nào") for p in places])
    for path in files:
        try:
            parsed.append(parse_file(path))
        except CatalogueInvalid as exc:
            problems.extend(exc.problems)
    if problems:
        raise CatalogueInvalid(problems)
    return parsed
