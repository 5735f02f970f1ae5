"""Every role × every page and decision × own / other agency (province for the office), in
one table, through the web as a signed-in browser uses it, on SQLite and PostgreSQL.

Each decision is tried on a task of its own, put first in the state the decision needs
(submitted, an extension pending, done), so an allowed decision must succeed (303), and a
refused one must be refused for the right reason (403, or a permission message) and leave
the task's audit trail as it was. `ordinary` is the Sở Nội vụ's lead task; `secret` its
unannounced inspection, which only its inspectors see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, inspect, select

from dondoc.db import transaction
from services import accounts, decisions
from services.actors import Actor, Role, actor_for_email
from services.permissions import (
    NOT_ALLOWED,
    NOT_ASSIGNER,
    NOT_INSPECTION_LEAD,
    NOT_OWNER,
    READ_ONLY,
)
from tasks_catalog.models import Agency, Person, Task
from tasks_catalog.models_lifecycle import TaskAudit
from tests.lifecycle.world import INSPECTION, PLAN, find_task
from tests.web.signing import PASSWORD
from tests.web.support import csrf_of
from web.auth import NOT_YOUR_PAGE
from web.forms import FORM_COOKIE
from web.session import COOKIE

PERMISSION_WORDS = (NOT_ALLOWED, NOT_ASSIGNER, NOT_INSPECTION_LEAD, NOT_OWNER, READ_ONLY, NOT_YOUR_PAGE)  # fmt: skip


@dataclass(frozen=True)
class Who:
    key: str
    email: str


# role / relation to the Sở Nội vụ (HB-SNV, province HB) -> address
PEOPLE = {
    "head/own": "giamdoc@snv.hoabinh.example",
    "staff/own": "nhanvien@snv.hoabinh.example",
    "inspector/own": "chuyenvien@snv.hoabinh.example",
    "inspection_lead/own": "truongdoan@snv.hoabinh.example",
    "head/other": "giamdoc@stp.hoabinh.example",
    "staff/other": "nhanvien@stp.hoabinh.example",
    "inspector/other": "thanhtra@stp.hoabinh.example",
    "inspection_lead/other": "truongdoan@stp.hoabinh.example",
    "coordinator/own": "dieuphoi@vp.hoabinh.example",
    "office_chief/own": "chanhvp@vp.hoabinh.example",
    "leader/own": "chutich@hoabinh.example",
    "coordinator/other": "dieuphoi@vp.khac.example",
    "office_chief/other": "chanhvp@vp.khac.example",
    "leader/other": "chutich@khac.example",
    "admin": "quantri@hoabinh.example",
}
OWN_DEPARTMENT = {"head/own", "staff/own", "inspector/own", "inspection_lead/own"}
OFFICE = {"coordinator/own", "office_chief/own"}
PROVINCE_READERS = OFFICE | {"leader/own", "admin"}
SECRET_TEAM = {"inspector/own", "inspection_lead/own"}
WORKERS = {k for k in PEOPLE if k.split("/")[0] in {"head", "staff", "inspector", "inspection_lead", "coordinator", "office_chief"}}  # fmt: skip
INBOX = {k for k in PEOPLE if k.split("/")[0] in {"coordinator", "office_chief", "inspection_lead"}}  # fmt: skip

OWNER_ACTIONS = ("report_progress", "submit", "request_extension")
ASSIGNER_ACTIONS = ("approve", "return", "approve_extension", "refuse_extension", "reassign", "recall", "reopen")  # fmt: skip

# The table: who may do what. Everything not listed is refused.
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("ordinary", "view"): OWN_DEPARTMENT | PROVINCE_READERS,
    ("secret", "view"): SECRET_TEAM,
    **{("ordinary", a): OWN_DEPARTMENT for a in OWNER_ACTIONS},
    **{("ordinary", a): OFFICE for a in ASSIGNER_ACTIONS},
    **{("secret", a): SECRET_TEAM for a in OWNER_ACTIONS},
    **{("secret", a): {"inspection_lead/own"} for a in ASSIGNER_ACTIONS},
}
# Allowed, and refused for what the task is, not who asks.
NOT_FOR_THIS_TASK = {("secret", "reassign"): "Nhiệm vụ kiểm tra không chuyển giao được"}
FIELDS = {
    "report_progress": {"note": "Đã họp triển khai", "percent": "30"},
    "submit": {"note": "Công văn số 12/SNV"},
    "request_extension": {"reason": "Chờ số liệu"},  # proposed_due: 20 days after the due
    "approve": {},
    "return": {"reason": "Thiếu phụ lục"},
    "approve_extension": {},
    "refuse_extension": {"reason": "Không đủ căn cứ"},
    "reassign": {"agency": "HB-STP", "reason": "Đúng chức năng"},
    "recall": {"reason": "Không còn cần thiết"},
    "reopen": {"reason": "Cần bổ sung"},
}


@pytest.fixture
def matrix(web):  # noqa: ANN001, ANN201
    with transaction(web.engine) as session:
        _people(session)
        for email in PEOPLE.values():
            admin = "Quản trị" if email.startswith("quantri") else None
            accounts.set_password(session, email=email, password=PASSWORD, now=web.clock.now, admin_name=admin)  # fmt: skip
    cookies = {key: _sign_in(web, email) for key, email in PEOPLE.items()}
    return web, cookies


def test_every_role_page_and_decision_for_own_and_other_agency(matrix):
    web, cookies = matrix
    wrong = []
    for kind, action in _cases():
        allowed = ALLOWED[(kind, action)]
        # Refusals change nothing, so they share one task; each allowed decision gets its own.
        shared = _fresh_task(web, kind, action)
        before = _audit_rows(web, shared)
        for key in sorted(PEOPLE, key=lambda k: k in allowed):
            task_id = shared if key not in allowed else _fresh_task(web, kind, action)
            answer = _post(web, cookies[key], task_id, action)
            outcome = _outcome(answer, NOT_FOR_THIS_TASK.get((kind, action)))
            expected = ("refused" if (kind, action) in NOT_FOR_THIS_TASK else "done") if key in allowed else "denied"  # fmt: skip
            if outcome != expected:
                wrong.append(f"{key} {action} {kind}: {outcome} ({answer.status_code}), expected {expected}")  # fmt: skip
        if _audit_rows(web, shared) != before:
            wrong.append(f"{action} {kind}: a refusal changed the task")
    assert wrong == []


def test_every_role_sees_the_pages_and_tasks_of_the_table(matrix):
    web, cookies = matrix
    ordinary = _fresh_task(web, "ordinary", "approve_extension")  # an extension waits
    secret = _fresh_task(web, "secret", "approve_extension")
    wrong = []
    for key, cookie in cookies.items():
        _use(web, cookie)
        expected = {
            "/my": 200 if key in WORKERS else 403,
            "/inbox": 200 if key in INBOX else 403,
            f"/tasks/{ordinary}": 200 if key in ALLOWED[("ordinary", "view")] else 403,
            f"/tasks/{secret}": 200 if key in ALLOWED[("secret", "view")] else 403,
            "/inbox/count": 200,
        }
        pages = {path: web.client.get(path) for path in expected}
        got = {path: answer.status_code for path, answer in pages.items()}
        if got != expected:
            wrong.append(f"{key}: {got} expected {expected}")
        lists = pages["/inbox"].text + pages["/my"].text
        for task_id, kind in ((ordinary, "ordinary"), (secret, "secret")):
            listed = f'href="/tasks/{task_id}"' in lists
            # Readers (leaders, the administrator) have neither list: they use the dashboard.
            if listed != (key in ALLOWED[(kind, "view")] and key in WORKERS | INBOX):
                wrong.append(f"{key}: the {kind} task listed={listed}")
    assert wrong == []


def test_a_signed_out_browser_is_sent_to_sign_in_and_cannot_decide(matrix):
    web, _ = matrix
    web.client.cookies.clear()
    task_id = _fresh_task(web, "ordinary", "approve")
    for path in ("/my", "/inbox", f"/tasks/{task_id}"):
        answer = web.client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    assert _post(web, None, task_id, "approve").status_code in (303, 403)
    assert _audit_rows(web, task_id) == 1  # the submission only


# --- the world ------------------------------------------------------------------------


def _cases() -> list[tuple[str, str]]:
    return [(kind, action) for kind in ("ordinary", "secret") for action in FIELDS]


def _people(session) -> None:  # noqa: ANN001
    agencies = {a.code: a for a in session.scalars(select(Agency))}
    other = Agency(code="KX-VP", province="KX", name="Văn phòng UBND tỉnh Khác", level="province", kind="office")  # fmt: skip
    committee = Agency(code="KX-UBND", province="KX", name="UBND tỉnh Khác", level="province", kind="peoples_committee")  # fmt: skip
    session.add_all([other, committee])
    session.flush()
    extra = [
        ("Nhân Viên", "nhanvien@snv.hoabinh.example", "HB-SNV", ["assignee"]),
        ("Trưởng Đoàn", "truongdoan@snv.hoabinh.example", "HB-SNV", ["inspection_lead"]),
        ("Nhân Viên Tư", "nhanvien@stp.hoabinh.example", "HB-STP", ["assignee"]),
        ("Thanh Tra Tư", "thanhtra@stp.hoabinh.example", "HB-STP", ["inspector"]),
        ("Trưởng Đoàn Tư", "truongdoan@stp.hoabinh.example", "HB-STP", ["inspection_lead"]),
    ]
    for name, email, code, roles in extra:
        session.add(Person(name=name, email=email, agency_id=agencies[code].id, roles=roles))
    session.add_all([
        Person(name="Điều Phối Khác", email="dieuphoi@vp.khac.example", agency_id=other.id, roles=["coordinator"]),
        Person(name="Chánh Khác", email="chanhvp@vp.khac.example", agency_id=other.id, roles=["coordination_leader"]),
        Person(name="Chủ Tịch Khác", email="chutich@khac.example", agency_id=committee.id, roles=["leader"]),
    ])  # fmt: skip
    session.flush()
    for key, email in PEOPLE.items():
        actor = actor_for_email(session, email)
        role = key.split("/")[0]
        assert role == "admin" or (actor is not None and actor.role == Role(role)), key


def _fresh_task(web, kind: str, action: str) -> int:  # noqa: ANN001
    """A copy of the world's task, in the state `action` needs."""
    now = web.clock.now
    with transaction(web.engine) as session:
        template = find_task(session, PLAN if kind == "ordinary" else INSPECTION)
        columns = {c.key: getattr(template, c.key) for c in inspect(Task).column_attrs}
        count = session.scalar(select(func.count()).select_from(Task))
        columns.pop("id")
        columns["occurrence_key"] = f"matrix-{count}"
        task = Task(**columns)
        session.add(task)
        session.flush()
        owner = _actor(session, "giamdoc@snv.hoabinh.example" if kind == "ordinary" else "chuyenvien@snv.hoabinh.example")  # fmt: skip
        assigner = _actor(session, "dieuphoi@vp.hoabinh.example" if kind == "ordinary" else "truongdoan@snv.hoabinh.example")  # fmt: skip
        if action in ("approve", "return", "reopen"):
            decisions.submit(session, owner, task.id, now=now, via="scenario")
        if action == "reopen":
            decisions.approve(session, assigner, task.id, now=now, via="scenario")
        if action in ("approve_extension", "refuse_extension"):
            proposed = task.due_on + timedelta(days=20)
            decisions.request_extension(session, owner, task.id, proposed_due=proposed, reason="Chờ số liệu", now=now, via="scenario")  # fmt: skip
        return task.id


