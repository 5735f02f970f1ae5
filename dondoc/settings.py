"""Settings read from the environment, with defaults for the embedded mode."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class SettingsError(ValueError):
    """A setting has a value we refuse to run with."""


def _env(name: str, default: str) -> str:
    """Read NAME, or the contents of the file named by NAME_FILE (for secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


@dataclass(frozen=True)
class Settings:
    database_url: str

    @classmethod
    def from_env(cls) -> Settings:
        default_db = f"sqlite:///{Path.cwd() / 'dondoc.sqlite3'}"
        url = _env("DONDOC_DATABASE_URL", default_db)
        if "://" not in url:
            raise SettingsError(f"DONDOC_DATABASE_URL không phải địa chỉ CSDL hợp lệ: {url!r}")
        return cls(database_url=url)
