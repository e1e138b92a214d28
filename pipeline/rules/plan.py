"""The regulation's rules for the half-year work plans (§16-18) and their tie to the meetings.

A plan (inputs/plans/<YYYY-H1|YYYY-H2>.yaml) lists the questions of a
half-year, each proposed by a member, with the bodies that report and the
quarter or month it is heard; the head approves it (§16) and it is sent to the
members (§17). The head may exclude a question, postpone it or add one, each on
a justification note of a deputy head or the working body (§18).

Each paragraph is one function below. `assess_plans` runs them all, links the
plans to the meetings (the Reading of §18 in RULES.md, implemented in
`link_meetings` and `Question.state` only) and leaves in
`assessment.extra["plans"]` a `PlansResult`: every question with its hearings
and changes, which the plan document and the annual report read.
`plan_execution(assessment, year)` gives the year's counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import Finding, Loc, error, warning
from ..models import PLAN_ID, WORKING_BODY, Body, Meeting, Plan, PlanChange, PlanItem, Text

PLAN = "plan"  # the document the plan's own errors make impossible

# ---------------------------------------------------------------- half-years, quarters, months


def half_of(day: dt.date) -> int:
    return 1 if day.month <= 6 else 2


def plan_id_of(day: dt.date) -> str:
    """The plan id of the half-year a day falls in: 2026-03-12 → "2026-H1"."""
    return f"{day.year}-H{half_of(day)}"


def half_bounds(plan_id: str) -> tuple[dt.date, dt.date]:
    """First and last day of a half-year: "2026-H2" → 2026-07-01, 2026-12-31."""
    year, half = int(plan_id[:4]), int(plan_id[-1])
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))


def half_words(plan_id: str) -> str:
    """For the messages: "the first half of 2026"."""
    return f"the {'first' if plan_id.endswith('1') else 'second'} half of {plan_id[:4]}"


def quarters_of(half: int) -> tuple[int, int]:
    """§17 as this project reads it: H1 holds quarters 1-2, H2 quarters 3-4."""
    return (1, 2) if half == 1 else (3, 4)


def target_plan_id(to: str) -> str:
    """The half-year a postponement sends a question to: "2026-H2" as is, "2026-09" → "2026-H2"."""
    if PLAN_ID.match(to):
        return to
    return plan_id_of(dt.date(int(to[:4]), int(to[5:7]), 1))


def scheduled_start(plan_id: str, quarter: int | None, month: dt.date | None) -> dt.date:
    """The first day of the time a question is planned for: its month, its quarter, else its half-year."""
    if month is not None:
        return month
    if quarter in (1, 2, 3, 4):
        return dt.date(int(plan_id[:4]), 3 * quarter - 2, 1)
    return half_bounds(plan_id)[0]


def scheduled_end(plan_id: str, quarter: int | None, month: dt.date | None) -> dt.date:
    """The last day of the time a question is planned for: its month, its quarter, else its half-year."""
    start = scheduled_start(plan_id, quarter, month)
    if month is not None:
        months = 1
    elif quarter in (1, 2, 3, 4):
        months = 3
    else:
        return half_bounds(plan_id)[1]
    following = dt.date(start.year + (start.month + months - 1) // 12, (start.month + months - 1) % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def period_start(to: str) -> dt.date:
    """The first day of a postponement's target (a month or a half-year)."""
    if PLAN_ID.match(to):
        return half_bounds(to)[0]
    return dt.date(int(to[:4]), int(to[5:7]), 1)


# ---------------------------------------------------------------- §16 approval and proposals


def check_approval(plan: Plan, body: Body) -> list[Finding]:
    """§16: the half-year plan is approved by the head of the Штаб."""
    approval = plan.approved
    head = body.head
    if body.member(approval.by) is None:
        return [error(approval.loc_of("by"), f"plan {plan.id}: unknown member id '{approval.by}' (not in body.yaml)",
                      "§16", PLAN)]
    if head is not None and approval.by != head.id:
        return [error(approval.loc_of("by"), f"plan {plan.id} is approved by the head of the Штаб, '{head.id}', "
                      f"not '{approval.by}'", "§16", PLAN)]
    return []


