"""The workspace: a Starlette app over the same stages as the command line.

Every page reads the inputs afresh (they are hers and may change in an editor
at any time), every check is `check` itself (`checks.py`), every document is
written by `stages.run_documents`, the function behind `protocol` and `all`.
Nothing here decides a rule: the pages show what the rules found.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import stages
from ..errors import Finding, InputRefused, errors_in
from ..load import load_file, yaml_files
from ..lock import ProjectBusy, project_root, run_lock
from ..messages import _, set_ui_lang, ui_lang
from ..models import MEETING_ID, PLAN_ID, Body
from ..rules.control import register_of
from ..rules.execution import reminders_of
from ..source import display_path
from . import forms, yamledit
from .checks import check_inputs, check_with, findings_of, ticket
from .security import Guard, Secrets
from .texts import UI, both, label, translate

HERE = Path(__file__).parent
LANG_COOKIE = "shtab_lang"


@dataclass
class Workspace:
    """What one server serves: the inputs and outputs folders, its secrets and its clock.

    `today` is read once per request and passed to the stages as their `as_of`:
    the run's one clock, which `serve --as-of` (a global option) fixes.
    """

    inputs: Path
    outputs: Path
    keys: Secrets = field(default_factory=Secrets)
    default_lang: str = "kk"
    today: Callable[[], dt.date] = dt.date.today


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["day"] = lambda value: value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else (value or "")
    env.globals.update(text_value=yamledit.text_value, shown_date=forms.shown_date,
                       responsible_lines=forms.responsible_lines, ballots_of=forms.ballots_of,
                       attendance_of=forms.attendance_of)
    return env


ENV = _environment()


def create_app(ws: Workspace, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Guard:
    app = Starlette(routes=[
        Route("/", overview),
        Route("/lang/{code}", choose_language),
        Route("/meetings", meetings),
        Route("/meetings/new", new_meeting, methods=["POST"]),
        Route("/meetings/{meeting}", meeting_form),
        Route("/meetings/{meeting}/check", meeting_check, methods=["POST"]),
        Route("/meetings/{meeting}/form", meeting_reform, methods=["POST"]),
        Route("/meetings/{meeting}/save", meeting_save, methods=["POST"]),
        Route("/plans", plans),
        Route("/plans/{plan}", plan_form),
        Route("/plans/{plan}/check", plan_check, methods=["POST"]),
        Route("/plans/{plan}/form", plan_reform, methods=["POST"]),
        Route("/plans/{plan}/save", plan_save, methods=["POST"]),
        Route("/control/{year:int}", control_form),
        Route("/control/{year:int}/check", control_check, methods=["POST"]),
        Route("/control/{year:int}/save", control_save, methods=["POST"]),
        Route("/documents", documents),
        Route("/documents/generate", generate, methods=["POST"]),
        Route("/documents/pdf", make_pdf, methods=["POST"]),
        Route("/documents/file/{key}", download),
        Route("/documents/view/{key}", preview),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ], exception_handlers={404: not_found})
    app.state.ws = ws
    return Guard(app, ws.keys, hosts, messages=both)


# ---------------------------------------------------------------- page helpers


def lang_of(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    return chosen if chosen in UI else request.app.state.ws.default_lang


def page(request: Request, template: str, status: int = 200, headers: dict | None = None, **values) -> HTMLResponse:
    lang = lang_of(request)
    ws: Workspace = request.app.state.ws
    values.setdefault("today", ws.today())
    html = ENV.get_template(template).render(
        _=lambda msgid, **kw: translate(msgid, lang, **kw), label=lambda code: label(code, lang), lang=lang, csrf=ws.keys.csrf, path=request.url.path,
        finding_text=lambda f: finding_text(f, lang), finding_here=lambda f: finding_here(f, lang), **values)
    return HTMLResponse(html, status_code=status, headers=headers)


def finding_text(finding: Finding, lang: str) -> str:
    """A finding as `check` prints it, in her language."""
    return finding.render(lang)


def finding_here(finding: Finding, lang: str) -> str:
    """A finding beside its field: the line and the message, without the file the page already names."""
    text = finding_text(finding, lang)
    place = f"{finding.loc.file}:"
    return text[len(place):].lstrip() if text.startswith(place) else text


async def not_found(request: Request, exc: HTTPException) -> Response:
    if request.scope.get("app") is None or not hasattr(request.app.state, "ws"):
        return HTMLResponse("Not found", status_code=404)
    return page(request, "message.html", status=404, message=_("Not found").render(lang_of(request)))


def choose_language(request: Request) -> Response:
    code = request.path_params["code"]
    if code not in UI:
        raise HTTPException(404)
    target = request.query_params.get("next", "/")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(LANG_COOKIE, code, samesite="strict", path="/", max_age=10 * 365 * 86400)
    return response


async def assessed(request: Request):
    ws: Workspace = request.app.state.ws
    return await run_in_threadpool(check_inputs, ws.inputs, ws.today())


# ---------------------------------------------------------------- the year at a glance


async def overview(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    checked = await assessed(request)
    assessment = checked.assessment
    today = ws.today()
    years = sorted({r.meeting.date.year for r in assessment.meetings.values()} | {today.year})
    year = _int(request.query_params.get("year"), years[-1] if today.year not in years else today.year)
    from ..scaffold import planned_questions
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
    checked = await assessed(request)
    unreadable = [f for f in errors_in(checked.findings) if "/meetings/" in f.loc.file.replace("\\", "/")]
    return page(request, "meetings.html", meetings=_meeting_rows(checked), findings=checked.findings,
                unreadable=unreadable, today=request.app.state.ws.today())


async def new_meeting(request: Request) -> Response:
    from ..scaffold import ScaffoldRefused, write_new_meeting
    ws: Workspace = request.app.state.ws
    form = await request.form()
    day = forms.parse_date(str(form.get("date") or "")) or ws.today()
    try:
        path = await run_in_threadpool(_scaffold_in, lang_of(request), write_new_meeting,
                                       stages.load_project(ws.inputs), day)
    except ScaffoldRefused as exc:
        return page(request, "message.html", status=409, message=str(exc))
    return _redirect(request, f"/meetings/{path.stem}")


_SCAFFOLD_LOCK = threading.Lock()


def _scaffold_in(lang: str, write, *args):
    """A scaffold writes its comments in the run's language (`ui_lang`): hers, for this call only."""
    with _SCAFFOLD_LOCK:
        previous = ui_lang()
        set_ui_lang(lang)
        try:
            return write(*args)
        finally:
            set_ui_lang(previous)


