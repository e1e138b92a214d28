"""§29: the twelve indicators of the year against the previous year, each with the direction that is better.

Each indicator is one function that returns its measures: the first is the
indicator's main figure (the one the chart shows), the others detail it.
A measure knows its value this year and last year and which way is better, so
the change and the verdict are computed here, once; the documents only format
them. A value that is not known is None and prints as "—".

The better direction of each indicator (docs/regulation/readings.md §29, the Kazakh text of the
regulation):
  1 sports sections and clubs ↑ · 2 information campaigns ↑ · 3 actions with at least
  250 participants ↑ · 4 first-time identified persons ↑ (better detection, not failure) ·
  5 persons under dispensary observation ↓, and the shares of women ↓ and minors ↓ ·
  6 NGOs ↑ · 7 laboratories and criminal groups eliminated ↑ · 8 offences found in legal
  circulation ↑ (found: a detection figure, like 4) · 9 sites blocked, graffiti removed,
  criminal cases, AI systems ↑ · 10 satisfied share of the survey ↑ · 11 share of schools
  with programmes ↑ · 12 specialists trained ↑.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from ..core.errors import Finding, Loc, error, warning
from ..core.kinds import ANNUAL_REPORT
from ..load.models import Action, Indicators, IndicatorValues
from ..locale.messages import _

ACTION_MIN_PARTICIPANTS = 250   # §29 note **: an action counts only with at least 250 participants
UP, DOWN = "up", "down"
BETTER, WORSE, SAME = "better", "worse", "same"
TENTH = Decimal("0.1")

Number = int | Decimal


def tenth(value: Decimal | float | int) -> Decimal:
    """One decimal, half up: the precision a reader compares."""
    return Decimal(str(value)).quantize(TENTH, rounding=ROUND_HALF_UP)


def share(part: int | None, whole: int | None) -> Decimal | None:
    """part / whole in percent, one decimal; unknown when either is unknown or the whole is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return tenth(Decimal(part) * 100 / Decimal(whole))


@dataclass(frozen=True)
class Measure:
    """One figure of an indicator in both years.

    `label` names a detail line ("" for the main figure of a one-figure
    indicator); `form` says how it prints: "count", "percent", "share" (a part
    with its percentage of a whole, `of`/`previous_of` = (part, whole)) or
    "schools" (indicator 11). `better` is UP, DOWN or None (shown, not judged).
    """

    label: str
    value: Number | None
    previous: Number | None
    better: str | None = UP
    form: str = "count"
    of: tuple[int, int] | None = None
    previous_of: tuple[int, int] | None = None

    @property
    def change(self) -> Number | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def relative(self) -> Decimal | None:
        """The change in percent of the previous value (counts only; shares change in points)."""
        change = self.change
        if change is None or self.form != "count" or not self.previous:
            return None
        return tenth(Decimal(change) * 100 / Decimal(self.previous))

    @property
    def points(self) -> bool:
        """A percentage or a share: its change is read in percentage points, not in percent of itself."""
        return self.form in ("percent", "share", "schools")

    @property
    def compared(self) -> Decimal | None:
        """The change the table and the chart both show (§29): percentage points for a percentage or a share,
        the change in percent of the previous value for a count; one measure and unit in both places."""
        if self.points:
            change = self.change
            return tenth(change) if change is not None else None
        return self.relative

    @property
    def verdict(self) -> str | None:
        """BETTER when the change goes the better way, WORSE the other way, SAME unchanged; None unknown."""
        change = self.change
        if change is None or self.better is None:
            return None
        if change == 0:
            return SAME
        return BETTER if (change > 0) == (self.better == UP) else WORSE


@dataclass(frozen=True)
class Indicator:
    number: int
    measures: tuple[Measure, ...]

    @property
    def main(self) -> Measure:
        return self.measures[0]

    @property
    def better(self) -> str:
        return self.main.better or UP


# ---------------------------------------------------------------- one function per indicator


def _get(values: IndicatorValues | None, key: str):
    return getattr(values, key) if values is not None else None


def _part(values: IndicatorValues | None, key: str, sub: str):
    whole = _get(values, key)
    return getattr(whole, sub) if whole is not None else None


