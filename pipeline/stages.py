"""The stages wired together, without Click: load → rules → context → render → write.

`run_documents` is what every document command does: read and check
everything first, refuse once with every error found, and only then render all
the documents, staging each in a temporary file, and rename them into place together. `check_project` is the `check` command.
Both work without Click (tests and other programs call them directly).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Callable

from .context.common import as_context
from .core import cache
from .core.errors import Finding, InputRefused, Loc, ShtabError, errors_in, sorted_findings, warning
from .documents.kind import Asked, DocumentKind, Job, languages
from .load.loader import Project
from .locale.messages import _
from .records import sealing
from .records.store import RECORDS, Sealer, Store, who_seals
from .render.many import keep_contexts, long_lived
from .render.pictures import PictureCache
from .rules.assessment import Assessment
from .wiring import DOCUMENTS, INPUTS, KINDS, all_rules
from .write.files import WriteFailed, Written, remove_leftovers, write_all
from .write.guards import outside_outputs, refuse_unprintable
from .write.lock import project_root

__all__ = ["Assessment", "DOCUMENTS", "INPUTS", "KINDS", "Job", "Project", "Written", "assess", "blocking",
           "build_contexts", "check_project", "jobs_for", "languages", "load_project", "prepare", "run_documents",
           "unreadable_inputs"]


def load_project(inputs: Path) -> Project:
    """Stage 1: every kind of input of `wiring.INPUTS`, in its order (body.yaml first)."""
    project = Project(inputs)
    for kind in INPUTS:
        kind.load(project)
    return project


def assess(project: Project, as_of: dt.date, as_of_asked: bool = False) -> Assessment:
    """Stage 2: every rule of `wiring` over every input, as of `as_of`; the findings of loading come along.

    `as_of` is the run's one clock (the command line defaults it to today);
    `as_of_asked` says it was named there (`--as-of`).
    """
    assessment = Assessment(project, as_of, as_of_asked, findings=list(project.findings))
    if project.body is None:
        return assessment
    for rule in all_rules():
        rule(assessment)
    return assessment


# ---------------------------------------------------------------- running


def prepare(inputs: Path, as_of: dt.date, as_of_asked: bool = False) -> Assessment:
    """Stages 1 and 2: the inputs read and judged as of `as_of`."""
    with long_lived():   # fewer GC passes over what lives to the end (render/many.py)
        return assess(load_project(inputs), as_of, as_of_asked)


def jobs_for(assessment: Assessment, documents: list[str | DocumentKind], selected: list[str] | None = None,
             langs: list[str] | None = None, force: bool = False, within: int | None = None) -> list[Job]:
    """Stage 3's list: the jobs of each kind asked for (an id of `wiring.KINDS`, or a kind itself).

    `selected`: the subjects' ids (meetings, plans, a year), none: every one; `force` and `within` are the
    extracts' and the reminders' options (documents/kind.py: Asked).
    """
    if assessment.project.body is None:
        raise InputRefused(assessment.findings, _("body.yaml cannot be read"))
    asked = Asked(tuple(selected or ()), langs, force, within)
    jobs, kinds_without_jobs = [], False
    for document in documents:
        kind = KINDS[document] if isinstance(document, str) else document
        found = kind.make(assessment, asked)
        kinds_without_jobs |= not found
        jobs += found
    return jobs if selected else with_unreadable_neighbours(assessment, jobs, everywhere=kinds_without_jobs)


def withheld(assessment: Assessment, documents: list[str | DocumentKind], selected: list[str] | None = None,
             force: bool = False) -> list[Finding]:
    """Why a subject asked for gives no document of its kind, or one written anyway (warnings: an extract of an
    unsigned protocol, §23); the command prints them with the warnings of its inputs."""
    asked = Asked(tuple(selected or ()), None, force)
    kinds = [KINDS[document] if isinstance(document, str) else document for document in documents]
    return [finding for kind in kinds if kind.withheld is not None for finding in kind.withheld(assessment, asked)]


def unreadable_inputs(assessment: Assessment) -> list[Finding]:
    """The errors of loading: each marks a file (or a part of one) that gave no model, hence no document."""
    return errors_in(assessment.project.findings)


def with_unreadable_neighbours(assessment: Assessment, jobs: list[Job], everywhere: bool = False) -> list[Job]:
    """When every document of a kind is asked for, a file of that kind that could not be read blocks them.

    A meeting file with a typing error gives no model and so no job: without
    this, `protocol` would quietly write one protocol fewer and exit 0. Such
    files in the folder of a job's sources become sources of that job, so
    `blocking` refuses the run with the files' own findings. `everywhere`: a
    requested kind gave no job at all (perhaps because its only file could not
    be read), so every unreadable file blocks every job.
    """
    unreadable = {f.loc.file for f in unreadable_inputs(assessment)}
    if not unreadable:
        return jobs
    out = []
    for job in jobs:
        folders = {Path(source).parent for source in job.sources}
        neighbours = {file for file in unreadable if everywhere or Path(file).parent in folders}
        out.append(replace(job, sources=job.sources | neighbours) if neighbours else job)
    return out


def blocking(assessment: Assessment, job: Job) -> list[Finding]:
    """The errors that make this document impossible: in its inputs, for its kind of document."""
    return [f for f in errors_in(assessment.findings)
            if f.loc.file in job.sources and f.document in (None, job.document)]


def build_contexts(jobs: list[Job], keep: bool = True) -> tuple[list[tuple[Job, dict | None]], list[Finding]]:
    """Every job's context and the findings of building it (a missing translation, §19).

    `keep=False`: each context is built for its findings only and dropped (None
    in its place); a large run builds it again when its document renders.
    """
    built, findings = [], []
    for job in jobs:
        context, loc = job.build()
        findings += loc.findings
        built.append((job, as_context(context) if keep else None))
    return built, findings


def printable_context(job: Job) -> dict:
    """The job's context built again, its every text checked printable (the run of a large Штаб)."""
    context, _ = job.build()
    context = as_context(context)
    refuse_unprintable(context, f"{job.document} ({job.lang})")
    return context


