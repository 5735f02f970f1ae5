"""Signing in to the test app, and a real photo to upload."""

from __future__ import annotations

import re
import struct
import zlib

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from dondoc.db import transaction
from services import accounts
from tests.api.conftest import NOW
from tests.web.support import csrf_of

PASSWORD = "mat-khau-thu-nghiem-kiem-tra"


def sign_in(client: TestClient, engine: Engine, email: str) -> TestClient:
    with transaction(engine) as session:
        accounts.set_password(session, email=email, password=PASSWORD, now=NOW)
    client.cookies.clear()
    form = client.get("/login")
    answer = client.post(
        "/login",
        data={"csrf": csrf_of(form.text), "email": email, "password": PASSWORD, "next": ""},
    )
    assert answer.status_code == 303, answer.text
    return client


def png(width: int = 4, height: int = 3) -> bytes:
    """A small real PNG (a red rectangle), as a phone's camera would send a photo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def form_csrf(html: str, action: str) -> str:
    """The CSRF field of the form posting to `action` (the header has a sign-out form too)."""
    match = re.search(
        rf'<form[^>]*action="{re.escape(action)}"[^>]*>\s*<input type="hidden" name="csrf" '
        r'value="([^"]+)"',
        html,
    )
    assert match, f"no form posting to {action}"
    return match.group(1)