def _actor(session, email: str) -> Actor:  # noqa: ANN001
    actor = actor_for_email(session, email)
    assert actor is not None
    return actor


def _sign_in(web, email: str) -> str:  # noqa: ANN001
    web.client.cookies.clear()
    form = web.client.get("/login")
    fields = {"csrf": csrf_of(form.text), "email": email, "password": PASSWORD, "next": ""}
    answer = web.client.post("/login", data=fields)
    assert answer.status_code == 303, (email, answer.text)
    return web.client.cookies.get(COOKIE) or ""


def _use(web, cookie: str | None) -> None:  # noqa: ANN001
    web.client.cookies.clear()
    if cookie:
        web.client.cookies.set(COOKIE, cookie)


def _post(web, cookie: str | None, task_id: int, action: str):  # noqa: ANN001, ANN201
    """POST the decision with a valid CSRF token: what is tested is the right, not the form."""
    _use(web, cookie)
    path = f"/tasks/{task_id}/do/{action}"
    guard = web.client.app.state.web.csrf
    nonce = "n" * 43
    web.client.cookies.set(FORM_COOKIE, nonce)
    token = guard.form_token(nonce=nonce, link_token=f"form:{path}", now=web.clock.now)
    fields = dict(FIELDS[action])
    if action == "request_extension":
        with transaction(web.engine) as session:
            due = session.get(Task, task_id).due_on  # type: ignore[union-attr]
        fields["proposed_due"] = (due + timedelta(days=20)).isoformat()
    return web.client.post(path, data={"csrf": token, **fields})


def _outcome(answer, task_reason: str | None) -> str:  # noqa: ANN001
    if answer.status_code == 303 and answer.headers["location"].startswith("/tasks/"):
        return "done"
    if answer.status_code == 403 or any(w in answer.text for w in PERMISSION_WORDS):
        return "denied"
    if task_reason and task_reason in answer.text:
        return "refused"
    alerts = re.findall(r'role="alert">([^<]*)<', answer.text)
    return f"unexpected: {alerts or answer.text[:300]!r}"


def _audit_rows(web, task_id: int) -> int:  # noqa: ANN001
    with transaction(web.engine) as session:
        query = select(func.count()).select_from(TaskAudit).where(TaskAudit.task_id == task_id)
        return session.scalar(query) or 0
