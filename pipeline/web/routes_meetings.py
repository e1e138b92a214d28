"""The workspace's pages: the year at a glance and the meetings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from .. import stages
from ..core.errors import errors_in
from ..load.loader import yaml_files
from ..load.models import MEETING_ID
from ..load.source import display_path
from ..locale.messages import _, render_value
from ..rules.execution import reminders_of
from . import yamledit
from .checks import check_with, findings_of
from .forms_base import Form, parse_date, shown_date
from .forms_meeting import Roster, apply_meeting, attendance_of
from .pages import (
    Workspace,
    _lines_tree,
    _placed,
    _redirect,
    _roster_only,
    _save,
    assessed,
    lang_of,
    live_findings,
    page,
    saved_headers,
)

# ---------------------------------------------------------------- the year at a glance


async def overview(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    checked = await assessed(request)
    assessment = checked.assessment
    today = ws.today()
    years = sorted({r.meeting.date.year for r in assessment.meetings.values()} | {today.year})
    year = _int(request.query_params.get("year"), years[-1] if today.year not in years else today.year)
    from ..editing.scaffold import planned_questions
    questions = planned_questions(assessment.project, today) if assessment.project.body else []
    reminders = reminders_of(assessment.assignments, today)       # the `reminders` command's own rule (§24, §27.1)
    due = {a.id for letter in reminders.letters for a, _standing in letter.dated}
    return page(request, "overview.html", year=year, years=years, meetings=_meeting_rows(checked, year),
                questions=questions, reminders=reminders, due=due, today=today, findings=checked.findings,
                errors=len(errors_in(checked.findings)))


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _meeting_rows(checked, year: int | None = None) -> list[dict]:
    rows = []
    for meeting_id, result in checked.assessment.meetings.items():
        if year is not None and result.meeting.date.year != year:
            continue
        own = [f for f in checked.findings if f.loc.file == result.meeting.loc.file]
        rows.append({"id": meeting_id, "meeting": result.meeting, "result": result,
                     "errors": len(errors_in(own)), "warnings": len(own) - len(errors_in(own))})
    return rows


# ---------------------------------------------------------------- meetings


async def meetings(request: Request) -> Response:
    deleted = request.query_params.get("deleted", "")
    checked = await assessed(request)
    unreadable = [f for f in errors_in(checked.findings) if "/meetings/" in f.loc.file.replace("\\", "/")]
    return page(request, "meetings.html", meetings=_meeting_rows(checked), findings=checked.findings,
                unreadable=unreadable, today=request.app.state.ws.today(),
                deleted=deleted if MEETING_ID.match(deleted) else "")


async def new_meeting(request: Request) -> Response:
    from ..editing.scaffold import ScaffoldRefused, Words, write_new_meeting
    ws: Workspace = request.app.state.ws
    form = await request.form()
    day = parse_date(str(form.get("date") or ""))
    lang = lang_of(request)
    if day is None:        # never today by default: the day gives the meeting its id and its number in that year
        return page(request, "new_refused.html", status=422, message=_(
            "Choose the date of the meeting: it gives the meeting its id and its protocol number in that year. "
            "Nothing was created.").render(lang))
    try:   # the scaffold's comments in her language, passed to it: the run's language is not touched
        path = await run_in_threadpool(write_new_meeting, stages.load_project(ws.inputs), day, Words(lang))
    except ScaffoldRefused as exc:
        return page(request, "message.html", status=409, message=render_value(exc.args[0], lang))
    return _redirect(request, f"/meetings/{path.stem}")


def meeting_file(ws: Workspace, meeting_id: str) -> Path:
    """The meeting's file, chosen among the files that exist: never a path made from the request."""
    for path in yaml_files(ws.inputs / "meetings"):
        if path.stem == meeting_id and MEETING_ID.match(path.stem):
            return path
    raise HTTPException(404)


@dataclass
class MeetingPage:
    """Everything the meeting form shows, read from the tree being edited and the project around it."""

    id: str
    document: yamledit.Document
    members: list
    roster: Roster
    plan_choices: list[tuple[str, str]]
    signed: bool


