"""The workspace: a Starlette app over the same stages as the command line.

Every page reads the inputs afresh (they are hers and may change in an editor
at any time), every check is `check` itself (`checks.py`), every document is
written by `stages.run_documents`, the function behind `protocol` and `all`.
Nothing here decides a rule: the pages show what the rules found.

The app factory is here; the page helpers are in pages.py and the pages in routes_*.py.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .pages import (
    HERE,
    Workspace,
    choose_language,
    disk_failure,
    not_found,
    unreadable,
)
from .routes_body import composition, composition_check, composition_reform, composition_save, in_force
from .routes_correction import correct, correction_form
from .routes_dated import dated, make_dated
from .routes_documents import documents, download, generate, make_pdf, preview
from .routes_indicators import annual_report, indicators_check, indicators_form, indicators_reform, indicators_save
from .routes_meetings import (
    meeting_check,
    meeting_delete,
    meeting_form,
    meeting_reform,
    meeting_save,
    meetings,
    new_meeting,
    overview,
)
from .routes_plans import (
    control_check,
    control_form,
    control_save,
    new_plan,
    plan_check,
    plan_form,
    plan_reform,
    plan_save,
    plans,
)
from .routes_signatures import sealed_pdf, store_signature
from .security import Guard
from .texts import both
from .yamledit import Unreadable


async def alive(request: Request) -> Response:
    """The page's script asks whether the workspace still answers, and whether her session still holds
    (the guard answers 403 before this when it does not)."""
    return Response(status_code=204, headers={"Cache-Control": "no-store"})




def create_app(ws: Workspace, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Guard:
    app = Starlette(routes=[
        Route("/", overview),
        Route("/alive", alive),
        Route("/lang/{code}", choose_language),
        Route("/meetings", meetings),
        Route("/meetings/new", new_meeting, methods=["POST"]),
        Route("/meetings/{meeting}", meeting_form),
        Route("/meetings/{meeting}/check", meeting_check, methods=["POST"]),
        Route("/meetings/{meeting}/form", meeting_reform, methods=["POST"]),
        Route("/meetings/{meeting}/save", meeting_save, methods=["POST"]),
        Route("/meetings/{meeting}/delete", meeting_delete, methods=["POST"]),
        Route("/meetings/{meeting}/correct", correction_form),
        Route("/meetings/{meeting}/correct/seal", correct, methods=["POST"]),
        Route("/meetings/{meeting}/sealed/{lang}", sealed_pdf),
        Route("/meetings/{meeting}/signatures", store_signature, methods=["POST"]),
        Route("/plans", plans),
        Route("/plans/new", new_plan, methods=["POST"]),
        Route("/plans/{plan}", plan_form),
        Route("/plans/{plan}/check", plan_check, methods=["POST"]),
        Route("/plans/{plan}/form", plan_reform, methods=["POST"]),
        Route("/plans/{plan}/save", plan_save, methods=["POST"]),
        Route("/control/{year:int}", control_form),
        Route("/control/{year:int}/check", control_check, methods=["POST"]),
        Route("/control/{year:int}/save", control_save, methods=["POST"]),
        Route("/composition", composition),
        Route("/composition/in-force", in_force),
        Route("/composition/check", composition_check, methods=["POST"]),
        Route("/composition/form", composition_reform, methods=["POST"]),
        Route("/composition/save", composition_save, methods=["POST"]),
        Route("/indicators/{year:int}", indicators_form),
        Route("/indicators/{year:int}/check", indicators_check, methods=["POST"]),
        Route("/indicators/{year:int}/form", indicators_reform, methods=["POST"]),
        Route("/indicators/{year:int}/save", indicators_save, methods=["POST"]),
        Route("/indicators/{year:int}/report", annual_report, methods=["POST"]),
        Route("/documents", documents),
        Route("/documents/generate", generate, methods=["POST"]),
        Route("/documents/pdf", make_pdf, methods=["POST"]),
        Route("/documents/dated", dated),
        Route("/documents/dated/{kind}", make_dated, methods=["POST"]),
        Route("/documents/file/{key}", download),
        Route("/documents/view/{key}", preview),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ], exception_handlers={404: not_found, Unreadable: unreadable, OSError: disk_failure})
    app.state.ws = ws
    return Guard(app, ws.keys, hosts, messages=both)
