"""dondoc's web: the pages that e-mail links open (view a task, act on it), server-rendered.

`create_app(settings, engine)` builds the FastAPI app; `web.server.start_in_thread` runs
it beside the scheduler in the embedded mode. Who someone is comes from a signed link
today (`web.access.Principal`); a password login later yields the same Principal.
"""

from __future__ import annotations

from web.app import create_app

__all__ = ["create_app"]
