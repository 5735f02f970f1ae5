"""The inspected unit, signed in, with its API token and its calendar URL, opens every
GET route the app has (pages, feeds, API; found by walking the app, so a route added
later is walked too): it finds its record and never a plan: no planned day of its own
inspections in any date format, no plan marker."""

from __future__ import annotations

import itertools
import re
from datetime import date

from fastapi import routing
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.routing import Route

from dondoc.db import transaction
from inspections.models import InspectionRecord
from services.tokens import feed_token, issue_api_token
from tasks_catalog.models import Agency, Document, Task
from tests.api.conftest import NOW
from tests.api.pages import sign_in
from tests.api.test_inspector_pages import my_rounds
from tests.inspections.conftest import LEAD, UNIT, UNIT_HEAD
from tests.web.support import SECRET

MARKERS = ("CONFIDENTIAL", "planned_on", "plan_id", "lượt", "Kế hoạch kiểm tra", "Mật –")


def get_routes(app) -> list[str]:  # noqa: ANN001
    """Every GET path of the app, included routers expanded."""

    def walk(routes, prefix: str = ""):  # noqa: ANN001, ANN202
        for route in routes:
            if isinstance(route, routing._IncludedRouter):  # FastAPI ≥ 0.150: lazy includes
                yield from walk(route.original_router.routes, prefix + route.include_context.prefix)
            elif isinstance(route, Route) and "GET" in (route.methods or ()):
                yield prefix + route.path

    return sorted(set(walk(app.router.routes)))


def spellings(day: date) -> set[str]:
    return {
        day.isoformat(),
        f"{day:%d/%m/%Y}",
        f"{day:%Y%m%d}",
        f"{day.day}/{day.month}/{day.year}",
    }


def test_the_unit_reaches_its_record_and_no_plan_on_any_route(client, recorded):
    rounds = [r for r in my_rounds(recorded, LEAD) if r["unit"] == UNIT]
    with Session(recorded) as session:
        public = {
            d
            for t in session.scalars(select(Task))
            for d in (t.due_on, t.original_due_on, t.period_start, t.period_end)
        }
        public |= {d.issued_on for d in session.scalars(select(Document))}
        public |= {r.inspected_on for r in session.scalars(select(InspectionRecord))}
        unit_tasks = select(Task.id).join(Agency, Task.subject_agency_id == Agency.id)
        task_ids = list(session.scalars(unit_tasks.where(Agency.code == UNIT)))[:2]
        record_id = session.scalar(select(InspectionRecord.id))
    planned = {date.fromisoformat(r["planned_on"]) for r in rounds if r["planned_on"]}
    secret_days = planned - public - {NOW.date()}
    assert secret_days, "the test needs a planned day that nothing public shares"
    forbidden = set().union(*(spellings(d) for d in secret_days))
    with transaction(recorded) as session:
        api = issue_api_token(session, email=UNIT_HEAD, now=NOW)
        feed = feed_token(session, email=UNIT_HEAD, key=SECRET.encode(), now=NOW)
    sign_in(client, recorded, UNIT_HEAD)
    values = {
        "task_id": [*task_ids, 999999],
        "record_id": [record_id],
        "index": [0],
        "token": [feed],
        "purpose": ["view"],
    }
    seen_record = False
    paths = get_routes(client.app)
    assert {"/inspections/plan", "/api/v1/inspections/plan", "/feeds/{token}.ics"} <= set(paths)
    for path in paths:
        names = re.findall(r"{(\w+)}", path)
        for combo in itertools.product(*(values.get(n, ["1"]) for n in names)):
            url = path
            for name, value in zip(names, combo, strict=True):
                url = url.replace("{" + name + "}", str(value))
            answer = client.get(
                url, params={"year": 2025}, headers={"Authorization": f"Bearer {api}"}
            )
            assert answer.status_code < 500, url
            body = answer.text
            # The schema describes the API's fields (planned_on among them) to everyone.
            markers = set() if path == "/openapi.json" else set(MARKERS)
            leaked = [s for s in forbidden | markers if s in body]
            assert not leaked, f"{url} shows {leaked}"
            seen_record |= "05/BB-KTĐX" in body
    assert seen_record


def test_the_same_sweep_finds_the_plan_on_the_leads_pages(client, recorded):
    """The control: what the unit must not see is there for the lead to see."""
    rounds = [r for r in my_rounds(recorded, LEAD) if r["unit"] == UNIT and r["planned_on"]]
    sign_in(client, recorded, LEAD)
    page = client.get("/inspections/plan").text
    assert all(r["planned_on"] in page for r in rounds if r["state"] != "done")
    assert "lượt" in page and "Mật –" in page
