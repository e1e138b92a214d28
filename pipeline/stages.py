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
from typing import Iterable

from . import speed
from .context.common import as_context
from .documents.job import Job, languages
from .errors import Finding, InputRefused, errors_in, sorted_findings
from .guards import frozen_protocols, outside_outputs, refuse_unprintable
from .load import Project
from .render import render_docx, render_many, template_path
from .rules.assessment import Assessment
from .wiring import DOCUMENTS, INPUTS, all_rules
from .write import Written, write_all

__all__ = ["Assessment", "DOCUMENTS", "INPUTS", "Job", "Project", "Written", "assess", "blocking", "build_contexts",
           "check_project", "jobs_for", "languages", "load_project", "prepare", "run_documents", "unreadable_inputs"]


CACHE = ".cache"   # under the outputs folder: pictures kept by the hash of what they show (speed.PictureCache)


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
    with speed.long_lived():   # fewer GC passes over what lives to the end (speed.py)
        return assess(load_project(inputs), as_of, as_of_asked)


def jobs_for(assessment: Assessment, documents: list[str], selected: list[str] | None = None,
             langs: list[str] | None = None) -> list[Job]:
    if assessment.project.body is None:
        raise InputRefused(assessment.findings, "body.yaml cannot be read")
    jobs, kinds_without_jobs = [], False
    for document in documents:
        kind = DOCUMENTS[document]
        found = kind.jobs(assessment, selected or [], langs)
        for job in found:
            job.template = job.template or kind.template
        kinds_without_jobs |= not found
        jobs += found
    return jobs if selected else with_unreadable_neighbours(assessment, jobs, everywhere=kinds_without_jobs)


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
                  force: bool = False) -> list[Written]:
    """Refuse on any error that touches the requested documents; else render all, then write all.

    Before writing: every path must stay inside `outputs`, and a signed protocol
    may not change (§15) unless `force`; forced replacements become warnings.
    Each document is staged beside its place as soon as it is rendered; nothing
    is renamed into place until every document is rendered and no signed
    protocol refuses (write.write_all). A large run holds no context it is not
    rendering: each is built once for its findings, then again as its document
    renders (speed.keep_contexts).
    """
    problems = [f for job in jobs for f in blocking(assessment, job)]
    problems += outside_outputs(outputs, [job.output for job in jobs])
    if not jobs:  # nothing to write because nothing could be read: say why instead of "0 documents"
        problems += unreadable_inputs(assessment)
    with speed.long_lived():   # fewer GC passes over what lives to the end (speed.py)
        built, missing = build_contexts(jobs, keep=speed.keep_contexts(len(jobs)))
    problems += errors_in(missing)
    if problems:
        raise InputRefused(problems)
    for job, context in built:
        if context is not None:
            refuse_unprintable(context, f"{job.document} ({job.lang})")
    items = [(template_path(job.template_name, job.lang), partial(printable_context, job) if context is None
              else context) for job, context in built]
    del built
    pictures = speed.PictureCache(outputs / CACHE)   # the chart drawn once per data (speed.py)
    documents = render_many(items, render_docx, consume=True, made=pictures.fill)
    written = write_all(_checked(assessment, zip(progress(jobs) if progress else jobs, documents), outputs, force))
    pictures.keep()
    return written


def _checked(assessment: Assessment, rendered: Iterable[tuple[Job, bytes]], outputs: Path, force: bool):
    """The rendered documents with their paths, as they come; §15: a changed signed protocol refuses the run.

    Every document is still rendered and checked after a refusal, so every changed signed
    protocol is named at once; the refusal is raised before anything is renamed into place.
    """
    findings: list[Finding] = []
    for job, data in rendered:
        path = outputs / job.output
        findings += frozen_protocols(lambda job: meeting_of_protocol(assessment, job), [(job, path, data)], force)
        if not errors_in(findings):
            yield path, data
    if errors_in(findings):
        raise InputRefused(findings, "a signed protocol may not change (§15)")
    assessment.findings += findings


def meeting_of_protocol(assessment: Assessment, job: Job):
    """The meeting whose protocol this job writes (outputs/meetings/<meeting>/protocol.<lang>.docx), or None."""
    if job.document != "protocol" or job.output.parent.parent != Path("meetings"):
        return None
    result = assessment.meetings.get(job.output.parent.name)
    return result.meeting if result is not None else None


def check_project(assessment: Assessment) -> list[Finding]:
    """Every finding: the rules', and every missing translation of every document in every language."""
    findings = list(assessment.findings)
    if assessment.project.body is not None:
        _, missing = build_contexts(jobs_for(assessment, list(DOCUMENTS)), keep=False)   # findings only
        findings += missing
    return sorted_findings(findings)