def _meeting_page(ws: Workspace, meeting_id: str, document: yamledit.Document, assessment, lang: str) -> MeetingPage:
    body = assessment.project.body
    tree = document.tree
    day = parse_date(shown_date(tree.get("date"))) or ws.today()
    members = [m for m in body.members if m.in_force_on(day)] if body else []
    listed = attendance_of(tree)
    known = {m.id for m in members}
    extra = [m for m in (body.members if body else []) if m.id in listed and m.id not in known]
    members += extra
    roster = Roster([m.id for m in members], [m.id for m in members if m.votes])
    plans = assessment.plans
    choices = []
    if plans is not None:
        for ref, question in plans.questions.items():
            title = question.title.get(lang) if question.title is not None else ""
            choices.append((ref, f"{ref} — {title or ''}"))
    protocol = tree.get("protocol")
    signed = isinstance(protocol, dict) and protocol.get("signed") is True
    return MeetingPage(meeting_id, document, members, roster, choices, signed)


def gate_now(assessment, meeting_id: str) -> list | None:
    """What the gate before sealing (§23, records/gate.py) finds in this meeting as saved: the signing
    confirmation lists it; None when the meeting cannot be read (its findings say why)."""
    from ..records import gate
    result = assessment.meetings.get(meeting_id)
    project = assessment.project
    if result is None or project.body is None:
        return None
    files = [(project.file_of("meetings", f"{meeting_id}.yaml"), project.inputs / "meetings" / f"{meeting_id}.yaml"),
             (project.file_of("body.yaml"), project.inputs / "body.yaml")]
    return gate.before_sealing(result.meeting, project.body, files)


