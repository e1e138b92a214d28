"""A member id printed in a document prints as the member's post (and name where a person is meant), in the case
its sentence needs (§17, §21, §22, §23, §24): read back from the generated DOCX, slot by slot, in kk and ru.

One project names `sport` everywhere a document prints a body or a person: the plan's responsible (so the
meeting's question without speakers is reported by it), a material's `from`, a decision's responsible (the
addressee of an extract), and a former member among the invited.
"""

from __future__ import annotations

import copy

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.docx_text import text as docx_text
from tests.support.inputs import BASE_MEETING, RUN_DATE, ProjectDir

POST = {"ru": "руководитель ГУ «Отдел физической культуры и спорта» акимата Костанайского района",
        "kk": "Қостанай ауданы әкімдігінің «Дене шынықтыру және спорт бөлімі» ММ басшысы"}
FORMER = {"id": "veteran", "name": "К. Абилов", "role": "member", "until": "2025-12-31",
          "position": {"kk": "Қостанай ауданының ардагерлер кеңесінің төрағасы",
                       "ru": "председатель совета ветеранов Костанайского района"}}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The documents of the one project, written once for the module."""
    project = ProjectDir(tmp_path_factory.mktemp("ids"))
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    body["members"].append(FORMER)
    project.write("body.yaml", body)
    second = {"kk": "Оңалту туралы", "ru": "О реабилитации"}
    project.plan(items=[{"no": 1, "title": BASE_MEETING["items"][0]["title"], "responsible": ["sport"],
                         "proposed_by": "police", "quarter": 1},
                        {"no": 2, "title": second, "responsible": ["education"], "proposed_by": "police",
                         "quarter": 1}])
    items = copy.deepcopy(BASE_MEETING["items"])
    del items[0]["speakers"]
    items.append({"plan": "2026-H1/2", "heard": items[0]["heard"], "decisions": items[0]["decisions"]})
    items[0]["materials"] = [{"from": "sport", "submitted": "2026-03-05", "languages": ["kk", "ru"]}]
    items[0]["decisions"][0].update(responsible=["sport"], due="2026-06-30")
    project.meeting(items=items, invited=["veteran"],
                    protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SHTAB_AS_OF", RUN_DATE.isoformat())
        patch.setenv("SHTAB_SEAL_PDF", "0")
        patch.setenv("SHTAB_LANG", "en")
        base = ["--inputs", str(project.inputs), "--outputs", str(project.outputs)]
        for command in (["all"], ["notice", "2026-01"], ["extracts", "2026-01"]):
            result = CliRunner().invoke(cli, base + command)
            assert result.exit_code == 0, result.output
    return project.outputs


def read(outputs, document: str, lang: str) -> str:
    return docx_text(outputs / f"{document}.{lang}.docx").replace("\u00a0", " ")


# (document, language, what the slot prints): the slot's words, then the member in the case they govern
SLOTS = [
    # «СЛУШАЛИ:» governs the accusative; the question has no speakers, so its plan's responsible is heard
    ("meetings/2026-01/protocol", "ru", "СЛУШАЛИ:\nруководителя ГУ «Отдел физической культуры и спорта» акимата "
                                        "Костанайского района Б. Жунусова."),
    ("meetings/2026-01/protocol", "kk", f"ТЫҢДАЛДЫ:\n{POST['kk']} Б. Жунусов."),
    # a member absent from the meeting (education) did not speak himself: his post, without his name
    ("meetings/2026-01/protocol", "ru", "СЛУШАЛИ:\nруководителя ГУ «Отдел образования Костанайского района» "
                                        "Управления образования акимата Костанайской области.\n"),
    ("meetings/2026-01/protocol", "kk", "ТЫҢДАЛДЫ:\nҚостанай облысы әкімдігі білім басқармасының «Қостанай ауданының "
                                        "білім бөлімі» ММ басшысы.\n"),
    # «Ответственный:» / «Жауапты:» and the plan's column: the body, by its post, in the nominative
    ("meetings/2026-01/protocol", "ru", f"Ответственный: {POST['ru']}. Срок:"),
    ("meetings/2026-01/protocol", "kk", f"Жауапты: {POST['kk']}. Мерзімі:"),
    ("plans/2026-H1", "ru", f"\n{POST['ru']}\n"),
    ("plans/2026-H1", "kk", f"\n{POST['kk']}\n"),
    # «Докладчик:» / «Баяндамашы:»: the person, post and name, in the nominative
    ("meetings/2026-01/agenda", "ru", f"Докладчик: {POST['ru']} Б. Жунусов."),
    ("meetings/2026-01/agenda", "kk", f"Баяндамашы: {POST['kk']} Б. Жунусов."),
    ("meetings/2026-01/notice", "ru", f"Докладчик: {POST['ru']} Б. Жунусов."),
    ("meetings/2026-01/notice", "kk", f"Баяндамашы: {POST['kk']} Б. Жунусов."),
    # the notice's materials, «Кем представлены» / «Ұсынған»: who submitted them
    ("meetings/2026-01/notice", "ru", f"\n1\n{POST['ru']} Б. Жунусов\n05.03.2026\n"),
    ("meetings/2026-01/notice", "kk", f"\n1\n{POST['kk']} Б. Жунусов\n05.03.2026\n"),
    # the extract's addressee: the dative
    ("meetings/2026-01/extracts/01-sport", "ru", "\nРуководителю ГУ «Отдел физической культуры и спорта» акимата "
                                                 "Костанайского района\n"),
    ("meetings/2026-01/extracts/01-sport", "kk", "\nҚостанай ауданы әкімдігінің «Дене шынықтыру және спорт бөлімі» "
                                                 "ММ басшысына\n"),
    # the invited (§21), a former member by id: post and name, in the nominative of the list
    ("meetings/2026-01/agenda", "ru", "– председатель совета ветеранов Костанайского района К. Абилов"),
    ("meetings/2026-01/protocol", "kk", "– Қостанай ауданының ардагерлер кеңесінің төрағасы К. Абилов"),
    ("meetings/2026-01/notice", "ru", "– председатель совета ветеранов Костанайского района К. Абилов"),
]


@pytest.mark.parametrize("document, lang, expected", SLOTS)
def test_a_member_id_prints_as_the_post_in_the_case_of_its_slot_s17_s21_s22_s24(outputs, document, lang, expected):
    printed = read(outputs, document, lang)
    assert expected in printed, printed


@pytest.mark.parametrize("document", ["meetings/2026-01/protocol", "meetings/2026-01/agenda",
                                      "meetings/2026-01/notice", "plans/2026-H1", "meetings/2026-01/extracts/01-sport"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_member_id_is_printed_s17_s24(outputs, document, lang):
    printed = read(outputs, document, lang)
    assert not {"sport", "education", "veteran"} & set(printed.split()), printed
    assert "sport" not in printed and "veteran" not in printed, printed


@pytest.mark.parametrize("dative, says", [
    (None, "Экимсовету района"),                                    # derived, unsure: printed, and a warning
    ({"ru": "Районному экимсовету"}, "Районному экимсовету"),     # typed: it wins, no warning
])
def test_an_addressee_named_by_id_takes_the_dative_typed_in_body_yaml_else_a_warning_names_the_key_s23(
        project, dative, says):
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    member = {"id": "ekimsovet", "name": "Е. Омаров", "role": "member", "voting": False,
              "position": {"kk": "аудан экімсоветі", "ru": "экимсовет района"}}
    if dative:
        member["position_dative"] = dative
    body["members"].append(member)
    project.write("body.yaml", body)
    items = copy.deepcopy(BASE_MEETING["items"])
    items[0]["decisions"][0].update(responsible=["ekimsovet"], due="2026-06-30")
    project.meeting(items=items, protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs),
                                      "extracts", "2026-01"])
    assert result.exit_code == 0, result.output
    printed = read(project.outputs, "meetings/2026-01/extracts/01-ekimsovet", "ru")
    assert f"\n{says}\n" in printed, printed
    checked = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), "check"])
    warned = "type the right form in body.yaml as position_dative: {ru: ...} (member 'ekimsovet')" in checked.output
    assert warned == (dative is None), checked.output
    assert "meetings/2026-01.yaml:" in checked.output or dative, checked.output
    assert "name the body by its member id" not in checked.output, checked.output