def _redirect(request: Request, target: str) -> Response:
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


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
    roster: forms.Roster
    plan_choices: list[tuple[str, str]]
    signed: bool


def _meeting_page(ws: Workspace, meeting_id: str, document: yamledit.Document, assessment, lang: str) -> MeetingPage:
    body = assessment.project.body
    tree = document.tree
    day = forms.parse_date(forms.shown_date(tree.get("date"))) or ws.today()
    members = [m for m in body.members if m.in_force_on(day)] if body else []
    listed = forms.attendance_of(tree)
    known = {m.id for m in members}
    extra = [m for m in (body.members if body else []) if m.id in listed and m.id not in known]
    members += extra
    roster = forms.Roster([m.id for m in members], [m.id for m in members if m.votes])
    plans = assessment.plans
    choices = []
    if plans is not None:
        for ref, question in plans.questions.items():
            title = question.title.get(lang) if question.title is not None else ""
            choices.append((ref, f"{ref} — {title or ''}"))
    protocol = tree.get("protocol")
    signed = isinstance(protocol, dict) and protocol.get("signed") is True
    return MeetingPage(meeting_id, document, members, roster, choices, signed)


async def meeting_form(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    path = meeting_file(ws, request.path_params["meeting"])
    document = yamledit.load(path)
    checked = await assessed(request)
    view = _meeting_page(ws, path.stem, document, checked.assessment, lang_of(request))
    return page(request, "meeting.html", m=view, tree=document.tree, base=document.digest,
                placed=_placed(findings_of(checked.findings, path), document.tree),
                file=display_path(path))


def _placed(findings: list[Finding], tree) -> dict[str, list[Finding]]:
    """Findings by the field they concern: `slot` ids made of the path of the line they cite."""
    lines = yamledit.paths_by_line(tree)
    out: dict[str, list[Finding]] = {"": []}
    for finding in findings:
        path = lines.get(finding.loc.line)
        if path and path[-1] in ("kk", "ru"):      # a text's language line: the text is one field
            path = path[:-1]
        out.setdefault(slot(path) if path else "", []).append(finding)
    return out


def _lines_tree(text: str, document: yamledit.Document):
    """The edited text's tree, only for the line of each key: libyaml when it can (fast), else ruamel."""
    from .. import fastyaml
    tree = fastyaml.load(text)
    return tree if tree is not None else yamledit.parse(text, document.path, document.style).tree


def slot(path: tuple) -> str:
    return "fd-" + "-".join(str(step) for step in path)


_BODIES: dict[str, tuple[str, Body | None]] = {}   # body.yaml → (digest, model): read again only when it changed


def roster(ws: Workspace) -> Body | None:
    """The Штаб and its members as body.yaml says now (None when it cannot be read: the check says why)."""
    path = ws.inputs / "body.yaml"
    try:
        version = yamledit.digest(path.read_bytes())
    except OSError:
        return None
    cached = _BODIES.get(str(path.resolve()))
    if cached is None or cached[0] != version:
        cached = (version, load_file(path, Body)[0])
        _BODIES[str(path.resolve())] = cached
    return cached[1]


def _roster_only(ws: Workspace):
    """What applying a form needs of the project: the roster (body.yaml), not a whole check."""
    from types import SimpleNamespace
    return SimpleNamespace(project=SimpleNamespace(body=roster(ws)), plans=None)


async def _edited_meeting(request: Request, *, whole: bool = False):
    ws: Workspace = request.app.state.ws
    path = meeting_file(ws, request.path_params["meeting"])
    form = forms.Form((await request.form()).multi_items())
    document = yamledit.load(path)
    assessment = (await assessed(request)).assessment if whole else _roster_only(ws)
    view = _meeting_page(ws, path.stem, document, assessment, lang_of(request))
    if not view.signed:
        forms.apply_meeting(document.tree, form, view.roster)
    return ws, path, form, document, view


async def meeting_check(request: Request) -> Response:
    """Live findings for the form as it stands: the panel, and each finding beside its field (htmx out-of-band)."""
    ws, path, form, document, view = await _edited_meeting(request)
    text = document.text()
    checked = await run_in_threadpool(check_with, ws.inputs, path, text, ws.today(), ticket(path))
    if checked is None:                 # a newer check of this file is on its way: this answer is not awaited
        return Response(status_code=204)
    placed = _placed(findings_of(checked.findings, path), _lines_tree(text, document))
    return page(request, "findings.html", placed=placed, file=display_path(path), oob=True)


async def meeting_reform(request: Request) -> Response:
    """The form redrawn from the edited tree, with a new empty entry where asked (a question, a decision...)."""
    ws, path, form, document, view = await _edited_meeting(request, whole=True)
    text = document.text()     # checked before the new entry: an empty entry is not yet a mistake
    checked = await run_in_threadpool(check_with, ws.inputs, path, text, ws.today())
    _add_entry(document.tree, request.query_params.get("add", ""))
    return page(request, "meeting_form.html", m=view, tree=document.tree, base=form.get("base") or document.digest,
                placed=_placed(findings_of(checked.findings, path), _lines_tree(text, document)),
                file=display_path(path))


_ADDABLE = ("items", "materials", "decisions", "dissent")


def _add_entry(tree, where: str) -> None:
    """An empty entry at the end of the list `where` (items.0.decisions): a new block of the form to fill.

    Only the meeting's own lists can grow; anything else in `where` is ignored.
    It is written only once something is typed into it (forms._apply_list).
    """
    from ruamel.yaml.comments import CommentedMap
    steps = where.split(".") if where else []
    target = tree
    for step in steps:
        if step.isdigit() and isinstance(target, list) and int(step) < len(target):
            target = target[int(step)]
        elif step in _ADDABLE and isinstance(target, dict):
            target = target.setdefault(step, yamledit.CommentedSeq())
        else:
            return
    if isinstance(target, list):
        target.append(CommentedMap())


async def meeting_save(request: Request) -> Response:
    ws, path, form, document, view = await _edited_meeting(request)
    if view.signed:
        return page(request, "message.html", status=409, message=_(
            "The protocol is signed: the meeting is shown read-only (§15). To correct it, edit the file and "
            "replace the protocol knowingly with --force.").render(lang_of(request)))
    return await _save(request, document, form.get("base"), path)


async def _save(request: Request, document: yamledit.Document, base: str | None, path: Path) -> Response:
    try:
        written = yamledit.save(document, base or "")
    except yamledit.ChangedOnDisk as exc:
        return page(request, "conflict.html", status=409, conflict=exc, file=display_path(path))
    return page(request, "saved.html", written=written, base=document.digest, file=display_path(path))


# ---------------------------------------------------------------- plans


async def plans(request: Request) -> Response:
    checked = await assessed(request)
    result = checked.assessment.plans
    plan_findings = [f for f in checked.findings if "/plans/" in f.loc.file.replace("\\", "/")]
    return page(request, "plans.html", plans=result.plans if result else {}, result=result,
                findings=plan_findings, today=request.app.state.ws.today())


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
    day = forms.parse_date(forms.shown_date(approved.get("date")))
    return [m for m in body.members if day is None or m.in_force_on(day)]


def _plan_page(request: Request, template: str, path: Path, document: yamledit.Document, findings, text=None,
               base: str | None = None, status: int = 200) -> Response:
    ws: Workspace = request.app.state.ws
    tree = document.tree
    placed = _placed(findings_of(findings, path), _lines_tree(text, document) if text else tree)
    return page(request, template, status=status, plan_id=path.stem, tree=tree, members=_plan_members(ws, tree),
                base=base or document.digest, placed=placed, file=display_path(path), when=forms.plan_when)


async def plan_form(request: Request) -> Response:
    path = plan_file(request.app.state.ws, request.path_params["plan"])
    checked = await assessed(request)
    return _plan_page(request, "plan.html", path, yamledit.load(path), checked.findings)


async def _edited_plan(request: Request):
    ws: Workspace = request.app.state.ws
    path = plan_file(ws, request.path_params["plan"])
    form = forms.Form((await request.form()).multi_items())
    document = yamledit.load(path)
    forms.apply_plan(document.tree, form)
    return ws, path, form, document


async def plan_check(request: Request) -> Response:
    ws, path, form, document = await _edited_plan(request)
    text = document.text()
    checked = await run_in_threadpool(check_with, ws.inputs, path, text, ws.today(), ticket(path))
    if checked is None:
        return Response(status_code=204)
    placed = _placed(findings_of(checked.findings, path), _lines_tree(text, document))
    return page(request, "findings.html", placed=placed, file=display_path(path), oob=True)


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
    ws, path, form, document = await _edited_plan(request)
    return await _save(request, document, form.get("base"), path)


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
    return page(request, "control.html", year=year, rows=_control_rows(document, assignments, ws, year),
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
    form = forms.Form((await request.form()).multi_items())
    document = _control_document(ws, year)
    forms.apply_control(document.tree, form)
    return ws, form, document


async def control_check(request: Request) -> Response:
    ws, form, document = await _edited_control(request)
    text = document.text()
    checked = await run_in_threadpool(check_with, ws.inputs, document.path, text, ws.today(), ticket(document.path))
    if checked is None:
        return Response(status_code=204)
    placed = _placed(findings_of(checked.findings, document.path),
                     _lines_tree(text, document))
    return page(request, "findings.html", placed=placed, file=display_path(document.path), oob=True)


async def control_save(request: Request) -> Response:
    ws, form, document = await _edited_control(request)
    return await _save(request, document, form.get("base"), document.path)


# ---------------------------------------------------------------- documents


def produced(ws: Workspace, assessment) -> dict[str, tuple[stages.Job | None, Path]]:
    """key → the document the program writes, and its file: the only files that can be downloaded.

    The keys are digests of the output's place, computed here from the jobs
    (`stages.jobs_for`, as `all` would write them) and the PDFs beside them; a
    request names a key, never a path, so nothing else under the disk can be served.
    """
    out: dict[str, tuple[stages.Job | None, Path]] = {}
    if assessment.project.body is None:
        return out
    for job in stages.jobs_for(assessment, list(stages.DOCUMENTS)):
        for output in (job.output, job.output.with_suffix(".pdf")):
            key = hashlib.sha256(output.as_posix().encode()).hexdigest()[:16]
            out[key] = (job, ws.outputs / output)
    return out


async def documents(request: Request, result: dict | None = None) -> Response:
    ws: Workspace = request.app.state.ws
    checked = await assessed(request)
    files = produced(ws, checked.assessment)
    rows: dict[Path, dict] = {}
    for key, (job, path) in files.items():
        row = rows.setdefault(ws.outputs / job.output, {"job": job, "docx": None, "pdf": None})
        if path.exists():
            row["pdf" if path.suffix == ".pdf" else "docx"] = key
    return page(request, "documents.html", rows=list(rows.values()), result=result or {},
                errors=len(errors_in(checked.findings)))


async def generate(request: Request) -> Response:
    ws: Workspace = request.app.state.ws

    def run():
        assessment = stages.prepare(ws.inputs, ws.today())
        jobs = stages.jobs_for(assessment, list(stages.DOCUMENTS))
        with run_lock(project_root(ws.inputs), "shtab serve"):   # one writer at a time (lock.py)
            return stages.run_documents(assessment, jobs, ws.outputs)
    try:
        written = await run_in_threadpool(run)
    except InputRefused as exc:
        return await documents(request, {"refused": exc.findings})
    except ProjectBusy as exc:
        return await documents(request, {"failed": exc.format_message()})
    return await documents(request, {"written": written})


async def make_pdf(request: Request) -> Response:
    from ..errors import ShtabError
    from ..pdf import convert_outputs
    ws: Workspace = request.app.state.ws
    try:
        converted = await run_in_threadpool(convert_outputs, ws.outputs)
    except ShtabError as exc:
        return await documents(request, {"failed": exc.format_message()})
    return await documents(request, {"pdf": converted})


async def _produced_file(request: Request) -> Path:
    ws: Workspace = request.app.state.ws
    checked = await assessed(request)
    entry = produced(ws, checked.assessment).get(request.path_params["key"])
    if entry is None or not entry[1].is_file():
        raise HTTPException(404)
    return entry[1]


async def download(request: Request) -> Response:
    path = await _produced_file(request)
    inline = request.query_params.get("inline") == "1" and path.suffix == ".pdf"
    media = "application/pdf" if path.suffix == ".pdf" else \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return FileResponse(path, media_type=media, filename=path.parent.name + "-" + path.name,
                        content_disposition_type="inline" if inline else "attachment")


async def preview(request: Request) -> Response:
    path = await _produced_file(request)
    if path.suffix != ".pdf":
        raise HTTPException(404)
    return page(request, "preview.html", key=request.path_params["key"], name=path.name)
