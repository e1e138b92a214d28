"""The oblast's figures from its districts' packages (§26.7, §29): totals, changes, rankings, lapses.

Decided here, printed by the regional report (pipeline/region/report.py):

- an oblast total of each indicator's main figure: counts add up; a share (§29.5) and the share of schools
  (§29.11) are recomputed from the summed parts and wholes; the satisfied percentage of the survey (§29.10)
  is the mean weighted by each district's respondents. A total is unknown ("—") when any district's figure
  is unknown: a sum of the districts that reported would be read as the oblast's;
- its change against the previous year and the verdict, by the same `Measure` as a district's report;
- a ranking of the districts in each group of indicators: by how many indicators of the group changed the
  better way, then by name;
- the districts with a quarter without a regular meeting (§12) or with overdue assignments (§24, §28).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..load.models.package import AnnualPackage, PackageMeasure
from ..rules.indicators import BETTER, Measure, share, tenth

# The groups of §29 the ranking compares within: prevention, detection and suppression, treatment.
GROUPS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("prevention", (1, 2, 3, 6, 10, 11, 12)),
    ("suppression", (4, 7, 8, 9)),
    ("treatment", (5,)),
)
SURVEY, RESPONDENTS = 10, "respondents"


def _number(value) -> Decimal | int | None:
    if value is None:
        return None
    return value if isinstance(value, int) else tenth(value)


def district_measure(measure: PackageMeasure) -> Measure:
    """A package's measure as the rules' own `Measure` (change, relative change, verdict)."""
    return Measure(measure.label, _number(measure.value), _number(measure.previous), measure.better, measure.form,
                   tuple(measure.of) if measure.of else None,
                   tuple(measure.previous_of) if measure.previous_of else None)


def _sum(values: list) -> int | None:
    return None if not values or any(v is None for v in values) else sum(values)


def _summed_pairs(pairs: list) -> tuple[int, int] | None:
    if not pairs or any(p is None for p in pairs):
        return None
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def _weighted(values: list, weights: list) -> Decimal | None:
    if not values or any(v is None for v in values) or any(w is None for w in weights) or not sum(weights):
        return None
    return tenth(sum(Decimal(str(v)) * w for v, w in zip(values, weights)) / sum(weights))


def _respondents(package: AnnualPackage, previous: bool) -> int | None:
    indicator = package.indicator(SURVEY)
    measure = next((m for m in indicator.measures if m.label == RESPONDENTS), None) if indicator else None
    if measure is None:
        return None
    return measure.previous if previous else measure.value


def regional_measure(number: int, packages: list[AnnualPackage]) -> Measure:
    """The oblast total of one indicator's main figure, this year and the previous one."""
    mains = [p.indicator(number).measures[0] for p in packages]
    first = mains[0]
    if first.form == "count":
        return Measure("", _sum([m.value for m in mains]), _sum([m.previous for m in mains]), first.better)
    if first.form in ("share", "schools"):
        now, before = _summed_pairs([m.of for m in mains]), _summed_pairs([m.previous_of for m in mains])
        return Measure("", share(*now) if now else None, share(*before) if before else None, first.better,
                       first.form, now, before)
    return Measure("", _weighted([m.value for m in mains], [_respondents(p, False) for p in packages]),
                   _weighted([m.previous for m in mains], [_respondents(p, True) for p in packages]),
                   first.better, first.form)


@dataclass(frozen=True)
class Ranked:
    place: int
    package: AnnualPackage
    improved: int          # indicators of the group that changed the better way
    of: int                # indicators in the group


def ranking(group: tuple[int, ...], packages: list[AnnualPackage]) -> list[Ranked]:
    """Districts by the count of the group's indicators that changed the better way; equal counts share a place."""
    scored = sorted(((sum(1 for n in group if district_measure(p.indicator(n).measures[0]).verdict == BETTER), p)
                     for p in packages), key=lambda pair: (-pair[0], pair[1].district.ru))
    ranked, place, last = [], 0, None
    for index, (score, package) in enumerate(scored, start=1):
        if score != last:
            place, last = index, score
        ranked.append(Ranked(place, package, score, len(group)))
    return ranked


@dataclass(frozen=True)
class Lapse:
    package: AnnualPackage
    quarters: list[int]    # quarters without a regular meeting (§12)
    overdue: int           # overdue assignments at the year's end (§24, §28)


def lapses(packages: list[AnnualPackage]) -> list[Lapse]:
    """The districts that missed a regular meeting in a quarter or have overdue assignments."""
    return [Lapse(p, list(p.meetings.quarters_without_regular), p.assignments.overdue) for p in packages
            if p.meetings.quarters_without_regular or p.assignments.overdue]


def packages_of_year(received: list, year: int) -> list[AnnualPackage]:
    """The year's packages in the order of the districts' names (Russian), each district once."""
    seen, chosen = set(), []
    for r in sorted(received, key=lambda r: (r.package.district.ru, r.file)):
        if r.package.year == year and r.folder_year == year and r.package.district.id not in seen:
            seen.add(r.package.district.id)
            chosen.append(r.package)
    return chosen
