"""The half-year plan (§16-18) read back with python-docx: what the head sees, in Kazakh and Russian."""

from __future__ import annotations

import copy
import io

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline import stages
from pipeline.cli.main import cli
from pipeline.render.docx import render_docx, template_path
from tests.support.inputs import BASE_MEETING, BASE_PLAN, RUN_DATE, SAMPLE


def render(inputs, plan_id: str, lang: str) -> bytes:
    assessment = stages.prepare(inputs, RUN_DATE)
    [job] = [j for j in stages.jobs_for(assessment, ["plan"], [plan_id], [lang])]
    built, missing = stages.build_contexts([job])
    assert missing == []
    return render_docx(template_path("plan", lang), built[0][1])


def read(data: bytes):
    doc = Document(io.BytesIO(data))
    paragraphs = [p.text for p in doc.paragraphs if p.text.strip()]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables


@pytest.fixture(scope="module")
def sample():
    return {(p, lang): read(render(SAMPLE, p, lang)) for p in ("2026-H1", "2026-H2") for lang in ("kk", "ru")}


def test_approval_block_names_the_head_and_the_date_s16(sample):
    _, tables = sample[("2026-H1", "ru")]
    approval = tables[0][0][1]
    assert approval.splitlines() == ["УТВЕРЖДАЮ", "Руководитель штаба,", "аким Костанайского района",
                                     "_______________ О.\u00a0Нургалиев", "26\u00a0декабря 2025\u00a0года"]
    _, tables = sample[("2026-H1", "kk")]
    assert tables[0][0][1].splitlines() == ["БЕКІТЕМІН", "Штаб басшысы,", "Қостанай ауданының әкімі",
                                            "_______________ О.\u00a0Нургалиев", "2025\u00a0жылғы 26\u00a0желтоқсан"]


@pytest.mark.parametrize("plan_id,lang,title", [
    ("2026-H1", "ru", ["ПЛАН РАБОТЫ", "Межведомственного штаба по координации деятельности государственных органов "
                       "по профилактике наркомании и противодействию наркопреступности при акимате Костанайского "
                       "района на первое полугодие 2026\u00a0года"]),
    ("2026-H2", "ru", ["ПЛАН РАБОТЫ", "Межведомственного штаба по координации деятельности государственных органов "
                       "по профилактике наркомании и противодействию наркопреступности при акимате Костанайского "
                       "района на второе полугодие 2026\u00a0года"]),
    ("2026-H1", "kk", ["Қостанай ауданы әкімдігі жанындағы нашақорлықтың алдын алу және есірткі қылмысына қарсы "
                       "іс-қимыл жөніндегі мемлекеттік органдардың қызметін үйлестіру жөніндегі ведомствоаралық "
                       "штабтың 2026\u00a0жылғы бірінші жартыжылдыққа арналған", "ЖҰМЫС ЖОСПАРЫ"]),
    ("2026-H2", "kk", ["Қостанай ауданы әкімдігі жанындағы нашақорлықтың алдын алу және есірткі қылмысына қарсы "
                       "іс-қимыл жөніндегі мемлекеттік органдардың қызметін үйлестіру жөніндегі ведомствоаралық "
                       "штабтың 2026\u00a0жылғы екінші жартыжылдыққа арналған", "ЖҰМЫС ЖОСПАРЫ"]),
])
def test_title_names_the_shtab_and_the_half_year(sample, plan_id, lang, title):
    paragraphs, _ = sample[(plan_id, lang)]
    assert paragraphs[:2] == title