def check_proposers(plan: Plan, body: Body) -> list[Finding]:
    """§16: the plan is made from the members' proposals: each question is proposed by a member, not the secretary.

    The member must be in force on the day the plan is approved (body.yaml: from/until).
    """
    findings = []
    for item in plan.items:
        member = body.member(item.proposed_by)
        loc = item.loc_of("proposed_by")
        where = f"plan {plan.id}, item {item.no}"
        if member is None:
            findings.append(error(loc, f"{where}: unknown member id '{item.proposed_by}' (not in body.yaml)",
                                  "§16", PLAN))
        elif member.role == "secretary":
            findings.append(error(loc, f"{where}: proposed by the secretary '{member.id}', who is not a member of "
                                  "the Штаб: the plan is made from the members' proposals", "§16", PLAN))
        elif not member.in_force_on(plan.approved.date):
            findings.append(error(loc, f"{where}: '{member.id}' is not a member on "
                                  f"{plan.approved.date.isoformat()}, the day the plan is approved", "§16", PLAN))
    return findings


# ---------------------------------------------------------------- §17 sending and scheduling


def check_sent(plan: Plan) -> list[Finding]:
    """§17: the approved plan is sent to the members (a warning while it is not on record)."""
    if plan.sent_to_members is None:
        return [warning(plan.loc, f"plan {plan.id} is not recorded as sent to the members: "
                        "add sent_to_members: <date>", "§17")]
    if plan.sent_to_members < plan.approved.date:
        return [error(plan.loc_of("sent_to_members"), f"plan {plan.id} is sent to the members on "
                      f"{plan.sent_to_members.isoformat()}, before it was approved on "
                      f"{plan.approved.date.isoformat()}", "§17", PLAN)]
    return []


def check_when(plan: Plan, entry: PlanItem | PlanChange, label: str, required: bool = True) -> list[Finding]:
    """§17: a question is heard in a quarter or a month of the plan's own half-year, one of the two."""
    if entry.quarter is not None and entry.month is not None:
        return [error(entry.loc_of("month"), f"{label}: give either quarter or month, not both", "§17", PLAN)]
    if entry.quarter is not None:
        allowed = quarters_of(plan.half)
        if entry.quarter not in allowed:
            return [error(entry.loc_of("quarter"), f"{label}: quarter {entry.quarter} is outside {half_words(plan.id)}"
                          f" (quarters {allowed[0]}-{allowed[1]})", "§17", PLAN)]
        return []
    if entry.month is not None:
        if plan_id_of(entry.month) != plan.id:
            return [error(entry.loc_of("month"), f"{label}: {entry.month.strftime('%Y-%m')} is outside "
                          f"{half_words(plan.id)}", "§17", PLAN)]
        return []
    if required:
        return [error(entry.loc, f"{label}: say when it is heard: quarter: N or month: YYYY-MM", "§17", PLAN)]
    return []


def check_schedule(plan: Plan) -> list[Finding]:
    """§17: every planned question, and every added one that says when, falls inside the plan's half-year."""
    findings = []
    for item in plan.items:
        findings += check_when(plan, item, f"plan {plan.id}, item {item.no}")
    for change in plan.changes:
        if change.action == "add":
            findings += check_when(plan, change, f"plan {plan.id}, added question {change.no}", required=False)
    return findings


# ---------------------------------------------------------------- numbering


def check_item_numbers(plan: Plan) -> list[Finding]:
    """Each question of a plan has its own number: the items', then each added question's `no` (§17, §18).

    Meetings name questions as <plan>/<no>, so a number used twice would name two questions.
    """
    findings = []
    seen: dict[int, Loc] = {}
    for item in plan.items:
        loc = item.loc_of("no")
        if item.no < 1:
            findings.append(error(loc, f"plan {plan.id}: item numbers start at 1, not {item.no}", "§17", PLAN))
        elif item.no in seen:
            findings.append(error(loc, f"plan {plan.id}: item number {item.no} is used twice "
                                  f"(first at line {seen[item.no].line})", "§17", PLAN))
        else:
            seen[item.no] = loc
    for change in plan.changes:
        if change.action != "add" or change.no is None:
            continue
        loc = change.loc_of("no")
        if change.no < 1:
            findings.append(error(loc, f"plan {plan.id}: question numbers start at 1, not {change.no}", "§18", PLAN))
        elif change.no in seen:
            findings.append(error(loc, f"plan {plan.id}: the added question takes number {change.no}, which is "
                                  f"already taken (line {seen[change.no].line}); give the next free number",
                                  "§18", PLAN))
        else:
            seen[change.no] = loc
    return findings