async def meeting_form(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    path = meeting_file(ws, request.path_params["meeting"])
    document = yamledit.load(path)
    checked = await assessed(request)
    view = _meeting_page(ws, path.stem, document, checked.assessment, lang_of(request))
    ecp = None
    if view.signed:                   # the sealed protocol's ЭЦП: its signatures, and signing in NCALayer
        from .routes_signatures import ecp_section
        body = checked.assessment.project.body
        ecp = await run_in_threadpool(ecp_section, ws, path.stem, lang_of(request),
                                      body.head_iin if body is not None else None)
    moved = request.query_params.get("moved", "")
    references = request.query_params.get("references", "0")
    return page(request, "meeting.html", m=view, tree=document.tree, base=document.digest,
                placed=_placed(findings_of(checked.findings, path), document.tree),
                file=display_path(path), ecp=ecp,
                gate=None if view.signed else gate_now(checked.assessment, path.stem),
                moved=moved if MEETING_ID.match(moved) else "", references=int(references) if references.isdigit() else 0,
                corrected=_int(request.query_params.get("corrected"), 0))


async def _edited_meeting(request: Request, *, whole: bool = False):
    ws: Workspace = request.app.state.ws
    path = meeting_file(ws, request.path_params["meeting"])
    form = Form((await request.form()).multi_items())
    document = yamledit.load(path)
    assessment = (await assessed(request)).assessment if whole else _roster_only(ws)
    view = _meeting_page(ws, path.stem, document, assessment, lang_of(request))
    if not view.signed or form.get("correcting") == "1":   # a signed one only on its correction page (checked,
        apply_meeting(document.tree, form, view.roster)     # never saved: routes_correction.py seals it)
    return ws, path, form, document, view


async def meeting_check(request: Request) -> Response:
    """Live findings for the form as it stands: the panel, and each finding beside its field (htmx out-of-band)."""
    _ws, _path, form, document, _view = await _edited_meeting(request)
    return await live_findings(request, form, document)


async def meeting_reform(request: Request) -> Response:
    """The form redrawn from the edited tree, with a new empty entry where asked (a question, a decision...)."""
    ws, path, form, document, view = await _edited_meeting(request, whole=True)
    text = document.text()     # checked before the new entry: an empty entry is not yet a mistake
    checked = await run_in_threadpool(check_with, ws.inputs, path, text, ws.today())
    _add_entry(document.tree, request.query_params.get("add", ""))
    return page(request, "meeting_form.html", m=view, tree=document.tree, base=form.get("base") or document.digest,
                placed=_placed(findings_of(checked.findings, path), _lines_tree(text, document)),
                file=display_path(path), correcting=view.signed and form.get("correcting") == "1")


_ADDABLE = ("items", "materials", "decisions", "dissent", "invited")


def _add_entry(tree, where: str) -> None:
    """An empty entry at the end of the list `where` (items.0.decisions): a new block of the form to fill.

    Only the meeting's own lists can grow; anything else in `where` is ignored.
    It is written only once something is typed into it (apply_list).
    """
    from ruamel.yaml.comments import CommentedMap
    steps = where.split(".") if where else []
    target = tree
    for step in steps:
        if step == "outside" and isinstance(target, dict):     # an outside speaker: a {name, position} speaker
            target = target.setdefault("speakers", yamledit.CommentedSeq())
            break
        if step.isdigit() and isinstance(target, list) and int(step) < len(target):
            target = target[int(step)]
        elif step in _ADDABLE and isinstance(target, dict):
            target = target.setdefault(step, yamledit.CommentedSeq())
        else:
            return
    if isinstance(target, list):
        target.append(CommentedMap())


async def meeting_save(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    path = meeting_file(ws, request.path_params["meeting"])
    form = Form((await request.form()).multi_items())
    document = yamledit.load(path)
    view = _meeting_page(ws, path.stem, document, _roster_only(ws), lang_of(request))
    if view.signed:
        return page(request, "message.html", status=409, message=_(
            "The protocol is signed: the meeting is shown read-only (§15). A correction makes a new version "
            "of it: open «Correct the signed protocol» on the meeting's page.").render(lang_of(request)))
    number_before = str(document.tree.get("number", ""))
    answer = await _save(request, path, form, lambda tree, form: apply_meeting(tree, form, view.roster))
    if answer.status_code != 200:
        return answer
    from .moving import Moved, move_to_its_year
    moved = await run_in_threadpool(move_to_its_year, ws.inputs, path,
                                    (form.get("number") or "").strip() not in ("", number_before))
    if moved is None:
        return answer
    if not isinstance(moved, Moved):        # dated in another year, but its sealed record keeps its id (§15)
        return page(request, "saved.html", written=True, base=yamledit.load(path).digest, file=display_path(path),
                    note=moved.render(lang_of(request)), headers=saved_headers())
    target = f"/meetings/{moved.new}?moved={moved.old}&references={moved.references}"
    if request.headers.get("hx-request"):   # the draft of the old address is dropped, then the new page opens
        return Response(status_code=204, headers={"HX-Trigger": "shtab-saved", "HX-Redirect": target})
    return _redirect(request, target)


async def meeting_delete(request: Request) -> Response:
    """A mistaken meeting taken out of the year: its file moved to meetings/.deleted/ (the program reads it no
    more; she can move it back). A meeting whose protocol is signed is never deleted (§15)."""
    import datetime as dt
    import os
    ws: Workspace = request.app.state.ws
    path = meeting_file(ws, request.path_params["meeting"])
    tree = yamledit.load(path).tree
    protocol = tree.get("protocol") if isinstance(tree, dict) else None
    lang = lang_of(request)
    if isinstance(protocol, dict) and protocol.get("signed") is True:
        return page(request, "message.html", status=409, message=_(
            "Meeting {meeting} is not deleted: its protocol is signed, and a signed protocol stays as it was "
            "signed (§15). A mistake in it is put right by a new version: «Correct the signed protocol».",
            meeting=path.stem).render(lang))
    kept = path.parent / ".deleted" / f"{path.stem}.{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.yaml"
    kept.parent.mkdir(exist_ok=True)
    os.replace(path, kept)
    return _redirect(request, f"/meetings?deleted={path.stem}")
