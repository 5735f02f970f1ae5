"""The office's loop on the command line, with the e-mails read back from a real SMTP
server: extension asked, granted, result submitted, returned with a reason, submitted
again, approved; and bad arguments that change nothing."""

from __future__ import annotations

import email
import email.policy
import json
from email.message import EmailMessage

import pytest
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import make_engine
from tests.helpers import copy_valid, snapshot
from tests.notifications.smtp_servers import Recorder, Servers, servers  # noqa: F401

runner = CliRunner()
HEAD = "giamdoc@snv.hoabinh.example"
STAFF = "chuyenvien@snv.hoabinh.example"
COORDINATOR = "dieuphoi@vp.hoabinh.example"
CHIEF = "chanhvp@vp.hoabinh.example"
PLAN = "HB99-D3.1-KEHOACH"  # Sở Nội vụ leads, due 31/03/2025


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def ok(*args: str) -> str:
    code, out, err = run(*args)
    assert code == 0, f"{args}: {err or out}"
    return out


@pytest.fixture
def office(cli_env, tmp_path, monkeypatch, servers: Servers):  # noqa: F811
    recorder = Recorder()
    smtp = servers.start(recorder)
    monkeypatch.setenv("DONDOC_SMTP_URL", f"smtp://127.0.0.1:{smtp.port}")
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path / "home"))
    ok("init")
    ok("catalog", "load", str(copy_valid(tmp_path)))
    ok("plan", "--year", "2025")
    return recorder


def plan_task_id() -> int:
    rows = json.loads(ok("tasks", "list", "--json", "--agency", "HB-SNV"))
    [row] = [r for r in rows if r["obligation"] == PLAN and r["role"] == "lead"]
    return int(row["id"])


def tick(day: str) -> None:
    ok("tick", "--now", f"{day}T07:30")


def letters(recorder: Recorder, task_id: int, step: str) -> dict[str, EmailMessage]:
    """Who got an e-mail carrying this task at this step, and the e-mail, parsed back."""
    found = {}
    for _, recipients, content in recorder.envelopes:
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        if f"{task_id}:{step}" in message["X-Dondoc-Items"].split(", "):
            for recipient in recipients:
                found[recipient] = message
    return found


def body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return part.get_content()


def test_the_whole_loop_through_the_cli(office: Recorder) -> None:
    task_id = plan_task_id()
    out = ok(
        "tasks", "request-extension", str(task_id), "--as", HEAD, "--due", "25/04/2025",
        "--reason", "Chờ số liệu của các huyện", "--now", "2025-03-10T09:00",
    )  # fmt: skip
    assert "Đã gửi đề nghị gia hạn đến 25/04/2025" in out
    tick("2025-03-11")
    waiting = letters(office, task_id, "extension_requested")
    assert set(waiting) == {COORDINATOR}
    assert "đề nghị gia hạn từ 31/03/2025 đến 25/04/2025" in body(waiting[COORDINATOR])
    assert waiting[COORDINATOR]["Subject"].startswith("[Chờ quyết định]")

    ok("tasks", "extend", str(task_id), "--as", COORDINATOR, "--now", "2025-03-11T10:00")
    tick("2025-03-12")
    granted = letters(office, task_id, "extension_approved")
    assert set(granted) == {HEAD, STAFF}
    text = body(granted[HEAD])
    assert "đồng ý gia hạn đến 25/04/2025 (lần 1)" in text
    assert "hạn ban đầu 31/03/2025" in text
    assert "Đề nghị gia hạn:" in body(granted[STAFF])  # the owner's links (the head: in copy)

    ok("tasks", "submit", str(task_id), "--as", STAFF, "--note", "Kế hoạch số 12/KH-SNV",
       "--now", "2025-04-18T09:00")  # fmt: skip
    code, _, err = run("tasks", "return", str(task_id), "--as", COORDINATOR, "--reason", " ",
                       "--now", "2025-04-21T09:00")  # fmt: skip
    assert code == 1 and "Lý do trả lại không được để trống" in err
    ok("tasks", "return", str(task_id), "--as", COORDINATOR, "--reason",
       "Thiếu phụ lục phân công", "--now", "2025-04-21T09:00")  # fmt: skip
    tick("2025-04-22")
    returned = letters(office, task_id, "returned")
    assert set(returned) == {HEAD, STAFF}
    assert "Thiếu phụ lục phân công" in body(returned[STAFF])
    assert not letters(office, task_id, "submitted")  # the office decided before any run

    ok("tasks", "submit", str(task_id), "--as", HEAD, "--now", "2025-04-23T09:00")
    out = ok("tasks", "approve", str(task_id), "--as", CHIEF, "--now", "2025-04-24T15:00")
    assert "hoàn thành đúng hạn" in out
    tick("2025-04-25")
    approved = letters(office, task_id, "approved")
    assert set(approved) == {HEAD, STAFF}
    assert "hoàn thành đúng hạn (ngày 23/04/2025, hạn 25/04/2025)" in body(approved[HEAD])

    story = json.loads(ok("tasks", "show", str(task_id), "--json"))
    assert (story["status"], story["due"], story["original_due"]) == (
        "done_on_time", "2025-04-25", "2025-03-31",
    )  # fmt: skip
    assert [(c["from"], c["to"], c["reason"]) for c in story["due_history"]] == [
        ("2025-03-31", "2025-04-25", "extension")
    ]
    assert [a["action"] for a in story["audit"]] == [
        "request_extension", "approve_extension", "submit", "return", "submit", "approve",
    ]  # fmt: skip
    assert {a["via"] for a in story["audit"]} == {"cli"}
    sent = {(n["step"], n["recipient"]) for n in story["notifications"] if n["state"] == "sent"}
    assert {("approved", HEAD), ("returned", STAFF), ("extension_requested", COORDINATOR)} <= sent
    text = ok("tasks", "show", str(task_id))
    assert "Tình trạng: Hoàn thành đúng hạn" in text and "Nhật ký thao tác:" in text


