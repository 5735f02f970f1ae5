"""Signing a person in to the test web app, as the sign-in page does."""

from __future__ import annotations

from dondoc.db import transaction
from services import accounts
from tests.web.support import Web, csrf_of

PASSWORD = "mat-khau-thu-nghiem"


def sign_in_as(web: Web, email: str) -> None:
    """Give `email` a password (once) and sign in with it; the client keeps the cookie."""
    with transaction(web.engine) as session:
        account = accounts.find_account(session, email)
        if account is None or account.password_hash is None:
            accounts.set_password(session, email=email, password=PASSWORD, now=web.clock.now)
    web.client.cookies.clear()
    form = web.client.get("/login")
    fields = {"csrf": csrf_of(form.text), "email": email, "password": PASSWORD, "next": ""}
    answer = web.client.post("/login", data=fields)
    assert answer.status_code == 303, answer.text


def form_token(html: str, action: str) -> str:
    """The CSRF token of the form posting to `action` on a page."""
    import re

    match = re.search(
        rf'action="{re.escape(action)}"[^>]*>\s*<input type="hidden" name="csrf" value="([^"]+)"',
        html,
    )
    assert match, f"no form posting to {action}"
    return match.group(1)
