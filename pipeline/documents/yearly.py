"""Jobs of the yearly documents: the control register (§24, §28) and the annual report (§9.5, §26.7, §29).

Also the yearly rules: assignments and control files, §12 quarters, §29 indicators.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..context.reports import annual_report_context, register_context
from ..errors import Loc, error
from ..stages import ASSESSORS, DOCUMENTS, Assessment, Job, languages
from ..rules.annual import quarter_findings, quarters_without_regular_meeting, year_summary
from ..rules.control import (assignments_of, attach_entries, control_findings, default_as_of,
                            register_of)
from ..rules.indicators import indicators_of, missing_indicators, old_indicator_keys
from ..rules.annual import plan_execution

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
    assessment.findings += old_indicator_keys(indicators)
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