def run_documents(assessment: Assessment, jobs: list[Job], outputs: Path, progress=None,
                  force: bool = False, sealer: Callable[[], Sealer] | None = None,
                  sealed_now: list[sealing.Sealing] | None = None, templates: Path | None = None,
                  reason: str | None = None, warnings: list[Finding] | None = None) -> list[Written]:
    """Refuse on any error that touches the requested documents; else render all, then write all.

    Before rendering: every path must stay inside `outputs`, and signed protocols
    go through their records (sealing.py, §15): a sealed one is copied as sealed,
    a sealed one whose inputs changed refuses the run (unless `force`, which seals
    a new version), a signed one not yet sealed is rendered in every language and
    sealed. Each document is staged beside its place as soon as it is rendered
    and its context dropped (a Штаб of 1,000 meetings held every context and every
    document's bytes at once); the new records are sealed once every document is
    staged, and only then is anything renamed into place (write.write_all).
    `sealer` says who seals a new version and when (default: git's user, now);
    `sealed_now` receives what this run sealed, for the summary; `warnings` the warnings raised while the
    documents' contexts were built (a Russian case the analyser is unsure of, §19), for the command to print; `templates`: the folder of the templates
    (default: templates_docx/).
    A large run holds no context it is not rendering: each is built once for its
    findings, then again as its document renders (render/many.py: keep_contexts).
    """
    problems = [f for job in jobs for f in blocking(assessment, job)]
    problems += outside_outputs(outputs, [job.output for job in jobs])
    if not jobs:  # nothing to write because nothing could be read: say why instead of "0 documents"
        problems += unreadable_inputs(assessment)
    if problems:
        raise InputRefused(problems)
    root = project_root(assessment.project.inputs)
    store = Store.open(root)
    store.recover()                                  # a sealing killed half-way is undone (records.py)
    remove_leftovers(outputs / job.output for job in jobs)
    seals = sealing.plan(assessment, jobs, store, force, sealer or (lambda: default_sealer(root, reason)),
                         sealable_jobs(assessment, jobs), renew=force and bool(reason))
    problems += [f for job in seals.extra for f in blocking(assessment, job)] + errors_in(seals.findings)
    if problems:
        raise InputRefused(problems, _("the list of the sealed records is not whole (§15, §24)") if seals.manifest
                           else _("a signed protocol that contradicts itself is not sealed (§23): fix the "
                                  "lines above, then run again") if seals.gate
                           else _("a signed protocol may not change (§15)") if errors_in(seals.findings) else "")
    rendered = [(job, True) for job in jobs if job.output not in seals.copies] + [(job, False) for job in seals.extra]
    with long_lived():   # fewer GC passes over what lives to the end (render/many.py)
        render_list = [job for job, _flag in rendered]
        built, missing = build_contexts(render_list, keep=keep_contexts(len(render_list)))
    problems += errors_in(missing)
    if problems:
        raise InputRefused(problems)
    if warnings is not None:
        warnings += [f for f in missing if not f.is_error]
    for job, context in built:
        if context is not None:
            refuse_unprintable(context, f"{job.document} ({job.lang})")
    from .render.docx import render_many, template_path  # here, not on top: `check` renders nothing
    render_jobs = [job for job, _context in built]
    items = [(template_path(job.template, job.lang, *([templates] if templates else [])), partial(printable_context, job) if context is None
              else context) for job, context in built]
    del built
    pictures = PictureCache(cache.place("pictures"))   # the chart drawn once per data (render/pictures.py)
    documents = render_many(items, render_docx, consume=True, made=pictures.fill)

    def staged():
        for job, to_outputs, data in zip(progress(render_jobs) if progress else render_jobs,
                                         [flag for _job, flag in rendered], documents):
            seals.keep(job, data)
            if to_outputs:
                yield outputs / job.output, data
        documents.close()   # the workers end here, not after sealing: their memory is not held through it
        for job in jobs:
            if job.output in seals.copies:
                yield outputs / job.output, seals.copies[job.output]

    written = write_all(staged(), lambda: _seal(seals))
    pictures.keep()
    assessment.findings += [f for f in seals.findings if not f.is_error]
    if sealed_now is not None:
        sealed_now += seals.done
    sealed_paths = {outputs / output for output in seals.sealed_outputs}
    return [replace(item, sealed=True) if item.path in sealed_paths else item for item in written]


