"""The stages wired together, without Click: load → rules → context → render → write.

`run_documents` is what every document command does: read and check
everything first, refuse once with every error found, and only then render all
the documents, staging each in a temporary file, and rename them into place together. `check_project` is the `check` command.
Both work without Click (tests and other programs call them directly).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from .context.common import Localizer, as_context
from .context.composition import composition_context
from .context.meeting import agenda_context, protocol_context
from .errors import Finding, InputRefused, errors_in, sorted_findings
from .guards import frozen_protocols, outside_outputs, refuse_unprintable
from .load import Project, load_project
from .render import render_docx, render_many, template_path
from .rules.meeting import MeetingResult, assess_meeting
from .rules.roster import check_roster
from .write import Written, write_all


@dataclass
class Assessment:
    """The rules' verdict on the whole project: results per meeting and every finding."""

    project: Project
    meetings: dict[str, MeetingResult] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    # plan titles of meeting items, per meeting id and item number (filled by the plan rules)
    item_titles: dict[str, dict[int, object]] = field(default_factory=dict)
    # the plan's reporting bodies of meeting items that name no speakers (filled by the plan rules)
    item_responsible: dict[str, dict[int, list]] = field(default_factory=dict)


@dataclass
class Job:
    """One document to produce: which, in which language, where, from which inputs."""

    document: str
    lang: str
    output: Path                      # relative to the outputs folder
    sources: frozenset[str]           # input files whose errors make it impossible
    build: Callable[[], tuple[object, Localizer]]
    template: str = ""

    @property
    def template_name(self) -> str:
        return self.template or self.document


ASSESSORS: list[Callable[[Assessment], None]] = []          # further rules (plans, control, ...)
DOCUMENTS: dict[str, Callable[[Assessment, list[str], list[str] | None], list[Job]]] = {}


def assess(project: Project) -> Assessment:
    """Stage 2: every rule over every input; the findings of loading come along."""
    assessment = Assessment(project, findings=list(project.findings))
    if project.body is None:
        return assessment
    assessment.findings += check_roster(project.body)
    for meeting in project.meetings:
        result = assess_meeting(meeting, project.body)
        assessment.meetings[meeting.id] = result
        assessment.findings += result.findings
    for assessor in ASSESSORS:
        assessor(assessment)
    return assessment


def languages(wanted: list[str] | None, available: Iterable[str]) -> list[str]:
    return [lang for lang in available if wanted is None or lang in wanted]


# ---------------------------------------------------------------- the documents of the meeting cycle


def _meeting_jobs(document: str, build) -> Callable:
    def jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
        project, body = assessment.project, assessment.project.body
        out = []
        for meeting_id, result in assessment.meetings.items():
            if selected and meeting_id not in selected:
                continue
            sources = frozenset({project.file_of("body.yaml"), result.meeting.loc.file})
            for lang in languages(langs, result.meeting.langs(body)):
                titles = assessment.item_titles.get(meeting_id, {})
                bodies = assessment.item_responsible.get(meeting_id, {})
                out.append(Job(document, lang, Path("meetings", meeting_id, f"{document}.{lang}.docx"), sources,
                               lambda r=result, l=lang, t=titles, b=bodies: build(r, body, l, t, b)))
        return out
    return jobs


def _composition_jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
    project, body = assessment.project, assessment.project.body
    sources = frozenset({project.file_of("body.yaml")})
    return [Job("composition", lang, Path(f"composition.{lang}.docx"), sources,
                lambda l=lang: composition_context(body, l))
            for lang in languages(langs, body.languages)]


DOCUMENTS["agenda"] = _meeting_jobs("agenda", agenda_context)
DOCUMENTS["protocol"] = _meeting_jobs("protocol", protocol_context)
DOCUMENTS["composition"] = _composition_jobs


# ---------------------------------------------------------------- running


@contextmanager
def _building_long_lived_objects():
    """Collect cyclic garbage less often while building what lives until the end of the run.

    Loading, checking and building contexts make many objects and free few; with
    the default thresholds the collector walked them again and again — 40% of
    loading a Штаб of 1,000 meetings (measured: tools/bench.py).
    """
    previous = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def prepare(inputs: Path) -> Assessment:
    with _building_long_lived_objects():
        return assess(load_project(inputs))


