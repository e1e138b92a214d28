"""Advice that is always right (§24): a day the calendar lacks is named impossible with the month's last day and
never suggested as typed; a deadline before the meeting's own date is an error."""

from __future__ import annotations

import copy

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.inputs import BASE_MEETING, VOTING


def check(project, lang: str = "ru") -> str:
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs),
                                      "--ui-lang", lang, "check"])
    return result.output


def with_due(project, due):
    items = copy.deepcopy(BASE_MEETING["items"])
    items[0]["decisions"][0].update(responsible=["police"], due=due)
    project.meeting(items=items)


@pytest.mark.parametrize("typed, says, never", [
    ("31.04.2027", ["такого дня нет", "в апреле 2027 года 30 дней", "2027-04-30"], "2027-04-31"),
    ("29.02.2027", ["в феврале 2027 года 28 дней", "2027-02-28"], "2027-02-29"),
    ("30.02.2028", ["в феврале 2028 года 29 дней", "2028-02-29"], "2028-02-30"),   # a leap year
    ("32.01.2027", ["в январе 2027 года 31 день", "2027-01-31"], "2027-01-32"),      # «31 день», not «31 дней»
    ("2027-04-31", ["такого дня нет", "в апреле 2027 года 30 дней", "2027-04-30"], "в виде 2027-04-31"),
])
def test_a_day_that_does_not_exist_is_named_impossible_with_the_months_last_day_s24(project, typed, says, never):
    with_due(project, typed)
    output = check(project)
    for words in says:
        assert words in output, output
    assert never not in output.replace(f"'{typed}'", "")


def test_an_existing_day_in_another_form_is_suggested_as_year_month_day_s24(project):
    with_due(project, "29.02.2028")
    assert "запишите дату в виде 2028-02-29" in check(project)


def test_kazakh_names_the_month_too_s24(project):
    with_due(project, "31.04.2027")
    assert "2027 жылы сәуірде 30 күн бар" in check(project, "kk")


@pytest.mark.parametrize("due, refused", [
    ("2026-03-11", True),     # the day before the meeting (2026-03-12)
    ("2025-03-12", True),     # a year typed wrong
    ("2026-03-12", False),    # the meeting's own day: allowed
    ("2026-03-13", False),
])
def test_a_deadline_before_the_meetings_own_date_is_an_error_s24(project, due, refused):
    with_due(project, due)
    output = check(project)
    assert ("раньше самого заседания (2026-03-12)" in output) is refused, output


def test_an_unreadable_control_file_gives_its_error_and_no_derived_warnings_s24(project, monkeypatch):
    """One typo in control/2026.yaml: its error at its line, and no «says nothing about it» for assignments it
    may well record."""
    items = copy.deepcopy(BASE_MEETING["items"])
    items[0]["decisions"][0].update(responsible=["police"], due="2026-03-15")
    project.meeting(items=items, protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    monkeypatch.setenv("SHTAB_AS_OF", "2026-06-01")
    before = check(project, "en")
    assert "says nothing about it" in before                      # overdue and unrecorded: the warning stands
    project.write("control/2026.yaml", "- assignment: 2026-01/1.1\n  status: done\n  date: [2026-03-14\n")
    after = check(project, "en")
    assert "control/2026.yaml:" in after and "says nothing about it" not in after, after


# ---------------------------------------------------------------- ids resolve everywhere, or are refused


def test_a_member_id_in_a_plans_responsible_and_a_materials_from_prints_as_the_post_s17_s26(project):
    from tests.support.docx_text import text as docx_text
    project.plan(items=[{"no": 1, "title": {"kk": "Жастар туралы", "ru": "О молодежи"}, "responsible": ["education"],
                         "proposed_by": "police", "quarter": 1}])
    items = copy.deepcopy(BASE_MEETING["items"])
    items[0]["materials"] = [{"from": "education", "submitted": "2026-03-05"}]
    project.meeting(items=items)
    runner = CliRunner()
    done = runner.invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), "--lang", "ru",
                               "all"])
    assert done.exit_code == 0, done.output
    for path in project.outputs.rglob("*.docx"):
        assert "education" not in docx_text(path), path
    plan = docx_text(project.outputs / "plans" / "2026-H1.ru.docx")
    assert "Отдел образования Костанайского района" in plan, plan


