"""The workspace's page of the documents made for a date: the reminders and the status report (§24, §27.1, §28).

The commands `reminders --as-of D` and `status --as-of D` judge the assignments as of a day she names; this
page does the same through the same code: the inputs read as of that day (`stages.prepare`), the same
refusals (`documents.execution.refusals`), the kinds' own job builders (`stages.jobs_for`), the same run
(`stages.run_documents`) and, for the reminders, the same removal of an earlier letter for that day that is
no longer due (`execution.stale_reminders`). The files these two kinds wrote on earlier days are listed by
their kinds' own file patterns, to be downloaded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from .. import stages
from ..core.errors import Finding, InputRefused, ShtabError
from ..core.kinds import REMINDERS
from ..documents import execution
from ..locale.messages import _, render_value
from ..rules.execution import DEFAULT_WITHIN, State, reminders_of
from ..write.lock import project_root, run_lock
from .dated_files import DATED, dated_files
from .forms_base import parse_date
from .pages import Workspace, lang_of, page
from .routes_documents import _cannot_write


def _groups(outputs: Path) -> list[dict]:
    """The files by day, then by kind; each document once, its DOCX and its PDF side by side."""
    days: dict[dt.date, dict[str, dict]] = {}
    for item in dated_files(outputs):
        name = item.relative.removesuffix(".pdf").removesuffix(".docx")
        row = days.setdefault(item.as_of, {}).setdefault(name, {"kind": item.kind, "name": Path(name).name,
                                                                "docx": None, "pdf": None})
        row["pdf" if item.relative.endswith(".pdf") else "docx"] = item.key
    return [{"as_of": day, "rows": list(rows.values())} for day, rows in days.items()]


def _within(text: str | None) -> int | None:
    """The reminders' window in days, as `reminders --within` takes it (0 to 366); None for anything else."""
    text = (text or "").strip()
    return int(text) if text.isdigit() and int(text) <= 366 else None


def _judged(ws: Workspace, as_of: dt.date) -> tuple[stages.Assessment, list[Finding]]:
    """The inputs as of the day asked for, and what refuses the documents of that day (as the commands say)."""
    assessment = stages.prepare(ws.inputs, as_of, as_of_asked=True)
    if assessment.project.body is None:
        return assessment, stages.unreadable_inputs(assessment)
    return assessment, execution.refusals(assessment)


async def dated(request: Request, result: dict | None = None, as_of: dt.date | None = None,
                within: int | None = None, problems: dict | None = None) -> Response:
    """The page: the day and the window, the status and the reminders due as of that day, the files made."""
    ws: Workspace = request.app.state.ws
    as_of = as_of or parse_date(request.query_params.get("as_of")) or ws.today()
    within = within if within is not None else _within(request.query_params.get("within"))
    within = DEFAULT_WITHIN if within is None else within
    assessment, refused = await run_in_threadpool(_judged, ws, as_of)
    report = reminders = None
    if not refused:
        report = execution.status_report(assessment)
        reminders = reminders_of(assessment.assignments, as_of, within)
    from ..cli.terminal import COLUMNS, HEADERS  # the status command's own columns and words
    from ..context.status import counts_of
    lang = lang_of(request)
    status = None
    if report is not None:
        status = {"columns": [HEADERS[c].render(lang) for c in COLUMNS],
                  "bodies": [(b.addressee.name.get(lang) or "", [getattr(counts_of(b.rows), c) for c in COLUMNS],
                              counts_of(b.rows).total) for b in report.bodies],
                  "total": ([getattr(counts_of(report.rows), c) for c in COLUMNS], counts_of(report.rows).total),
                  "overdue": [r for r in report.rows if r.state is State.OVERDUE]}
    return page(request, "dated.html", as_of=as_of, within=within, refused=refused, table=status,
                reminders=reminders, groups=_groups(ws.outputs), result=result or {}, problems=problems or {},
                kinds={k: stages.KINDS[k] for k in DATED})


async def _asked(request: Request) -> tuple[dt.date | None, int | None, dict[str, str]]:
    """The day and the window as the form sent them; each one it cannot read named beside its field."""
    form = await request.form()
    lang = lang_of(request)
    text = str(form.get("as_of") or "").strip()
    as_of = parse_date(text)
    within = _within(str(form.get("within") or ""))
    problems = {}
    if as_of is None:
        problems["as_of"] = _("choose the day the assignments are judged as of: nothing was written").render(lang)
    if within is None:
        problems["within"] = _("write a whole number of days from 0 to 366: nothing was written").render(lang)
    return as_of, within, problems


async def make_dated(request: Request) -> Response:
    """«Write the reminders» or «Write the status report» for the day chosen (POST /documents/dated/<kind>)."""
    ws: Workspace = request.app.state.ws
    kind = request.path_params["kind"]
    if kind not in DATED:
        from starlette.exceptions import HTTPException
        raise HTTPException(404)
    as_of, within, problems = await _asked(request)
    if problems:
        return await dated(request, as_of=as_of, within=within, problems=problems)

    def run():
        assessment, refused = _judged(ws, as_of)
        if refused:
            raise InputRefused(refused)
        jobs = stages.jobs_for(assessment, [kind], within=within)
        with run_lock(project_root(ws.inputs), "shtab serve"):   # one writer at a time (lock.py)
            written = stages.run_documents(assessment, jobs, ws.outputs) if jobs else []
            removed = []
            if kind == REMINDERS:      # the letters an earlier run wrote for this day that are no longer due
                for path in execution.stale_reminders(stages.KINDS[REMINDERS], ws.outputs, as_of, jobs):
                    path.unlink()
                    removed.append(path.relative_to(ws.outputs).as_posix())
        sources = {source for job in jobs for source in job.sources}
        warnings = [f for f in assessment.findings if not f.is_error and f.loc.file in sources]
        none = None
        if kind == REMINDERS and not jobs:         # the command's own words for a day with nothing due
            none = _("no open assignment is due on or before {end}: no reminder to write",
                     end=(as_of + dt.timedelta(days=within)).isoformat())
        return {"kind": kind, "written": written, "removed": removed, "warnings": warnings, "none": none}
    lang = lang_of(request)
    try:
        done = await run_in_threadpool(run)
    except InputRefused as exc:
        done = {"kind": kind, "refused": exc.findings}
    except ShtabError as exc:         # another run writing, a full or read-only outputs/
        done = {"kind": kind, "failed": render_value(exc.message, lang)}
    except OSError as exc:
        done = {"kind": kind, "failed": render_value(_cannot_write(exc), lang)}
    return await dated(request, result=done, as_of=as_of, within=within)