def jobs_for(assessment: Assessment, documents: list[str], selected: list[str] | None = None,
             langs: list[str] | None = None) -> list[Job]:
    if assessment.project.body is None:
        raise InputRefused(assessment.findings, "body.yaml cannot be read")
    jobs, kinds_without_jobs = [], False
    for document in documents:
        found = DOCUMENTS[document](assessment, selected or [], langs)
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


def build_contexts(jobs: list[Job]) -> tuple[list[tuple[Job, dict]], list[Finding]]:
    built, findings = [], []
    for job in jobs:
        context, loc = job.build()
        findings += loc.findings
        built.append((job, as_context(context)))
    return built, findings


def run_documents(assessment: Assessment, jobs: list[Job], outputs: Path, progress=None,
                  force: bool = False) -> list[Written]:
    """Refuse on any error that touches the requested documents; else render all, then write all.

    Before writing: every path must stay inside `outputs`, and a signed protocol
    may not change (§15) unless `force`; forced replacements become warnings.
    Each document is staged beside its place as soon as it is rendered and its
    context dropped (a Штаб of 1,000 meetings held every context and every
    document's bytes at once); nothing is renamed into place until every
    document is rendered and no signed protocol refuses (write.write_all).
    """
    problems = [f for job in jobs for f in blocking(assessment, job)]
    problems += outside_outputs(outputs, [job.output for job in jobs])
    if not jobs:  # nothing to write because nothing could be read: say why instead of "0 documents"
        problems += unreadable_inputs(assessment)
    with _building_long_lived_objects():
        built, missing = build_contexts(jobs)
    problems += errors_in(missing)
    if problems:
        raise InputRefused(problems)
    for job, context in built:
        refuse_unprintable(context, f"{job.document} ({job.lang})")
    jobs = [job for job, _ in built]
    items = [(template_path(job.template_name, job.lang), context) for job, context in built]
    del built
    documents = render_many(items, render_docx, consume=True)
    return write_all(_checked(assessment, zip(progress(jobs) if progress else jobs, documents), outputs, force))


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
        _, missing = build_contexts(jobs_for(assessment, list(DOCUMENTS)))
        findings += missing
    return sorted_findings(findings)


# ---------------------------------------------------------------- half-year plans (§16-18)

from .context.plan import plan_context  # noqa: E402
from .rules.plan import PlansResult, assess_plans  # noqa: E402

ASSESSORS.append(assess_plans)


def _plan_jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
    """outputs/plans/<plan>.<lang>.docx for each plan (each selected one), in every language of the body."""
    project, body = assessment.project, assessment.project.body
    result: PlansResult | None = assessment.extra.get("plans")
    if result is None:
        return []
    out = []
    for plan_id, plan in result.plans.items():
        if selected and plan_id not in selected:
            continue
        sources = frozenset({project.file_of("body.yaml"), plan.loc.file})
        for lang in languages(langs, body.languages):
            out.append(Job("plan", lang, Path("plans", f"{plan_id}.{lang}.docx"), sources,
                           lambda p=plan, l=lang: plan_context(p, result, body, l)))
    return out


DOCUMENTS["plan"] = _plan_jobs


# ---------------------------------------------------------------- the yearly documents: register and annual report
# §24, §28 control of assignments; §12 quarters; §9.5, §26.7, §29 the annual report.

import datetime as dt  # noqa: E402

from . import models_reports  # noqa: E402,F401  (registers the control and indicators loaders)
from .context.reports import annual_report_context, register_context  # noqa: E402
from .errors import Loc, error  # noqa: E402
from .rules.annual import quarter_findings, quarters_without_regular_meeting, year_summary  # noqa: E402
from .rules.control import (assignments_of, attach_entries, control_findings, default_as_of,  # noqa: E402
                            register_of)
from .rules.indicators import indicators_of, missing_indicators  # noqa: E402
from .rules.plan import plan_execution  # noqa: E402

REGISTER, ANNUAL_REPORT = "register", "annual-report"


def today() -> dt.date:
    """The date of the run: the register's default as-of date and the §12 check of past quarters."""
    return dt.date.today()


def meeting_years(assessment: Assessment) -> list[int]:
    return sorted({r.meeting.date.year for r in assessment.meetings.values()})


def report_years(assessment: Assessment) -> list[int]:
    """Years a register or report can be made for: with meetings, a control file or an indicators file."""
    extra = assessment.project.extra
    return sorted(set(meeting_years(assessment)) | set(extra.get("control", {})) | set(extra.get("indicators", {})))


