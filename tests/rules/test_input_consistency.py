"""Inputs that cannot contradict themselves: each finding with its file, line and §."""

from __future__ import annotations

import pytest

from pipeline.stages import check_project, prepare
from tests.support.inputs import BASE_MEETING, RUN_DATE, VOTING


def findings(project):
    return check_project(prepare(project.inputs, RUN_DATE))


def line_of(path, text, start=0):
    """The 1-based line of the first line at or after `start` (0-based) that contains `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i in range(start, len(lines)) if text in lines[i]) + 1


def item(**changes):
    return dict(BASE_MEETING["items"][0], **changes)


# ---------------------------------------------------------------- protocol numbers and dates within a year


@pytest.mark.parametrize("second,expected", [
    ({"number": 2, "date": "2026-04-10"}, []),                                   # in order
    ({"number": 1, "date": "2026-04-10"}, [("2026-02", "number", "§15", True)]),  # the same number in one year
    ({"number": 1, "date": "2027-02-10"}, []),                                   # numbering starts again each year
    ({"number": 2, "date": "2026-03-01"}, [("2026-01", "number", "§15", True)]),  # number 1 after number 2
    ({"number": 2, "date": "2026-03-12"}, [("2026-02", "date", "§12", False)]),   # two meetings on one day
])
def test_protocol_numbers_follow_the_dates_within_a_year(project, second, expected):
    first = project.meeting("2026-01")
    other = project.meeting("2026-02", **second)
    paths = {"2026-01": first, "2026-02": other}
    found = [f for f in findings(project) if f.rule in ("§15", "§12") and ("number" in f.render("en") or "both on" in f.render("en"))]
    assert [(f.loc.file, f.loc.line, f.rule, f.is_error) for f in found] == [
        (str(paths[meeting]), line_of(paths[meeting], f"{key}:"), rule, is_error)
        for meeting, key, rule, is_error in expected]


# ---------------------------------------------------------------- attendance


def test_a_member_listed_neither_present_nor_absent_is_named_s20(project):
    path = project.meeting(absent=[{"member": m} for m in VOTING[12:15]])   # mental_health listed nowhere
    found = [f for f in findings(project) if "neither under present" in f.render("en")]
    assert [(f.loc.line, f.rule, f.is_error) for f in found] == [(line_of(path, "absent:"), "§20", False)]
    assert "'mental_health'" in found[0].render("en")


def test_an_absent_speaker_without_a_stand_in_s20(project):
    path = project.meeting(items=[item(speakers=["police", "hospital"])])   # hospital is absent
    found = [f for f in findings(project) if "speaks on question" in f.render("en")]
    assert [(f.loc.line, f.rule, f.is_error) for f in found] == [(line_of(path, "- hospital", line_of(path, "speakers:")), "§20", False)]
    assert "'hospital'" in found[0].render("en")


def test_an_absent_speaker_with_a_stand_in_is_fine_s20(project):
    project.meeting(items=[item(speakers=["hospital"])],
                    stand_ins=[{"for": "hospital", "name": "А. Жумабаева", "position": "заместитель главного врача"}])
    assert not [f for f in findings(project) if "speaks on question" in f.render("en")]


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize("due,iso", [
    ("31.03.2027", "2027-03-31"), ("31/03/2027", "2027-03-31"), ("1.4.27", "2027-04-01"),
    ("31.03.2027 г.", "2027-03-31"), ("2027/03/31", "2027-03-31"), ({"kk": "31.03.2027", "ru": "31.03.2027"}, "2027-03-31"),
])
def test_a_deadline_written_as_a_date_in_another_form_is_an_error_s24(project, due, iso):
    decision = {"text": {"kk": "Орындалсын.", "ru": "Исполнить."}, "due": due}
    path = project.meeting(items=[item(decisions=[decision])])
    found = [f for f in findings(project) if f.rule == "§24"]
    assert [(f.loc.line, f.is_error) for f in found] == [(line_of(path, "due:"), True)]
    assert f"write a date as {iso}" in found[0].render("en")


@pytest.mark.parametrize("due", ["2027-03-31", {"kk": "тоқсан сайын", "ru": "ежеквартально"}, "до 31 марта",
                                 "в течение 2027 года"])
def test_a_date_or_a_text_deadline_stays_allowed_s24(project, due):
    decision = {"text": {"kk": "Орындалсын.", "ru": "Исполнить."}, "due": due}
    project.meeting(items=[item(decisions=[decision])])
    assert not [f for f in findings(project) if f.rule == "§24"]


# ---------------------------------------------------------------- unknown ids, at their own line


def test_an_unknown_id_in_a_vote_is_an_unknown_member_at_its_own_line_s8(project):
    path = project.meeting(items=[item(vote={"against": ["knb", "ghost"]})])
    found = [f for f in findings(project) if "ghost" in f.render("en")]
    assert [(f.loc.line, f.rule) for f in found] == [(line_of(path, "- ghost"), "§8")]
    assert "unknown member" in found[0].render("en") and "not a voting member present" not in found[0].render("en")


def test_an_absent_member_voting_is_still_not_a_voting_member_present_s20(project):
    found = [f for f in (project.meeting(items=[item(vote={"against": ["hospital"]})]) and findings(project))
             if "hospital" in f.render("en")]
    assert [f.rule for f in found] == ["§20"]


def test_an_unknown_id_among_present_points_at_the_id_s8(project):
    path = project.meeting(present=VOTING[:12] + ["ghost"])
    found = [f for f in findings(project) if "ghost" in f.render("en")]
    assert [f.loc.line for f in found] == [line_of(path, "- ghost")]
    assert line_of(path, "- ghost") != line_of(path, "present:")