def test_table_lists_each_question_with_bodies_time_and_proposer_s17(sample):
    _, tables = sample[("2026-H1", "ru")]
    rows = tables[1]
    assert rows[0] == ["№ п/п", "Рассматриваемый вопрос", "Ответственные", "Срок рассмотрения",
                       "Кем внесено предложение"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    first = rows[1]
    assert first[1].startswith("О состоянии работы по профилактике наркомании среди учащихся")
    assert first[2].splitlines()[0] == "Отдел образования Костанайского района (по согласованию)"
    assert first[3] == "I квартал"
    assert first[4].startswith("руководитель ГУ «Отдел образования Костанайского района»")
    assert rows[3][3] == "март"                                             # month in the nominative
    assert rows[5][3] == "II квартал\n(перенесен на второе полугодие 2026\u00a0года)"
    assert rows[6][3] == "II квартал\n(включен в план 22\u00a0мая 2026\u00a0года)"


def test_kazakh_table_times_and_notes(sample):
    _, tables = sample[("2026-H1", "kk")]
    rows = tables[1]
    assert [r[3].splitlines()[0] for r in rows[1:]] == ["I тоқсан", "I тоқсан", "наурыз", "II тоқсан", "II тоқсан",
                                                         "II тоқсан"]
    assert rows[5][3].splitlines()[1] == "(2026\u00a0жылғы екінші жартыжылдыққа ауыстырылды)"
    assert rows[6][3].splitlines()[1] == "(жоспарға 2026\u00a0жылғы 22\u00a0мамырда енгізілді)"
    _, tables = sample[("2026-H2", "kk")]
    assert tables[1][5][3] == "IV тоқсан\n(жоспардан алынып тасталды)"
    assert tables[1][4][3] == "қараша"


def test_record_of_changes_says_what_on_whose_note_by_whose_decision_s18(sample):
    paragraphs, tables = sample[("2026-H1", "ru")]
    assert "Изменения, внесенные в план (пункт 18 Положения)" in paragraphs
    changes = tables[2]
    assert changes[0] == ["№ п/п", "Изменение", "Обоснование-справка", "Решение руководителя штаба"]
    added, postponed = changes[1], changes[2]
    assert added[1].startswith("В план включен вопрос №\u00a06 «О перераспределении средств районного бюджета")
    assert "Срок рассмотрения: II квартал." in added[1]
    assert added[2].startswith("начальник государственного учреждения «Отдел полиции Костанайского района")
    assert added[2].splitlines()[0].endswith("Республики Казахстан» Е.\u00a0Жаксылыков, 20\u00a0мая 2026\u00a0года")  # the post, without "(по согласованию)"
    assert added[3] == "аким Костанайского района О.\u00a0Нургалиев\n22\u00a0мая 2026\u00a0года"
    assert postponed[1] == ("Вопрос №\u00a05 «О трудоустройстве и социальной адаптации лиц, прошедших медико-социальную "
                            "реабилитацию» перенесен на второе полугодие 2026\u00a0года.")
    assert postponed[2].startswith("заместитель акима Костанайского района, курирующий правоохранительное "
                                   "направление А.\u00a0Сейтказинов, 25\u00a0мая 2026\u00a0года")
    assert postponed[3].endswith("27\u00a0мая 2026\u00a0года")


def test_exclusion_on_a_note_of_the_working_body_s18(sample):
    _, tables = sample[("2026-H2", "kk")]
    [_, excluded] = tables[2]
    assert excluded[1].startswith("5-мәселе «Медициналық және фармацевтикалық ұйымдарда")
    assert excluded[1].endswith("жоспардан алынып тасталды.")
    assert excluded[2].startswith('«Қостанай ауданы әкімінің аппараты» мемлекеттік мекемесі (Штабтың жұмыс органы), '
                                  "2026\u00a0жылғы 20\u00a0қазан")
    assert excluded[3].endswith("2026\u00a0жылғы 23\u00a0қазан")


def test_plan_sent_to_members_is_recorded_s17(sample):
    paragraphs, _ = sample[("2026-H2", "ru")]
    assert paragraphs[-1] == "План направлен членам штаба 30\u00a0июня 2026\u00a0года (пункт 17 Положения)."
    paragraphs, _ = sample[("2026-H1", "kk")]
    assert paragraphs[-1] == "Жоспар Штаб мүшелеріне 2025\u00a0жылғы 29\u00a0желтоқсанда жіберілді (Ереженің 17-тармағы)."


def test_postponed_to_a_month_and_no_changes(project):
    project.meeting()
    item2 = dict(copy.deepcopy(BASE_PLAN["items"][0]), no=2, quarter=None, month="2026-05")
    item2.pop("quarter")
    note = {"by": "police", "date": "2026-04-01"}
    project.plan(items=[BASE_PLAN["items"][0], item2],
                 changes=[{"item": 2, "action": "postpone", "to": "2026-09", "basis": note,
                           "decided": {"by": "akim", "date": "2026-04-02"}}])
    _, tables = read(render(project.inputs, "2026-H1", "kk"))
    assert tables[1][2][3] == "мамыр\n(2026\u00a0жылғы қыркүйекке ауыстырылды)"
    assert tables[2][1][1].endswith("2026\u00a0жылғы қыркүйекке ауыстырылды.")
    _, tables = read(render(project.inputs, "2026-H1", "ru"))
    assert tables[1][2][3] == "май\n(перенесен на сентябрь 2026\u00a0года)"
    project.plan()
    paragraphs, tables = read(render(project.inputs, "2026-H1", "ru"))
    assert "Изменения в план не вносились." in paragraphs and len(tables) == 2


def test_same_inputs_same_bytes():
    assert render(SAMPLE, "2026-H2", "ru") == render(SAMPLE, "2026-H2", "ru")


def test_missing_translation_in_a_plan_is_cited_at_its_line(project):
    project.meeting()
    path = project.plan(items=[dict(copy.deepcopy(BASE_PLAN["items"][0]), title={"kk": "Тек қазақша"})])
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "check"])
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "title:" in text)
    assert result.exit_code == 1
    assert f"{path}:{line}: the ru text of 'question 1, title' is missing: the work plan in ru needs it (§19)" in result.output


def test_meeting_without_title_prints_the_plan_title(project, tmp_path):
    entry = copy.deepcopy(BASE_MEETING["items"][0])
    entry.pop("title")
    project.meeting(items=[entry])
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(tmp_path / "out"),
                                      "--lang", "ru", "agenda"])
    assert result.exit_code == 0, result.output
    doc = Document(str(tmp_path / "out" / "meetings" / "2026-01" / "agenda.ru.docx"))
    assert "1. О профилактике среди молодежи" in [p.text for p in doc.paragraphs]


def test_meeting_without_speakers_prints_the_plan_bodies(project, tmp_path):
    entry = copy.deepcopy(BASE_MEETING["items"][0])
    entry.pop("speakers")
    project.meeting(items=[entry])
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(tmp_path / "out"),
                                      "--lang", "ru", "agenda"])
    assert result.exit_code == 0, result.output
    agenda = [p.text for p in Document(str(tmp_path / "out" / "meetings" / "2026-01" / "agenda.ru.docx")).paragraphs]
    assert any("Отдел полиции Костанайского района" in line for line in agenda)
