"""A test client of the web with a clock the test sets, and the links e-mails would carry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from dondoc.db import transaction
from notifications.links import VIEW, LinkSigner, action_url, default_expiry
from tasks_catalog.models import AssignmentRole
from tests.lifecycle.world import PLAN, find_task, local

MORNING = local("2025-03-20T09:00")
SECRET = "khoa-ky-lien-ket-thu-nghiem-dondoc-web-0123456789"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Web:
    client: TestClient
    engine: Engine
    signer: LinkSigner
    clock: Clock

    def link(
        self, purpose: str, task_id: int, email: str, expires_at: datetime | None = None
    ) -> str:
        """The path an e-mail would carry: `/tasks/{id}?t=…` or `/a/{purpose}/…`."""
        expires = expires_at or default_expiry(purpose, self.clock.now)
        return action_url("", purpose, self.signer.sign(purpose, task_id, email, expires))

    def task_id(
        self, code: str = PLAN, agency: str = "HB-SNV", role: AssignmentRole = AssignmentRole.LEAD
    ) -> int:
        with transaction(self.engine) as session:
            return find_task(session, code, agency, role).id

    def open_form(self, path: str) -> str:
        """GET the confirmation page (sets the CSRF cookie); returns the form's token."""
        page = self.client.get(path)
        assert page.status_code == 200, page.text
        return csrf_of(page.text)

    def submit(self, path: str, **fields: str):  # noqa: ANN201
        return self.client.post(path, data={"csrf": self.open_form(path), **fields})

    def view(self, task_id: int, email: str):  # noqa: ANN201
        return self.client.get(self.link(VIEW, task_id, email))


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)
