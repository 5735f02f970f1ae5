"""A catalogue file once parsed: its validated model, and where each of its values came from.

Below both readers (`files.py` for YAML, `excel.py` for workbooks), so that they need
not import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from tasks_catalog.catalogue.messages import describe_error
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem
from tasks_catalog.catalogue.schema import AgencyRegistry, DocumentCatalogue

Locator = Callable[[tuple[str | int, ...]], str]


@dataclass
class RegistryFile:
    path: Path
    model: AgencyRegistry
    where: Locator


@dataclass
class DocumentFile:
    path: Path
    model: DocumentCatalogue
    where: Locator


CatalogueFile = RegistryFile | DocumentFile


def validate_model(model: type[BaseModel], data: Any, where: Locator) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CatalogueInvalid(
            [Problem(where(tuple(e["loc"])), describe_error(e)) for e in exc.errors()]
        ) from None