def test_a_result_after_the_due_date_ends_done_late(office: Recorder) -> None:
    task_id = plan_task_id()
    ok("tasks", "submit", str(task_id), "--as", HEAD, "--now", "2025-04-02T09:00")
    ok("tasks", "approve", str(task_id), "--as", COORDINATOR, "--now", "2025-04-03T09:00")
    story = json.loads(ok("tasks", "show", str(task_id), "--json", "--as", HEAD))
    assert story["status"] == "done_late"


@pytest.mark.parametrize(
    ("args", "exit_code", "error"),
    [
        (["approve", "{id}", "--as", "ai.do@example.com"], 3, "không có ai với địa chỉ"),
        (["approve", "{id}", "--as", HEAD], 3, "Chỉ Văn phòng UBND tỉnh"),
        (["approve", "{id}", "--as", COORDINATOR], 1, "Chỉ duyệt được nhiệm vụ đang chờ duyệt"),
        (["extend", "{id}", "--as", COORDINATOR], 1, "không có đề nghị gia hạn"),
        (
            ["request-extension", "{id}", "--as", HEAD, "--due", "32/13/2025", "--reason", "x"],
            2,
            "không phải ngày hợp lệ",
        ),
        (
            ["reassign", "{id}", "--as", COORDINATOR, "--to", "HB-KHONG", "--reason", "x"],
            1,
            'Không có cơ quan mã "HB-KHONG"',
        ),
        (["approve", "999999", "--as", COORDINATOR], 3, "Không tìm thấy nhiệm vụ số 999999"),
        (["show", "{id}", "--as", "giamdoc@stp.hoabinh.example"], 3, "không có quyền xem"),
        (
            [
                "assign",
                "--as",
                COORDINATOR,
                "--document",
                "45/TB-UBND",
                "--clause",
                "Mục 2",
                "--quote",
                "Giao Sở Tư pháp …",
                "--title",
                "Rà soát",
                "--lead",
                "HB-STP",
                "--due",
                "15/04/2025",
                "--now",
                "2025-03-10T09:00",
            ],
            1,
            "cần ngày ban hành",
        ),
    ],
)
def test_bad_arguments_say_why_in_vietnamese_and_change_nothing(
    office: Recorder, cli_env: str, args: list[str], exit_code: int, error: str
) -> None:
    task_id = plan_task_id()
    engine = make_engine(cli_env)
    before = snapshot(engine)
    code, _, err = run("tasks", *[a.replace("{id}", str(task_id)) for a in args])
    assert code == exit_code and error in err
    assert "Traceback" not in err
    assert snapshot(engine) == before
    engine.dispose()


def test_assign_a_letter_from_the_cli_and_find_it_in_the_list(office: Recorder) -> None:
    out = ok(
        "tasks", "assign", "--as", COORDINATOR, "--document", "120/UBND-VP", "--kind", "letter",
        "--document-title", "Về việc rà soát thủ tục hành chính", "--issued", "07/03/2025",
        "--clause", "Đoạn 2", "--quote", "Giao Sở Tư pháp chủ trì rà soát.",
        "--title", "Rà soát thủ tục hành chính", "--lead", "HB-STP", "--cooperating", "HB-SNV",
        "--due", "15/04/2025", "--now", "2025-03-10T09:00", "--json",
    )  # fmt: skip
    result = json.loads(out)
    assert result["status"] == "not_started" and result["due"] == "2025-04-15"
    listed = ok("tasks", "list", "--document", "120/UBND-VP")
    assert f"{result['task_id']:>6}  2025-04-15  HB-STP" in listed
    tick("2025-03-11")
    assert set(letters(office, result["task_id"], "assigned")) == {"giamdoc@stp.hoabinh.example"}
