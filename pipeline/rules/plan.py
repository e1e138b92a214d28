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

import datetime as dt

from ..core.errors import Finding, Loc, error, warning
from ..core.kinds import PLAN  # the document the plan's own errors make impossible
from ..load.models import WORKING_BODY, Body, Plan, PlanChange, PlanItem
from ..locale.messages import Message, _
from .calendar import half_bounds, half_words, period_start, plan_id_of, quarters_of, scheduled_end
from .roster import unknown_member

# ---------------------------------------------------------------- §16 approval and proposals


def check_approval(plan: Plan, body: Body) -> list[Finding]:
    """§16: the half-year plan is approved by the head of the Штаб."""
    approval = plan.approved
    head = body.head
    if body.member(approval.by) is None:
        return [error(approval.loc_of("by"), _(
            "plan {plan}: unknown member id '{member}' in approved.by: the plan is approved by the head of the Штаб, "
            "'{head}'", plan=plan.id, member=approval.by, head=head.id) if head is not None else unknown_member(
            approval.by, (m.id for m in body.members)), "§16", PLAN)]
    if head is not None and approval.by != head.id:
        return [error(approval.loc_of("by"), _("plan {plan} is approved by the head of the Штаб, '{head}', not "
                                               "'{member}': write approved: {{by: {head}, date: ...}}",
                                               plan=plan.id, head=head.id, member=approval.by), "§16", PLAN)]
    return []


def check_proposers(plan: Plan, body: Body) -> list[Finding]:
    """§16: the plan is made from the members' proposals: each question is proposed by a member, not the secretary.

    The member must be in force on the day the plan is approved (body.yaml: from/until).
    """
    findings = []
    for item in plan.items:
        member = body.member(item.proposed_by)
        loc = item.loc_of("proposed_by")
        where = _("plan {plan}, item {number}", plan=plan.id, number=item.no)
        if member is None:
            findings.append(error(loc, _("{where}: {message}", where=where, message=unknown_member(
                item.proposed_by, (m.id for m in body.members))), "§16", PLAN))
        elif member.role == "secretary":
            findings.append(error(loc, _("{where}: proposed by the secretary '{member}', who is not a member of the "
                                         "Штаб: the plan is made from the members' proposals; name the member who "
                                         "proposed it", where=where, member=member.id), "§16", PLAN))
        elif not member.in_force_on(plan.approved.date):
            findings.append(error(loc, _("{where}: '{member}' is not a member on {date}, the day the plan is "
                                         "approved", where=where, member=member.id,
                                         date=plan.approved.date.isoformat()), "§16", PLAN))
    return findings


# ---------------------------------------------------------------- §17 sending and scheduling


def check_sent(plan: Plan) -> list[Finding]:
    """§17: the approved plan is sent to the members (a warning while it is not on record)."""
    if plan.sent_to_members is None:
        return [warning(plan.loc, _("plan {plan} is not recorded as sent to the members: add e.g. "
                                    "sent_to_members: {date}", plan=plan.id, date=plan.approved.date.isoformat()),
                        "§17")]
    if plan.sent_to_members < plan.approved.date:
        return [error(plan.loc_of("sent_to_members"), _("plan {plan} is sent to the members on {sent}, before it was "
                                                        "approved on {approved}", plan=plan.id,
                                                        sent=plan.sent_to_members.isoformat(),
                                                        approved=plan.approved.date.isoformat()), "§17", PLAN)]
    return []


def check_when(plan: Plan, entry: PlanItem | PlanChange, label: Message, required: bool = True) -> list[Finding]:
    """§17: a question is heard in a quarter or a month of the plan's own half-year, one of the two."""
    if entry.quarter is not None and entry.month is not None:
        return [error(entry.loc_of("month"), _("{label}: give either quarter or month, not both", label=label),
                      "§17", PLAN)]
    if entry.quarter is not None:
        allowed = quarters_of(plan.half)
        if entry.quarter not in allowed:
            return [error(entry.loc_of("quarter"), _("{label}: quarter {quarter} is outside {half} (quarters "
                                                     "{first}-{second})", label=label, quarter=entry.quarter,
                                                     half=half_words(plan.id), first=allowed[0], second=allowed[1]),
                          "§17", PLAN)]
        return []
    if entry.month is not None:
        if plan_id_of(entry.month) != plan.id:
            return [error(entry.loc_of("month"), _("{label}: the month {month} is outside {half}", label=label,
                                                   month=entry.month.strftime("%Y-%m"), half=half_words(plan.id)),
                          "§17", PLAN)]
        return []
    if required:
        return [error(entry.loc, _("{label}: say when it is heard: quarter: N or month: YYYY-MM", label=label),
                      "§17", PLAN)]
    return []