# ---------------------------------------------------------------- §18 changes

_ADD_ONLY = ("no", "title", "responsible", "proposed_by", "quarter", "month")


def check_change_form(plan: Plan) -> list[Finding]:
    """§18: an exclusion or postponement names its `item`; a postponement says where `to`; an addition gives `no` and `title`."""
    findings = []
    for change in plan.changes:
        label = change_label(plan, change)
        given = change.model_fields_set
        if change.action == "add":
            if change.item is not None:
                findings.append(error(change.loc_of("item"), f"{label}: an added question takes a new number `no`, "
                                      "not `item`", "§18", PLAN))
            for key in ("no", "title"):
                if getattr(change, key) is None:
                    findings.append(error(change.loc, f"{label}: the added question needs `{key}`", "§18", PLAN))
        else:
            if change.item is None:
                findings.append(error(change.loc, f"{label}: name the plan item concerned: item: N", "§18", PLAN))
            for key in _ADD_ONLY:
                if key in given:
                    findings.append(error(change.loc_of(key), f"{label}: `{key}` belongs to an added question only",
                                          "§18", PLAN))
        if change.action == "postpone" and change.to is None:
            findings.append(error(change.loc, f"{label}: say where it is postponed to: to: 2026-09 or to: 2026-H2",
                                  "§18", PLAN))
        if change.action != "postpone" and change.to is not None:
            findings.append(error(change.loc_of("to"), f"{label}: only a postponement has `to`", "§18", PLAN))
    return findings


def plan_numbers(plan: Plan) -> list[int]:
    """Every question number of the plan: its items, then its added questions."""
    return [i.no for i in plan.items] + [c.no for c in plan.changes if c.action == "add" and c.no is not None]


def check_change_items(plan: Plan) -> list[Finding]:
    """§18: a change excludes or postpones a question of this plan (an item, or a question added to it)."""
    numbers = set(plan_numbers(plan))
    known = ", ".join(str(n) for n in sorted(numbers))
    return [error(change.loc_of("item"), f"plan {plan.id} has no item {change.item} to {change.action} "
                  f"(its questions: {known})", "§18", PLAN)
            for change in plan.changes
            if change.action != "add" and change.item is not None and change.item not in numbers]


def change_label(plan: Plan, change: PlanChange) -> str:
    """For the messages: "plan 2026-H1, postponement of item 5"."""
    what = {"exclude": "exclusion of item", "postpone": "postponement of item", "add": "added question"}[change.action]
    number = change.no if change.action == "add" else change.item
    return f"plan {plan.id}, {what} {number if number is not None else '?'}"


def check_change_authority(plan: Plan, body: Body) -> list[Finding]:
    """§18: the head decides a change, on a justification note of a deputy head or the working body, written first."""
    findings = []
    head = body.head
    deputies = {m.id for m in body.members if m.role == "deputy_head"}
    for change in plan.changes:
        label = change_label(plan, change)
        basis, decided = change.basis, change.decided
        if basis.by != WORKING_BODY and basis.by not in deputies:
            what = "an unknown member id" if body.member(basis.by) is None else "neither a deputy head nor the working body"
            findings.append(error(basis.loc_of("by"), f"{label}: the justification note is by '{basis.by}', {what}; "
                                  f"it comes from a deputy head ({', '.join(sorted(deputies))}) or {WORKING_BODY}",
                                  "§18", PLAN))
        if head is not None and decided.by != head.id:
            findings.append(error(decided.loc_of("by"), f"{label}: decided by '{decided.by}'; the head of the Штаб, "
                                  f"'{head.id}', decides changes of the plan", "§18", PLAN))
        if basis.date > decided.date:
            findings.append(error(basis.loc_of("date"), f"{label}: the justification note is dated "
                                  f"{basis.date.isoformat()}, after the decision of {decided.date.isoformat()}",
                                  "§18", PLAN))
    return findings


