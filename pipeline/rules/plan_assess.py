"""The plan rules run together: every plan's checks, the questions' fate, the link to the meetings (§16-18)."""

from __future__ import annotations

import datetime as dt

from ..models import Plan
from .plan import check_plan
from .plan_links import link_meetings
from .plan_questions import PlansResult, Question, plan_questions, unheard_findings


def today() -> dt.date:
    """The day `check` judges which half-years are over (one place, so tests can fix it)."""
    return dt.date.today()


def assess_plans(assessment) -> None:
    """Every plan rule, then the link to the meetings; fills `assessment.extra["plans"]` and what the
    meetings borrow from the plans (`item_titles`, `item_responsible`).

    A question not yet heard is a finding only once the half-year it is due in
    is over, as of `assessment.extra["as_of"]` (default: today).
    """
    project = assessment.project
    body = project.body
    plans: dict[str, Plan] = project.extra.get("plans", {})
    as_of = assessment.extra.get("as_of") or today()
    questions: dict[str, Question] = {}
    for plan in plans.values():
        assessment.findings += check_plan(plan, body)
        questions.update(plan_questions(plan))
    link = link_meetings(project.meetings, plans, project.extra.get("plan_files", set()), questions)
    assessment.findings += link.findings
    assessment.findings += unheard_findings(questions, as_of)
    for meeting_id, titles in link.titles.items():
        assessment.item_titles.setdefault(meeting_id, {}).update(titles)
    for meeting_id, bodies in link.responsible.items():
        assessment.item_responsible.setdefault(meeting_id, {}).update(bodies)
    assessment.extra["plans"] = PlansResult(plans, questions, link.unplanned, as_of)
