"""The workspace's shared page helpers: the Workspace, the templates, rendering, findings by field, saving."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ..core.errors import Finding
from ..load.loader import load_file
from ..load.models import Body
from ..load.source import display_path
from ..locale.messages import Message, _, render_value
from . import yamledit
from .checks import check_inputs, check_with, findings_of, ticket
from .fieldnames import field_label
from .forms_base import Form, responsible_lines, shown_date
from .forms_meeting import attendance_of, ballots_of, stray_ballots
from .formwords import in_the_form, place_words
from .security import Secrets
from .texts import UI, label, translate

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
    env.globals.update(text_value=yamledit.text_value, shown_text=yamledit.shown_text, shown_date=shown_date,
                       responsible_lines=responsible_lines, ballots_of=ballots_of, stray_ballots=stray_ballots,
                       attendance_of=attendance_of)
    return env


ENV = _environment()


# ---------------------------------------------------------------- page helpers


def lang_of(request: Request) -> str:
    """Her choice (the cookie), else what her browser asks for (Accept-Language), else body.yaml's first."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in UI:
        return chosen
    asked = accepted(request.headers.get("accept-language", ""))
    return asked or request.app.state.ws.default_lang


def accepted(header: str) -> str | None:
    """The first of kk and ru that an Accept-Language header asks for, by its weights (ru-RU;q=0.9 is ru)."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _sep, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        code = tag.strip().lower().split("-")[0]
        if code in UI and weight > 0:
            ranked.append((-weight, position, code))
    return min(ranked)[2] if ranked else None


def page(request: Request, template: str, status: int = 200, headers: dict | None = None, **values) -> HTMLResponse:
    lang = lang_of(request)
    ws: Workspace = request.app.state.ws
    values.setdefault("today", ws.today())
    values.setdefault("ui_messages", ui_messages(lang))
    namer = _Namer(ws, lang)
    slots: set[str] = set()

    def draw() -> str:
        return ENV.get_template(template).render(
            _=lambda msgid, **kw: translate(msgid, lang, **kw), label=lambda code: label(code, lang),
            words=lambda message: message.render(lang), lang=lang, csrf=ws.keys.csrf, path=request.url.path,
            finding_text=lambda f: finding_text(f, lang, namer), finding_here=lambda f: finding_here(f, lang, namer),
            finding_link=finding_link, field_name=namer, slot_drawn=lambda id: slots.add(id) or "", **values)
    html = draw()
    placed = values.get("placed")
    if isinstance(placed, dict) and not values.get("oob"):
        # a finding whose field has no slot of its own on this page (a line of a list, a key of a key) is drawn
        # again beside the nearest field that has one
        moved = beside_drawn(placed, slots)
        if moved is not placed:
            values["placed"] = moved
            html = draw()
    return HTMLResponse(html, status_code=status, headers=headers)


def beside_drawn(placed: dict[str, list[Placed]], slots: set[str] | str | None) -> dict[str, list[Placed]]:
    """Findings moved from a slot the page does not draw to the nearest enclosing one it does (or to the panel).

    `slots` are the ids of the page's finding slots: as a page drew them, or as the browser's page has them
    (sent with a live check, space-separated). None or empty: the findings stay where they are.
    """
    if isinstance(slots, str):
        slots = set(slots.split())
    if not slots or all(key in slots or not items for key, items in placed.items() if key):
        return placed
    out: dict[str, list[Placed]] = {"": list(placed.get("", []))}
    for key, items in placed.items():
        for item in items if key else ():
            if key in slots:
                out.setdefault(key, []).append(item)
                continue
            depth = next((n for n in range(len(item.path) - 1, 0, -1) if slot(item.path[:n]) in slots), 0)
            # named as the field it is said beside
            out.setdefault(slot(item.path[:depth]) if depth else "", []).append(Placed(item.finding, item.path[:depth]))
    return out


class _Namer:
    """The templates' `field_name`: a field's name in the form's words, for its programmatic label (a member's row
    by the member's post); `people` names the members in findings (each read once a page needs it)."""

    def __init__(self, ws: Workspace, lang: str) -> None:
        self.ws, self.lang, self._posts, self._people = ws, lang, None, None

    @property
    def posts(self) -> dict[str, str]:
        if self._posts is None:
            self._posts = posts(self.ws, self.lang)
        return self._posts

    @property
    def people(self) -> dict[str, str]:
        """member id → how a finding names the member: the name the form shows first, else the post."""
        if self._people is None:
            body = roster(self.ws)
            self._people = {m.id: m.name or m.position.get(self.lang) or m.id for m in body.members} if body else {}
        return self._people

    def __call__(self, field: str | tuple) -> str:
        return field_label(field, self.lang, self.posts)


