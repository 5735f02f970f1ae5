"""`dondoc users …`: a password set from a script, a sign-in link e-mailed and used, the list."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import make_engine
from dondoc.settings import Settings
from notifications.mailcatcher import list_messages, read_message
from tests.helpers import copy_valid
from tests.lifecycle.world import SNV_HEAD, VP_COORDINATOR
from tests.web.support import SECRET, csrf_of
from web import create_app

runner = CliRunner()
PASSWORD = "mat-khau-thu-nghiem"


def run(*args: str, stdin: str | None = None):  # noqa: ANN201
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture
def loaded(cli_env, tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DONDOC_SECRET_KEY", SECRET)
    assert run("init").exit_code == 0
    assert run("catalog", "load", str(copy_valid(tmp_path))).exit_code == 0
    return Settings.from_env()


def test_a_script_sets_a_password_and_the_list_shows_the_account(loaded):
    result = run("users", "set-password", SNV_HEAD, "--password-stdin", stdin=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    listed = run("users", "list", "--json")
    (row,) = json.loads(listed.stdout)
    assert row == {
        "email": SNV_HEAD, "name": "Nguyễn Văn Giám", "role": "head", "agency": "HB-SNV",
        "has_password": True, "locked_until": None, "last_sign_in_at": None,
    }  # fmt: skip


def test_a_password_for_nobody_or_too_short_is_refused_in_vietnamese(loaded):
    nobody = run("users", "set-password", "ai@do.example", "--password-stdin", stdin=PASSWORD)
    assert nobody.exit_code == 1 and "danh bạ" in nobody.output
    short = run("users", "set-password", SNV_HEAD, "--password-stdin", stdin="ngan\n")
    assert short.exit_code == 1 and "ít nhất 10 ký tự" in short.output
    assert json.loads(run("users", "list", "--json").stdout) == []


def test_a_sign_in_link_goes_by_e_mail_and_signs_in_once(loaded):
    result = run("users", "send-link", VP_COORDINATOR)
    assert result.exit_code == 0, result.output
    (mail,) = list_messages(loaded.mail_dir)
    message = read_message(loaded.mail_dir, mail.id)
    assert message["To"].addresses[0].addr_spec == VP_COORDINATOR
    text = message.get_body(preferencelist=("plain",)).get_content()
    url = re.search(r"http://\S+/login/link/\S+", text)
    assert url is not None and "30 phút" in text
    path = url.group(0).removeprefix(loaded.base_url)
    engine = make_engine(loaded.database_url)
    client = TestClient(create_app(loaded, engine), follow_redirects=False)
    page = client.get(path)
    assert "Trần Thị Điều" in page.text
    assert client.post(path, data={"csrf": csrf_of(page.text)}).status_code == 303
    assert "Trần Thị Điều" in client.get("/", follow_redirects=True).text
    assert client.get(path).status_code == 400
    engine.dispose()
