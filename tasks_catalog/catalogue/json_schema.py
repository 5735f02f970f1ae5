"""The JSON Schema shipped beside the models, for editors and other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from tasks_catalog.catalogue.schema import AgencyRegistry, DocumentCatalogue

SCHEMA_FILE = Path(__file__).with_name("catalogue.schema.json")


def catalogue_json_schema() -> dict[str, Any]:
    generated = TypeAdapter(AgencyRegistry | DocumentCatalogue).json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://dondoc.example/catalogue.schema.json",
        "title": "dondoc: danh mục văn bản, nhiệm vụ và cơ quan",
        **generated,
    }