def check_schedule(plan: Plan) -> list[Finding]:
    """§17: every planned question, and every added one that says when, falls inside the plan's half-year."""
    findings = []
    for item in plan.items:
        findings += check_when(plan, item, _("plan {plan}, item {number}", plan=plan.id, number=item.no))
    for change in plan.changes:
        if change.action == "add":
            findings += check_when(plan, change, change_label(plan, change), required=False)
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
            findings.append(error(loc, _("plan {plan}: item numbers start at 1, not {number}", plan=plan.id,
                                         number=item.no), "§17", PLAN))
        elif item.no in seen:
            findings.append(error(loc, _("plan {plan}: item number {number} is used twice (first at line {line}): "
                                         "give each question its own number", plan=plan.id, number=item.no,
                                         line=seen[item.no].line), "§17", PLAN))
        else:
            seen[item.no] = loc
    for change in plan.changes:
        if change.action != "add" or change.no is None:
            continue
        loc = change.loc_of("no")
        if change.no < 1:
            findings.append(error(loc, _("plan {plan}: question numbers start at 1, not {number}", plan=plan.id,
                                         number=change.no), "§18", PLAN))
        elif change.no in seen:
            findings.append(error(loc, _("plan {plan}: the added question takes number {number}, which is already "
                                         "taken (line {line}); give the next free number", plan=plan.id,
                                         number=change.no, line=seen[change.no].line), "§18", PLAN))
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
                findings.append(error(change.loc_of("item"), _("{label}: an added question takes a new number "
                                                                "(no), not item", label=label), "§18", PLAN))
            for key in ("no", "title"):
                if getattr(change, key) is None:
                    findings.append(error(change.loc, _("{label}: the added question needs {key}", label=label,
                                                        key=key), "§18", PLAN))
        else:
            if change.item is None:
                findings.append(error(change.loc, _("{label}: name the plan item concerned: item: N", label=label),
                                      "§18", PLAN))
            for key in _ADD_ONLY:
                if key in given:
                    findings.append(error(change.loc_of(key), _("{label}: {key} belongs to an added question only: "
                                                                "remove it", label=label, key=key), "§18", PLAN))
        if change.action == "postpone" and change.to is None:
            following = half_bounds(plan.id)[1] + dt.timedelta(days=1)   # e.g. the next half-year, or its month
            findings.append(error(change.loc, _("{label}: say where it is postponed to (a month or a half-year), "
                                                "e.g. to: {month} or to: {half}", label=label,
                                                month=following.strftime("%Y-%m"), half=plan_id_of(following)),
                                  "§18", PLAN))
        if change.action != "postpone" and change.to is not None:
            findings.append(error(change.loc_of("to"), _("{label}: only a postponement has to: remove it",
                                                         label=label), "§18", PLAN))
    return findings


def plan_numbers(plan: Plan) -> list[int]:
    """Every question number of the plan: its items, then its added questions."""
    return [i.no for i in plan.items] + [c.no for c in plan.changes if c.action == "add" and c.no is not None]


def check_change_items(plan: Plan) -> list[Finding]:
    """§18: a change excludes or postpones a question of this plan (an item, or a question added to it)."""
    numbers = set(plan_numbers(plan))
    known = ", ".join(str(n) for n in sorted(numbers))
    return [error(change.loc_of("item"), _("plan {plan} has no item {number} (action: {action}); its questions: "
                                           "{known}", plan=plan.id, number=change.item, action=change.action,
                                           known=known), "§18", PLAN)
            for change in plan.changes
            if change.action != "add" and change.item is not None and change.item not in numbers]


def change_label(plan: Plan, change: PlanChange) -> Message:
    """For the messages: "plan 2026-H1, postponement of item 5"."""
    number = change.no if change.action == "add" else change.item
    number = number if number is not None else "?"
    if change.action == "exclude":
        return _("plan {plan}, exclusion of item {number}", plan=plan.id, number=number)
    if change.action == "postpone":
        return _("plan {plan}, postponement of item {number}", plan=plan.id, number=number)
    return _("plan {plan}, added question {number}", plan=plan.id, number=number)


def check_change_authority(plan: Plan, body: Body) -> list[Finding]:
    """§18: the head decides a change, on a justification note of a deputy head or the working body, written first."""
    findings = []
    head = body.head
    deputies = {m.id for m in body.members if m.role == "deputy_head"}
    for change in plan.changes:
        label = change_label(plan, change)
        basis, decided = change.basis, change.decided
        if basis.by != WORKING_BODY and basis.by not in deputies:
            what = (_("an unknown member id") if body.member(basis.by) is None
                    else _("neither a deputy head nor the working body"))
            findings.append(error(basis.loc_of("by"), _("{label}: the justification note is by '{member}', {what}; it "
                                                        "comes from a deputy head ({deputies}) or {working_body}",
                                                        label=label, member=basis.by, what=what,
                                                        deputies=", ".join(sorted(deputies)),
                                                        working_body=WORKING_BODY), "§18", PLAN))
        if head is not None and decided.by != head.id:
            findings.append(error(decided.loc_of("by"), _("{label}: decided by '{member}'; the head of the Штаб, "
                                                          "'{head}', decides changes of the plan: write decided: "
                                                          "{{by: {head}, date: ...}}", label=label,
                                                          member=decided.by, head=head.id), "§18", PLAN))
        if basis.date > decided.date:
            findings.append(error(basis.loc_of("date"), _("{label}: the justification note is dated {basis}, after "
                                                          "the decision of {decided}", label=label,
                                                          basis=basis.date.isoformat(),
                                                          decided=decided.date.isoformat()), "§18", PLAN))
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
            findings.append(error(change.loc_of("to"), _("plan {plan}, item {number}: postponed to {to}, which is not "
                                                         "later than planned", plan=plan.id, number=change.item,
                                                         to=change.to), "§18", PLAN))
    return findings


def check_plan(plan: Plan, body: Body) -> list[Finding]:
    """Every rule of one plan on its own (§16-18); the meetings are linked in `link_meetings`."""
    return (check_approval(plan, body) + check_proposers(plan, body) + check_sent(plan) + check_schedule(plan)
            + check_item_numbers(plan) + check_change_form(plan) + check_change_items(plan)
            + check_change_authority(plan, body) + check_postponement_targets(plan))
