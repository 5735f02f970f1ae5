"""Every DONDOC_* variable is read in one place, typed, and refused with a line naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.settings import Settings, SettingsError

SECRET = "bí-mật-webhook-đủ-dài-1234"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for name in [n for n in os.environ if n.startswith("DONDOC_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("DONDOC_DATABASE_URL", f"sqlite:///{tmp_path / 'dondoc.sqlite3'}")


def test_the_web_port_comes_from_the_environment(monkeypatch):
    assert Settings.from_env().web_port == 8000
    monkeypatch.setenv("DONDOC_WEB_PORT", "8123")
    assert Settings.from_env().web_port == 8123
    monkeypatch.setenv("DONDOC_WEB_PORT", "tám")
    with pytest.raises(SettingsError, match="DONDOC_WEB_PORT"):
        Settings.from_env()


def test_the_smtp_url_can_come_from_a_file(monkeypatch, tmp_path: Path):
    assert Settings.from_env().smtp is None
    secret = tmp_path / "smtp-url"
    secret.write_text("smtps://user:bimat@mail.quangtri.gov.vn\n", encoding="utf-8")
    monkeypatch.setenv("DONDOC_SMTP_URL", "smtp://127.0.0.1:25")  # the file wins
    monkeypatch.setenv("DONDOC_SMTP_URL_FILE", str(secret))
    smtp = Settings.from_env().smtp
    assert smtp is not None and smtp.password == "bimat"


def test_webhook_urls_are_comma_separated_and_the_secret_can_come_from_a_file(
    monkeypatch, tmp_path: Path
):
    secret_file = tmp_path / "secret"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    monkeypatch.setenv(
        "DONDOC_WEBHOOK_URLS", " https://a.quangtri.gov.vn/hook, ,http://127.0.0.1:9000/x "
    )
    monkeypatch.setenv("DONDOC_WEBHOOK_SECRET_FILE", str(secret_file))
    hooks = Settings.from_env().webhooks
    assert hooks.urls == ("https://a.quangtri.gov.vn/hook", "http://127.0.0.1:9000/x")
    assert hooks.secret == SECRET
    assert hooks.timeout == 5.0


def test_no_webhook_urls_means_no_webhooks_and_no_secret_needed():
    assert Settings.from_env().webhooks.urls == ()


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"DONDOC_WEBHOOK_URLS": "ftp://a.vn/x", "DONDOC_WEBHOOK_SECRET": SECRET}, "http://"),
        (
            {"DONDOC_WEBHOOK_URLS": "https://u:p@a.vn/x", "DONDOC_WEBHOOK_SECRET": SECRET},
            "mật khẩu",
        ),
        ({"DONDOC_WEBHOOK_URLS": "https://a.vn/x"}, "DONDOC_WEBHOOK_SECRET"),
        ({"DONDOC_WEBHOOK_URLS": "https://a.vn/x", "DONDOC_WEBHOOK_SECRET": "ngan"}, "16"),
        ({"DONDOC_WEBHOOK_TIMEOUT": "-1"}, "DONDOC_WEBHOOK_TIMEOUT"),
        ({"DONDOC_SECRET_KEY": "ngắn"}, "DONDOC_SECRET_KEY"),
        ({"DONDOC_INSPECTION_SECRET": "ngắn"}, "DONDOC_INSPECTION_SECRET"),
        ({"DONDOC_EVIDENCE_MAX_MB": "0"}, "DONDOC_EVIDENCE_MAX_MB"),
        ({"DONDOC_SWEEP_MINUTES": "năm"}, "DONDOC_SWEEP_MINUTES"),
        ({"DONDOC_MAIL_PORT": "70000"}, "DONDOC_MAIL_PORT"),
        ({"DONDOC_DATABASE_URL": "dondoc.sqlite3"}, "DONDOC_DATABASE_URL"),
        ({"DONDOC_SMTP_URL": "ftp://mail.vn"}, "DONDOC_SMTP_URL"),
        ({"DONDOC_SMTP_URL_FILE": "/khong/co/tep"}, "DONDOC_SMTP_URL_FILE"),
    ],
)
def test_bad_settings_are_refused_saying_which(monkeypatch, environ, named):
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        Settings.from_env()
    assert named in str(caught.value)


def test_any_command_stops_at_once_with_one_line_naming_the_variable(monkeypatch):
    monkeypatch.setenv("DONDOC_MAIL_PORT", "cổng")
    result = CliRunner().invoke(app, ["outbox", "list"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Lỗi: DONDOC_MAIL_PORT phải là số nguyên từ 0 đến 65535, không phải 'cổng'\n"
    )


def test_the_data_directory_is_the_folder_of_the_sqlite_file(monkeypatch, tmp_path: Path):
    settings = Settings.from_env()
    assert settings.home == tmp_path
    assert settings.key_file == tmp_path / "dondoc-secret.key"
    assert settings.mail_dir == tmp_path / "dondoc-mail"
    assert settings.evidence_dir == tmp_path / "dondoc-evidence"
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path / "du-lieu"))
    monkeypatch.setenv("DONDOC_MAIL_DIR", str(tmp_path / "thu"))
    settings = Settings.from_env()
    assert settings.evidence_dir == tmp_path / "du-lieu" / "dondoc-evidence"
    assert settings.mail_dir == tmp_path / "thu"


def test_a_server_database_keeps_its_data_in_the_users_data_folder(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("DONDOC_DATABASE_URL", "postgresql://dondoc@db.tinh.vn/dondoc")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert Settings.from_env().home == tmp_path / "share" / "dondoc"


def test_the_sweep_interval_defaults_to_the_schedulers_own_default():
    from workflows.scheduler import DEFAULT_SWEEP_MINUTES

    assert Settings.from_env().sweep_minutes == DEFAULT_SWEEP_MINUTES
