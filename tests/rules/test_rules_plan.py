"""The regulation's plan rules (§16-18), each with a table of cases and its boundaries (docs/regulation/readings.md)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from pipeline.load.loader import load_file
from pipeline.load.models import Body, Meeting, Plan
from pipeline.rules import calendar, plan_links, plan_questions
from pipeline.rules import plan as rules
from pipeline.rules.plan_questions import State
from tests.support.inputs import BASE_MEETING, SAMPLE

BODY, _ = load_file(SAMPLE / "body.yaml", Body)

TITLE = {"kk": "Мәселе туралы", "ru": "О вопросе"}
BASIS = {"by": "deputy_akim", "date": "2026-04-20", "text": {"kk": "Негіздеме.", "ru": "Обоснование."}}
DECIDED = {"by": "akim", "date": "2026-04-22"}


def item(no, **changes):
    data = {"no": no, "title": TITLE, "responsible": ["Полиция"], "proposed_by": "police", "quarter": 1}
    if "month" in changes and "quarter" not in changes:
        data.pop("quarter")
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def change(**changes):
    data = {"basis": dict(BASIS), "decided": dict(DECIDED)}
    data.update(changes)
    return data


def make_plan(plan_id="2026-H1", items=None, changes=None, **keys) -> Plan:
    data = {"approved": {"by": "akim", "date": "2025-12-26"}, "sent_to_members": "2025-12-29",
            "items": items if items is not None else [item(1), item(2, quarter=2), item(3, month="2026-03")],
            "changes": changes or []}
    data.update(keys)
    plan = Plan.model_validate({k: v for k, v in data.items() if v is not None})
    plan._id = plan_id
    return plan


def rule_messages(findings):
    return [(f.rule, f.severity.value, str(f.message)) for f in findings]


# ---------------------------------------------------------------- §16


@pytest.mark.parametrize("approver,errors", [
    ("akim", 0),            # the head
    ("deputy_akim", 1),     # a deputy head does not approve the plan
    ("secretary", 1),
    ("nobody", 1),          # unknown id
])
def test_plan_is_approved_by_the_head_s16(approver, errors):
    plan = make_plan(approved={"by": approver, "date": "2025-12-26"})
    found = rules.check_approval(plan, BODY)
    assert len(found) == errors and all(f.rule == "§16" and f.is_error for f in found)


@pytest.mark.parametrize("proposer,ok", [
    ("prosecutor", True),    # a member
    ("police", True),        # a deputy head is a member too
    ("akim", True),          # so is the head
    ("secretary", False),    # the secretary is not a member of the Штаб
    ("nobody", False),
])
def test_questions_are_proposed_by_members_s16(proposer, ok):
    found = rules.check_proposers(make_plan(items=[item(1, proposed_by=proposer)]), BODY)
    assert (found == []) is ok
    assert all(f.rule == "§16" and "item 1" in str(f.message) for f in found)


def test_proposer_must_be_a_member_on_the_approval_day_s16():
    body = BODY.model_copy(deep=True)
    body.member("knb").from_ = dt.date(2026, 1, 1)
    assert rules.check_proposers(make_plan(items=[item(1, proposed_by="knb")]), body)
    assert not rules.check_proposers(make_plan(items=[item(1, proposed_by="knb")],
                                               approved={"by": "akim", "date": "2026-01-01"}), body)


# ---------------------------------------------------------------- §17


@pytest.mark.parametrize("sent,severity", [
    ("2025-12-29", None),
    ("2025-12-26", None),       # the day of approval: boundary
    ("2025-12-25", "error"),    # before the approval
    (None, "warning"),          # not on record: a finding, documents still written
])
def test_plan_is_sent_to_members_after_approval_s17(sent, severity):
    found = rules.check_sent(make_plan(sent_to_members=sent))
    assert [f.severity.value for f in found] == ([severity] if severity else [])
    assert all(f.rule == "§17" for f in found)


@pytest.mark.parametrize("plan_id,when,ok", [
    ("2026-H1", {"quarter": 1}, True),
    ("2026-H1", {"quarter": 2}, True),
    ("2026-H1", {"quarter": 3}, False),
    ("2026-H2", {"quarter": 3}, True),
    ("2026-H2", {"quarter": 4}, True),
    ("2026-H2", {"quarter": 2}, False),
    ("2026-H2", {"quarter": 5}, False),
    ("2026-H1", {"month": "2026-01"}, True),    # first month of the half
    ("2026-H1", {"month": "2026-06"}, True),    # last month of the half
    ("2026-H1", {"month": "2026-07"}, False),
    ("2026-H2", {"month": "2026-07"}, True),
    ("2026-H2", {"month": "2026-12"}, True),
    ("2026-H2", {"month": "2027-01"}, False),   # the next year
    ("2026-H1", {"month": "2025-06"}, False),   # same half, another year
    ("2026-H1", {"quarter": None}, False),      # neither quarter nor month
    ("2026-H1", {"quarter": 1, "month": "2026-02"}, False),  # both
])
def test_questions_are_scheduled_inside_the_half_year_s17(plan_id, when, ok):
    found = rules.check_schedule(make_plan(plan_id, items=[item(1, **when)]))
    assert (found == []) is ok
    assert all(f.rule == "§17" and f.is_error for f in found)


def test_added_question_outside_the_half_year_s17():
    plan = make_plan(changes=[change(action="add", no=4, title=TITLE, quarter=3)])
    assert [f.rule for f in rules.check_schedule(plan)] == ["§17"]


# ---------------------------------------------------------------- numbering


@pytest.mark.parametrize("numbers,adds,errors", [
    ([1, 2, 3], [4], 0),
    ([1, 2, 2], [], 1),          # duplicate item numbers
    ([1, 2, 3], [3], 1),         # an add whose number collides with an item
    ([1, 2, 3], [4, 4], 1),      # two adds with one number
    ([0, 1], [], 1),             # numbers start at 1
])
def test_each_question_has_its_own_number(numbers, adds, errors):
    plan = make_plan(items=[item(n) for n in numbers],
                     changes=[change(action="add", no=n, title=TITLE, quarter=2) for n in adds])
    assert len(rules.check_item_numbers(plan)) == errors


# ---------------------------------------------------------------- §18


@pytest.mark.parametrize("basis_by,decided_by,basis_date,decided_date,rules_hit", [
    ("deputy_akim", "akim", "2026-04-20", "2026-04-22", []),
    ("police", "akim", "2026-04-20", "2026-04-22", []),           # the other deputy head
    ("working_body", "akim", "2026-04-20", "2026-04-22", []),
    ("deputy_akim", "akim", "2026-04-22", "2026-04-22", []),      # same day: boundary
    ("deputy_akim", "akim", "2026-04-23", "2026-04-22", ["§18"]),  # the note after the decision
    ("prosecutor", "akim", "2026-04-20", "2026-04-22", ["§18"]),  # a member, not a deputy head
    ("akim", "akim", "2026-04-20", "2026-04-22", ["§18"]),        # the head does not write the note
    ("secretary", "akim", "2026-04-20", "2026-04-22", ["§18"]),
    ("apparatus", "akim", "2026-04-20", "2026-04-22", ["§18"]),   # head of the apparatus as a member: use working_body
    ("nobody", "akim", "2026-04-20", "2026-04-22", ["§18"]),
    ("deputy_akim", "deputy_akim", "2026-04-20", "2026-04-22", ["§18"]),  # the head decides
    ("deputy_akim", "police", "2026-04-20", "2026-04-22", ["§18"]),
])
def test_change_note_by_a_deputy_or_the_working_body_decided_by_the_head_s18(basis_by, decided_by, basis_date,
                                                                              decided_date, rules_hit):
    plan = make_plan(changes=[change(item=2, action="exclude",
                                     basis={"by": basis_by, "date": basis_date, "text": "Негіздеме"},
                                     decided={"by": decided_by, "date": decided_date})])
    found = rules.check_change_authority(plan, BODY)
    assert [f.rule for f in found] == rules_hit
    assert all("plan 2026-H1, exclusion of item 2" in str(f.message) for f in found)


@pytest.mark.parametrize("target,ok", [(1, True), (3, True), (4, True), (7, False)])
def test_change_names_an_existing_question_s18(target, ok):
    plan = make_plan(changes=[change(action="add", no=4, title=TITLE, quarter=2),
                              change(item=target, action="postpone", to="2026-H2")])
    found = rules.check_change_items(plan)
    assert (found == []) is ok
    assert all("plan 2026-H1 has no item 7" in str(f.message) for f in found)


@pytest.mark.parametrize("spec,ok", [
    ({"item": 1, "action": "exclude"}, True),
    ({"item": 1, "action": "postpone", "to": "2026-H2"}, True),
    ({"item": 1, "action": "postpone"}, False),                        # where to?
    ({"action": "exclude"}, False),                                    # which item?
    ({"item": 1, "action": "exclude", "to": "2026-H2"}, False),        # only a postponement has `to`
    ({"item": 1, "action": "exclude", "title": TITLE}, False),         # a title belongs to an added question
    ({"action": "add", "no": 4, "title": TITLE}, True),
    ({"action": "add", "no": 4}, False),                               # no title
    ({"action": "add", "title": TITLE}, False),                        # no number
    ({"action": "add", "item": 4, "title": TITLE}, False),             # `item` instead of `no`
])
def test_change_form_s18(spec, ok):
    found = rules.check_change_form(make_plan(changes=[change(**spec)]))
    assert (found == []) is ok
    assert all(f.rule == "§18" for f in found)


@pytest.mark.parametrize("planned,to,ok", [
    ({"quarter": 1}, "2026-04", True),
    ({"quarter": 1}, "2026-03", False),      # inside its own quarter, not later
    ({"quarter": None}, "2026-06", False),   # planned for the half-year as a whole
    ({"quarter": 2}, "2026-H2", True),
    ({"month": "2026-03"}, "2026-03", False),
    ({"month": "2026-03"}, "2026-05", True),
    ({"quarter": 2}, "2026-H1", False),      # its own half-year
    ({"quarter": 2}, "2025-12", False),      # into the past
])
def test_postponement_goes_later_s18(planned, to, ok):
    plan = make_plan(items=[item(1, **{"quarter": None, **planned})],
                     changes=[change(item=1, action="postpone", to=to)])
    assert (rules.check_postponement_targets(plan) == []) is ok


def test_sample_plans_follow_every_plan_rule():
    from pipeline.stages import load_project
    project = load_project(SAMPLE)
    for plan in project.plans.values():
        assert rules.check_plan(plan, project.body) == [], plan.id


# ---------------------------------------------------------------- Reading of §18: plans and meetings


def meeting(meeting_id, date, refs, kind="regular") -> Meeting:
    data = copy.deepcopy(BASE_MEETING)
    data.update(date=date, kind=kind, items=[])
    for ref in refs:
        entry = copy.deepcopy(BASE_MEETING["items"][0])
        entry.pop("plan")
        if ref:
            entry["plan"] = ref
        data["items"].append(entry)
    result = Meeting.model_validate(data)
    result._id = meeting_id
    return result


def linked(plan: Plan, meetings: list[Meeting]):
    questions = plan_questions.plan_questions(plan)
    link = plan_links.link_meetings(meetings, {plan.id: plan}, {plan.id}, questions)
    return questions, link


H1 = dt.date(2026, 7, 1)          # the first half-year is over
DURING = dt.date(2026, 5, 1)      # the first half-year is not


@pytest.mark.parametrize("refs,kind,expected", [
    (["2026-H1/1"], "regular", []),
    ([None], "regular", ["§18 warning"]),             # in no plan
    ([None], "extraordinary", []),                    # an extraordinary meeting's own question
    (["2026-H1/9"], "regular", ["§18 error"]),         # no such item
    (["2026-H9/1"], "regular", []),                   # malformed ids are refused by the model; see below
])
def test_meeting_question_is_in_the_plan_s18(refs, kind, expected):
    if refs == ["2026-H9/1"]:
        with pytest.raises(Exception):
            meeting("m", "2026-03-12", refs, kind)
        return
    _, link = linked(make_plan(), [meeting("m", "2026-03-12", refs, kind)])
    assert [f"{f.rule} {f.severity.value}" for f in link.findings] == expected


def test_reference_to_a_missing_plan_is_an_error_s18():
    questions = plan_questions.plan_questions(make_plan())
    link = plan_links.link_meetings([meeting("m", "2026-03-12", ["2027-H1/1"])], {}, set(), questions)
    assert [(f.rule, f.is_error) for f in link.findings] == [("§18", True)]
    assert "plan 2027-H1, which does not exist" in str(link.findings[0].message)


def test_question_without_title_nor_plan_item_is_an_error():
    data = copy.deepcopy(BASE_MEETING)
    data["items"][0].pop("plan")
    data["items"][0].pop("title")
    m = Meeting.model_validate(data)
    m._id = "m"
    _, link = linked(make_plan(), [m])
    assert [(f.rule, f.is_error) for f in link.findings] == [("§22", True), ("§18", False)]


def test_meeting_without_title_borrows_the_plan_title():
    data = copy.deepcopy(BASE_MEETING)
    data["items"][0].pop("title")
    m = Meeting.model_validate(data)
    m._id = "m"
    _, link = linked(make_plan(), [m])
    assert link.findings == [] and link.titles["m"][1].get("ru") == "О вопросе"


def states(plan, meetings, as_of):
    questions, link = linked(plan, meetings)
    return {ref: q.state(as_of) for ref, q in questions.items()}, link, questions


def test_planned_question_never_heard_is_a_finding_once_the_half_year_is_over_s18():
    plan = make_plan()
    result, _, questions = states(plan, [meeting("m", "2026-03-12", ["2026-H1/1", "2026-H1/3"])], H1)
    assert result == {"2026-H1/1": State.HEARD, "2026-H1/2": State.NOT_HEARD, "2026-H1/3": State.HEARD}
    found = plan_questions.unheard_findings(questions, H1)
    assert [(f.rule, f.is_error) for f in found] == [("§18", False)]
    assert "2026-H1/2 was not heard in the first half of 2026" in str(found[0].message)
    # the last day of the half-year: not over yet
    assert plan_questions.unheard_findings(questions, dt.date(2026, 6, 30)) == []


@pytest.mark.parametrize("changes,heard_at,expected", [
    ([change(item=2, action="exclude")], [], State.EXCLUDED),
    ([change(item=2, action="postpone", to="2026-H2")], [], State.NOT_HEARD),   # its new half-year is over too
    ([change(item=2, action="postpone", to="2026-09")], [("2026-09-17", True)], State.HEARD),
    # heard in the new half-year: counts as heard there
    ([change(item=2, action="postpone", to="2026-H2")], [("2026-11-19", True)], State.HEARD),
    # heard in a half-year it was not postponed to: not counted, a warning
    ([], [("2026-09-17", False)], State.NOT_HEARD),
    # heard after the head excluded it: not counted, a warning
    ([change(item=2, action="exclude")], [("2026-05-12", False)], State.EXCLUDED),
])
def test_fate_of_a_question_s18(changes, heard_at, expected):
    plan = make_plan(changes=changes)
    meetings = [meeting(f"m{i}", day, ["2026-H1/2"]) for i, (day, _) in enumerate(heard_at)]
    result, link, questions = states(plan, meetings, dt.date(2027, 1, 1))
    assert result["2026-H1/2"] == expected
    assert len(link.findings) == sum(1 for _, counted in heard_at if not counted)
    assert all(f.rule == "§18" and not f.is_error for f in link.findings)


def test_postponed_question_never_heard_in_its_new_half_year_s18():
    plan = make_plan(changes=[change(item=2, action="postpone", to="2026-H2")])
    _, _, questions = states(plan, [meeting("m", "2026-03-12", ["2026-H1/1", "2026-H1/3"])], dt.date(2027, 1, 1))
    found = plan_questions.unheard_findings(questions, dt.date(2027, 1, 1))
    assert len(found) == 1 and "second half of 2026, where it was postponed to" in str(found[0].message)
    assert plan_questions.unheard_findings(questions, dt.date(2026, 12, 31)) == []


def test_added_question_heard_before_the_decision_s18():
    plan = make_plan(changes=[change(action="add", no=4, title=TITLE, quarter=2)])   # decided 2026-04-22
    _, link, _ = states(plan, [meeting("m", "2026-04-21", ["2026-H1/4"])], DURING)
    assert [f.rule for f in link.findings] == ["§18"] and "before the head added it" in str(link.findings[0].message)
    _, link, _ = states(plan, [meeting("m", "2026-04-22", ["2026-H1/4"])], DURING)
    assert link.findings == []


def test_postponed_while_its_new_half_year_runs_s18():
    plan = make_plan(changes=[change(item=2, action="postpone", to="2026-H2")])
    result, _, _ = states(plan, [], dt.date(2026, 12, 31))
    assert result["2026-H1/2"] == State.POSTPONED


def test_pending_while_the_half_year_runs_s18():
    result, _, questions = states(make_plan(), [], DURING)
    assert set(result.values()) == {State.PENDING}
    assert plan_questions.unheard_findings(questions, DURING) == []


# ---------------------------------------------------------------- half-year arithmetic


@pytest.mark.parametrize("day,plan_id", [
    ("2026-01-01", "2026-H1"), ("2026-06-30", "2026-H1"), ("2026-07-01", "2026-H2"), ("2026-12-31", "2026-H2"),
])
def test_plan_id_of_a_day(day, plan_id):
    assert calendar.plan_id_of(dt.date.fromisoformat(day)) == plan_id


@pytest.mark.parametrize("to,plan_id", [("2026-H2", "2026-H2"), ("2026-06", "2026-H1"), ("2026-07", "2026-H2")])
def test_postponement_target_half(to, plan_id):
    assert calendar.target_plan_id(to) == plan_id
