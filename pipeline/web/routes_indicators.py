"""The workspace's page of the annual indicators (§29): indicators/<year>.yaml, its `previous:`, the annual report.

The figures are typed in a form like the others (check as she types, save with the
round-trip, a conflict merged field by field); beside each action the page says whether it
counts (at least 250 participants, §29 note **), beside the dispensary and the schools the
shares the report will print; then one button writes the annual report of that year (as
`annual-report YEAR` does: the documents and the annual package) and offers its downloads.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from .. import stages
from ..core.errors import InputRefused, ShtabError
from ..core.kinds import ANNUAL_REPORT
from ..load.source import display_path
from ..locale.messages import Message, _, os_problem, render_value
from ..rules.indicators import ACTION_MIN_PARTICIPANTS, share
from . import yamledit
from .checks import check_with, findings_of, ticket
from .forms_base import Form
from .forms_indicators import FIGURES, LISTED, apply_indicators, shown_figure
from .pages import (
    Placed,
    Workspace,
    _lines_tree,
    _placed,
    _save,
    assessed,
    lang_of,
    named_problems,
    page,
    slot,
    years_to_choose,
)

FIRST, LAST = 1900, 2100
_MISSING = "indicator {number} ({key}) of {year} is missing: the annual report shows it as —"


def indicators_file(ws: Workspace, year: int) -> Path:
    if not FIRST <= year <= LAST:
        raise HTTPException(404)
    return ws.inputs / "indicators" / f"{year:04d}.yaml"


class _NewFile(yamledit.Document):
    """A year without its file yet: nothing typed is nothing written (not a file holding `{}`)."""

    def text(self) -> str:
        return super().text() if self.tree else ""


def _document(ws: Workspace, year: int) -> yamledit.Document:
    """The year's file as a tree to edit; a year without one is an empty mapping (the save creates it)."""
    path = indicators_file(ws, year)
    if path.exists():
        return yamledit.load(path)
    return _NewFile(path, yamledit.CommentedMap(), b"", (2, 2, 0))


@dataclass
class ActionNote:
    """Whether an action counts for indicator 3 (§29 note **: at least 250 participants)."""

    participants: int | None

    @property
    def counts(self) -> bool | None:
        return None if self.participants is None else self.participants >= ACTION_MIN_PARTICIPANTS


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def notes_of(tree: Any) -> dict:
    """What the page says beside the figures, read from the tree as typed (a wrong value is simply not counted):
    each action counted or not, the actions held / counted / short, and the shares of indicators 5 and 11."""
    tree = tree if isinstance(tree, dict) else {}
    actions = tree.get("actions")
    notes = [ActionNote(_count(a.get("participants")) if isinstance(a, dict) else None)
             for a in (actions if isinstance(actions, list) else [])]
    counted = sum(1 for n in notes if n.counts)
    dispensary = tree.get("dispensary") if isinstance(tree.get("dispensary"), dict) else {}
    schools = tree.get("schools") if isinstance(tree.get("schools"), dict) else {}
    total = _count(dispensary.get("total"))
    return {
        "actions": notes,
        "held": len(notes), "counted": counted, "short": sum(1 for n in notes if n.counts is False),
        "listed_count": _count(actions),
        "women": share(_count(dispensary.get("women")), total),
        "minors": share(_count(dispensary.get("minors")), total),
        "schools": share(_count(schools.get("with_programmes")), _count(schools.get("total"))),
    }


def _percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value} %"


def _with_missing_beside(placed: dict[str, list[Placed]]) -> dict[str, list[Placed]]:
    """A missing indicator is reported at the file's first line: here it is put beside that indicator's field."""
    out: dict[str, list[Placed]] = {}
    for key, items in placed.items():
        for item in items:
            message = item.finding.message
            where = key
            if isinstance(message, Message) and message.key == _MISSING:
                name = str(dict(message.values).get("key", ""))
                where, item = slot((name,)), Placed(item.finding, (name,))
            out.setdefault(where, []).append(item)
    out.setdefault("", [])
    return out


def _previous_file(ws: Workspace, year: int) -> yamledit.Document | None:
    """indicators/<year-1>.yaml when it exists: then it, not `previous:`, is the previous year (§29)."""
    path = indicators_file(ws, year - 1) if year - 1 >= FIRST else None
    if path is None or not path.exists():
        return None
    try:
        return yamledit.load(path)
    except yamledit.Unreadable:
        return None


def _indicators_page(request: Request, template: str, year: int, document: yamledit.Document, findings, *,
                     text: str | None = None, base: str | None = None, report: dict | None = None) -> Response:
    ws: Workspace = request.app.state.ws
    lines = _lines_tree(text, document) if text else document.tree
    placed = _with_missing_beside(_placed(findings_of(findings, document.path), lines))
    previous_file = _previous_file(ws, year)
    return page(request, template, year=year, years=years_to_choose(ws, year, "indicators", "meetings"), tree=document.tree, base=base or document.digest,
                placed=placed, file=display_path(document.path), figures=FIGURES, listed=LISTED,
                shown_figure=shown_figure, notes=notes_of(document.tree), percent=_percent,
                previous_file=previous_file.tree if previous_file is not None and isinstance(previous_file.tree, dict) else None,
                previous_name=display_path(previous_file.path) if previous_file is not None else "",
                previous_notes=notes_of(previous_file.tree if previous_file is not None else None),
                minimum=ACTION_MIN_PARTICIPANTS, report=report)


