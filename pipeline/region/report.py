"""The regional report of an oblast Штаб: its districts compared on the year's figures (§26.7, §29).

outputs/reports/<year>/region-report.<lang>.docx, made by `region-report YEAR` (and by `all` in an oblast
project) from the packages under inputs/districts/<year>/. Every figure is decided in
pipeline/region/summary.py; here it is put into words of one language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..context import phrases
from ..context.chart import Chart
from ..context.common import Localizer, body_header
from ..context.meeting import Signature, _signature
from ..context.reports import IndicatorRow, change_text, chart_of, value_text
from ..documents.kind import Asked, DocumentKind, Job, Subject, languages
from ..grammar import dates
from ..rules.assessment import Assessment
from ..rules.indicators import Indicator, Measure
from .summary import GROUPS, district_measure, lapses, packages_of_year, ranking, regional_measure

INDICATOR_NUMBERS = tuple(range(1, 13))


@dataclass
class DistrictRow:
    name: str
    values: list[str]      # the main figure of indicators 1-12


@dataclass
class RankRow:
    place: int
    name: str
    improved: str          # "5 / 7"


@dataclass
class LapseRow:
    name: str
    quarters: str          # "II, IV" or "—"
    overdue: str


@dataclass
class PackageRow:
    name: str
    file: str
    sha256: str


@dataclass
class RegionReportContext:
    body_name: str
    akimat: str
    seat: str
    working_body: str
    year: int
    previous_year: int
    district_count: int
    districts: list[DistrictRow]
    totals: list[str]                      # the oblast's total of each indicator's main figure
    legend: list[str]                      # "1 – the indicator's name", for the columns of the table above
    indicators: list[IndicatorRow]         # the oblast's totals against the previous year
    ranking: dict[str, list[RankRow]]      # by group: prevention, suppression, treatment
    lapses: list[LapseRow]
    chart: Chart
    packages: list[PackageRow]
    signer: Signature


def _name(loc: Localizer, package) -> str:
    return package.district.kk if loc.lang == "kk" else package.district.ru


def compact_value(loc: Localizer, measure: Measure) -> str:
    """A figure in a narrow column of the districts' table: the count, or the percentage of a share."""
    if measure.value is None:
        return "—"
    if measure.form == "count":
        return phrases.number(measure.value, loc.lang)
    return phrases.percent(measure.value, loc.lang)


def _indicator_row(loc: Localizer, number: int, measure: Measure) -> IndicatorRow:
    return IndicatorRow(number=str(number), name=loc.phrase(f"indicator.{number}"),
                        better=loc.phrase(f"direction.{measure.better}") if measure.better else "",
                        value=value_text(loc, measure), previous=value_text(loc, measure, previous=True),
                        change=change_text(loc, measure),
                        verdict=loc.phrase(f"verdict.{measure.verdict}") if measure.verdict else "—")


def _chart(loc: Localizer, totals: dict[int, Measure], previous_year: int) -> Chart:
    """The oblast's totals drawn as a district's report draws its own (the same measure and unit as its table)."""
    return chart_of(loc, [Indicator(number, (measure,)) for number, measure in totals.items()], previous_year)


def region_report_context(assessment: Assessment, year: int, loc: Localizer) -> tuple[RegionReportContext, Localizer]:
    body = assessment.project.body
    packages = packages_of_year(assessment.project.districts, year)
    totals = {n: regional_measure(n, packages) for n in INDICATOR_NUMBERS}
    received = {r.package.district.id: r for r in assessment.project.districts
                if r.package.year == year and r.folder_year == year}
    head = body.head
    context = RegionReportContext(
        **body_header(loc, body), year=year, previous_year=year - 1, district_count=len(packages),
        districts=[DistrictRow(_name(loc, p), [compact_value(loc, district_measure(p.indicator(n).measures[0]))
                                               for n in INDICATOR_NUMBERS]) for p in packages],
        totals=[compact_value(loc, totals[n]) for n in INDICATOR_NUMBERS],
        legend=[f"{n} – {loc.phrase(f'indicator.{n}')}" for n in INDICATOR_NUMBERS],
        indicators=[_indicator_row(loc, n, totals[n]) for n in INDICATOR_NUMBERS],
        ranking={group: [RankRow(r.place, _name(loc, r.package), f"{r.improved} / {r.of}")
                         for r in ranking(numbers, packages)] for group, numbers in GROUPS},
        lapses=[LapseRow(_name(loc, lapse.package), ", ".join(dates.ROMAN[q] for q in lapse.quarters) or "—",
                         str(lapse.overdue)) for lapse in lapses(packages)],
        chart=_chart(loc, totals, year - 1),
        packages=[PackageRow(_name(loc, p), Path(received[p.district.id].file).name, p.content_sha256)
                  for p in packages],
        signer=_signature(loc, body, head) if head else Signature("", "", ""))
    return context, loc


def region_years(assessment: Assessment) -> list[int]:
    return sorted({r.package.year for r in assessment.project.districts})


def region_report_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    """One report per year asked for (default: the latest year with packages), only in an oblast project."""
    project, body = assessment.project, assessment.project.body
    if body is None or body.level != "oblast":
        return []
    years = [int(y) for y in asked.selected] if asked.selected else region_years(assessment)[-1:]
    jobs = []
    for year in years:
        sources = frozenset({project.file_of("body.yaml"), project.file_of("districts", str(year))}
                            | {r.file for r in project.districts if r.folder_year == year or r.package.year == year})
        jobs += [kind.job(lang, Subject(year=year), sources,
                          lambda lg=lang, y=year: region_report_context(assessment, y, kind.localizer(lg)))
                 for lang in languages(asked.langs, body.languages)]
    return jobs
