"""§24, §28: which decisions are assignments, how a control entry is checked, when an assignment is overdue."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.load.models import ControlEntry, Text
from pipeline.rules.control import check_entry_status, default_as_of, standing
from pipeline.stages import check_project, prepare
from tests.support.inputs import BASE_MEETING, RUN_DATE, VOTING

D = dt.date


def entry(status, date=None, new_due=None):
    return ControlEntry(assignment="2026-01/1.1", status=status, date=date, new_due=new_due)


# ---------------------------------------------------------------- standing and overdue (§24, §28)


@pytest.mark.parametrize("control,due,as_of,status,overdue", [
    # no entry: in progress under the decision's own deadline
    (None, D(2026, 6, 30), D(2026, 6, 29), "in_progress", False),
    (None, D(2026, 6, 30), D(2026, 6, 30), "in_progress", False),      # due today is not overdue
    (None, D(2026, 6, 30), D(2026, 7, 1), "in_progress", True),        # the day after: overdue
    (entry("in_progress"), D(2026, 6, 30), D(2026, 7, 1), "in_progress", True),
    # a text deadline has no date: never overdue
    (None, Text({"kk": "тоқсан сайын", "ru": "ежеквартально"}), D(2026, 12, 31), "in_progress", False),
    (None, None, D(2026, 12, 31), "in_progress", False),
    # done and removed are never overdue, once their date has come
    (entry("done", D(2026, 7, 10)), D(2026, 6, 30), D(2026, 12, 31), "done", False),
    (entry("removed", D(2026, 7, 10)), D(2026, 6, 30), D(2026, 12, 31), "removed", False),
    # done after the as-of date: on that date it was still in progress, and late
    (entry("done", D(2026, 7, 10)), D(2026, 6, 30), D(2026, 7, 5), "in_progress", True),
    (entry("done", D(2026, 7, 10)), D(2026, 6, 30), D(2026, 7, 10), "done", False),
    # extended: the new deadline applies, with the same boundary
    (entry("extended", D(2026, 6, 20), D(2026, 9, 30)), D(2026, 6, 30), D(2026, 9, 30), "extended", False),
    (entry("extended", D(2026, 6, 20), D(2026, 9, 30)), D(2026, 6, 30), D(2026, 10, 1), "extended", True),
    # extended after the as-of date: the old deadline still applied
    (entry("extended", D(2026, 8, 1), D(2026, 9, 30)), D(2026, 6, 30), D(2026, 7, 15), "in_progress", True),
    # extension date not typed: in force whenever the register is made
    (entry("extended", None, D(2026, 9, 30)), D(2026, 6, 30), D(2026, 7, 15), "extended", False),
])
def test_standing_and_overdue_s24(control, due, as_of, status, overdue):
    result = standing(control, due, as_of)
    assert (result.status, result.overdue) == (status, overdue)


@pytest.mark.parametrize("year,today,expected", [
    (2026, D(2026, 11, 27), D(2026, 11, 27)),
    (2026, D(2027, 2, 1), D(2026, 12, 31)),
    (2026, D(2026, 12, 31), D(2026, 12, 31)),
])
def test_register_as_of_is_the_earlier_of_today_and_31_december_s24(year, today, expected):
    assert default_as_of(year, today) == expected


# ---------------------------------------------------------------- a status carries what it needs


@pytest.mark.parametrize("control,messages", [
    (entry("done", D(2026, 4, 1)), []),
    (entry("done"), ["status done needs its date"]),
    (entry("removed"), ["status removed needs its date"]),
    (entry("extended", D(2026, 4, 1)), ["status extended needs the new deadline"]),
    (entry("extended", D(2026, 4, 1), D(2026, 9, 30)), []),
    (entry("in_progress", new_due=D(2026, 9, 30)), ["new_due is ignored"]),
    (entry("in_progress", D(2026, 4, 1)), ["date is ignored"]),
])
def test_status_consistency_s24(control, messages):
    found = [str(f.message) for f in check_entry_status(control, None)]
    assert len(found) == len(messages)
    assert all(m in f for m, f in zip(messages, found))
    assert all(f.rule == "§24" for f in check_entry_status(control, None))


# ---------------------------------------------------------------- through the loader: file and line


ITEM = BASE_MEETING["items"][0]


def two_decision_meeting(project):
    """Meeting 2026-01: decision 1.1 adopted (unanimous), decision 1.2 not adopted (8 for of N = 16)."""
    item = dict(ITEM, decisions=[
        {"text": {"kk": "Тапсырылсын.", "ru": "Поручить."}, "due": "2026-06-30"},
        {"text": {"kk": "Ұсынылсын.", "ru": "Рекомендовать."}, "due": "2026-06-30",
         "vote": {"for": VOTING[:8], "against": VOTING[8:12]}},
    ])
    project.meeting(items=[item])


def findings(project):
    return [str(f) for f in check_project(prepare(project.inputs, RUN_DATE))]


def test_unknown_assignment_is_an_error_with_file_and_line_s24(project):
    two_decision_meeting(project)
    path = project.write("control/2026.yaml", [
        {"assignment": "2026-01/1.1", "status": "done", "date": "2026-04-01"},
        {"assignment": "2026-01/3.1", "status": "in_progress"},
    ])
    line = path.read_text(encoding="utf-8").splitlines().index("- assignment: 2026-01/3.1") + 1
    assert findings(project) == [f"{path}:{line}: unknown assignment '2026-01/3.1': no adopted decision has this id; "
                                 "the assignments of meeting 2026-01 are 2026-01/1.1 (§24)"]


def test_entries_of_a_meeting_whose_file_cannot_be_read_are_not_called_unknown_s24(project):
    """One mistake in a meeting file is one error, there: not also one "unknown assignment" per control entry."""
    two_decision_meeting(project)
    meeting = project.inputs / "meetings" / "2026-01.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("number: 1", "number: 1\nkindd: regular"),
                       encoding="utf-8")
    project.write("control/2026.yaml", [{"assignment": "2026-01/1.1", "status": "in_progress"},
                                        {"assignment": "2026-02/1.1", "status": "in_progress"}])
    found = findings(project)
    assert any("unknown key 'kindd'" in f for f in found)
    assert [f for f in found if "unknown assignment" in f] == [f for f in found if "'2026-02/1.1'" in f]
    assert len([f for f in found if "unknown assignment" in f]) == 1   # 2026-02 has no file at all: still unknown


def test_a_decision_not_adopted_creates_no_assignment_s24(project):
    two_decision_meeting(project)
    project.write("control/2026.yaml", [{"assignment": "2026-01/1.2", "status": "in_progress"}])
    found = findings(project)
    assert len(found) == 1 and "was not adopted" in found[0] and "(§24)" in found[0]
    assessment = prepare(project.inputs, RUN_DATE)
    assert [a.id for a in assessment.assignments] == ["2026-01/1.1"]


def test_done_before_the_meeting_is_an_error_s24(project):
    two_decision_meeting(project)
    project.write("control/2026.yaml", [{"assignment": "2026-01/1.1", "status": "done", "date": "2026-03-01"}])
    assert any("before the meeting" in f and f.endswith("(§24)") for f in findings(project))


def test_control_file_name_must_be_a_year(project):
    two_decision_meeting(project)
    project.write("control/current.yaml", [{"assignment": "2026-01/1.1", "status": "in_progress"}])
    assert any("the file name must be a year" in f for f in findings(project))


def test_malformed_assignment_id_is_reported_with_its_line(project):
    two_decision_meeting(project)
    path = project.write("control/2026.yaml", [{"assignment": "1.1", "status": "in_progress"}])
    found = findings(project)
    assert len(found) == 1 and found[0].startswith(f"{path}:1: ") and "assignment id" in found[0]


# ---------------------------------------------------------------- §24 a decision that assigns nothing is no assignment

TAKE_NOTE = {"text": {"kk": "Ақпарат назарға алынсын.", "ru": "Информацию принять к сведению."}}
POLICE = [{"kk": "Полиция бөлімі", "ru": "Отдел полиции"}]


@pytest.mark.parametrize("decision,vote,is_one", [
    (TAKE_NOTE, "unanimous", False),                                          # neither responsible nor deadline
    (dict(TAKE_NOTE, responsible=POLICE), "unanimous", True),                 # a responsible alone
    (dict(TAKE_NOTE, due="2026-06-30"), "unanimous", True),                   # a deadline alone
    (dict(TAKE_NOTE, due={"kk": "тоқсан сайын", "ru": "ежеквартально"}), "unanimous", True),   # a text deadline
    (dict(TAKE_NOTE, responsible=POLICE, due="2026-06-30"), "unanimous", True),
    (dict(TAKE_NOTE, responsible=POLICE, due="2026-06-30"),                   # not adopted (§13)
     {"for": VOTING[:8], "against": VOTING[8:12]}, False),
])
def test_only_a_decision_that_assigns_something_is_an_assignment_s24(project, decision, vote, is_one):
    project.meeting(items=[dict(ITEM, decisions=[decision], vote=vote)])
    assessment = prepare(project.inputs, D(2026, 12, 31))
    assert [a.id for a in assessment.assignments] == (["2026-01/1.1"] if is_one else [])


def test_a_control_entry_for_a_decision_that_assigns_nothing_is_an_error_s24(project):
    project.meeting(items=[dict(ITEM, decisions=[TAKE_NOTE])])
    path = project.write("control/2026.yaml", [{"assignment": "2026-01/1.1", "status": "in_progress",
                                                "note": "x"}])
    found = findings(project)
    assert len(found) == 1 and found[0].startswith(f"{path}:") and "assigns nothing" in found[0], found
    assert "(§24)" in found[0]
