"""The regulation's rules for one half-year work plan on its own (§16-18).

A plan (inputs/plans/<YYYY-H1|YYYY-H2>.yaml) lists the questions of a
half-year, each proposed by a member, with the bodies that report and the
quarter or month it is heard; the head approves it (§16) and it is sent to the
members (§17). The head may exclude a question, postpone it or add one, each on
a justification note of a deputy head or the working body (§18).

Each paragraph is one function below; `check_plan` runs them all. What became
of each question is `plan_questions`, its tie to the meetings `plan_links`, and
`plan_assess.assess_plans` runs the whole.
"""

from __future__ import annotations

from ..errors import Finding, Loc, error, warning
from ..models import WORKING_BODY, Body, Plan, PlanChange, PlanItem
from .calendar import half_words, period_start, plan_id_of, quarters_of, scheduled_end

PLAN = "plan"  # the document the plan's own errors make impossible

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
