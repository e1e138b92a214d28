"""The commands that check the inputs and write the documents: check, agenda, protocol, composition, plan,
register, annual-report, all."""

from __future__ import annotations

import datetime as dt

import click

from ... import stages
from ...core.errors import Summary, errors_in
from ...core.kinds import AGENDA, ANNUAL_REPORT, COMPOSITION, PLAN, PROTOCOL, REGION_REPORT, REGISTER
from ...documents.yearly import selected_year
from ...locale.messages import _, translate
from ...region.package import package_path, write_package
from ...region.report import region_years
from ...rules.assessment import report_years
from .common import ISO_DATE, YEAR, Options, pass_options, produce, refuse_unreadable_ids


def meetings_argument(options: Options, assessment: stages.Assessment, meetings: tuple[str, ...]) -> list[str]:
    unknown = [m for m in meetings if m not in assessment.meetings]
    refuse_unreadable_ids(assessment, unknown, "meetings")
    if unknown and assessment.project.body is not None:
        raise click.BadParameter(_("there is no meeting {ids}; the meetings are: {known}", ids=", ".join(unknown),
                                   known=", ".join(assessment.meetings) or "—"),
                                 param_hint=translate("[MEETING]...").strip("[]."))
    return list(meetings)


@click.command()
@click.option("--as-of", "as_of", type=ISO_DATE, default=None, metavar="YYYY-MM-DD",
              help="Judge past quarters (§12) and half-years (§18) as of this date (YYYY-MM-DD). Default: today.")
@pass_options
def check(options: Options, as_of: dt.date | None) -> None:
    """Check every input against the regulation and list every finding.

    Errors make documents impossible (exit 1); warnings are listed and allowed (exit 0).

    \b
    Example:
      python -m pipeline check
      python -m pipeline check --as-of 2026-12-31   # the year's §12 and §18 findings
    """
    options.ask_as_of(as_of)
    findings = stages.check_project(options.assessment())
    for finding in findings:
        click.echo(str(finding))
    errors = errors_in(findings)
    summary = _("{errors} error(s), {warnings} warning(s)", errors=len(errors), warnings=len(findings) - len(errors))
    if errors:
        raise Summary(summary)
    if not options.quiet:
        click.echo(summary if findings else _("no findings: the inputs follow the regulation"))


def _meeting_command(document: str, help_text: str):
    @click.argument("meetings", nargs=-1, metavar="[MEETING]...")
    @pass_options
    def command(options: Options, meetings: tuple[str, ...]) -> None:
        assessment = options.assessment()
        produce(options, [document], meetings_argument(options, assessment, meetings), assessment)
    command.__doc__ = help_text
    return click.command(name=document)(command)


agenda = _meeting_command(AGENDA, """Write the agenda of each meeting (§22): outputs/meetings/<meeting>/agenda.<lang>.docx.

    \b
    Example:
      python -m pipeline agenda 2026-01
    """)
protocol = _meeting_command(PROTOCOL, """Write the protocol of each meeting (§13-15, §20, §23), dissents as appendices.

    Refuses (exit 1) when the meeting had no quorum, names an unknown member or lacks a translation.

    \b
    Example:
      python -m pipeline protocol            # every meeting
      python -m pipeline protocol 2026-03    # one meeting
    """)


@click.command()
@click.option("--as-of", "as_of", type=ISO_DATE, default=None, metavar="YYYY-MM-DD",
              help="List the members in force on this date (body.yaml: from, until). Default: today.")
@pass_options
def composition(options: Options, as_of: dt.date | None) -> None:
    """Write the composition of the Штаб in the form of Appendix 1 of the resolution.

    Every member in force on the date (--as-of, default today) is listed, those whose until lies ahead too.

    \b
    Example:
      python -m pipeline composition
      python -m pipeline composition --as-of 2027-01-01
    """
    options.ask_as_of(as_of)
    produce(options, [COMPOSITION])


# ---------------------------------------------------------------- half-year plans (§16-18)


def _plans_argument(assessment: stages.Assessment, plans: tuple[str, ...]) -> list[str]:
    """The plan ids asked for; an id with no readable plan is a wrong command line (exit 2)."""
    known = list(assessment.plans.plans) if assessment.plans is not None else []
    unknown = [p for p in plans if p not in known]
    refuse_unreadable_ids(assessment, unknown, "plans")
    if unknown and assessment.project.body is not None:
        raise click.BadParameter(_("there is no plan {ids}; the plans are: {known}", ids=", ".join(unknown),
                                   known=", ".join(known) or "—"), param_hint=translate("[PLAN]...").strip("[]."))
    return list(plans)


