"""dondoc's web: the pages that e-mail links open (view a task, act on it), server-rendered.

`create_app(settings, engine)` builds the FastAPI app; `web.server.start_in_thread` runs
it beside the scheduler in the embedded mode. Who someone is (`services.actors.Actor`)
comes from a signed link; what they may see and do is `services.permissions`' answer.
"""

from __future__ import annotations

from web.app import create_app

__all__ = ["create_app"]