def ui_messages(lang: str) -> dict[str, str]:
    """What the page's script says (workspace.js), in her language: {placeholders} are filled by the script."""
    texts = {
        "unsaved": _("This form has changes that are not saved."),
        "draft_restored": _("Your unsaved changes of {time} were restored from this browser: save them, or "
                            "discard them.", time="{time}"),
        "draft_older": _("This browser keeps unsaved changes of {time}, made on an earlier version of the "
                         "file.", time="{time}"),
        "draft_restore": _("Restore them"),
        "draft_discard": _("Discard them"),
        "offline": _("Not saved: the workspace does not answer (it was stopped or restarted). Your changes stay "
                     "in this browser: start it again with shtab serve, open the link it prints, and come back "
                     "to this form: they will be restored."),
        "session": _("Not saved: this page's session ended (the workspace was restarted). Open the link with "
                     "?token=... that shtab serve printed; your changes stay in this browser and come back on "
                     "this form."),
        "too_large": _("Not saved: the form is too large to send (at most 2 MB). The longest text is «{field}» "
                       "({count} characters): shorten it.", field="{field}", count="{count}"),
        "refused": _("Not saved: the workspace refused the request ({status}). Your changes stay in this "
                     "browser: reload the page, they will be restored.", status="{status}"),
        "saving": _("Saving…"),
        "close": _("Close"),
        "back": _("The workspace answers again."),
    }
    return {key: message.render(lang) for key, message in texts.items()}


@dataclass(frozen=True)
class Placed:
    """A finding placed beside the field it concerns: `path` is the field's place in the file."""

    finding: Finding
    path: tuple

    @property
    def is_error(self) -> bool:
        return self.finding.is_error

    @property
    def loc(self):
        return self.finding.loc


_NOT_MARKED = ("assignment {assignment} was due on {due} and control/{year}.yaml says nothing about it: add an "
               "entry saying how it stands (status: 'done', 'extended', 'removed', or 'in_progress' with a 'note'), "
               "e.g. {example}")


def finding_link(finding: Finding | Placed) -> str | None:
    """Where in the workspace the finding is put right: the form of its file, or the control page's row."""
    finding = finding.finding if isinstance(finding, Placed) else finding
    message = finding.message
    if isinstance(message, Message) and message.key == _NOT_MARKED:
        values = dict(message.values)
        row = str(values.get("assignment", "")).replace("/", "-").replace(".", "-")
        return f"/control/{values.get('year')}#row-{row}"
    parts = finding.loc.file.replace("\\", "/").split("/")
    if len(parts) >= 2 and parts[-1].endswith(".yaml"):
        stem = parts[-1][:-len(".yaml")]
        if parts[-2] == "meetings":
            return f"/meetings/{stem}"
        if parts[-2] == "plans":
            return f"/plans/{stem}"
        if parts[-2] == "control" and stem.isdigit():
            return f"/control/{stem}"
    return None


def finding_text(finding: Finding | Placed, lang: str, namer: _Namer | None = None) -> str:
    """A finding in the workspace, in her language and the form's words (formwords), with no line number.

    The command line prints `file:line: message (§N)`; here the page names the file once, a finding
    beside a field names that field as the form labels it, and a finding of a whole page names its
    place in the file in the form's labels.
    """
    path = finding.path if isinstance(finding, Placed) else ()
    finding = finding.finding if isinstance(finding, Placed) else finding
    place, text = in_the_form(finding.message, lang, namer.people if namer is not None else None)
    if not finding.is_error:
        text = _("warning: {message}", message=text).render(lang)
    rule = f" ({finding.rule})" if finding.rule else ""
    where = namer(path) if namer is not None and path else place_words(place, lang) if place else ""
    return f"{where}: {text}{rule}" if where else f"{text}{rule}"


