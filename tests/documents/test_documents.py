"""The documents as a reader sees them: read back with python-docx, texts and figures asserted."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.docx_text import paragraphs, seen_paragraphs, text
from tests.support.inputs import BASE_MEETING, RUN_DATE, VOTING


def run(project, *args):
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])
    return result


DISSENT_ITEM = dict(
    BASE_MEETING["items"][0],
    decisions=[
        {"text": {"kk": "Ақпарат назарға алынсын.", "ru": "Информацию принять к сведению."}},
        {"text": {"kk": "Рейдтер өткізу қамтамасыз етілсін.", "ru": "Обеспечить проведение рейдов."},
         "responsible": [{"kk": "Полиция бөлімі (келісім бойынша)", "ru": "Отдел полиции (по согласованию)"}],
         "due": "2026-06-30"},
    ],
    vote={"against": ["knb"], "abstained": ["sport"]},
    dissent=[{"member": "knb", "date": "2026-03-12",
              "text": {"kk": "Рейдтер кестесімен келіспеймін.", "ru": "Не согласен с графиком рейдов."}}],
)


@pytest.fixture
def protocol_docs(project):
    project.meeting(items=[DISSENT_ITEM], absent=[{"member": "education", "reason": {"kk": "іссапарда", "ru": "в командировке"}}],
                    stand_ins=[{"for": "education", "name": "А. Сейткали", "position": {"kk": "бас маман", "ru": "главный специалист"}}])
    result = run(project, "protocol")
    assert result.exit_code == 0, result.output
    base = project.outputs / "meetings" / "2026-01"
    return {lang: base / f"protocol.{lang}.docx" for lang in ("kk", "ru")}


def test_protocol_states_quorum_with_figures_s20(protocol_docs):
    assert "На заседании присутствовали 12 из 16 членов штаба, кворум имеется." in paragraphs(protocol_docs["ru"])
    assert "Отырысқа Штабтың 12 мүшесі қатысты (Штаб мүшелерінің жалпы саны – 16), кворум бар." \
        in paragraphs(protocol_docs["kk"])


def test_protocol_header_number_and_official_date(protocol_docs):
    assert "12 марта 2026 года № 1" in seen_paragraphs(protocol_docs["ru"])
    assert "2026 жылғы 12 наурыз № 1" in seen_paragraphs(protocol_docs["kk"])
    assert "ПРОТОКОЛ" in seen_paragraphs(protocol_docs["ru"])
    assert "ХАТТАМАСЫ" in seen_paragraphs(protocol_docs["kk"])


def test_protocol_counts_votes_and_names_the_s13_case(protocol_docs):
    ru = text(protocol_docs["ru"])
    assert "Голосовали: «за» – 10, «против» – 1, «воздержались» – 1." in ru
    assert "Решение принято большинством голосов от общего числа членов штаба (пункт 13 Положения)." in ru
    kk = text(protocol_docs["kk"])
    assert "Дауыс берді: «жақтап» – 10, «қарсы» – 1, «қалыс қалды» – 1." in kk


def test_protocol_numbers_decisions_with_responsible_and_deadline(protocol_docs):
    ru = seen_paragraphs(protocol_docs["ru"])
    assert "1.1. Информацию принять к сведению." in ru
    assert "1.2. Обеспечить проведение рейдов." in ru
    assert "Ответственный: Отдел полиции (по согласованию). Срок: до 30 июня 2026 года." in ru   # one body
    assert "Жауапты: Полиция бөлімі (келісім бойынша). Мерзімі: 2026 жылғы 30 маусымға дейін." \
        in seen_paragraphs(protocol_docs["kk"])


def test_dissent_is_attached_as_an_appendix_s14(protocol_docs):
    ru, kk = seen_paragraphs(protocol_docs["ru"]), seen_paragraphs(protocol_docs["kk"])
    assert "Приложение 1" in ru and "ОСОБОЕ МНЕНИЕ" in ru and "Не согласен с графиком рейдов." in ru
    assert "к протоколу заседания штаба от 12 марта 2026 года № 1" in ru
    assert "Штаб отырысының 2026 жылғы 12 наурыздағы" in kk and "ЕРЕКШЕ ПІКІР" in kk
    assert "№ 1 хаттамасына 1-қосымша" in kk                  # «хаттама» once
    assert sum(p.lower().count("хаттама") for p in kk[kk.index("ЕРЕКШЕ ПІКІР") - 3:kk.index("ЕРЕКШЕ ПІКІР")]) == 1


def test_stand_in_is_recorded_not_counted_s20(protocol_docs):
    ru = text(protocol_docs["ru"])
    assert "главный специалист А.\u00a0Сейткали (вместо руководителя ГУ «Отдел образования" in ru
    assert "в кворуме не учитываются, в голосовании не участвуют" in ru
    assert "в командировке" in ru


def test_signature_blocks_of_head_and_secretary_s15(protocol_docs):
    ru = paragraphs(protocol_docs["ru"])
    assert "Руководитель штаба" in ru and "Секретарь штаба" in ru
    assert "_______________ О.\u00a0Нургалиев" in ru


def test_deputy_chairs_and_signs_when_head_absent_s25_3(project):
    project.meeting(present=VOTING[1:13], chair="deputy_akim",
                    agenda_approved={"by": "deputy_akim", "date": "2026-03-05"},
                    protocol={"drawn_up": "2026-03-12", "signed_by": "deputy_akim"})
    assert run(project, "protocol").exit_code == 0
    ru = text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "Исполняющий обязанности руководителя штаба" in ru
    assert "О.\u00a0Нургалиев" not in ru.split("Отсутствовали")[0]


def test_not_adopted_when_eight_of_sixteen_s13(project):
    item = dict(BASE_MEETING["items"][0], vote={"for": VOTING[:8], "against": VOTING[8:10], "abstained": VOTING[10:12]})
    project.meeting(items=[item])
    assert run(project, "protocol").exit_code == 0
    ru = text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "Голосовали: «за» – 8, «против» – 2, «воздержались» – 2." in ru
    assert "Решение не принято" in ru


def test_agenda_has_approval_block_and_numbered_questions_s22(project):
    project.meeting()
    assert run(project, "agenda").exit_code == 0
    ru = seen_paragraphs(project.outputs / "meetings" / "2026-01" / "agenda.ru.docx")
    kk = seen_paragraphs(project.outputs / "meetings" / "2026-01" / "agenda.kk.docx")
    assert "УТВЕРЖДАЮ" in ru and "5 марта 2026 года" in ru
    assert "БЕКІТЕМІН" in kk and "2026 жылғы 5 наурыз" in kk
    assert "1. О профилактике среди молодежи" in ru
    assert "ПОВЕСТКА ДНЯ" in ru and "КҮН ТӘРТІБІ" in kk


def test_composition_in_the_form_of_appendix_1(project):
    assert run(project, "composition").exit_code == 0
    kk = seen_paragraphs(project.outputs / "composition.kk.docx")
    ru = seen_paragraphs(project.outputs / "composition.ru.docx")
    assert "Қостанай ауданының әкімі, Штаб басшысы;" in kk
    assert "Қостанай ауданының прокуроры (келісім бойынша);" in kk
    assert "Прокурор Костанайского района (по согласованию);" in ru
    assert "2025 жылғы 11 қарашадағы" in kk and "от 11 ноября 2025 года № 663" in ru
    assert sum(1 for p in ru if p.endswith(("(по согласованию);", "(по согласованию).", "согласованию)"))) == 7


# ---------------------------------------------------------------- refusals


def test_no_quorum_refuses_and_writes_nothing_s20(project):
    project.meeting(present=VOTING[:10])
    result = run(project, "protocol")
    assert result.exit_code == 1
    assert "no quorum: 10 of 16 members present, at least 11 needed (§20)" in result.output
    assert not project.outputs.exists()


def test_agenda_is_still_possible_without_quorum(project):
    project.meeting(present=VOTING[:10])
    assert run(project, "agenda").exit_code == 0


def test_missing_translation_names_file_line_key_s19(project):
    item = dict(BASE_MEETING["items"][0], heard={"kk": "Тек қазақша."})
    path = project.meeting(items=[item])
    result = run(project, "protocol")
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "heard:" in text)
    assert f"{path}:{line}: the ru text of 'question 1, heard' is missing: the protocol in ru needs it (§19)" in result.output
    assert not project.outputs.exists()


def test_only_the_requested_language_is_written(project):
    item = dict(BASE_MEETING["items"][0], heard={"kk": "Тек қазақша."})
    project.meeting(items=[item])
    assert run(project, "--lang", "kk", "protocol").exit_code == 0
    assert [p.name for p in (project.outputs / "meetings" / "2026-01").iterdir()] == ["protocol.kk.docx"]


def test_unknown_member_refuses_with_line(project):
    path = project.meeting(present=VOTING[:11] + ["nobody"])
    result = run(project, "protocol")
    assert result.exit_code == 1
    assert f"{path}:" in result.output and "unknown member id 'nobody'" in result.output


def test_impossible_date_and_malformed_yaml_are_reported_together(project):
    project.meeting(date="2026-02-30")
    project.write("meetings/2026-02.yaml", "number: [1\n")
    result = run(project, "check")
    assert result.exit_code == 1
    assert "'2026-02-30' is a day that does not exist: in February of 2026 there are 28 days" in result.output
    assert "2026-02.yaml:" in result.output and "^" in result.output
    assert "Traceback" not in result.output


def test_unknown_meeting_on_the_command_line_is_a_usage_error(project):
    project.meeting()
    assert run(project, "protocol", "2099-01").exit_code == 2


def test_sample_inputs_have_no_errors():
    from pathlib import Path

    from pipeline.stages import check_project, prepare
    root = Path(__file__).resolve().parents[2]
    assert [str(f) for f in check_project(prepare(root / "inputs", RUN_DATE)) if f.is_error] == []


def test_tie_decided_by_the_chairs_casting_vote_s13(project):
    item = dict(BASE_MEETING["items"][0], vote={"for": VOTING[:6], "against": VOTING[6:12]})
    project.meeting(items=[item])
    assert run(project, "protocol").exit_code == 0
    ru = text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "Голосовали: «за» – 6, «против» – 6, «воздержались» – 0." in ru
    assert "Голоса разделились поровну; решение принято, так как за него проголосовал председательствующий" in ru
    kk = text(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert "төрағалық етуші жақтап дауыс бергендіктен, шешім қабылданды" in kk
