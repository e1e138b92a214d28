"""What became of each question of a plan (Reading of §18): heard, excluded, postponed, pending, not heard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.errors import Finding, Loc, warning
from ..load.models import Plan, PlanChange, Text
from ..locale.messages import _
from .calendar import half_bounds, half_words, target_plan_id


@dataclass(frozen=True)
class Hearing:
    """A meeting that considered a planned question: which meeting, which question of its agenda, when."""

    meeting_id: str
    item_no: int
    date: dt.date


class State:
    HEARD = "heard"            # considered at a meeting in its half-year (or in the one it was postponed to)
    EXCLUDED = "excluded"      # excluded by the head's decision, not heard
    POSTPONED = "postponed"    # postponed, the new half-year not over yet
    PENDING = "pending"        # planned, its half-year not over yet
    NOT_HEARD = "not_heard"    # its half-year is over: neither heard nor excluded nor postponed (§18 finding)


@dataclass
class Question:
    """One question of a plan (an item, or a question added to it) and what became of it."""

    plan_id: str
    no: int
    title: Text | None
    responsible: list[Text]
    quarter: int | None
    month: dt.date | None
    proposed_by: str | None
    loc: Loc
    added: PlanChange | None = None
    changes: list[PlanChange] = field(default_factory=list)   # exclusions and postponements, in decision order
    hearings: list[Hearing] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.plan_id}/{self.no}"

    @property
    def last_change(self) -> PlanChange | None:
        return self.changes[-1] if self.changes else None

    @property
    def excluded(self) -> PlanChange | None:
        last = self.last_change
        return last if last is not None and last.action == "exclude" else None

    @property
    def postponed(self) -> PlanChange | None:
        """The last postponement on record, unless an exclusion came after it."""
        last = self.last_change
        return last if last is not None and last.action == "postpone" else None

    @property
    def target_missing(self) -> bool:
        """A postponement of it says nowhere where to (no `to`): its own error, so no finding derives from where
        the question should have been heard."""
        return any(c.action == "postpone" and not c.to for c in self.changes)

    @property
    def valid_halves(self) -> set[str]:
        """Reading of §18: a question is heard in its own half-year or in one it was postponed to."""
        return {self.plan_id} | {target_plan_id(c.to) for c in self.changes if c.action == "postpone" and c.to}

    @property
    def due_half(self) -> str:
        """The half-year by whose end the question has to be heard: the last postponement's, else its own."""
        postponed = self.postponed
        return target_plan_id(postponed.to) if postponed is not None and postponed.to else self.plan_id

    def state(self, as_of: dt.date) -> str:
        """What became of the question as of a day (docs/regulation/readings.md, Reading of §18), in this order:

        heard (at a meeting in a valid half-year, held by `as_of`) → excluded → postponed or pending
        (the half-year it is due in is not over on `as_of`) → not heard.
        """
        if any(h.date <= as_of for h in self.hearings):
            return State.HEARD
        if self.excluded is not None:
            return State.EXCLUDED
        if as_of <= half_bounds(self.due_half)[1]:
            return State.POSTPONED if self.postponed is not None else State.PENDING
        return State.NOT_HEARD


@dataclass(frozen=True)
class Unplanned:
    """A question of a regular meeting that names no plan item (§18 finding)."""

    meeting_id: str
    item_no: int
    date: dt.date


@dataclass
class PlansResult:
    """The plans as the rules see them: every question with its fate, and the meetings' unplanned questions."""

    plans: dict[str, Plan]
    questions: dict[str, Question]   # by ref "2026-H1/3"
    unplanned: list[Unplanned]
    as_of: dt.date

    def of_plan(self, plan_id: str) -> list[Question]:
        return [q for q in self.questions.values() if q.plan_id == plan_id]


def plan_questions(plan: Plan) -> dict[str, Question]:
    """The questions of one plan: its items, then its added questions, each with its changes in decision order."""
    questions: dict[str, Question] = {}
    for item in plan.items:
        question = Question(plan.id, item.no, item.title, list(item.responsible), item.quarter, item.month,
                            item.proposed_by, item.loc)
        questions.setdefault(question.ref, question)
    for change in plan.changes:
        if change.action == "add" and change.no is not None:
            question = Question(plan.id, change.no, change.title, list(change.responsible), change.quarter,
                                change.month, change.proposed_by or change.basis.by, change.loc, added=change)
            questions.setdefault(question.ref, question)
    ordered = sorted((c for c in plan.changes if c.action != "add"), key=lambda c: c.decided.date)
    for change in ordered:
        question = questions.get(f"{plan.id}/{change.item}")
        if question is not None:
            question.changes.append(change)
    return questions


def unheard_findings(questions: dict[str, Question], as_of: dt.date) -> list[Finding]:
    """Reading of §18: a question whose half-year is over, never heard, neither excluded nor postponed."""
    findings = []
    for question in questions.values():
        if question.state(as_of) != State.NOT_HEARD or question.target_missing:
            continue
        postponed = question.postponed
        loc = postponed.loc if postponed is not None else question.loc
        half = half_words(question.due_half)
        if postponed is not None:
            message = _("{ref} was not heard in {half}, where it was postponed to, and is neither excluded nor "
                        "postponed again by a decision of the head", ref=question.ref, half=half)
        else:
            message = _("{ref} was not heard in {half} and is neither excluded nor postponed by a decision of the "
                        "head", ref=question.ref, half=half)
        advice = _("hear it at a meeting (a question with plan: \"{ref}\"), or record the head's decision in the "
                   "plan's changes (action: exclude or postpone)", ref=question.ref)
        findings.append(warning(loc, _("{where}: {message}", where=message, message=advice), "§18"))
    return findings
