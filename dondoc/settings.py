"""Settings read from the environment, with defaults for the embedded mode."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path


class SettingsError(ValueError):
    """A setting has a value we refuse to run with."""


def _env(name: str, default: str = "") -> str:
    """Read NAME, or the contents of the file named by NAME_FILE (for secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def _secret_key(workdir: Path) -> bytes:
    """DONDOC_SECRET_KEY, or (embedded mode) a key made once and kept beside the database."""
    value = _env("DONDOC_SECRET_KEY")
    if value:
        if len(value) < 32:
            raise SettingsError("DONDOC_SECRET_KEY phải dài ít nhất 32 ký tự")
        return value.encode()
    path = workdir / "dondoc-secret.key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip().encode()


@dataclass(frozen=True)
class Settings:
    database_url: str
    smtp_url: str | None = None  # None: the embedded mail catcher (DONDOC_SMTP_URL)
    mail_from: str = "Dondoc <dondoc@localhost>"
    base_url: str = "http://127.0.0.1:8000"
    mail_dir: Path = Path("dondoc-mail")
    state_dir: Path = Path(".")  # where the embedded mode keeps its generated secret
    evidence_dir: Path = Path("dondoc-evidence")  # inspection evidence, by SHA-256
    evidence_max_bytes: int = 50 * 1024 * 1024

    def signing_key(self) -> bytes:
        """The key that signs links in e-mails (read or, embedded, created on first use)."""
        return _secret_key(self.state_dir)

    def inspection_secret(self) -> bytes:
        """The secret unannounced inspection dates are drawn from.

        DONDOC_INSPECTION_SECRET (or _FILE); without one, derived from the link-signing key
        with HMAC under a fixed label, so that the embedded mode always has one and the
        two secrets are never the same bytes.
        """
        value = _env("DONDOC_INSPECTION_SECRET")
        if value:
            if len(value) < 32:
                raise SettingsError("DONDOC_INSPECTION_SECRET phải dài ít nhất 32 ký tự")
            return value.encode()
        label = b"dondoc.inspections.plan-secret/v1"
        return hmac.new(self.signing_key(), label, hashlib.sha256).digest()

    @classmethod
    def from_env(cls) -> Settings:
        workdir = Path.cwd()
        url = _env("DONDOC_DATABASE_URL", f"sqlite:///{workdir / 'dondoc.sqlite3'}")
        if "://" not in url:
            raise SettingsError(f"DONDOC_DATABASE_URL không phải địa chỉ CSDL hợp lệ: {url!r}")
        return cls(
            database_url=url,
            smtp_url=_env("DONDOC_SMTP_URL") or None,
            mail_from=_env("DONDOC_MAIL_FROM", cls.mail_from),
            base_url=_env("DONDOC_BASE_URL", cls.base_url).rstrip("/"),
            mail_dir=Path(_env("DONDOC_MAIL_DIR", str(workdir / "dondoc-mail"))),
            state_dir=workdir,
            evidence_dir=Path(_env("DONDOC_EVIDENCE_DIR", str(workdir / "dondoc-evidence"))),
            evidence_max_bytes=_evidence_limit(_env("DONDOC_EVIDENCE_MAX_MB", "50")),
        )


def _evidence_limit(raw: str) -> int:
    if not raw.strip().isdigit() or not 1 <= int(raw) <= 1024:
        raise SettingsError(
            f"DONDOC_EVIDENCE_MAX_MB phải là số nguyên từ 1 đến 1024, không phải {raw!r}"
        )
    return int(raw) * 1024 * 1024