def check_postponement_targets(plan: Plan) -> list[Finding]:
    """§18: a postponement moves a question to a later time than planned: after its month, quarter or half-year."""
    items = {i.no: i for i in plan.items}
    added = {c.no: c for c in plan.changes if c.action == "add" and c.no is not None}
    findings = []
    for change in plan.changes:
        if change.action != "postpone" or change.to is None or change.item is None:
            continue
        entry = items.get(change.item) or added.get(change.item)
        if entry is None:
            continue
        planned = scheduled_end(plan.id, entry.quarter, entry.month)
        if period_start(change.to) <= planned:
            findings.append(error(change.loc_of("to"), f"plan {plan.id}, item {change.item}: postponed to "
                                  f"{change.to}, which is not later than planned", "§18", PLAN))
    return findings


def check_plan(plan: Plan, body: Body) -> list[Finding]:
    """Every rule of one plan on its own (§16-18); the meetings are linked in `link_meetings`."""
    return (check_approval(plan, body) + check_proposers(plan, body) + check_sent(plan) + check_schedule(plan)
            + check_item_numbers(plan) + check_change_form(plan) + check_change_items(plan)
            + check_change_authority(plan, body) + check_postponement_targets(plan))


# ---------------------------------------------------------------- questions and their fate


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
    def valid_halves(self) -> set[str]:
        """Reading of §18: a question is heard in its own half-year or in one it was postponed to."""
        return {self.plan_id} | {target_plan_id(c.to) for c in self.changes if c.action == "postpone" and c.to}

    @property
    def due_half(self) -> str:
        """The half-year by whose end the question has to be heard: the last postponement's, else its own."""
        postponed = self.postponed
        return target_plan_id(postponed.to) if postponed is not None and postponed.to else self.plan_id

    def state(self, as_of: dt.date) -> str:
        """What became of the question as of a day (RULES.md, Reading of §18), in this order:

        heard (at a meeting in a valid half-year) → excluded → postponed or pending
        (the half-year it is due in is not over on `as_of`) → not heard.
        """
        if self.hearings:
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


# ---------------------------------------------------------------- plan ↔ meetings (Reading of §18)


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
                link.findings += _unplanned(meeting, number, item, link)
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


def _unplanned(meeting: Meeting, number: int, item, link: Link) -> list[Finding]:
    findings = []
    if item.title is None:
        findings.append(error(item.loc, f"question {number} of meeting {meeting.id} has neither a title nor a plan "
                              "item: give title: {kk: ..., ru: ...} or plan: <plan>/<item>", "§22"))
    if meeting.kind == "regular":
        plan_id = plan_id_of(meeting.date)
        link.unplanned.append(Unplanned(meeting.id, number, meeting.date))
        findings.append(warning(item.loc, f"question {number} of the regular meeting {meeting.id} is in no plan: "
                                f"name its plan item (plan: {plan_id}/N), adding it to plans/{plan_id}.yaml by an "
                                "\"add\" change decided by the head if it is not planned", "§18"))
    return findings


def _missing_item(meeting: Meeting, number: int, item, plan_id: str, no: int, plans: dict[str, Plan],
                  plan_files: set[str]) -> list[Finding]:
    loc = item.loc_of("plan")
    if plan_id in plan_files and plan_id not in plans:
        if item.title is None:
            return [error(loc, f"question {number} takes its title from plan {plan_id}, which cannot be read "
                          "(see its errors)", "§18")]
        return []
    if plan_id not in plans:
        return [error(loc, f"question {number} names plan {plan_id}, which does not exist "
                      f"(no file plans/{plan_id}.yaml)", "§18")]
    numbers = ", ".join(str(n) for n in sorted(set(plan_numbers(plans[plan_id]))))
    return [error(loc, f"question {number} names {plan_id}/{no}, but plan {plan_id} has no question {no} "
                  f"(its questions: {numbers})", "§18")]


