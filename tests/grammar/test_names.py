"""Names with posts everywhere a person is meant, and warnings for signers without a name."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.context.common import name_as_printed
from pipeline.stages import check_project, prepare
from tests.support.docx_text import text
from tests.support.inputs import BASE_MEETING, RUN_DATE, VOTING

NBSP = "\u00a0"


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def names(project) -> dict[str, str]:
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    return {m["id"]: m.get("name", "") for m in body["members"]}


def test_the_sample_roster_names_everyone():
    body = yaml.safe_load(open("inputs/body.yaml", encoding="utf-8"))
    assert all(m.get("name") for m in body["members"])
    assert len({m["name"] for m in body["members"]}) == len(body["members"])


def test_names_in_every_place_of_the_protocol_and_the_agenda(project):
    """The head absent: a deputy chairs and signs; absent members, speakers, a dissent author, the secretary."""
    item = dict(BASE_MEETING["items"][0], speakers=["police", "prosecutor"], vote={"against": ["knb"]},
                dissent=[{"member": "knb", "date": "2026-03-12", "text": {"kk": "Қарсымын.", "ru": "Против."}}])
    project.meeting(present=VOTING[1:13] + ["secretary"], chair="deputy_akim", items=[item],
                    agenda_approved={"by": "deputy_akim", "date": "2026-03-05"},
                    protocol={"drawn_up": "2026-03-13", "signed_by": "deputy_akim"})
    assert run(project, "protocol").exit_code == 0
    assert run(project, "agenda").exit_code == 0
    who = {key: name_as_printed(value) for key, value in names(project).items()}
    for lang in ("kk", "ru"):
        protocol = text(project.outputs / "meetings" / "2026-01" / f"protocol.{lang}.docx")
        for member in ("deputy_akim", "police", "prosecutor", "knb", "secretary", "akim", "college"):
            assert who[member] in protocol, (lang, member)      # chair, present, speakers, dissent, absent
        assert protocol.count(who["deputy_akim"]) >= 2          # the chair and the signature
        assert protocol.count(who["knb"]) >= 3                  # present, dissent author, its signature
        assert protocol.count(who["secretary"]) >= 2            # present and the secretary's signature
        agenda = text(project.outputs / "meetings" / "2026-01" / f"agenda.{lang}.docx")
        assert who["deputy_akim"] in agenda and who["police"] in agenda     # approval block, speakers


def test_names_in_the_plans_approval_block(project):
    assert run(project, "plan").exit_code == 0
    for lang in ("kk", "ru"):
        assert f"О.{NBSP}Нургалиев" in text(project.outputs / "plans" / f"2026-H1.{lang}.docx")


def test_initials_stay_with_the_surname():
    assert name_as_printed("О. Нургалиев") == f"О.{NBSP}Нургалиев"
    assert name_as_printed("Нургалиев О. К.") == f"Нургалиев{NBSP}О.{NBSP}К."
    assert name_as_printed("Алия Сейтова") == "Алия Сейтова"


def _without_names(project, *ids):
    path = project.inputs / "body.yaml"
    body = yaml.safe_load(path.read_text(encoding="utf-8"))
    for member in body["members"]:
        if member["id"] in ids:
            member.pop("name", None)
    path.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_check_warns_about_signers_without_a_name_s15(project):
    path = _without_names(project, "akim", "secretary", "deputy_akim", "knb")
    project.meeting()
    found = [f for f in check_project(prepare(project.inputs, RUN_DATE)) if "has no name" in f.render("en")]
    lines = path.read_text(encoding="utf-8").splitlines()
    where = {member: lines.index(f"- id: {member}") + 1 for member in ("akim", "secretary")}
    assert sorted((f.loc.line, f.rule, f.is_error) for f in found) == sorted(
        [(where["akim"], "§15", False), (where["secretary"], "§15", False)])   # a member who signs nothing: no word


def test_check_warns_about_an_acting_chair_without_a_name_s25_3(project):
    _without_names(project, "deputy_akim")
    path = project.meeting(present=VOTING[1:13] + ["secretary"], chair="deputy_akim",
                           agenda_approved={"by": "police", "date": "2026-03-05"},
                           protocol={"drawn_up": "2026-03-13", "signed_by": "deputy_akim"})
    found = [f for f in check_project(prepare(project.inputs, RUN_DATE)) if "has no name" in f.render("en")]
    assert [(f.loc.file, f.loc.line, f.rule) for f in found] == [(str(path), _line(path, "chair:"), "§15")]
    assert "'deputy_akim'" in found[0].render("en")


def _line(path, start):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))
