"""The year of the Штаб: §12 (a regular meeting every quarter) and the figures of the annual report (§9.5, §26.7):
meetings, questions and decisions, and the execution of the half-year plans (§16-18).

Only meetings with a quorum count: a meeting without one decided nothing (§20).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.errors import Finding, Loc, warning
from ..locale.messages import _
from .meeting import MeetingResult
from .plan_questions import PlansResult, State

QUARTERS = (1, 2, 3, 4)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year, 12, 31) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def held(results: list[MeetingResult], year: int) -> list[MeetingResult]:
    """The year's meetings that could decide (quorum reached, §20), in date order."""
    return [r for r in results if r.meeting.date.year == year and r.quorum.reached]


def quarters_without_regular_meeting(results: list[MeetingResult], year: int, as_of: dt.date,
                                     established: dt.date | None = None) -> list[int]:
    """§12: regular meetings at least once a quarter. The quarters of `year` that are over by `as_of`
    (its last day included) and had no regular meeting. Only whole quarters of the Штаб's existence count:
    one it was established during is not required to hold a meeting."""
    regular = {quarter_of(r.meeting.date) for r in held(results, year) if r.meeting.kind == "regular"}
    return [q for q in QUARTERS
            if quarter_end(year, q) <= as_of and q not in regular
            and (established is None or established <= quarter_start(year, q))]


def quarter_findings(results: list[MeetingResult], year: int, as_of: dt.date, loc: Loc,
                     established: dt.date | None = None) -> list[Finding]:
    """§12 as findings at the year's file: a warning, so that the year's documents are still written."""
    advice = _("if one was held, check kind: regular and the date in its file")
    return [warning(loc, _("{where}; {message}", where=_(
                "no regular meeting in quarter {quarter} of {year} ({start} – {end}): regular meetings are held at "
                "least once a quarter", quarter=q, year=year, start=quarter_start(year, q).isoformat(),
                end=quarter_end(year, q).isoformat()), message=advice), "§12")
            for q in quarters_without_regular_meeting(results, year, as_of, established)]


@dataclass
class YearSummary:
    """What the Штаб did in a year: meetings by quarter, questions, decisions, dissenting opinions."""

    year: int
    regular: dict[int, int] = field(default_factory=dict)        # quarter → regular meetings
    extraordinary: dict[int, int] = field(default_factory=dict)  # quarter → extraordinary meetings
    questions: int = 0
    adopted: int = 0
    not_adopted: int = 0
    dissents: int = 0

    @property
    def meetings(self) -> int:
        return sum(self.regular.values()) + sum(self.extraordinary.values())


def year_summary(results: list[MeetingResult], year: int) -> YearSummary:
    """§9.5, §26.7: the counts of the annual report, from the year's meetings with a quorum."""
    summary = YearSummary(year, {q: 0 for q in QUARTERS}, {q: 0 for q in QUARTERS})
    for result in held(results, year):
        meeting = result.meeting
        by_kind = summary.regular if meeting.kind == "regular" else summary.extraordinary
        by_kind[quarter_of(meeting.date)] += 1
        summary.questions += len(result.items)
        for item in result.items:
            summary.dissents += len(item.item.dissent)
            for decision in item.decisions:
                if decision.outcome.adopted:
                    summary.adopted += 1
                else:
                    summary.not_adopted += 1
    return summary


# ---------------------------------------------------------------- the execution of the year's plans (§16-18)


@dataclass(frozen=True)
class PlanExecution:
    """How the plans of one year were carried out (§16-18), for the annual report (§9.5, §26.7).

    Every question of the year's plans (planned, and added by the head's decision) is in exactly one state of
    `plan_questions.Question.state`, judged as `check` judges it on the first day after the year (every
    half-year of the year over), so that the report's figures add up and agree with `check`'s §18 findings:

        planned + added = heard + postponed + excluded + pending + not_heard

    - heard: heard at a meeting of the year in its own half-year or in one it was postponed to;
    - postponed: postponed to a half-year of a later year, not heard yet;
    - excluded: excluded by the head's decision, not heard;
    - pending: its half-year not over (never at the year's end; counted so that the sum is whole);
    - not_heard: never heard, neither excluded nor postponed (each one a §18 finding of `check`).

    Apart, not in the sum: heard_earlier, questions of earlier years' plans (postponed to this year) heard
    at the year's meetings; unplanned, questions of the year's regular meetings that name no plan item (§18).
    """

    year: int
    planned: int
    added: int
    heard: int
    postponed: int
    excluded: int
    pending: int
    not_heard: int
    heard_earlier: int
    unplanned: int

    @property
    def accounted(self) -> int:
        """The year's questions by their state: equal to planned + added, each question once."""
        return self.heard + self.postponed + self.excluded + self.pending + self.not_heard


def year_over(year: int) -> dt.date:
    """The day the year's plan questions are judged on: the first after the year, every half-year over."""
    return dt.date(year + 1, 1, 1)


def plan_execution(result: PlansResult | None, year: int, as_of: dt.date | None = None) -> PlanExecution:
    """The year's plan figures, as of `as_of` (default: the day after the year, as the annual report counts).

    `result` is `Assessment.plans` (the plan rules' result); without plans every count is 0.
    """
    as_of = as_of or year_over(year)
    if result is None:
        return PlanExecution(year, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    own = [q for q in result.questions.values() if int(q.plan_id[:4]) == year]
    states = [q.state(as_of) for q in own]
    earlier = [q for q in result.questions.values()
               if int(q.plan_id[:4]) < year and any(h.date.year == year and h.date <= as_of for h in q.hearings)]
    return PlanExecution(
        year=year,
        planned=sum(1 for q in own if q.added is None),
        added=sum(1 for q in own if q.added is not None),
        heard=states.count(State.HEARD),
        postponed=states.count(State.POSTPONED),
        excluded=states.count(State.EXCLUDED),
        pending=states.count(State.PENDING),
        not_heard=states.count(State.NOT_HEARD),
        heard_earlier=len(earlier),
        unplanned=sum(1 for u in result.unplanned if u.date.year == year),
    )