def _hearing_findings(meeting: Meeting, number: int, loc: Loc, question: Question) -> list[Finding]:
    """§18: the question is heard where the plan, as changed by the head, puts it."""
    heard_in = plan_id_of(meeting.date)
    day = meeting.date.isoformat()
    if question.added is not None and meeting.date < question.added.decided.date:
        return [warning(loc, f"{question.ref} is heard on {day}, before the head added it to the plan on "
                        f"{question.added.decided.date.isoformat()}", "§18")]
    excluded = question.excluded
    if excluded is not None and excluded.decided.date <= meeting.date:
        return [warning(loc, f"{question.ref} is heard on {day}, although the head excluded it from the plan on "
                        f"{excluded.decided.date.isoformat()}", "§18")]
    if heard_in not in question.valid_halves:
        return [warning(loc, f"{question.ref} is planned for {half_words(question.plan_id)} and heard on {day}, "
                        f"in {half_words(heard_in)}, with no postponement to it on record", "§18")]
    return []


def unheard_findings(questions: dict[str, Question], as_of: dt.date) -> list[Finding]:
    """Reading of §18: a question whose half-year is over, never heard, neither excluded nor postponed."""
    findings = []
    for question in questions.values():
        if question.state(as_of) != State.NOT_HEARD:
            continue
        postponed = question.postponed
        loc = postponed.loc if postponed is not None else question.loc
        since = ", where it was postponed to," if postponed is not None else ""
        findings.append(warning(loc, f"{question.ref} was not heard in {half_words(question.due_half)}{since} and is "
                                "neither excluded nor postponed by a decision of the head", "§18"))
    return findings


# ---------------------------------------------------------------- the assessor


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


# ---------------------------------------------------------------- the year's figures (annual report)


@dataclass(frozen=True)
class PlanExecution:
    """How the plans of one year were carried out (§16-18), for the annual report (§9.5, §26.7).

    The counts are of events, not a partition: a question postponed from the
    first half-year and heard in the second counts once as postponed and once
    as heard.

    - planned: questions approved in the year's plans (added ones not included);
    - added: questions added by the head's decision to the year's plans;
    - heard: questions (of any plan) heard during the year at a meeting in their own half-year or in the one
      they were postponed to; each question once, however many meetings heard it;
    - postponed, excluded: questions of the year's plans whose last change is a postponement, an exclusion;
    - pending: questions of the year's plans not heard yet, unchanged, in a half-year not over on `as_of`;
    - not_heard: questions of the year's plans due in a half-year over on `as_of`, never heard, neither
      excluded nor postponed (the §18 findings of `check`);
    - unplanned: questions of the year's regular meetings that name no plan item (§18 findings).
    """

    year: int
    planned: int
    added: int
    heard: int
    postponed: int
    excluded: int
    pending: int
    not_heard: int
    unplanned: int


def plan_execution(assessment, year: int, as_of: dt.date | None = None) -> PlanExecution:
    """The year's plan figures, as of `as_of` (default: 31 December of the year, as the annual report counts).

    Needs `assess_plans` to have run (it is in `main.ASSESSORS`); without plans every count is 0.
    """
    result: PlansResult | None = assessment.extra.get("plans")
    as_of = as_of or dt.date(year, 12, 31)
    if result is None:
        return PlanExecution(year, 0, 0, 0, 0, 0, 0, 0, 0)
    own = [q for q in result.questions.values() if int(q.plan_id[:4]) == year]
    states = [q.state(as_of) for q in own]
    heard = [q for q in result.questions.values() if any(h.date.year == year for h in q.hearings)]
    return PlanExecution(
        year=year,
        planned=sum(1 for q in own if q.added is None),
        added=sum(1 for q in own if q.added is not None),
        heard=len(heard),
        postponed=sum(1 for q in own if q.postponed is not None),
        excluded=sum(1 for q in own if q.excluded is not None),
        pending=sum(1 for s in states if s == State.PENDING),
        not_heard=sum(1 for s in states if s == State.NOT_HEARD),
        unplanned=sum(1 for u in result.unplanned if u.date.year == year),
    )