@pytest.mark.parametrize("where", ["plan", "material"])
def test_a_value_that_looks_like_an_id_but_names_no_member_is_an_error_naming_the_nearest_s17_s26(project, where):
    if where == "plan":
        project.plan(items=[{"no": 1, "title": {"kk": "Жастар туралы", "ru": "О молодежи"},
                             "responsible": ["educaton"], "proposed_by": "police", "quarter": 1}])
    else:
        items = copy.deepcopy(BASE_MEETING["items"])
        items[0]["materials"] = [{"from": "educaton", "submitted": "2026-03-05"}]
        project.meeting(items=items)
    output = check(project, "en")
    assert "unknown member id 'educaton'" in output and "did you mean 'education'?" in output, output


# ---------------------------------------------------------------- no advice deletes her data


def test_a_text_slid_left_under_its_key_shows_the_corrected_lines_and_never_says_delete(project):
    project.write("meetings/2026-01.yaml", (
        "number: 1\ndate: 2026-03-12\ntime: '10:00'\nplace: {kk: зал, ru: зал}\nkind: regular\n"
        "agenda_approved: {by: akim, date: 2026-03-05}\npresent: [akim]\nabsent:\n  - member: police\n"
        "    reason:\n    kk: іссапарда\n    ru: в командировке\nitems: []\n"))
    output = check(project, "ru")
    assert "«reason:», затем «  kk: іссапарда»" in output and "«  ru: в командировке»" in output, output
    assert "удалите" not in output


@pytest.mark.parametrize("value, deletes", [("'some data'", False), ("", True)])
def test_an_unknown_key_holding_data_is_never_advised_away(project, value, deletes):
    project.meeting()
    path = project.inputs / "meetings" / "2026-01.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"zzqx: {value}\n", encoding="utf-8")
    output = check(project, "en")
    assert "unknown key 'zzqx'" in output
    assert ("remove it" in output) is deletes, output


def test_a_colon_inside_a_one_line_mapping_is_answered_about_the_colon_not_commas(project):
    project.meeting()
    path = project.inputs / "meetings" / "2026-01.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("place:")
    end = text.index("\n", text.index("ru:", start))
    path.write_text(text[:start] + "place: {kk: Мәжіліс залы: 2-қабат, ru: Зал заседаний: 2 этаж}" + text[end:],
                    encoding="utf-8")
    output = check(project, "ru")
    assert "содержит двоеточие" in output and "запят" not in output, output


def with_invited(project, invited, until=None):
    if until is not None:
        body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
        next(m for m in body["members"] if m["id"] == "youth")["until"] = until
        project.write("body.yaml", body)
    present = [m for m in BASE_MEETING["present"] if m != "youth"]
    absent = [{"member": m} for m in VOTING if m not in present and (until is None or m != "youth")]
    project.meeting(invited=invited, present=present, absent=absent)


@pytest.mark.parametrize("invited, until, says", [
    ("educaton", None, ["meetings/2026-01.yaml:", "unknown member id 'educaton'", "did you mean 'education'?",
                        "{name: ..., position: {kk: ..., ru: ...}}", "(§21)"]),
    ("zzz", None, ["unknown member id 'zzz'", "write the id of a member as body.yaml gives it", "(§21)"]),
    ("youth", None, ["'youth' is a member of the Штаб on 2026-03-12", "move the id to present or absent", "(§20)"]),
    ("youth", "2026-03-12", ["'youth' is a member of the Штаб on 2026-03-12"]),   # the last day in force
    ("youth", "2026-03-11", []),                                                    # the day after: a former member
])
def test_an_invitee_named_by_an_id_is_a_member_not_in_force_else_an_error_naming_the_nearest_s20_s21(
        project, invited, until, says):
    with_invited(project, [invited, {"name": "Н. Ахметова", "position": {"kk": "төраға", "ru": "председатель"}}],
                 until)
    output = check(project, "en")
    for words in says:
        assert words in output, output
    if not says:
        assert f"'{invited}'" not in output, output


def test_a_responsible_that_looks_like_an_id_but_names_no_member_is_an_error_naming_the_nearest_s24(project):
    items = copy.deepcopy(BASE_MEETING["items"])
    items[0]["decisions"][0]["responsible"] = ["educaton", "police"]
    project.meeting(items=items)
    output = check(project, "en")
    assert "unknown member id 'educaton'" in output and "did you mean 'education'?" in output, output
    assert "(§24)" in output and "'police'" not in output, output