def finding_here(finding: Finding | Placed, lang: str, namer: _Namer | None = None) -> str:
    """A finding beside its field (the page already names the file)."""
    return finding_text(finding, lang, namer)


async def not_found(request: Request, exc: HTTPException) -> Response:
    if request.scope.get("app") is None or not hasattr(request.app.state, "ws"):
        return HTMLResponse("Not found", status_code=404)
    return page(request, "message.html", status=404, message=_("Not found").render(lang_of(request)))


def failure_status(exc: OSError) -> int:
    """507 for a full disk, 503 for the rest (read-only, no permission): both shown by the page (base.html)."""
    import errno
    return 507 if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) else 503


def not_written(request: Request, exc: OSError, path: Path | None = None) -> Response:
    """What failed, in her language: the file, the system's reason in her words, and that nothing changed."""
    from ..locale.messages import os_problem
    lang = lang_of(request)
    # her file, not the hidden temporary one beside it that the system named
    shown = display_path(path) if path is not None else display_path(Path(exc.filename)) if exc.filename else ""
    message = _("{path}: not saved ({problem}); the file on the disk is unchanged: free some space, or make the "
                "folder writable, then save again", path=shown, problem=os_problem(exc))
    # the form's save answers into its place beside the button (a fragment); any other request gets a whole page
    template = "not_written.html" if path is not None and request.headers.get("hx-request") else "message.html"
    return page(request, template, status=failure_status(exc), message=render_value(message, lang))


async def disk_failure(request: Request, exc: OSError) -> Response:
    """Any page whose writing failed (a read-only or full disk): a page that says so, never a bare 500."""
    return not_written(request, exc)


async def unreadable(request: Request, exc: yamledit.Unreadable) -> Response:
    """A file a form cannot open: its findings, as `check` prints them, in her language (never a traceback)."""
    return page(request, "unreadable.html", status=422, file=display_path(exc.path), findings=exc.findings)


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

def _redirect(request: Request, target: str) -> Response:
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def _placed(findings: list[Finding], tree, slots: str | None = None) -> dict[str, list[Placed]]:
    """Findings by the field they concern: `slot` ids made of the path of the line they cite; with `slots` (the
    browser's page's, sent with a live check), moved beside the nearest field that page has."""
    lines = yamledit.paths_by_line(tree)
    out: dict[str, list[Finding]] = {"": []}
    for finding in findings:
        path = lines.get(finding.loc.line)
        if path and path[-1] in ("kk", "ru"):      # a text's language line: the text is one field
            path = path[:-1]
        out.setdefault(slot(path) if path else "", []).append(Placed(finding, tuple(path or ())))
    return beside_drawn(out, slots) if slots else out


def _lines_tree(text: str, document: yamledit.Document):
    """The edited text's tree, only for the line of each key: libyaml when it can (fast), else ruamel."""
    from ..load import fastyaml
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


def saved_headers(reload: bool = False) -> dict[str, str]:
    """The page's script hears of a save (its draft is dropped); after a merge it reloads the merged file."""
    return {"HX-Trigger": "shtab-saved-reload" if reload else "shtab-saved"}


def named_problems(request: Request, form: Form) -> list[tuple[str, str, str]]:
    """(field name, its label, why) for each field the form could not read."""
    lang = lang_of(request)
    names = posts(request.app.state.ws, lang) if form.problems else {}
    return [(name, field_label(name, lang, names), message.render(lang)) for name, message in form.problems.items()]


def _problems(request: Request, form: Form, file: str) -> Response:
    """A form with a field it could not read: nothing written, each problem named by the field's label."""
    return page(request, "notsaved.html", status=422, problems=named_problems(request, form), file=file)


