"""The workspace's page of the composition (body.yaml, Appendix 1): the members in force on a chosen day, and the
form where a member leaves, a new one joins, or a name or a post changes from a day.

The form edits body.yaml as the other forms edit theirs (check as she types, the round-trip
that keeps every comment, a conflict merged field by field). The list of the members in
force on a day is `Member.in_force_on` and the Reading of N (`rules.membership`), as the
protocols count them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..load.loader import yaml_files
from ..load.source import display_path
from ..rules.membership import total_membership
from . import yamledit
from .checks import check_with, findings_of
from .forms_base import Form, parse_date
from .forms_body import ROLES, apply_body
from .pages import Workspace, _lines_tree, _placed, _save, assessed, live_findings, page, roster


def body_file(ws: Workspace) -> Path:
    return ws.inputs / "body.yaml"


def _day(request: Request, ws: Workspace) -> dt.date:
    return parse_date(request.query_params.get("on")) or ws.today()


def _in_force(ws: Workspace, day: dt.date) -> dict:
    """The members in force on `day` (from ≤ day ≤ until), and N: those of them who count and vote."""
    body = roster(ws)
    members = [m for m in body.members if m.in_force_on(day)] if body is not None else []
    return {"day": day, "members": members, "total": len(total_membership(body, day)) if body is not None else 0,
            "readable": body is not None}


def _named_somewhere(ws: Workspace, ids: list[str]) -> set[str]:
    """The members some meeting, plan or control file names (as a word of its text): such an entry is never
    removed from body.yaml, only closed with `until` (the page offers no removal for it)."""
    wanted = {i for i in ids if i}
    if not wanted:
        return set()
    pattern = re.compile(r"(?<![A-Za-z0-9_-])(" + "|".join(re.escape(i) for i in sorted(wanted)) + r")(?![A-Za-z0-9_-])")
    found: set[str] = set()
    for folder in ("meetings", "plans", "control"):
        for path in yaml_files(ws.inputs / folder):
            try:
                found |= set(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
            except OSError:
                found |= wanted           # a file that cannot be read may name anyone
    return found


def _body_page(request: Request, template: str, document: yamledit.Document, findings, *, text: str | None = None,
               base: str | None = None) -> Response:
    ws: Workspace = request.app.state.ws
    tree = document.tree
    members = tree.get("members") if isinstance(tree, dict) else None
    members = members if isinstance(members, list) else []
    ids = [str(m.get("id") or "") for m in members if isinstance(m, dict)]
    lines = _lines_tree(text, document) if text else tree
    return page(request, template, tree=tree, members=members, base=base or document.digest,
                placed=_placed(findings_of(findings, document.path), lines), file=display_path(document.path),
                roles=ROLES, named=_named_somewhere(ws, ids), in_force=_in_force(ws, _day(request, ws)),
                day_of=parse_date)


async def composition(request: Request) -> Response:
    document = yamledit.load(body_file(request.app.state.ws))
    checked = await assessed(request)
    return _body_page(request, "body.html", document, checked.findings)


async def in_force(request: Request) -> Response:
    """The list of the members in force on the day chosen (htmx replaces it; the form and its draft stay)."""
    ws: Workspace = request.app.state.ws
    return page(request, "body_in_force.html", in_force=_in_force(ws, _day(request, ws)))


async def _edited(request: Request):
    ws: Workspace = request.app.state.ws
    form = Form((await request.form()).multi_items())
    document = yamledit.load(body_file(ws))
    apply_body(document.tree, form)
    return ws, form, document


async def composition_check(request: Request) -> Response:
    _ws, form, document = await _edited(request)
    return await live_findings(request, form, document)


async def composition_reform(request: Request) -> Response:
    """The form redrawn from the edited tree, with an empty new member at the end."""
    ws, form, document = await _edited(request)
    text = document.text()
    checked = await run_in_threadpool(check_with, ws.inputs, document.path, text, ws.today())
    members = document.tree.get("members") if isinstance(document.tree, dict) else None
    if request.query_params.get("add") == "member" and isinstance(members, list):
        members.append(yamledit.CommentedMap())
    return _body_page(request, "body_form.html", document, checked.findings, text=text, base=form.get("base"))


async def composition_save(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    form = Form((await request.form()).multi_items())
    return await _save(request, body_file(ws), form, apply_body)