async def indicators_form(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    year = request.path_params["year"]
    document = _document(ws, year)
    checked = await assessed(request)
    return _indicators_page(request, "indicators.html", year, document, checked.findings,
                            report=_downloads(ws, checked.assessment, year))


async def _edited(request: Request):
    ws: Workspace = request.app.state.ws
    year = request.path_params["year"]
    form = Form((await request.form()).multi_items())
    document = _document(ws, year)
    apply_indicators(document.tree, form)
    return ws, year, form, document


async def indicators_check(request: Request) -> Response:
    """Live findings as she types, each beside its field, and the notes (actions counted, shares) redrawn."""
    ws, year, form, document = await _edited(request)
    text = document.text()
    if not text:                # a year without its file, nothing typed yet: nothing to judge
        placed: dict[str, list[Placed]] = {"": []}
    else:
        checked = await run_in_threadpool(check_with, ws.inputs, document.path, text, ws.today(),
                                          ticket(document.path))
        if checked is None:
            return Response(status_code=204)
        placed = _with_missing_beside(_placed(findings_of(checked.findings, document.path),
                                              _lines_tree(text, document)))
    return page(request, "indicators_findings.html", placed=placed, file=display_path(document.path), oob=True,
                problems=named_problems(request, form), notes=notes_of(document.tree), percent=_percent,
                minimum=ACTION_MIN_PARTICIPANTS)


async def indicators_reform(request: Request) -> Response:
    """The form redrawn from the edited tree with a new empty campaign or action."""
    ws, year, form, document = await _edited(request)
    text = document.text()
    checked = await run_in_threadpool(check_with, ws.inputs, document.path, text, ws.today()) if text else None
    where = request.query_params.get("add", "")
    if where in LISTED and not isinstance(document.tree.get(where), int):
        yamledit.ensure_seq(document.tree, where).append(yamledit.CommentedMap())
    return _indicators_page(request, "indicators_form.html", year, document, checked.findings if checked else [], text=text,
                            base=form.get("base"))


async def indicators_save(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    year = request.path_params["year"]
    form = Form((await request.form()).multi_items())
    return await _save(request, indicators_file(ws, year), form, apply_indicators, lambda path: _document(ws, year))


# ---------------------------------------------------------------- the annual report of the year


def _downloads(ws: Workspace, assessment, year: int) -> dict:
    """The year's annual report files that exist, by language: (DOCX key, PDF key or None), as /documents serves."""
    files: list[dict] = []
    if assessment.project.body is None:
        return {"files": files}
    for job in stages.jobs_for(assessment, [ANNUAL_REPORT], selected=[str(year)]):
        docx = ws.outputs / job.output
        if not docx.is_file():
            continue
        key = hashlib.sha256(job.output.as_posix().encode()).hexdigest()[:16]
        pdf = job.output.with_suffix(".pdf")
        pdf_key = hashlib.sha256(pdf.as_posix().encode()).hexdigest()[:16] if (ws.outputs / pdf).is_file() else None
        files.append({"lang": job.lang, "name": job.output.as_posix(), "docx": key, "pdf": pdf_key})
    return {"files": files}


async def annual_report(request: Request) -> Response:
    """The annual report of the year, as `annual-report YEAR` writes it: the documents, then the annual package."""
    from ..region.package import write_package
    from ..write.lock import project_root, run_lock
    ws: Workspace = request.app.state.ws
    year = request.path_params["year"]
    indicators_file(ws, year)
    lang = lang_of(request)

    def run():
        assessment = stages.prepare(ws.inputs, ws.today())
        jobs = stages.jobs_for(assessment, [ANNUAL_REPORT], selected=[str(year)])
        with run_lock(project_root(ws.inputs), "shtab serve"):      # one writer at a time (lock.py)
            written = stages.run_documents(assessment, jobs, ws.outputs)
            first = ws.outputs / jobs[0].output if jobs else None
            if first is not None and first.is_file():
                write_package(assessment, year, ws.outputs)
        return assessment, written
    report: dict
    try:
        assessment, written = await run_in_threadpool(run)
        report = _downloads(ws, assessment, year) | {"written": written}
    except InputRefused as exc:
        report = {"refused": exc.findings, "files": []}
    except ShtabError as exc:          # another run writing, a full or read-only outputs/
        report = {"failed": render_value(exc.message, lang), "files": []}
    except OSError as exc:
        report = {"failed": render_value(_("{path}: cannot write the documents ({problem}); no document was changed",
                                           path=exc.filename or "outputs", problem=os_problem(exc)), lang),
                  "files": []}
    return page(request, "indicators_report.html", year=year, report=report)
