"""Accounts: passwords, lockout, one-time links, sessions ended, an audit line per attempt."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from dondoc.db import transaction
from services import accounts
from services.account_models import Account, SignInOutcome
from services.actors import Role
from tasks_catalog.catalogue.service import load_paths
from tasks_catalog.models import Person
from tests.conftest import NOW
from tests.helpers import copy_valid
from tests.lifecycle.world import SNV_HEAD, VP_COORDINATOR

PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture
def world(engine, calendar, tmp_path):  # noqa: ANN001, ANN201
    with transaction(engine) as session:
        load_paths(session, [copy_valid(tmp_path)], calendar, NOW)
        accounts.set_password(session, email=SNV_HEAD, password=PASSWORD, now=NOW)
    return engine


def sign_in(engine, email: str, password: str, at=NOW):  # noqa: ANN001, ANN201
    with transaction(engine) as session:
        return accounts.sign_in(session, email=email, password=password, now=at, remote="10.0.0.7")


def outcomes(engine, email: str) -> list[SignInOutcome]:  # noqa: ANN001
    with transaction(engine) as session:
        return [e.outcome for e in accounts.sign_in_events(session, email=email)]


def test_a_person_signs_in_with_their_password_and_is_who_the_registry_says(world):
    result = sign_in(world, "  GiamDoc@snv.hoabinh.example ", PASSWORD)
    assert result.actor is not None
    assert (result.actor.email, result.actor.role, result.actor.agency_code) == (
        SNV_HEAD, Role.HEAD, "HB-SNV",
    )  # fmt: skip
    with transaction(world) as session:
        account = accounts.find_account(session, SNV_HEAD)
        assert account is not None and account.last_sign_in_at == NOW
        (event,) = accounts.sign_in_events(session, email=SNV_HEAD)
        assert (event.outcome, event.remote) == (SignInOutcome.OK, "10.0.0.7")


def test_a_wrong_password_and_an_unknown_address_read_the_same(world):
    wrong = sign_in(world, SNV_HEAD, "not-the-password")
    unknown = sign_in(world, "nobody@hoabinh.example", PASSWORD)
    no_password = sign_in(world, VP_COORDINATOR, PASSWORD)
    assert wrong.actor is None and unknown.actor is None and no_password.actor is None
    assert wrong.refusal == unknown.refusal == no_password.refusal == accounts.WRONG
    assert outcomes(world, SNV_HEAD) == [SignInOutcome.WRONG_PASSWORD]
    assert outcomes(world, "nobody@hoabinh.example") == [SignInOutcome.UNKNOWN]


def test_five_failures_in_a_row_lock_the_account_for_fifteen_minutes(world):
    for minute in range(accounts.LOCK_AFTER):
        last = sign_in(world, SNV_HEAD, "guess", NOW + timedelta(minutes=minute))
    assert last.refusal is not None and "tạm khoá" in last.refusal
    locked = sign_in(world, SNV_HEAD, PASSWORD, NOW + timedelta(minutes=10))
    assert locked.actor is None and "tạm khoá" in (locked.refusal or "")
    later = sign_in(world, SNV_HEAD, PASSWORD, NOW + timedelta(minutes=4 + 15, seconds=1))
    assert later.actor is not None
    assert outcomes(world, SNV_HEAD)[-2:] == [SignInOutcome.LOCKED, SignInOutcome.OK]


def test_a_success_clears_the_count_of_failures(world):
    for _ in range(accounts.LOCK_AFTER - 1):
        sign_in(world, SNV_HEAD, "guess")
    assert sign_in(world, SNV_HEAD, PASSWORD).actor is not None
    assert sign_in(world, SNV_HEAD, "guess").refusal == accounts.WRONG  # not locked


def test_only_people_of_the_registries_get_a_password(world):
    with transaction(world) as session, pytest.raises(accounts.AccountError, match="danh bạ"):
        accounts.set_password(session, email="stranger@example.com", password=PASSWORD, now=NOW)
    with transaction(world) as session, pytest.raises(accounts.AccountError, match="ít nhất"):
        accounts.set_password(session, email=VP_COORDINATOR, password="short", now=NOW)


def test_a_person_who_left_their_agency_can_no_longer_sign_in(world):
    with transaction(world) as session:
        session.execute(update(Person).where(Person.email == SNV_HEAD).values(retired_at=NOW))
    assert sign_in(world, SNV_HEAD, PASSWORD).refusal == accounts.WRONG


def test_the_administrator_is_an_account_not_a_person_of_the_registries(world):
    with transaction(world) as session:
        accounts.set_password(
            session,
            email="it@hoabinh.example",
            password=PASSWORD,
            now=NOW,
            admin_name="Bộ phận CNTT",
        )
    actor = sign_in(world, "it@hoabinh.example", PASSWORD).actor
    assert actor is not None and (actor.role, actor.name, actor.agency_code) == (
        Role.ADMIN, "Bộ phận CNTT", None,
    )  # fmt: skip


def test_a_sign_in_link_works_once_and_only_for_thirty_minutes(world):
    with transaction(world) as session:
        token = accounts.issue_link(session, email=VP_COORDINATOR, now=NOW)
        stale = accounts.issue_link(session, email=VP_COORDINATOR, now=NOW)
    with transaction(world) as session:
        holder = accounts.link_holder(session, token=token, now=NOW)
        assert holder is not None and holder.role == Role.COORDINATOR
        assert accounts.redeem_link(session, token=token, now=NOW).actor == holder
    with transaction(world) as session:
        again = accounts.redeem_link(session, token=token, now=NOW)
        expired = accounts.redeem_link(session, token=stale, now=NOW + timedelta(minutes=31))
        forged = accounts.redeem_link(session, token=token[:-2] + "xx", now=NOW)
    assert again.refusal == expired.refusal == forged.refusal == accounts.BAD_LINK
    assert outcomes(world, VP_COORDINATOR) == [
        SignInOutcome.OK, SignInOutcome.BAD_LINK, SignInOutcome.BAD_LINK,
    ]  # fmt: skip


def test_the_database_keeps_a_hash_of_the_link_never_the_link(world):
    with transaction(world) as session:
        token = accounts.issue_link(session, email=VP_COORDINATOR, now=NOW)
        hashes = session.scalars(select(accounts.SignInLink.token_hash)).all()
    assert token not in hashes and len(hashes) == 1


def test_signing_out_and_a_new_password_end_the_sessions_issued_before(world):
    issued = NOW + timedelta(minutes=1)
    with transaction(world) as session:
        assert accounts.session_actor(session, email=SNV_HEAD, issued_at=issued) is not None
        accounts.sign_out(session, email=SNV_HEAD, now=NOW + timedelta(minutes=2))
        assert accounts.session_actor(session, email=SNV_HEAD, issued_at=issued) is None
        later = NOW + timedelta(minutes=3)
        assert accounts.session_actor(session, email=SNV_HEAD, issued_at=later) is not None
        accounts.set_password(session, email=SNV_HEAD, password=PASSWORD + "2", now=later)
        assert accounts.session_actor(session, email=SNV_HEAD, issued_at=later) is not None
        assert accounts.session_actor(session, email=SNV_HEAD, issued_at=issued) is None


def test_passwords_are_stored_as_argon2id_at_the_library_default_cost(world, monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher())
    with transaction(world) as session:
        accounts.set_password(session, email=VP_COORDINATOR, password=PASSWORD, now=NOW)
        stored = session.scalar(
            select(Account.password_hash).where(Account.email == VP_COORDINATOR)
        )
    assert stored is not None and stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PASSWORD not in stored
