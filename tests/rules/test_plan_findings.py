"""Plan findings through the loader, the rules and the command line: exit code, file:line and §N (§16-18)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import stages
from pipeline.cli.main import cli
from pipeline.rules import annual
from pipeline.rules.plan_questions import State
from tests.support.inputs import BASE_MEETING, BASE_PLAN, SAMPLE

AFTER_2026 = dt.date(2027, 1, 1)      # every half-year of the samples is over


@pytest.fixture(autouse=True)
def after_2026(monkeypatch):
    """`check` judges which half-years are over as of the run's day: every half-year of the samples is over."""
    monkeypatch.setenv("SHTAB_AS_OF", AFTER_2026.isoformat())


def run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def check(project, *options):
    return run("--inputs", str(project.inputs), "--outputs", str(project.outputs), "check", *options)


def line_of(path: Path, text: str, nth: int = 1) -> int:
    """The 1-based line of the nth line of the file that contains `text`."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line]
    return hits[nth - 1]


def plan_with(**changes):
    data = copy.deepcopy(BASE_PLAN)
    data.update(changes)
    return data


def question(no, **keys):
    data = copy.deepcopy(BASE_PLAN["items"][0])
    data.update(no=no, **keys)
    return data


NOTE = {"by": "deputy_akim", "date": "2026-02-10", "text": {"kk": "Негіздеме.", "ru": "Обоснование."}}
DECIDED = {"by": "akim", "date": "2026-02-12"}


# ---------------------------------------------------------------- the sample


def test_sample_has_no_plan_findings():
    code, out = run("--inputs", str(SAMPLE), "check")
    assert code == 0, out
    assert not [line for line in out.splitlines() if any(r in line for r in ("§16", "§17", "§18"))]


def test_sample_plan_execution_for_2026():
    assessment = stages.prepare(SAMPLE, AFTER_2026)
    figures = annual.plan_execution(assessment.plans, 2026)
    assert figures == annual.PlanExecution(year=2026, planned=10, added=1, heard=10, postponed=0, excluded=1,
                                               pending=0, not_heard=0, heard_earlier=0, unplanned=0)


ANOTHER_YEAR = SAMPLE.parent / "tests" / "data" / "another-year" / "inputs"


@pytest.mark.parametrize("inputs,year,figures", [
    (SAMPLE, 2026, (10, 1, 10, 0, 1, 0)),
    # 2027-H1/4 postponed to H2 and heard there; 2027-H1/5 added; 2027-H2/4 never heard nor changed
    (ANOTHER_YEAR, 2027, (8, 1, 8, 0, 0, 1)),
], ids=["sample 2026", "another year 2027"])
def test_the_annual_plan_figures_add_up_and_agree_with_check_s18(inputs, year, figures):
    """Every question of the year's plans in one state: planned + added = heard + postponed + excluded +
    pending + not heard; the not heard are exactly check's §18 findings once the year is over."""
    over = annual.year_over(year)
    assessment = stages.prepare(inputs, over)
    counts = annual.plan_execution(assessment.plans, year)
    assert (counts.planned, counts.added, counts.heard, counts.postponed, counts.excluded,
            counts.not_heard) == figures
    assert counts.planned + counts.added == counts.accounted
    unheard = [f for f in assessment.findings
               if f.rule == "§18" and f"{year}-H" in f.render("en") and "was not heard in" in f.render("en")]
    assert counts.not_heard == len(unheard)


def test_a_question_postponed_to_next_year_is_postponed_then_heard_earlier_s18(project):
    project.plan(changes=[{"item": 1, "action": "postpone", "to": "2027-H1",
                           "basis": {"by": "working_body", "date": "2026-02-10", "text": {"kk": "Н.", "ru": "О."}},
                           "decided": DECIDED}])
    project.meeting(items=[dict(copy.deepcopy(BASE_MEETING["items"][0]), plan=None,
                                title={"kk": "Шұғыл мәселе", "ru": "Срочный вопрос"})],
                    kind="extraordinary", initiated_by=["akim"])
    project.plan("2027-H1", approved={"by": "akim", "date": "2026-12-26"}, sent_to_members="2026-12-29")
    project.meeting("2027-01", date="2027-03-11", agenda_approved={"by": "akim", "date": "2027-03-04"},
                    documents_sent="2027-03-05", protocol={"drawn_up": "2027-03-12", "signed_by": "akim"})
    assessment = stages.prepare(project.inputs, annual.year_over(2027))
    first, second = annual.plan_execution(assessment.plans, 2026), annual.plan_execution(assessment.plans, 2027)
    assert (first.planned, first.postponed, first.heard, first.accounted) == (1, 1, 0, 1)
    assert (second.planned, second.heard, second.not_heard, second.heard_earlier, second.accounted) == (1, 0, 1, 1, 1)