def _count_of(value) -> int | None:
    if value is None:
        return None
    return value if isinstance(value, int) else len(value)


def sports_sections(now, before) -> tuple[Measure, ...]:
    """§29.1: free sports sections and creative clubs; more is better."""
    return (Measure("", _get(now, "sports_sections"), _get(before, "sports_sections")),)


def campaigns(now, before) -> tuple[Measure, ...]:
    """§29.2: anti-drug information campaigns, counted; more is better."""
    return (Measure("", _count_of(_get(now, "campaigns")), _count_of(_get(before, "campaigns"))),)


def counted_actions(actions: list[Action] | int | None) -> tuple[int | None, int | None, int | None]:
    """§29.3, note **: (held, counted, fell short); an action counts with at least 250 participants.

    A plain number (allowed in `previous:`) is the count of actions that counted.
    """
    if actions is None:
        return None, None, None
    if isinstance(actions, int):
        return None, actions, None
    counted = sum(1 for a in actions if a.participants >= ACTION_MIN_PARTICIPANTS)
    return len(actions), counted, len(actions) - counted


def actions(now, before) -> tuple[Measure, ...]:
    """§29.3: preventive actions with at least 250 participants; more is better. Shows how many fell short."""
    held, counted, short = counted_actions(_get(now, "actions"))
    held_before, counted_before, short_before = counted_actions(_get(before, "actions"))
    return (Measure("", counted, counted_before),
            Measure("actions_held", held, held_before, better=None),
            Measure("actions_short", short, short_before, better=None))


def first_identified(now, before) -> tuple[Measure, ...]:
    """§29.4: persons first identified as using drugs non-medically; a rise is better detection."""
    return (Measure("", _get(now, "first_identified"), _get(before, "first_identified")),)


def dispensary(now, before) -> tuple[Measure, ...]:
    """§29.5: drug-dependent persons under dispensary observation; a fall is better, and of the women's and minors' shares."""
    total, total_before = _part(now, "dispensary", "total"), _part(before, "dispensary", "total")
    lines = [Measure("", total, total_before, better=DOWN)]
    for group in ("women", "minors"):
        part, part_before = _part(now, "dispensary", group), _part(before, "dispensary", group)
        lines.append(Measure(group, share(part, total), share(part_before, total_before), better=DOWN, form="share",
                             of=(part, total) if part is not None and total else None,
                             previous_of=(part_before, total_before) if part_before is not None and total_before
                             else None))
    return tuple(lines)


def ngos(now, before) -> tuple[Measure, ...]:
    """§29.6: anti-drug NGOs taking an active part in prevention; more is better."""
    return (Measure("", _get(now, "ngos"), _get(before, "ngos")),)


def _sum(*values: int | None) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def destroyed(now, before) -> tuple[Measure, ...]:
    """§29.7: drug laboratories and organised criminal groups (ҰҚТ, «ұйымдасқан қылмыстық топ»; ОПГ)
    eliminated; more is better."""
    labs, labs_before = _part(now, "destroyed", "labs"), _part(before, "destroyed", "labs")
    groups, groups_before = _part(now, "destroyed", "groups"), _part(before, "destroyed", "groups")
    return (Measure("", _sum(labs, groups), _sum(labs_before, groups_before)),
            Measure("labs", labs, labs_before), Measure("criminal_groups", groups, groups_before))


def legal_circulation(now, before) -> tuple[Measure, ...]:
    """§29.8: offences found in the legal circulation of drugs and precursors; more found is better control."""
    return (Measure("", _get(now, "legal_circulation_offences"), _get(before, "legal_circulation_offences")),)


def propaganda(now, before) -> tuple[Measure, ...]:
    """§29.9: sites blocked, graffiti removed, criminal cases, AI-based systems used; more is better."""
    return tuple(Measure(key, _part(now, "propaganda", key), _part(before, "propaganda", key))
                 for key in ("sites_blocked", "graffiti_removed", "criminal_cases", "ai_systems"))