@click.command()
@click.argument("plans", nargs=-1, metavar="[PLAN]...")
@pass_options
def plan(options: Options, plans: tuple[str, ...]) -> None:
    """Write each half-year work plan (§16-18): outputs/plans/<plan>.<lang>.docx.

    The questions with their reporting bodies, time and proposer, approved by the head,
    and the record of changes (excluded, postponed, added) with their justification notes.
    PLAN is the plan file's name without .yaml, e.g. 2026-H1.

    \b
    Example:
      python -m pipeline plan              # every plan
      python -m pipeline plan 2026-H2      # one plan
    """
    assessment = options.assessment()
    produce(options, [PLAN], _plans_argument(assessment, plans), assessment)


@click.command(name="all")
@pass_options
def all_documents(options: Options) -> None:
    """Write every document: composition, agendas, protocols, plans, the register, the annual report and the rest.

    \b
    Example:
      python -m pipeline all
    """
    assessment = options.assessment()
    produce(options, list(stages.DOCUMENTS), None, assessment)
    write_annual_package(options, assessment, None)


# ---------------------------------------------------------------- the yearly documents: register and annual report


def _year_argument(assessment: stages.Assessment, year: int | None) -> list[str]:
    if year is None:
        return []
    years = report_years(assessment)
    if assessment.project.body is not None and year not in years:
        raise click.BadParameter(_("there are no meetings, control or indicators for {year}; the years are: {known}",
                                   year=year, known=", ".join(map(str, years)) or "—"),
                                 param_hint=translate("[YEAR]").strip("[]"))
    return [str(year)]


@click.command()
@click.argument("year", type=YEAR, required=False, metavar="[YEAR]")
@click.option("--as-of", "as_of", type=ISO_DATE, default=None, metavar="YYYY-MM-DD",
              help="Overdue as of this date (YYYY-MM-DD). Default: the earlier of today and the year's 31 December.")
@pass_options
def register(options: Options, year: int | None, as_of) -> None:
    """Write the control register of protocol assignments (§24, §28): outputs/reports/<year>/register.<lang>.docx.

    One row per assignment of an adopted decision: protocol, text, responsible, deadline, status from
    control/<year>.yaml, and the overdue mark (deadline passed as of the date, not done or removed; due
    that day is not overdue). Default YEAR: the latest year with meetings.

    \b
    Example:
      python -m pipeline register
      python -m pipeline register 2026 --as-of 2026-10-01
    """
    options.ask_as_of(as_of)
    assessment = options.assessment()
    produce(options, [REGISTER], _year_argument(assessment, year), assessment)


@click.command(name="annual-report")
@click.argument("year", type=YEAR, required=False, metavar="[YEAR]")
@pass_options
def annual_report(options: Options, year: int | None) -> None:
    """Write the annual report to the authorized body (§9.5, §26.7, §29): outputs/reports/<year>/annual-report.<lang>.docx.

    Meetings by quarter (§12), questions and decisions, dissenting opinions, assignments as of 31 December,
    and the 12 indicators of §29 against the previous year with a chart. Default YEAR: the latest year with
    meetings.

    \b
    Example:
      python -m pipeline annual-report
      python -m pipeline annual-report 2026
    """
    assessment = options.assessment()
    produce(options, [ANNUAL_REPORT], _year_argument(assessment, year), assessment)
    write_annual_package(options, assessment, year)


def write_annual_package(options: Options, assessment: stages.Assessment, year: int | None) -> None:
    """The year's figures as data for the oblast (§26.7): annual-package.json beside the annual report."""
    chosen = year if year is not None else selected_year(assessment, [])
    if chosen is None or not (options.outputs / package_path(chosen)).parent.joinpath(
            f"annual-report.{assessment.project.body.languages[0]}.docx").exists():
        return
    path = write_package(assessment, chosen, options.outputs)
    if not options.quiet:
        click.echo(_("wrote {path}", path=path))


@click.command(name="region-report")
@click.argument("year", type=YEAR, required=False, metavar="[YEAR]")
@pass_options
def region_report(options: Options, year: int | None) -> None:
    """Write the oblast's regional report from the districts' annual packages (§26.7, §29):
    outputs/reports/<year>/region-report.<lang>.docx.

    For an oblast Штаб (level: oblast in body.yaml): the packages its districts sent, under
    inputs/districts/<year>/, become one table of districts and indicators with the oblast's totals, the
    change against the previous year, a ranking of the districts, the districts with a quarter without a
    regular meeting or with overdue assignments, a chart and the list of packages with their checksums.
    Default YEAR: the latest year with packages.

    \b
    Example:
      python -m pipeline region-report
      python -m pipeline region-report 2026
    """
    assessment = options.assessment()
    body = assessment.project.body
    if body is not None and body.level != "oblast":
        raise click.UsageError(_("the regional report is made by an oblast Штаб: write level: oblast in body.yaml "
                                 "and put the districts' packages into inputs/districts/<year>/"))
    years = region_years(assessment)
    if year is not None and year not in years:
        raise click.BadParameter(_("there are no packages of districts for {year}; the years are: {known}",
                                   year=year, known=", ".join(map(str, years)) or "—"),
                                 param_hint=translate("[YEAR]").strip("[]"))
    produce(options, [REGION_REPORT], [str(year)] if year is not None else [], assessment)
