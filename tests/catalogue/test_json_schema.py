"""The JSON Schema shipped for editors matches the models, and accepts the seeds."""

from __future__ import annotations

import json

import yaml
from jsonschema import Draft202012Validator

from tasks_catalog.catalogue.json_schema import SCHEMA_FILE, catalogue_json_schema
from tests.conftest import SEEDS


def test_the_shipped_schema_is_generated_from_the_models():
    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == catalogue_json_schema(), "run: dondoc catalog schema -o " + str(SCHEMA_FILE)


def test_every_seed_file_is_valid_against_the_shipped_schema():
    validator = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    for path in sorted(SEEDS.rglob("*.yaml")):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path.name
