"""Stage 3, context: a half-year work plan (§16-18) as plain data in one language.

The questions and their changes are already decided by `rules.plan_questions`; this
module only chooses the words: the approval block (§16), the title naming the
half-year, the table of questions (§17) and the record of changes (§18).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..grammar import dates
from ..grammar.kk import dative_kk
from ..grammar.typography import nested_quotes
from ..load.models import PLAN_ID, WORKING_BODY, Body, Plan, PlanChange
from ..rules.plan_questions import PlansResult, Question
from .common import Localizer, body_header, body_name_genitive
from .meeting import Signature


@dataclass
class PlanRow:
    """One question of the table: number, title, reporting bodies, when, who proposed it, what became of it."""

    number: int
    title: str
    responsible: str           # one body a line
    when: str                  # "I тоқсан" / "I квартал", or "наурыз" / "март"
    proposed_by: str
    postponed_to: str          # "2026 жылғы екінші жартыжылдыққа" / "на второе полугодие 2026 года", or ""
    excluded: bool
    added_on: str              # the day the head added it, or ""


@dataclass
class ChangeRow:
    """One change of the plan (§18): what, on whose justification note, by whose decision."""

    number: int                # the change's own number in the record
    action: str                # exclude | postpone | add
    item_no: int | str         # the question concerned; for "add", the number it takes
    title: str
    target: str                # where a postponed question went ("на сентябрь 2026 года"), else ""
    when: str                  # an added question's quarter or month
    responsible: str           # an added question's bodies, joined
    basis_by: str              # a deputy head's position and name, or the working body's name
    basis_working_body: bool
    basis_date: str
    basis_text: str
    decided_by: str            # the head's position and name
    decided_on: str


@dataclass
class PlanContext:
    body_name: str
    akimat: str
    seat: str
    working_body: str
    body_name_genitive: str
    period: str                # "2026 жылғы бірінші жартыжылдыққа" / "на первое полугодие 2026 года"
    approver: Signature
    approved_on: str
    rows: list[PlanRow]
    changes: list[ChangeRow]
    sent_on: str               # "2025 жылғы 29 желтоқсанда" / "29 декабря 2025 года", or ""


def period_phrase(loc: Localizer, plan_id: str) -> str:
    """A half-year as the goal of "for" or "to": "2026 жылғы бірінші жартыжылдыққа" / "на первое полугодие 2026 года"."""
    half = loc.phrase(f"half_year.{plan_id[-1]}")
    return loc.phrase("plan.to_half", year=plan_id[:4], half=half, half_dative=dative_kk(half))


def target_phrase(loc: Localizer, to: str) -> str:
    """Where a question was postponed: a half-year, or a month ("2026 жылғы қыркүйекке" / "на сентябрь 2026 года")."""
    if PLAN_ID.match(to):
        return period_phrase(loc, to)
    month = dates.month_nominative(int(to[5:7]), loc.lang)
    return loc.phrase("plan.to_month", year=to[:4], month=month, month_dative=dative_kk(month))


def when(loc: Localizer, quarter: int | None, month: dt.date | None) -> str:
    """The time of a question: its quarter ("II тоқсан" / "II квартал") or its month in the nominative."""
    if month is not None:
        return dates.month_nominative(month.month, loc.lang)
    if quarter in dates.ROMAN:
        return loc.phrase("quarter", roman=dates.ROMAN[quarter])
    return ""


def _author(loc: Localizer, body: Body, member_id: str | None) -> str:
    """A member's position and name, or the working body's name, as the plan names who proposed or wrote."""
    if member_id == WORKING_BODY:
        return loc.text(body.working_body)
    member = body.member(member_id) if member_id else None
    return position_and_name(loc, member) if member else ""


def position_and_name(loc: Localizer, member) -> str:
    """"Қостанай ауданының әкімі О. Нургалиев": the position first, as a table cell names an official."""
    line = loc.member(member)
    return " ".join(part for part in (line.position, line.name) if part)


def _row(loc: Localizer, body: Body, question: Question) -> PlanRow:
    postponed = question.postponed
    return PlanRow(
        number=question.no, title=loc.text(question.title),
        responsible="\n".join(loc.texts(question.responsible)), when=when(loc, question.quarter, question.month),
        proposed_by=_author(loc, body, question.proposed_by),
        postponed_to=target_phrase(loc, postponed.to) if postponed is not None and postponed.to else "",
        excluded=question.excluded is not None,
        added_on=loc.date_on(question.added.decided.date) if question.added is not None else "")


def _change(loc: Localizer, body: Body, number: int, change: PlanChange, question: Question | None) -> ChangeRow:
    head = body.member(change.decided.by)
    added = change.action == "add"
    return ChangeRow(
        number=number, action=change.action, item_no=(change.no if added else change.item) or "",
        # printed inside the document's own «…»: its quotes nest as „…“
        title=nested_quotes(loc.text(change.title if added else (question.title if question else None)), depth=1),
        target=target_phrase(loc, change.to) if change.action == "postpone" and change.to else "",
        when=when(loc, change.quarter, change.month) if added else "",
        responsible=", ".join(loc.texts(change.responsible)) if added else "",
        basis_by=_author(loc, body, change.basis.by), basis_working_body=change.basis.by == WORKING_BODY,
        basis_date=loc.date_long(change.basis.date), basis_text=loc.paragraphs(change.basis.text),
        decided_by=position_and_name(loc, head) if head else change.decided.by,
        decided_on=loc.date_long(change.decided.date))


def plan_context(plan: Plan, result: PlansResult, body: Body, loc: Localizer) -> tuple[PlanContext, Localizer]:
    """The plan (§16-18): approval block, title, the questions in number order, the changes in decision order."""
    questions = sorted(result.of_plan(plan.id), key=lambda q: q.no)
    approver = body.member(plan.approved.by)
    line = loc.member(approver) if approver else None
    title = loc.phrase("head_title") if approver is not None and approver.role == "head" else ""
    changes = sorted(plan.changes, key=lambda c: c.decided.date)
    context = PlanContext(
        **body_header(loc, body), body_name_genitive=body_name_genitive(loc, body),
        period=period_phrase(loc, plan.id),
        approver=Signature(title, line.position if line else "", line.name if line else ""),
        approved_on=loc.date_long(plan.approved.date),
        rows=[_row(loc, body, q) for q in questions],
        changes=[_change(loc, body, n, c, result.questions.get(f"{plan.id}/{c.item}"))
                 for n, c in enumerate(changes, start=1)],
        sent_on=loc.date_on(plan.sent_to_members) if plan.sent_to_members else "")
    return context, loc
