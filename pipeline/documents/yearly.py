"""Jobs of the yearly documents: the control register (§24, §28) and the annual report (§9.5, §26.7, §29).

Their rules (assignments, §12 quarters, §29 indicators, §26.7 addressee) are in
`rules/assessment.py`; here the year's figures are gathered for each document.
"""

from __future__ import annotations

import datetime as dt

from ..context.reports import annual_report_context, register_context
from ..rules.annual import plan_execution, quarters_without_regular_meeting, year_summary
from ..rules.assessment import Assessment, meeting_years, report_years
from ..rules.control import default_as_of, register_of
from ..rules.indicators import indicators_of
from .kind import Asked, DocumentKind, Job, Subject, languages


def year_sources(assessment: Assessment, year: int, control: list[int], indicators: list[int]) -> frozenset[str]:
    """The input files of a year's document: body.yaml, the year's meetings, the control and indicators files."""
    project = assessment.project
    sources = {project.file_of("body.yaml")}
    sources |= {r.meeting.loc.file for r in assessment.meetings.values() if r.meeting.date.year == year}
    sources |= {project.control_files[y] for y in control if y in project.control_files}
    sources |= {project.indicators_files[y] for y in indicators if y in project.indicators_files}
    return frozenset(sources)


def plan_files(assessment: Assessment, year: int) -> frozenset[str]:
    """The year's half-year plans, whose execution (§18) the annual report counts."""
    if assessment.plans is None:
        return frozenset()
    return frozenset(plan.loc.file for plan_id, plan in assessment.plans.plans.items()
                     if plan_id.startswith(f"{year}-"))


def selected_year(assessment: Assessment, selected: tuple[str, ...]) -> int | None:
    """The year asked for, else the latest year with meetings (else with any yearly file)."""
    if selected:
        return int(selected[0])
    years = meeting_years(assessment) or report_years(assessment)
    return years[-1] if years else None


def register_date(assessment: Assessment, year: int) -> dt.date:
    """The day the register counts as of: the day asked for (--as-of), else the earlier of the run's day and 31 December."""
    return assessment.as_of if assessment.as_of_asked else default_as_of(year, assessment.as_of)


def protocol_signing(assessment: Assessment) -> dict:
    """How each signed protocol was signed (§15): the ЭЦП kept beside its sealed PDF, else on paper."""
    from ..records.signature.summary import signing_of
    from ..write.lock import project_root
    signed = [meeting_id for meeting_id, result in assessment.meetings.items() if result.meeting.protocol.signed]
    return signing_of(project_root(assessment.project.inputs), signed)


def register_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    year = selected_year(assessment, asked.selected)
    if year is None:
        return []
    body = assessment.project.body
    register = register_of(assessment.assignments, year, register_date(assessment, year))
    sources = year_sources(assessment, year, control=[year], indicators=[])
    signing = protocol_signing(assessment)
    return [kind.job(lang, Subject(year=year), sources,
                     lambda lg=lang: register_context(register, body, kind.localizer(lg), signing))
            for lang in languages(asked.langs, body.languages)]


def annual_report_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    """The annual report counts as of the year's 31 December, whatever the date of the run."""
    year = selected_year(assessment, asked.selected)
    if year is None:
        return []
    project, body = assessment.project, assessment.project.body
    results = list(assessment.meetings.values())
    year_end = dt.date(year, 12, 31)
    register = register_of(assessment.assignments, year, year_end)
    summary = year_summary(results, year)
    missing = quarters_without_regular_meeting(results, year, year_end, body.established.date)
    indicators = indicators_of(project.indicators, year)
    plans = plan_execution(assessment.plans, year)          # as check judges them once the year is over
    outgoing = project.indicators[year].outgoing if year in project.indicators else None
    sources = year_sources(assessment, year, control=[year], indicators=[year, year - 1]) | plan_files(assessment, year)
    return [kind.job(lang, Subject(year=year), sources,
                     lambda lg=lang: annual_report_context(year, summary, missing, register, plans, indicators, body,
                                                           kind.localizer(lg), outgoing))
            for lang in languages(asked.langs, body.languages)]