def sealable_jobs(assessment: Assessment, jobs: list[Job]) -> list[Job]:
    """The sealed kind's jobs, in every language, of each meeting whose protocol or extracts this run writes: a
    record holds every language of the meeting, whatever --lang asked for (records/sealing.py picks them)."""
    meetings = sorted({job.meeting_id for job in jobs if (job.kind.sealed or job.kind.from_sealed_protocol)
                       and job.meeting_id in assessment.meetings
                       and assessment.meetings[job.meeting_id].meeting.protocol.signed})
    sealed = [kind for kind in KINDS.values() if kind.sealed]
    return jobs_for(assessment, sealed, meetings) if meetings and sealed else []


def render_docx(template: Path, context: dict) -> bytes:
    """Stage 4 for one document (render.py, imported on first use: `check` never loads docxtpl)."""
    from .render.docx import render_docx as render
    return render(template, context)


def default_sealer(root: Path, reason: str | None = None) -> Sealer:
    """Who seals and when, as the command line runs it: git's user.name (or the login name), now; and why."""
    return Sealer(who_seals(root), dt.datetime.now(dt.timezone.utc), reason)


def _seal(seals: sealing.Plan) -> None:
    """The PDF/A copies (where LibreOffice is installed and SHTAB_SEAL_PDF is not 0), then the sealing itself."""
    pdf = None
    if seals.tasks and sealing.pdf_enabled():
        from .write.pdf import convert_to_pdfa, find_soffice  # only when sealing: a run pays only for what it uses
        try:
            find_soffice()
            pdf = convert_to_pdfa
        except ShtabError:
            seals.findings.append(warning(Loc(RECORDS), _("no PDF/A copy was sealed: LibreOffice is not installed"),
                                          "§24"))
    try:
        seals.seal(pdf)
    except OSError as exc:
        raise WriteFailed(_("{path}: cannot seal the signed protocols ({reason}); no document was changed",
                            path=exc.filename or RECORDS, reason=exc.strerror or exc)) from exc


def check_project(assessment: Assessment) -> list[Finding]:
    """Every finding: the rules', and every missing translation of every document in every language."""
    findings = list(assessment.findings)
    if assessment.project.body is not None:
        _, missing = build_contexts(jobs_for(assessment, list(DOCUMENTS)), keep=False)   # findings only
        findings += missing
    return sorted_findings(findings)