def survey(now, before) -> tuple[Measure, ...]:
    """§29.10: the share of the public satisfied with anti-drug work; higher is better. Respondents shown."""
    def percent(values):
        value = _part(values, "survey", "satisfied_percent")
        return tenth(value) if value is not None else None
    return (Measure("", percent(now), percent(before), form="percent"),
            Measure("respondents", _part(now, "survey", "respondents"), _part(before, "survey", "respondents"),
                    better=None))


def schools(now, before) -> tuple[Measure, ...]:
    """§29.11: general-education schools running prevention programmes, of all schools; a higher share is better."""
    def of(values):
        schools_ = _get(values, "schools")
        return (schools_.with_programmes, schools_.total) if schools_ is not None else None
    current, previous = of(now), of(before)
    return (Measure("", share(*current) if current else None, share(*previous) if previous else None,
                    form="schools", of=current, previous_of=previous),)


def specialists(now, before) -> tuple[Measure, ...]:
    """§29.12: specialists trained or retrained on prevention and countering drug crime; more is better."""
    return (Measure("", _get(now, "specialists_trained"), _get(before, "specialists_trained")),)


INDICATORS: tuple[tuple[int, str, Callable], ...] = (
    (1, "sports_sections", sports_sections), (2, "campaigns", campaigns), (3, "actions", actions),
    (4, "first_identified", first_identified), (5, "dispensary", dispensary), (6, "ngos", ngos),
    (7, "destroyed", destroyed), (8, "legal_circulation_offences", legal_circulation),
    (9, "propaganda", propaganda), (10, "survey", survey), (11, "schools", schools),
    (12, "specialists_trained", specialists),
)


# ---------------------------------------------------------------- the year


def previous_values(indicators: dict[int, Indicators], year: int) -> IndicatorValues | None:
    """§29: last year's figures come from indicators/<year-1>.yaml when present, else from `previous:`."""
    if year - 1 in indicators:
        return indicators[year - 1]
    current = indicators.get(year)
    return current.previous if current is not None else None


def indicators_of(indicators: dict[int, Indicators], year: int) -> list[Indicator]:
    """The 12 indicators of `year` against the previous year (§29)."""
    now, before = indicators.get(year), previous_values(indicators, year)
    return [Indicator(number, compute(now, before)) for number, _key, compute in INDICATORS]


def missing_indicators(indicators: dict[int, Indicators], files: dict[int, str], year: int,
                       fallback: Loc) -> list[Finding]:
    """§29: the annual report shows all 12 indicators; an unknown one prints as "—" and is reported."""
    if year not in indicators:
        return [warning(fallback, _("indicators/{year}.yaml is missing: the annual report for {year} shows every "
                                    "indicator as —", year=year), "§29", ANNUAL_REPORT)]
    values = indicators[year]
    loc = Loc(files[year], 1)
    return [warning(loc, _("indicator {number} ({key}) of {year} is missing: the annual report shows it as —",
                           number=number, key=key, year=year), "§29", ANNUAL_REPORT)
            for number, key, _compute in INDICATORS if getattr(values, key) is None]


def old_indicator_keys(indicators: dict[int, Indicators]) -> list[Finding]:
    """§29.7: `destroyed.plant_hotbeds` is an error at its line, naming `criminal_groups`; never mapped.

    ҰҚТ is «ұйымдасқан қылмыстық топ» (ОПГ), not hotbeds of plants. A figure typed under the old
    key was typed meaning hotbeds of plants, a different quantity: printing it as the number of
    criminal groups would put a wrong fact in the report to the Ministry. So the annual report
    is refused until the secretary types the groups eliminated under `criminal_groups` (or
    deletes the old key), whether or not `criminal_groups` is also given.
    """
    findings = []
    for year in sorted(indicators):
        for values in (indicators[year], indicators[year].previous):
            destroyed = values.destroyed if values is not None else None
            if destroyed is None or destroyed.plant_hotbeds is None:
                continue
            message = _("'plant_hotbeds' (hotbeds of plants) is not an indicator: indicator 7 counts drug "
                        "laboratories and organised criminal groups (ҰҚТ / ОПГ) eliminated. Delete the key and "
                        "type the number of criminal groups eliminated under 'criminal_groups'")
            findings.append(error(destroyed.loc_of("plant_hotbeds"), message, "§29.7", ANNUAL_REPORT))
    return findings