def year_loc(assessment: Assessment, year: int) -> Loc:
    """Where a finding about the whole year goes: its control file, else its indicators file, else its first meeting."""
    extra = assessment.project.extra
    for files in (extra.get("control_files", {}), extra.get("indicators_files", {})):
        if year in files:
            return Loc(files[year], 1)
    first = next((r.meeting for r in assessment.meetings.values() if r.meeting.date.year == year), None)
    return Loc(first.loc.file, 1) if first is not None else Loc(assessment.project.file_of("body.yaml"))


def assess_reports(assessment: Assessment) -> None:
    """§24: assignments and the control files; §12: past quarters without a regular meeting; §29: indicators."""
    project = assessment.project
    results = list(assessment.meetings.values())
    assignments = assignments_of(results)
    control = project.extra.get("control", {})
    for year in sorted(control):
        attach_entries(assignments, control[year])
    assessment.extra["assignments"] = assignments
    assessment.findings += control_findings(control, results, assignments)
    for year in meeting_years(assessment):
        assessment.findings += quarter_findings(results, year, today(), year_loc(assessment, year),
                                                project.body.established.date)
    indicators, files = project.extra.get("indicators", {}), project.extra.get("indicators_files", {})
    for year in indicators:
        assessment.findings += missing_indicators(indicators, files, year, year_loc(assessment, year))
    if project.body.authorized_body is None:
        assessment.findings.append(error(project.body.loc, "authorized_body is missing: the annual report is "
                                         "addressed to it", "§26.7", ANNUAL_REPORT))


ASSESSORS.append(assess_reports)


def year_sources(assessment: Assessment, year: int, *kinds: str) -> frozenset[str]:
    """The input files of a year's document: body.yaml, the year's meetings and its files of `kinds`."""
    extra = assessment.project.extra
    sources = {assessment.project.file_of("body.yaml")}
    sources |= {r.meeting.loc.file for r in assessment.meetings.values() if r.meeting.date.year == year}
    for kind, years in kinds:
        sources |= {extra.get(f"{kind}_files", {})[y] for y in years if y in extra.get(f"{kind}_files", {})}
    return frozenset(sources)


def plan_files(assessment: Assessment, year: int) -> frozenset[str]:
    """The year's half-year plans, whose execution (§18) the annual report counts."""
    result = assessment.extra.get("plans")
    if result is None:
        return frozenset()
    return frozenset(plan.loc.file for plan_id, plan in result.plans.items() if plan_id.startswith(f"{year}-"))


def selected_year(assessment: Assessment, selected: list[str]) -> int | None:
    """The year asked for, else the latest year with meetings (else with any yearly file)."""
    if selected:
        return int(selected[0])
    years = meeting_years(assessment) or report_years(assessment)
    return years[-1] if years else None


def _register_jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
    year = selected_year(assessment, selected)
    if year is None:
        return []
    body = assessment.project.body
    as_of = assessment.extra.get("as_of") or default_as_of(year, today())
    register = register_of(assessment.extra["assignments"], year, as_of)
    sources = year_sources(assessment, year, ("control", [year]))
    return [Job(REGISTER, lang, Path("reports", str(year), f"register.{lang}.docx"), sources,
                lambda l=lang: register_context(register, body, l))
            for lang in languages(langs, body.languages)]


def _annual_report_jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
    """The annual report counts as of the year's 31 December, whatever the date of the run."""
    year = selected_year(assessment, selected)
    if year is None:
        return []
    project, body = assessment.project, assessment.project.body
    results = list(assessment.meetings.values())
    year_end = dt.date(year, 12, 31)
    register = register_of(assessment.extra["assignments"], year, year_end)
    summary = year_summary(results, year)
    missing = quarters_without_regular_meeting(results, year, year_end, body.established.date)
    indicators = indicators_of(project.extra.get("indicators", {}), year)
    plans = plan_execution(assessment, year, year_end)
    sources = year_sources(assessment, year, ("control", [year]), ("indicators", [year, year - 1]))
    sources |= plan_files(assessment, year)
    return [Job(ANNUAL_REPORT, lang, Path("reports", str(year), f"annual-report.{lang}.docx"), sources,
                lambda l=lang: annual_report_context(year, summary, missing, register, plans, indicators, body, l),
                template="annual_report")
            for lang in languages(langs, body.languages)]


DOCUMENTS[REGISTER] = _register_jobs
DOCUMENTS[ANNUAL_REPORT] = _annual_report_jobs
