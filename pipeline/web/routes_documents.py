"""The workspace's pages: the documents, written, converted and downloaded."""

from __future__ import annotations

import hashlib
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from .. import stages
from ..core.errors import InputRefused, ShtabError, errors_in
from ..locale.messages import _, os_problem, render_value
from ..write.lock import project_root, run_lock
from .dated_files import dated_file
from .pages import Workspace, assessed, lang_of, page

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
    meetings = checked.assessment.meetings
    return page(request, "documents.html", groups=_grouped(list(rows.values()), meetings), result=result or {},
                errors=len(errors_in(checked.findings)))


def _year_of(job) -> int:
    subject = job.subject
    for text in (subject.meeting, subject.plan):
        if text and text[:4].isdigit():
            return int(text[:4])
    if subject.year:
        return subject.year
    return subject.as_of.year if subject.as_of else 0


def _grouped(rows: list[dict], meetings) -> list[dict]:
    """The documents by year (the newest first), and within a year by meeting, then the year's own documents."""
    groups: dict[tuple, dict] = {}
    for row in rows:
        job = row["job"]
        meeting = job.meeting_id
        key = (-_year_of(job), 0 if meeting else 1, meeting or "")
        result = meetings.get(meeting) if meeting else None
        groups.setdefault(key, {"year": _year_of(job), "meeting": meeting,
                                "info": result.meeting if result is not None else None, "rows": []})["rows"].append(row)
    return [groups[key] for key in sorted(groups)]


async def generate(request: Request) -> Response:
    """Every document, or only one meeting's (`?meeting=2026-05`): a half-filled next meeting does not hold
    this one's protocol back."""
    ws: Workspace = request.app.state.ws
    meeting = request.query_params.get("meeting")

    def run():
        assessment = stages.prepare(ws.inputs, ws.today())
        jobs = stages.jobs_for(assessment, list(stages.DOCUMENTS))
        if meeting:     # the meeting's kinds for this meeting alone: an unreadable neighbour does not block them
            kinds = list(dict.fromkeys(job.document for job in jobs if job.meeting_id == meeting))
            jobs = stages.jobs_for(assessment, kinds, selected=[meeting]) if kinds else []
        with run_lock(project_root(ws.inputs), "shtab serve"):   # one writer at a time (lock.py)
            return stages.run_documents(assessment, jobs, ws.outputs)
    try:
        written = await run_in_threadpool(run)
    except InputRefused as exc:
        return await documents(request, {"refused": exc.findings})
    except ShtabError as exc:         # another run writing, a full or read-only outputs/ or records/ (WriteFailed)
        return await documents(request, {"failed": render_value(exc.message, lang_of(request))})
    except OSError as exc:
        return await documents(request, {"failed": render_value(_cannot_write(exc), lang_of(request))})
    return await documents(request, {"written": written})


def _cannot_write(exc: OSError):
    return _("{path}: cannot write the documents ({problem}); no document was changed", path=exc.filename or "outputs",
             problem=os_problem(exc))


async def make_pdf(request: Request) -> Response:
    from ..write.pdf import convert_outputs
    ws: Workspace = request.app.state.ws
    try:
        converted = await run_in_threadpool(convert_outputs, ws.outputs)
    except ShtabError as exc:
        return await documents(request, {"failed": render_value(exc.message, lang_of(request))})
    except OSError as exc:
        return await documents(request, {"failed": render_value(_cannot_write(exc), lang_of(request))})
    return await documents(request, {"pdf": converted})


async def _produced_file(request: Request) -> Path:
    ws: Workspace = request.app.state.ws
    checked = await assessed(request)
    entry = produced(ws, checked.assessment).get(request.path_params["key"])
    if entry is None:                 # a reminder or a status report of some day (routes_dated.py)
        found = dated_file(ws.outputs, request.path_params["key"])
        entry = (None, found) if found is not None else None
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
