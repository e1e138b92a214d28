"""The stages wired together, without Click: load → rules → context → render → write.

`run_documents` is what every document command does: read and check
everything first, refuse once with every error found, and only then render all
the documents in memory and write them. `check_project` is the `check` command.
Both work without Click (tests and other programs call them directly).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .context.common import Localizer, as_context
from .context.composition import composition_context
from .context.meeting import agenda_context, protocol_context
from .errors import Finding, InputRefused, errors_in, sorted_findings
from .load import Project, load_project
from .render import render_docx, template_path
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


def prepare(inputs: Path) -> Assessment:
    return assess(load_project(inputs))


def jobs_for(assessment: Assessment, documents: list[str], selected: list[str] | None = None,
             langs: list[str] | None = None) -> list[Job]:
    if assessment.project.body is None:
        raise InputRefused(assessment.findings, "body.yaml cannot be read")
    return [job for document in documents for job in DOCUMENTS[document](assessment, selected or [], langs)]


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


def run_documents(assessment: Assessment, jobs: list[Job], outputs: Path, progress=None) -> list[Written]:
    """Refuse on any error that touches the requested documents; else render all, then write all."""
    problems = [f for job in jobs for f in blocking(assessment, job)]
    built, missing = build_contexts(jobs)
    problems += errors_in(missing)
    if problems:
        raise InputRefused(problems)
    rendered = []
    for job, context in (progress(built) if progress else built):
        rendered.append((outputs / job.output, render_docx(template_path(job.template_name, job.lang), context)))
    return write_all(rendered)


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
