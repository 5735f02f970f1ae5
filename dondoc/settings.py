"""Every DONDOC_* variable, read in this one place into one typed, validated object.

The lower layers never read the environment: the shell hands them values (a port, a
folder, an SMTP URL, the webhooks). A wrong value stops the command at once with one
Vietnamese line naming the variable (`SettingsError`; the CLI exits 2).

Any variable can instead name a file that holds its value, NAME_FILE (how containers
mount secrets); the file wins when both are set, so a leftover plain variable cannot
override a mounted secret. README "Configuration" lists the variables.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import (
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from dondoc.db import normalise_url
from dondoc.keyfile import derived_secret, read_or_create

if TYPE_CHECKING:
    from notifications.smtp import SmtpSettings
    from notifications.webhook import WebhookSettings

PREFIX = "DONDOC_"
# The default of workflows.scheduler.build_scheduler too (tests/cli/test_settings.py checks
# they agree): importing the scheduler here would load APScheduler for every command.
DEFAULT_SWEEP_MINUTES = 5
MIN_SECRET_KEY_LENGTH = 32
# File names inside the data directory (DONDOC_HOME); the same names as before it existed,
# so that a folder that held the database, the key and the mail keeps working.
KEY_FILE = "dondoc-secret.key"
MAIL_FOLDER = "dondoc-mail"
EVIDENCE_FOLDER = "dondoc-evidence"


class SettingsError(ValueError):
    """A setting has a value we refuse to run with; the message names the variable."""


class _ValueFiles(PydanticBaseSettingsSource):
    """DONDOC_X_FILE: the value of DONDOC_X is the contents of that file, blanks stripped."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ reads every field at once

    def __call__(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in self.settings_cls.model_fields:
            variable = f"{PREFIX}{name.upper()}_FILE"
            file_name = os.environ.get(variable)
            if not file_name:
                continue
            try:
                values[name] = Path(file_name).read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise SettingsError(
                    f"{variable}: không đọc được tệp {file_name!r} ({exc.strerror})"
                ) from None
        return values


class Settings(BaseSettings):
    """The configuration of one dondoc installation (README "Configuration")."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_ignore_empty=True, frozen=True, extra="ignore"
    )

    database_url: str
    home: Path  # the data directory: signing key, evidence, the mail catcher's folder
    secret_key: SecretStr | None = None
    inspection_secret: SecretStr | None = None
    smtp_url: str | None = None  # None: the embedded mail catcher
    mail_from: str = "Dondoc <dondoc@localhost>"
    base_url: str = "http://127.0.0.1:8000"
    mail_dir: Path
    evidence_dir: Path
    evidence_max_mb: int = 50
    sweep_minutes: int = DEFAULT_SWEEP_MINUTES
    mail_port: int = 8025
    web_port: int = 8000
    webhook_urls: str = ""
    webhook_secret: SecretStr | None = None
    webhook_timeout: str = "5"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, _ValueFiles(settings_cls), env_settings

    @classmethod
    def from_env(cls) -> Settings:
        """The settings of this process, or SettingsError naming the first wrong variable."""
        try:
            return cls()
        except ValidationError as exc:
            raise SettingsError(_first_problem(exc)) from None

    @model_validator(mode="before")
    @classmethod
    def _data_directory(cls, data: Any) -> Any:
        """Fill the folders that default to the data directory (DONDOC_HOME)."""
        values = dict(data)
        if "state_dir" in values:  # the name the data directory had before DONDOC_HOME
            values.setdefault("home", values.pop("state_dir"))
        url = values.get("database_url") or f"sqlite:///{Path.cwd() / 'dondoc.sqlite3'}"
        values["database_url"] = url
        home = Path(values.get("home") or default_home(url))
        values["home"] = home
        values.setdefault("mail_dir", home / MAIL_FOLDER)
        values.setdefault("evidence_dir", home / EVIDENCE_FOLDER)
        return values

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, url: str) -> str:
        if "://" not in url:
            raise ValueError(f"DONDOC_DATABASE_URL không phải địa chỉ CSDL hợp lệ: {url!r}")
        return url

    @field_validator("secret_key", "inspection_secret")
    @classmethod
    def _long_secret(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < MIN_SECRET_KEY_LENGTH:
            name = f"{PREFIX}{str(info.field_name).upper()}"
            raise ValueError(f"{name} phải dài ít nhất {MIN_SECRET_KEY_LENGTH} ký tự")
        return value

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url(cls, url: str | None) -> str | None:
        if url is not None:
            from notifications.smtp import SmtpSettings  # only when there is one to check

            SmtpSettings.from_url(url)  # its ValueError names DONDOC_SMTP_URL, never the password
        return url

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, url: str) -> str:
        return url.rstrip("/")

    @field_validator("evidence_max_mb", mode="before")
    @classmethod
    def _evidence_max_mb(cls, raw: Any) -> int:
        return _whole_number("EVIDENCE_MAX_MB", raw, 1, 1024)

    @field_validator("sweep_minutes", mode="before")
    @classmethod
    def _sweep_minutes(cls, raw: Any) -> int:
        return _whole_number("SWEEP_MINUTES", raw, 1, 24 * 60)

    @field_validator("mail_port", "web_port", mode="before")
    @classmethod
    def _port(cls, raw: Any, info: ValidationInfo) -> int:
        return _whole_number(str(info.field_name).upper(), raw, 0, 65535)

    @field_validator("webhook_urls")
    @classmethod
    def _webhook_urls(cls, value: str) -> str:
        if not value.strip():
            return value  # no webhooks: httpx (0.1 s to import) stays unloaded
        from notifications.webhook import parse_urls

        parse_urls(value)  # its ValueError names DONDOC_WEBHOOK_URLS and the bad address
        return value

    @field_validator("webhook_timeout")
    @classmethod
    def _webhook_timeout(cls, value: str) -> str:
        try:
            seconds = float(value)
        except ValueError:
            seconds = math.nan
        if not (math.isfinite(seconds) and seconds > 0):
            raise ValueError(f"DONDOC_WEBHOOK_TIMEOUT={value!r}: phải là số giây lớn hơn 0")
        return value

    @model_validator(mode="after")
    def _webhook_secret(self) -> Settings:
        if not self.webhook_urls.strip():
            return self
        from notifications.webhook import MIN_SECRET_LENGTH

        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(
                "DONDOC_WEBHOOK_SECRET (hoặc DONDOC_WEBHOOK_SECRET_FILE): cần khoá bí mật ít "
                f"nhất {MIN_SECRET_LENGTH} ký tự để ký webhook"
            )
        return self

    @property
    def key_file(self) -> Path:
        """Where the embedded mode keeps the key it made (when DONDOC_SECRET_KEY is unset)."""
        return self.home / KEY_FILE

    @property
    def evidence_max_bytes(self) -> int:
        return self.evidence_max_mb * 1024 * 1024

    @property
    def smtp(self) -> SmtpSettings | None:
        from notifications.smtp import SmtpSettings

        return SmtpSettings.from_url(self.smtp_url) if self.smtp_url else None

    @property
    def webhooks(self) -> WebhookSettings:
        from notifications.webhook import WebhookSettings, parse_urls

        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        return WebhookSettings(
            urls=parse_urls(self.webhook_urls),
            secret=secret,
            timeout=float(self.webhook_timeout),
        )

    def signing_key(self) -> bytes:
        """The key that signs links in e-mails: DONDOC_SECRET_KEY, or the data directory's."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        return read_or_create(self.key_file)

    def inspection_plan_secret(self) -> bytes:
        """The secret unannounced inspection dates are drawn from.

        DONDOC_INSPECTION_SECRET (or _FILE); without one, derived from the link-signing key
        with HMAC under a fixed label, so that the embedded mode always has one and the
        two secrets are never the same bytes.
        """
        if self.inspection_secret is not None:
            return self.inspection_secret.get_secret_value().encode()
        return derived_secret(self.signing_key(), b"dondoc.inspections.plan-secret/v1")


def default_home(database_url: str) -> Path:
    """The folder of the SQLite file; for a server database, the user's data folder.

    A server database has no folder of its own: ~/.local/share/dondoc (XDG_DATA_HOME)
    belongs to the account that runs dondoc, wherever it is started from, and the
    database refuses a key from another account's folder (dondoc/signing_key.py).
    """
    try:
        url = make_url(normalise_url(database_url))
    except ArgumentError:
        url = None
    in_a_file = url is not None and url.database not in (None, "", ":memory:")
    if url is not None and url.get_backend_name() == "sqlite" and in_a_file:
        return Path(str(url.database)).expanduser().resolve().parent
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "dondoc"


def _whole_number(name: str, raw: Any, low: int, high: int) -> int:
    text = str(raw).strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValueError(
            f"{PREFIX}{name} phải là số nguyên từ {low} đến {high}, không phải {text!r}"
        )
    return int(text)


def _first_problem(exc: ValidationError) -> str:
    """One line naming the variable: our own message, or one made from pydantic's."""
    error = exc.errors()[0]
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, ValueError):
        return str(cause)
    name = PREFIX + "_".join(str(part) for part in error["loc"]).upper()
    return f"{name}: giá trị {error.get('input')!r} không hợp lệ"
