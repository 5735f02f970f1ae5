"""Every feature file under features/ is a test here, on SQLite and on PostgreSQL.

The steps are in conftest.py beside this module (features/README.md lists their phrases).
The folder is given as an absolute path, so `bdd_features_base_dir` may be set or not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd import scenarios

FEATURES = Path(__file__).resolve().parents[2] / "features"

pytestmark = pytest.mark.usefixtures("bdd_backend")

scenarios(str(FEATURES))