def test_sample_postponed_question_counts_as_heard_in_its_new_half_year():
    result = stages.prepare(SAMPLE, AFTER_2026).plans
    question = result.questions["2026-H1/5"]
    assert question.postponed is not None and question.state(AFTER_2026) == State.HEARD
    assert [h.meeting_id for h in question.hearings] == ["2026-04"]
    assert result.questions["2026-H2/5"].state(AFTER_2026) == State.EXCLUDED


# ---------------------------------------------------------------- errors: exit 1, file:line, §


def test_meeting_naming_a_missing_plan_item_is_an_error_with_its_line_s18(project):
    items = [dict(copy.deepcopy(BASE_MEETING["items"][0]), plan="2026-H1/7")]
    path = project.meeting(items=items)
    code, out = check(project)
    assert code == 1
    assert (f"{path}:{line_of(path, 'plan: 2026-H1/7')}: question 1 names 2026-H1/7, but plan 2026-H1 has no "
            "question 7 (its questions: 1) (§18)") in out


def test_meeting_naming_a_missing_plan_is_an_error_s18(project):
    items = [dict(copy.deepcopy(BASE_MEETING["items"][0]), plan="2025-H2/1")]
    project.meeting(items=items)
    code, out = check(project)
    assert code == 1 and "names plan 2025-H2, which does not exist" in out and "(§18)" in out


def test_missing_plan_item_refuses_the_protocol(project):
    items = [dict(copy.deepcopy(BASE_MEETING["items"][0]), plan="2026-H1/7")]
    project.meeting(items=items)
    code, out = run("--inputs", str(project.inputs), "--outputs", str(project.outputs), "protocol")
    assert code == 1 and "nothing was written" in out
    assert not project.outputs.exists()


def test_question_with_neither_title_nor_plan_item_is_an_error(project):
    entry = copy.deepcopy(BASE_MEETING["items"][0])
    entry.pop("plan")
    entry.pop("title")
    path = project.meeting(items=[entry])
    code, out = check(project)
    assert code == 1
    assert (f"{path}:{line_of(path, '- speakers:')}: question 1 of meeting 2026-01 has neither a title nor a plan "
            "item") in out


@pytest.mark.parametrize("changes,needle,rule", [
    ({"approved": {"by": "deputy_akim", "date": "2025-12-26"}}, "by: deputy_akim", "§16"),
    ({"items": [question(1, proposed_by="secretary")]}, "proposed_by: secretary", "§16"),
    ({"items": [question(1, proposed_by="nobody")]}, "proposed_by: nobody", "§16"),
    ({"items": [question(1), question(1)]}, "'no': 1", "§17"),
    ({"items": [question(1, quarter=3)]}, "quarter: 3", "§17"),
    ({"sent_to_members": "2025-12-01"}, "sent_to_members", "§17"),
    ({"changes": [{"item": 9, "action": "exclude", "basis": NOTE, "decided": DECIDED}]}, "item: 9", "§18"),
    ({"changes": [{"item": 1, "action": "exclude", "basis": dict(NOTE, by="prosecutor"), "decided": DECIDED}]},
     "by: prosecutor", "§18"),
    ({"changes": [{"item": 1, "action": "exclude", "basis": NOTE, "decided": dict(DECIDED, by="police")}]},
     " by: police", "§18"),
    ({"changes": [{"item": 1, "action": "exclude", "basis": dict(NOTE, date="2026-02-13"), "decided": DECIDED}]},
     "date: '2026-02-13'", "§18"),
    ({"changes": [{"action": "add", "no": 1, "title": "Қосымша мәселе", "basis": NOTE, "decided": DECIDED}]},
     "'no': 1", "§18"),
])
def test_each_plan_error_is_cited_at_its_line(project, changes, needle, rule):
    project.meeting()
    path = project.plan(**changes)
    code, out = check(project)
    assert code == 1, out
    nth = 2 if needle == "'no': 1" else 1     # the second of two questions numbered 1
    expected_prefix = f"{path}:{line_of(path, needle, nth)}: "
    assert any(line.startswith(expected_prefix) and line.endswith(f"({rule})") for line in out.splitlines()), out


def test_plan_file_name_must_be_a_plan_id(project):
    project.write("plans/2026-H3.yaml", BASE_PLAN)
    code, out = check(project)
    assert code == 1 and "2026-H3.yaml: the file name must be a plan id" in out


def test_plan_error_refuses_the_plan_but_not_the_protocol(project):
    project.plan(approved={"by": "deputy_akim", "date": "2025-12-26"})
    args = ["--inputs", str(project.inputs), "--outputs", str(project.outputs)]
    code, out = run(*args, "plan")
    assert code == 1 and "(§16)" in out and not (project.outputs / "plans").exists()
    code, out = run(*args, "protocol")
    assert code == 0, out


# ---------------------------------------------------------------- warnings: exit 0, file:line, §


