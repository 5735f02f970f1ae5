"""`/feeds/<secret>.ics`: a person's calendar, for Outlook and Thunderbird to subscribe to.

The secret in the path is the only credential (calendar programs send no other); an
unknown, revoked or retired person's secret gets the same 404 as a wrong address.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from inspections.access import AccessDenied, viewer_for
from inspections.views import Reading
from reports.calendar_feed import personal_feed
from services.tokens import Purpose, holder_of
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.dates import local_date
from web.deps import NowDep, SessionDep

router = APIRouter()


@router.api_route("/feeds/{token}.ics", methods=["GET", "HEAD"], include_in_schema=False)
def calendar_feed(token: str, session: SessionDep, now: NowDep) -> Response:
    email = holder_of(session, token=token, purpose=Purpose.FEED)
    if email is None:
        raise HTTPException(404)
    try:
        viewer = viewer_for(session, email)
    except AccessDenied:
        raise HTTPException(404) from None
    body = personal_feed(
        Reading.of(session, viewer, local_date(now)), calendar=load_calendar(session)
    )
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="dondoc.ics"'},
    )
