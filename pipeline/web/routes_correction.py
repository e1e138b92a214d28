"""Correcting a signed protocol from the workspace: a new version, sealed with its reason, never an edit of the file.

A signed protocol does not change (§15): its meeting's form is read-only. A mistake found after signing is put
right as the command line does it, `--force --reason "..." protocol <meeting>`: the inputs corrected, then a new
version sealed in records/ beside the old one, which stays, the reason recorded in its fingerprint. This page is
that command through the same code: the meeting form as she corrects it, applied to the file's tree as a save
would (forms_meeting.apply_meeting), and, under the run's lock, `stages.run_documents` for this meeting's
protocol with `force` and her `reason` — the gate before sealing included (§23). When the run refuses (the
gate finds a contradiction, an error in the corrected inputs), the file is put back as it was and the page
shows why: nothing is half done.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from .. import stages
from ..core.errors import InputRefused, ShtabError
from ..core.kinds import PROTOCOL
from ..load.source import display_path
from ..locale.messages import _, os_problem, render_value
from ..write.files import write_durably
from ..write.lock import project_root, run_lock
from . import yamledit
from .checks import findings_of
from .forms_base import Form
from .forms_meeting import apply_meeting
from .pages import Workspace, _placed, _problems, _redirect, _roster_only, assessed, lang_of, page
from .routes_meetings import _meeting_page, meeting_file


async def correction_form(request: Request) -> Response:
    """GET /meetings/<id>/correct: the signed meeting's form, editable, with the reason and «Seal»."""
    ws: Workspace = request.app.state.ws
    path = meeting_file(ws, request.path_params["meeting"])
    document = yamledit.load(path)
    checked = await assessed(request)
    view = _meeting_page(ws, path.stem, document, checked.assessment, lang_of(request))
    if not view.signed:                 # nothing sealed to correct: the ordinary form saves it
        return _redirect(request, f"/meetings/{path.stem}")
    from ..records.store import Store
    latest = Store.open(project_root(ws.inputs)).latest(path.stem)
    return page(request, "correct.html", m=view, tree=document.tree, base=document.digest,
                placed=_placed(findings_of(checked.findings, path), document.tree), file=display_path(path),
                correcting=True, version=latest.version if latest is not None else None)


async def correct(request: Request) -> Response:
    """POST /meetings/<id>/correct: the corrected inputs written and a new version sealed, or nothing at all."""
    ws: Workspace = request.app.state.ws
    lang = lang_of(request)
    path = meeting_file(ws, request.path_params["meeting"])
    form = Form((await request.form()).multi_items())
    document = yamledit.load(path)
    view = _meeting_page(ws, path.stem, document, _roster_only(ws), lang)
    if not view.signed:
        return page(request, "message.html", status=409, message=_(
            "The protocol of meeting {meeting} is not signed: there is no signed version to correct; edit the "
            "meeting in its form.", meeting=path.stem).render(lang))
    reason = " ".join((form.get("reason") or "").split())
    if not reason:
        return page(request, "correction_refused.html", status=422, field="reason", message=_(
            "Write the reason of the correction: it is recorded with the new version (§15). Nothing was "
            "changed.").render(lang))
    base = form.get("base") or document.digest
    if base != document.digest:
        return page(request, "correction_refused.html", status=409, field="", message=_(
            "The file {path} changed since this page was opened: nothing was changed. Reload the page and make "
            "the correction again.", path=display_path(path)).render(lang))
    apply_meeting(document.tree, form, view.roster)
    if form.problems:
        return _problems(request, form, display_path(path))
    original = document.original
    corrected = document.text().encode("utf-8")
    target_file = Path(os.path.realpath(path))        # a link is kept: its target is written, as a save does

    def run():
        with run_lock(project_root(ws.inputs), "shtab serve"):   # one writer at a time (lock.py)
            write_durably(target_file, corrected)
            try:
                assessment = stages.prepare(ws.inputs, ws.today())
                jobs = stages.jobs_for(assessment, [PROTOCOL], [path.stem])
                sealed: list = []
                stages.run_documents(assessment, jobs, ws.outputs, force=True, reason=reason, sealed_now=sealed)
            except BaseException:
                write_durably(target_file, original)   # refused or failed: the file as it was signed
                raise
        return sealed
    try:
        sealed = await run_in_threadpool(run)
    except InputRefused as exc:
        return page(request, "correction_refused.html", status=422, field="", findings=exc.findings,
                    message=render_value(exc.what, lang) if exc.what else _(
                        "Nothing was sealed and the file is as it was: put right what is listed, then seal "
                        "again.").render(lang))
    except ShtabError as exc:           # another run writing, a full or read-only disk
        return page(request, "correction_refused.html", status=503, field="",
                    message=render_value(exc.message, lang))
    except OSError as exc:
        return page(request, "correction_refused.html", status=503, field="", message=_(
            "{path}: the correction was not sealed ({problem}); the file is as it was", path=display_path(path),
            problem=os_problem(exc)).render(lang))
    version = sealed[0].version if sealed else ""
    target = f"/meetings/{path.stem}?corrected={version}"
    if request.headers.get("hx-request"):   # this page's draft is dropped, then the meeting's page opens
        return Response(status_code=204, headers={"HX-Trigger": "shtab-saved", "HX-Redirect": target})
    return _redirect(request, target)
