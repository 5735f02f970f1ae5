"""`dondoc up`, as README's first command runs it: a fresh folder, embedded defaults."""

from __future__ import annotations

import os
import subprocess
import sys


def up(cwd) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    env = {k: v for k, v in os.environ.items() if not k.startswith("DONDOC_")}
    return subprocess.run(
        [sys.executable, "-m", "dondoc", "up", "--setup-only"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_up_creates_sqlite_in_the_working_folder_loads_seeds_and_plans(tmp_path):
    first = up(tmp_path)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "dondoc.sqlite3").exists()
    assert "văn bản: thêm 5" in first.stdout
    assert "124/NQ-HĐND: tạo mới" in first.stdout
    assert "Đăng nhập thử tại http://127.0.0.1:8000/login, mật khẩu: thu-" in first.stdout
    assert (
        "Chuyên viên Văn phòng UBND tỉnh    theodoi.nhiemvu@vpubnd.quangninh.example"
        in first.stdout
    )
    second = up(tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Đã nạp danh mục: 0 thay đổi." in second.stdout
    assert "Tổng: tạo mới 0 nhiệm vụ." in second.stdout
