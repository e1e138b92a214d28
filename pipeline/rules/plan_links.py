"""The plans tied to the meetings (Reading of §18): each meeting question matched to its plan question."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.errors import Finding, Loc, error, warning
from ..load.models import Meeting, Plan, Text
from ..locale.messages import _
from .calendar import half_words, plan_id_of
from .plan import plan_numbers
from .plan_questions import Hearing, Question, Unplanned


@dataclass
class Link:
    """What linking the meetings to the plans found: titles to borrow, unplanned questions, findings."""

    titles: dict[str, dict[int, Text]] = field(default_factory=dict)
    responsible: dict[str, dict[int, list[Text]]] = field(default_factory=dict)   # for questions without speakers
    unplanned: list[Unplanned] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def link_meetings(meetings: list[Meeting], plans: dict[str, Plan], plan_files: set[str],
                  questions: dict[str, Question]) -> Link:
    """Reading of §18: each meeting question is matched to its plan item; the hearings are recorded on it.

    A question without a title borrows the plan's; one without speakers, the plan's reporting bodies.

    - `plan: 2026-H1/3` naming no existing plan item is an error (the question has no title to print);
    - a question with neither a title nor a plan item is an error (§22: the agenda lists each question);
    - a regular meeting's question naming no plan item is in no plan: a §18 warning (an extraordinary
      meeting's own question needs no plan);
    - a question heard in a half-year other than its own or one it was postponed to, before the head
      added it, or after he excluded it, is a §18 warning and is not counted as heard.
    """
    link = Link()
    for meeting in meetings:
        for number, item in enumerate(meeting.items, start=1):
            if item.plan is None:
                link.findings += _unplanned(meeting, number, item, link, plans, plan_files)
                continue
            plan_id, no = item.plan.split("/")
            question = questions.get(f"{plan_id}/{int(no)}")
            if question is None:
                link.findings += _missing_item(meeting, number, item, plan_id, int(no), plans, plan_files)
                continue
            if item.title is None and question.title is not None:
                link.titles.setdefault(meeting.id, {})[number] = question.title
            if not item.speakers and question.responsible:
                link.responsible.setdefault(meeting.id, {})[number] = question.responsible
            found = _hearing_findings(meeting, number, item.loc_of("plan"), question)
            link.findings += found
            if not found:
                question.hearings.append(Hearing(meeting.id, number, meeting.date))
    return link


def _unplanned(meeting: Meeting, number: int, item, link: Link, plans: dict[str, Plan],
               plan_files: set[str]) -> list[Finding]:
    """A question that names no plan question: its hints name the plan of the meeting's half-year only when the
    project has it (its questions' numbers), and otherwise say that plan is still to be written."""
    findings = []
    plan_id = plan_id_of(meeting.date)
    plan = plans.get(plan_id)
    numbers = ", ".join(str(n) for n in sorted(set(plan_numbers(plan)))) if plan is not None else ""
    if item.title is None:
        title = "title: {kk: ..., ru: ...}"
        findings.append(error(item.loc, _(
            "question {number} of meeting {meeting} has neither a title nor a plan item: give {title} or plan: "
            "{plan}/N (the questions of plan {plan}: {numbers})", number=number, meeting=meeting.id, title=title,
            plan=plan_id, numbers=numbers) if numbers else _(
            "question {number} of meeting {meeting} has neither a title nor a plan item: give {title}",
            number=number, meeting=meeting.id, title=title), "§22"))
    if meeting.kind == "regular":
        link.unplanned.append(Unplanned(meeting.id, number, meeting.date))
        if plan is not None:
            message = _("question {number} of the regular meeting {meeting} is in no plan: name its plan item "
                        "(plan: {plan}/N); if it is not planned, add it to plans/{plan}.yaml by an add change "
                        "decided by the head", number=number, meeting=meeting.id, plan=plan_id)
        elif plan_id in plan_files:
            message = _("question {number} of the regular meeting {meeting} is in no plan: plans/{plan}.yaml cannot "
                        "be read; mend it, then name the question's plan item (plan: {plan}/N)", number=number,
                        meeting=meeting.id, plan=plan_id)
        else:
            message = _("question {number} of the regular meeting {meeting} is in no plan, and there is no plan of "
                        "{half} yet: write it (shtab new-plan) with this question, then name its plan item here",
                        number=number, meeting=meeting.id, half=half_words(plan_id))
        findings.append(warning(item.loc, message, "§18"))
    return findings


def _missing_item(meeting: Meeting, number: int, item, plan_id: str, no: int, plans: dict[str, Plan],
                  plan_files: set[str]) -> list[Finding]:
    loc = item.loc_of("plan")
    if plan_id in plan_files and plan_id not in plans:
        if item.title is None:
            return [error(loc, _("question {number} takes its title from plan {plan}, which cannot be read: fix the "
                                 "errors of plans/{plan}.yaml", number=number, plan=plan_id), "§18")]
        return []
    if plan_id not in plans:
        return [error(loc, _("question {number} names plan {plan}, which does not exist (no file "
                             "plans/{plan}.yaml)", number=number, plan=plan_id), "§18")]
    numbers = ", ".join(str(n) for n in sorted(set(plan_numbers(plans[plan_id]))))
    return [error(loc, _("question {number} names {plan}/{no}, but plan {plan} has no question {no} (its "
                         "questions: {numbers})", number=number, plan=plan_id, no=no, numbers=numbers), "§18")]


def _hearing_findings(meeting: Meeting, number: int, loc: Loc, question: Question) -> list[Finding]:
    """§18: the question is heard where the plan, as changed by the head, puts it."""
    heard_in = plan_id_of(meeting.date)
    day = meeting.date.isoformat()
    if question.added is not None and meeting.date < question.added.decided.date:
        return [warning(loc, _("{ref} is heard on {day}, before the head added it to the plan on {added}",
                               ref=question.ref, day=day, added=question.added.decided.date.isoformat()), "§18")]
    excluded = question.excluded
    if excluded is not None and excluded.decided.date <= meeting.date:
        return [warning(loc, _("{ref} is heard on {day}, although the head excluded it from the plan on {excluded}",
                               ref=question.ref, day=day, excluded=excluded.decided.date.isoformat()), "§18")]
    if heard_in not in question.valid_halves and not question.target_missing:
        return [warning(loc, _("{ref} is planned for {half} and heard on {day}, in {heard_in}, with no postponement "
                               "to it on record", ref=question.ref, half=half_words(question.plan_id), day=day,
                               heard_in=half_words(heard_in)), "§18")]
    return []