def test_unplanned_question_of_a_regular_meeting_is_a_warning_s18(project):
    entry = copy.deepcopy(BASE_MEETING["items"][0])
    entry.pop("plan")
    path = project.meeting(items=[copy.deepcopy(BASE_MEETING["items"][0]), entry])
    code, out = check(project, "--as-of", "2026-03-20")   # before any quarter is over: §18 alone speaks
    assert code == 0
    assert f"{path}:{line_of(path, '- title:')}: warning: question 2 of the regular meeting 2026-01 is in no plan" in out
    assert out.rstrip().endswith("0 error(s), 1 warning(s)")


def test_extraordinary_meeting_needs_no_plan(project):
    entry = copy.deepcopy(BASE_MEETING["items"][0])
    entry.pop("plan")
    project.meeting(items=[copy.deepcopy(BASE_MEETING["items"][0]), entry], kind="extraordinary",
                    initiated_by=["akim"])
    code, out = check(project)
    assert code == 0 and "§18" not in out


def test_plan_not_sent_to_members_is_a_warning_s17(project):
    project.meeting()
    path = project.plan(sent_to_members=None)
    code, out = check(project)
    assert code == 0
    assert f"{path}:1: warning: plan 2026-H1 is not recorded as sent to the members" in out and "(§17)" in out


def test_planned_question_never_heard_is_a_warning_naming_plan_and_item_s18(project):
    project.meeting()
    path = project.plan(items=[question(1), question(2, quarter=2)])
    code, out = check(project)
    assert code == 0
    line = line_of(path, "'no': 2")
    assert (f"{path}:{line}: warning: 2026-H1/2 was not heard in the first half of 2026 and is "
            "neither excluded nor postponed by a decision of the head: hear it at a meeting (a question with "
            "plan: \"2026-H1/2\"), or record the head's decision in the plan's changes (action: exclude or "
            "postpone) (§18)") in out


def test_excluded_question_needs_no_hearing_s18(project):
    project.meeting()
    project.plan(items=[question(1), question(2, quarter=2)],
                 changes=[{"item": 2, "action": "exclude", "basis": NOTE, "decided": DECIDED}])
    code, out = check(project)
    assert (code, "§18" in out) == (0, False), out


def test_postponed_question_heard_in_its_new_half_year_s18(project):
    project.meeting()
    project.plan(items=[question(1), question(2, quarter=2)],
                 changes=[{"item": 2, "action": "postpone", "to": "2026-09", "basis": NOTE, "decided": DECIDED}])
    project.meeting("2026-02", number=2, date="2026-09-17", agenda_approved={"by": "akim", "date": "2026-09-10"},
                    documents_sent="2026-09-11", protocol={"drawn_up": "2026-09-18", "signed_by": "akim"},
                    items=[dict(copy.deepcopy(BASE_MEETING["items"][0]), plan="2026-H1/2")])
    code, out = check(project)
    assert (code, "§18" in out) == (0, False), out


def test_question_heard_in_another_half_year_without_postponement_s18(project):
    project.meeting()
    project.plan(items=[question(1), question(2, quarter=2)])
    path = project.meeting("2026-02", number=2, date="2026-09-17",
                           agenda_approved={"by": "akim", "date": "2026-09-10"}, documents_sent="2026-09-11",
                           protocol={"drawn_up": "2026-09-18", "signed_by": "akim"},
                           items=[dict(copy.deepcopy(BASE_MEETING["items"][0]), plan="2026-H1/2")])
    code, out = check(project)
    assert code == 0
    assert (f"{path}:{line_of(path, 'plan: 2026-H1/2')}: warning: 2026-H1/2 is planned for the first half of 2026 "
            "and heard on 2026-09-17, in the second half of 2026, with no postponement to it on record (§18)") in out
    assert "2026-H1/2 was not heard in the first half of 2026" in out


def test_not_heard_is_judged_only_after_the_half_year(project, monkeypatch):
    project.meeting()
    project.plan(items=[question(1), question(2, quarter=2)])
    code, out = check(project, "--as-of", "2026-06-30")
    assert (code, "§18" in out) == (0, False), out


# ---------------------------------------------------------------- the command line


def test_plan_command_with_an_unknown_plan_is_a_usage_error():
    code, out = run("--inputs", str(SAMPLE), "plan", "2026-H3")
    assert code == 2 and "there is no plan 2026-H3; the plans are: 2026-H1, 2026-H2" in out


def test_plan_command_writes_each_plan_in_each_language(tmp_path):
    code, out = run("--inputs", str(SAMPLE), "--outputs", str(tmp_path), "plan")
    assert code == 0, out
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == [
        "2026-H1.kk.docx", "2026-H1.ru.docx", "2026-H2.kk.docx", "2026-H2.ru.docx"]


def test_plans_join_all(tmp_path):
    code, out = run("--inputs", str(SAMPLE), "--outputs", str(tmp_path), "--lang", "ru", "all")
    assert code == 0, out
    assert (tmp_path / "plans" / "2026-H2.ru.docx").exists()