def posts(ws: Workspace, lang: str) -> dict[str, str]:
    """member id → her post in `lang`: how a form's label names a member's row."""
    body = roster(ws)
    return {m.id: (m.position.get(lang) or m.id) for m in body.members} if body else {}


async def _save(request: Request, path: Path, form: Form, apply, opening=None) -> Response:
    """Save a form: her edits applied to the file as it is; a file changed meanwhile goes through the merge.

    `apply(tree, form)` puts the form onto a tree; `opening(path)` opens the file (a control file
    that does not exist yet is an empty list). Nothing is written while a field holds a value the
    form could not read (`Form.problems`).
    """
    opening = opening or yamledit.load
    document = opening(path)
    base = form.get("base") or document.digest
    file = display_path(path)
    if base == document.digest:
        apply(document.tree, form)
        if form.problems:
            return _problems(request, form, file)
        try:
            written = yamledit.save(document, base)
        except yamledit.ChangedOnDisk:
            return await _save(request, path, form, apply, opening)
        except OSError as exc:        # a read-only folder, a full disk: nothing was written, and the page says so
            return not_written(request, exc, path)
        return page(request, "saved.html", written=written, base=document.digest, file=file,
                    headers=saved_headers())
    from . import merge
    before = yamledit.opened(base)
    origin = yamledit.parse(before.decode("utf-8"), path) if before is not None else opening(path)
    mine = yamledit.parse(before.decode("utf-8"), path) if before is not None else opening(path)
    apply(mine.tree, form)
    if form.problems:
        return _problems(request, form, file)
    theirs = opening(path)
    found, others = merge.changes(origin.tree, mine.tree, theirs.tree)
    if form.get("merge.disk") == theirs.digest:
        chosen = [c for c in found if form.get(f"keep.{c.key}", "mine") == "mine"]
        merge.merge(theirs.tree, mine.tree, chosen)
        try:
            written = yamledit.save(theirs, theirs.digest)
        except yamledit.ChangedOnDisk:
            return await _save(request, path, form, apply, opening)
        except OSError as exc:
            return not_written(request, exc, path)
        return page(request, "saved.html", written=written, base=theirs.digest, file=file,
                    headers=saved_headers(reload=True))
    lang = lang_of(request)
    names = posts(request.app.state.ws, lang)
    rows = [{"key": c.key, "label": field_label(c.path, lang, names), "mine": merge.shown(c.mine),
             "theirs": merge.shown(c.theirs), "clash": c.clash} for c in found]
    return page(request, "conflict.html", status=409, rows=rows, others=others, disk=theirs.digest,
                file=file, known=before is not None, on_disk=theirs.original.decode("utf-8", "replace"),
                ours=mine.text(), save_url=request.url.path)


def years_to_choose(ws: Workspace, year: int, *kinds: str) -> list[int]:
    """The years a page of one year offers: those with a file of `kinds` under inputs/ (a meeting's year counts,
    so in January a new Штаб's first year is still reachable), the page's own year and today's."""
    found: set[int] = set()
    for kind in kinds:
        folder = ws.inputs / kind
        if folder.is_dir():
            found |= {int(p.stem[:4]) for p in folder.glob("*.yaml") if p.stem[:4].isdigit()}
    return sorted(found | {year, ws.today().year})


async def live_findings(request: Request, form: Form, document: yamledit.Document) -> Response:
    """A form's live check as she types: the findings panel and each finding beside its field (htmx out-of-band;
    one without a field of its own beside the nearest the page has), or 204 when a newer check of the same file
    is on its way and this answer is no longer awaited."""
    ws: Workspace = request.app.state.ws
    text = document.text()
    checked = await run_in_threadpool(check_with, ws.inputs, document.path, text, ws.today(), ticket(document.path))
    if checked is None:
        return Response(status_code=204)
    placed = _placed(findings_of(checked.findings, document.path), _lines_tree(text, document), form.get("__slots"))
    return page(request, "findings.html", placed=placed, file=display_path(document.path), oob=True,
                problems=named_problems(request, form))
