"""The workspace's pages: the half-year plans and the control of assignments (§24)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..load.loader import yaml_files
from ..load.models import PLAN_ID
from ..load.source import display_path
from ..rules.control import register_of
from . import yamledit
from .checks import check_with, findings_of
from .forms_base import Form, parse_date, shown_date
from .forms_plan import apply_control, apply_plan, plan_when
from .pages import (
    Workspace,
    _lines_tree,
    _placed,
    _save,
    assessed,
    lang_of,
    live_findings,
    page,
    posts,
    roster,
    slot,
    years_to_choose,
)

# ---------------------------------------------------------------- plans


async def plans(request: Request) -> Response:
    checked = await assessed(request)
    result = checked.assessment.plans
    plan_findings = [f for f in checked.findings if "/plans/" in f.loc.file.replace("\\", "/")]
    return page(request, "plans.html", plans=result.plans if result else {}, result=result,
                findings=plan_findings, today=request.app.state.ws.today(),
                posts=posts(request.app.state.ws, lang_of(request)))


def plan_file(ws: Workspace, plan_id: str) -> Path:
    """The plan's file, chosen among the files that exist: never a path made from the request."""
    for path in yaml_files(ws.inputs / "plans"):
        if path.stem == plan_id and PLAN_ID.match(path.stem):
            return path
    raise HTTPException(404)


def _plan_members(ws: Workspace, tree) -> list:
    """Who may approve, propose and write a note: the members in force on the approval date (all when unknown)."""
    body = roster(ws)
    if body is None:
        return []
    approved = tree.get("approved") if isinstance(tree.get("approved"), dict) else {}
    day = parse_date(shown_date(approved.get("date")))
    return [m for m in body.members if day is None or m.in_force_on(day)]


def _plan_page(request: Request, template: str, path: Path, document: yamledit.Document, findings, text=None,
               base: str | None = None, status: int = 200) -> Response:
    ws: Workspace = request.app.state.ws
    tree = document.tree
    placed = _placed(findings_of(findings, path), _lines_tree(text, document) if text else tree)
    return page(request, template, status=status, plan_id=path.stem, tree=tree, members=_plan_members(ws, tree),
                base=base or document.digest, placed=placed, file=display_path(path), when=plan_when)


async def plan_form(request: Request) -> Response:
    path = plan_file(request.app.state.ws, request.path_params["plan"])
    checked = await assessed(request)
    return _plan_page(request, "plan.html", path, yamledit.load(path), checked.findings)


async def _edited_plan(request: Request):
    ws: Workspace = request.app.state.ws
    path = plan_file(ws, request.path_params["plan"])
    form = Form((await request.form()).multi_items())
    document = yamledit.load(path)
    apply_plan(document.tree, form)
    return ws, path, form, document


async def plan_check(request: Request) -> Response:
    _ws, _path, form, document = await _edited_plan(request)
    return await live_findings(request, form, document)


async def plan_reform(request: Request) -> Response:
    """The plan form redrawn from the edited tree, with a new empty question or change."""
    ws, path, form, document = await _edited_plan(request)
    text = document.text()
    checked = await run_in_threadpool(check_with, ws.inputs, path, text, ws.today())
    where = request.query_params.get("add", "")
    if where in ("items", "changes"):
        yamledit.ensure_seq(document.tree, where).append(yamledit.CommentedMap())
    return _plan_page(request, "plan_form.html", path, document, checked.findings, text, form.get("base"))


async def plan_save(request: Request) -> Response:
    path = plan_file(request.app.state.ws, request.path_params["plan"])
    form = Form((await request.form()).multi_items())
    return await _save(request, path, form, apply_plan)


# ---------------------------------------------------------------- control of assignments (§24)


def control_file(ws: Workspace, year: int) -> Path:
    return ws.inputs / "control" / f"{year:04d}.yaml"


def _control_document(ws: Workspace, year: int) -> yamledit.Document:
    path = control_file(ws, year)
    if path.exists():
        return yamledit.load(path)
    return yamledit.Document(path, yamledit.CommentedSeq(), b"", (2, 2, 0))


def _assignments(assessment, year: int) -> list:
    return [a for a in assessment.assignments if a.meeting.date.year == year]


async def control_form(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    year = request.path_params["year"]
    checked = await assessed(request)
    if not 1900 <= year <= 2100:
        raise HTTPException(404)
    document = _control_document(ws, year)
    assignments = _assignments(checked.assessment, year)
    return page(request, "control.html", year=year, years=years_to_choose(ws, year, "control", "meetings"), rows=_control_rows(document, assignments, ws, year),
                base=document.digest, placed=_placed(findings_of(checked.findings, document.path), document.tree),
                file=display_path(document.path))


def _control_rows(document: yamledit.Document, assignments: list, ws: Workspace, year: int) -> list[dict]:
    entries = {e.get("assignment"): e for e in document.tree if isinstance(e, dict)}
    register = register_of(assignments, year, min(ws.today(), dt.date(year, 12, 31)))
    standing = {a.id: s for a, s in register.rows}
    rows = []
    for index, assignment in enumerate(assignments):
        entry = entries.get(assignment.id)
        position = next((i for i, e in enumerate(document.tree) if e is entry), None)
        rows.append({"index": index, "a": assignment, "entry": entry or {}, "standing": standing.get(assignment.id),
                     "slot": slot((position,)) if position is not None else ""})
    return rows


async def _edited_control(request: Request):
    ws: Workspace = request.app.state.ws
    year = request.path_params["year"]
    if not 1900 <= year <= 2100:
        raise HTTPException(404)
    form = Form((await request.form()).multi_items())
    document = _control_document(ws, year)
    apply_control(document.tree, form)
    return ws, form, document


async def control_check(request: Request) -> Response:
    _ws, form, document = await _edited_control(request)
    return await live_findings(request, form, document)


async def control_save(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    year = request.path_params["year"]
    if not 1900 <= year <= 2100:
        raise HTTPException(404)
    form = Form((await request.form()).multi_items())
    return await _save(request, control_file(ws, year), form, apply_control,
                       lambda path: _control_document(ws, year))


async def new_plan(request: Request) -> Response:
    """The next half-year's plan, as `new-plan` writes it (the half-year after the latest plan; with none,
    the half-year of the day chosen), then its form."""
    from .. import stages
    from ..editing.scaffold import ScaffoldRefused, Words, write_new_plan
    from ..locale.messages import render_value
    from .pages import _redirect
    ws: Workspace = request.app.state.ws
    form = await request.form()
    day = parse_date(str(form.get("date") or "")) or ws.today()
    lang = lang_of(request)
    try:
        path = await run_in_threadpool(write_new_plan, stages.load_project(ws.inputs), day, Words(lang))
    except ScaffoldRefused as exc:
        return page(request, "message.html", status=409, message=render_value(exc.args[0], lang))
    return _redirect(request, f"/plans/{path.stem}")
